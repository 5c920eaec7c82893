#!/usr/bin/env node
// `npm run test:release`: do our published packages work for the people who install them?
//
//   1. build (turbo) and `npm pack` every publishable workspace package; `publint --strict` and
//      `attw --profile node16` on each tarball;
//   2. start a throw-away verdaccio on 127.0.0.1 (temp storage, no uplinks), and in a temp copy of the repository
//      `changeset version --snapshot release-test` + `changeset publish --tag release-test --no-git-tag` into it;
//   3. fresh ESM, CommonJS and TypeScript (nodenext, bundler) projects install the snapshots (only our scope comes
//      from verdaccio) and use them as a user would, and the `shortcode-kit` CLI runs from the installed package;
//   4. the registry and every temp directory are removed (also on failure or Ctrl-C), and `git status` of the
//      repository is what it was before.
//
// Environment:
//   RELEASE_TEST_PACKAGES  comma-separated package names to test (with the workspace packages they depend on)
//                          instead of every publishable package
//   RELEASE_TEST_PORT      port for verdaccio (default: a free ephemeral port on 127.0.0.1)
//   RELEASE_TEST_KEEP=1    keep the temp directory for debugging (the registry is stopped anyway)
import { spawn, spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { publishablePackages, repoRoot, workspacePackages } from "./lib/workspaces.mjs"

const SCOPE = "@shortcode-kit"
const SNAPSHOT_TAG = "release-test"
const SCHEMA = "@shortcode-kit/schema"
const VALIDATOR = "@shortcode-kit/validator"
const EMULATOR = "@shortcode-kit/emulator"
const bin = (name) => path.join(repoRoot, "node_modules/.bin", name)
const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc")

// The 200 response example of "Create short code" (shared/seed/create-short-code.txt), as Twilio sends it.
const SEED = {
  sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  url: "https://messaging.twilio.com/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ShortCodes/SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  short_code: "12345",
  account_sid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  service_sid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  capabilities: ["SMS"],
  country_code: "US",
  date_created: "2015-07-30T20:12:31Z",
  date_updated: "2015-07-30T20:12:33Z"
}
// A Service SID where the ShortCode SID belongs: invalid under every profile.
const INVALID = { ...SEED, sid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }

// ---------------------------------------------------------------------------------------------------------------
// Step log and results

const started = Date.now()
const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`
const results = [] // { name, status: "pass" | "fail" | "skip", detail }
const log = (line) => console.log(`${stamp()} ${line}`)
const indent = (text, n = 12) =>
  String(text)
    .trimEnd()
    .split("\n")
    .map((l) => " ".repeat(n) + l)
    .join("\n")

class CheckError extends Error {}
const fail = (message) => {
  throw new CheckError(message)
}

/** Runs one check. `needs`: results (booleans) it depends on; when one is false the check is skipped. */
async function check(name, fn, { needs = [] } = {}) {
  if (needs.some((n) => n !== true)) {
    results.push({ name, status: "skip" })
    log(`SKIP  ${name} (an earlier step it needs failed)`)
    return false
  }
  const t = Date.now()
  try {
    const note = await fn()
    results.push({ name, status: "pass" })
    log(`PASS  ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)${note ? ` ${note}` : ""}`)
    return true
  } catch (error) {
    results.push({ name, status: "fail" })
    log(`FAIL  ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)`)
    console.log(indent(error instanceof CheckError ? error.message : error?.stack ?? String(error)))
    return false
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Processes, temp files and cleanup

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "shortcode-kit-release-test-"))
const copy = path.join(tmp, "repo") // the temp copy of the repository that changesets works in
const children = new Set()
let registry = null // { child, port, url }
let cleanedUp = false

const killGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

function cleanupSync() {
  if (cleanedUp) return
  cleanedUp = true
  for (const child of children) killGroup(child, "SIGKILL")
  if (registry) killGroup(registry.child, "SIGKILL")
  // The copy's node_modules is a link to the repository's: unlink it first, whatever rm does with links.
  try {
    if (fs.lstatSync(path.join(copy, "node_modules")).isSymbolicLink()) fs.unlinkSync(path.join(copy, "node_modules"))
  } catch {
    // no copy made
  }
  if (process.env.RELEASE_TEST_KEEP === "1") console.log(`release-test: kept ${tmp}`)
  else fs.rmSync(tmp, { recursive: true, force: true })
}
process.on("exit", cleanupSync)
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129]
]) {
  process.on(signal, () => {
    console.log(`\nrelease-test: ${signal}: stopping the registry and removing ${tmp}`)
    cleanupSync()
    process.exit(code)
  })
}

// `npm run` exports its configuration to the script as lower-case npm_* variables (npm_config_local_prefix points
// at this repository): children do not inherit those, and read the same configuration from the npmrc files again.
// Upper-case NPM_CONFIG_* set by the user (a registry mirror, say) are kept, except a registry for our scope.
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !(k.startsWith("npm_") && k !== "npm_config_cache") && k.toLowerCase() !== `npm_config_${SCOPE}:registry`
  )
)
Object.assign(baseEnv, {
  TURBO_TELEMETRY_DISABLED: "1",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
  NO_UPDATE_NOTIFIER: "1",
  NO_COLOR: "1",
  FORCE_COLOR: "0"
})

/**
 * Runs a command in its own process group (so that cleanup can kill all of it) and collects its output.
 * Resolves with { code, signal, stdout, stderr, output }; never rejects on a non-zero exit.
 */
function run(cmd, args, { cwd = repoRoot, env = baseEnv, input, timeoutMs = 5 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["pipe", "pipe", "pipe"] })
    children.add(child)
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    const timer = setTimeout(() => {
      stderr += `\n[release-test: killed after ${timeoutMs / 1000}s]`
      killGroup(child, "SIGKILL")
    }, timeoutMs)
    child.on("error", (e) => {
      clearTimeout(timer)
      children.delete(child)
      reject(e)
    })
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      children.delete(child)
      resolve({ code, signal, stdout, stderr, output: `${stdout}${stderr ? `\n${stderr}` : ""}`.trim() })
    })
    child.stdin.on("error", () => {}) // a command that exits before reading stdin
    child.stdin.end(input ?? "")
  })
}

const tail = (text, n = 25) => {
  const lines = String(text).trimEnd().split("\n")
  return (lines.length > n ? [`... (${lines.length - n} more lines above)`, ...lines.slice(-n)] : lines).join("\n")
}
/** Runs a command and fails the check unless it exits 0. */
async function runOk(cmd, args, opts) {
  const r = await run(cmd, args, opts)
  if (r.code !== 0)
    fail(`\`${[path.basename(cmd), ...args].join(" ")}\` exited ${r.code ?? r.signal}:\n${tail(r.output)}`)
  return r
}

const writeJson = (file, value) => {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)
}
const writeFile = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
}
const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"))

const gitStatus = () => {
  const r = spawnSync("git", ["status", "--porcelain=v1", "--untracked-files=all"], { cwd: repoRoot, encoding: "utf8" })
  return r.status === 0 ? r.stdout : null
}
// The files a release writes (changeset version, npm install --package-lock-only, npm pack, npm publish).
const releaseWritten = (file) =>
  /(^|\/)(package\.json|package-lock\.json|CHANGELOG\.md|\.npmrc)$/.test(file) ||
  /^\.changeset\//.test(file) ||
  /\.tgz$/.test(file)
// Their contents too: `git status` does not change when an already modified file is modified again.
const releaseFilesDigest = () => {
  const files = ["package.json", "package-lock.json", ".npmrc"]
  for (const pkg of workspacePackages())
    files.push(`${pkg.relDir}/package.json`, `${pkg.relDir}/CHANGELOG.md`, `${pkg.relDir}/.npmrc`)
  const changesetDir = path.join(repoRoot, ".changeset")
  if (fs.existsSync(changesetDir)) for (const f of fs.readdirSync(changesetDir)) files.push(`.changeset/${f}`)
  return new Map(
    files.map((f) => {
      const file = path.join(repoRoot, f)
      return [f, fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : "absent"]
    })
  )
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

// ---------------------------------------------------------------------------------------------------------------
// What to test

const publishable = publishablePackages()
const wanted = process.env.RELEASE_TEST_PACKAGES?.split(",")
  .map((s) => s.trim())
  .filter(Boolean)
if (wanted) {
  const unknown = wanted.filter((n) => !publishable.some((p) => p.name === n))
  if (unknown.length > 0) {
    console.error(`release-test: RELEASE_TEST_PACKAGES names no publishable package: ${unknown.join(", ")}`)
    console.error(`release-test: publishable packages: ${publishable.map((p) => p.name).join(", ")}`)
    process.exit(2)
  }
}
// A package is tested with the publishable workspace packages it depends on: they are published with it.
const dependsOn = (pkg) =>
  Object.keys({ ...pkg.packageJson.dependencies, ...pkg.packageJson.peerDependencies }).filter((d) =>
    publishable.some((p) => p.name === d)
  )
const withDeps = new Set(wanted ?? [])
for (let grew = true; grew; ) {
  grew = false
  for (const name of [...withDeps]) {
    for (const dep of dependsOn(publishable.find((p) => p.name === name))) {
      if (!withDeps.has(dep)) withDeps.add(dep), (grew = true)
    }
  }
}
const selected = wanted ? publishable.filter((p) => withDeps.has(p.name)) : publishable
const isSelected = (name) => selected.some((p) => p.name === name)

console.log(
  `release-test: packages ${selected.map((p) => p.name).join(", ")}${
    wanted ? ` (RELEASE_TEST_PACKAGES=${wanted.join(",")} and what they depend on)` : ""
  }`
)
console.log(`release-test: temp ${tmp}`)
const statusBefore = gitStatus()
const digestBefore = releaseFilesDigest()

// ---------------------------------------------------------------------------------------------------------------
// 1. Build, pack, lint

const tarballDir = path.join(tmp, "tarballs")
fs.mkdirSync(tarballDir)
const ok = {} // package name -> { build, pack, publish, ... }
const tarballs = {}

for (const pkg of selected) {
  const state = (ok[pkg.name] = {})
  state.build = await check(`build ${pkg.name}`, async () => {
    await runOk(bin("turbo"), ["run", "build", `--filter=${pkg.name}`, "--output-logs=errors-only"], {
      timeoutMs: 8 * 60_000
    })
  })
  state.pack = await check(
    `npm pack ${pkg.name}`,
    async () => {
      const r = await runOk("npm", ["pack", "--json", "--pack-destination", tarballDir], { cwd: pkg.dir })
      const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf("[")))
      tarballs[pkg.name] = path.join(tarballDir, info.filename)
      return `${info.filename}, ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} kB`
    },
    { needs: [state.build] }
  )
  state.publint = await check(
    `publint --strict ${pkg.name}`,
    async () => {
      const r = await runOk(bin("publint"), ["run", "--strict", tarballs[pkg.name]], { cwd: tmp })
      // publint exits 0 with suggestions; --strict only promotes warnings. Suggestions are shown, not failed.
      const findings = r.output.split("\n").filter((l) => /^\d+\. /.test(l.trim()))
      return findings.length ? `\n${indent(r.output)}` : ""
    },
    { needs: [state.pack] }
  )
  // Profile node16: the subpath entries (`./http`, `./arbitraries`, ...) live only in `exports`, which
  // TypeScript's legacy `moduleResolution: "node10"` does not read, so node10 reports "Resolution failed" for
  // every subpath by design. node16/nodenext (CJS and ESM) and bundler are all checked.
  // A package without a `require` condition anywhere in its exports is ESM only (the emulator): checked with the
  // esm-only profile, which does not ask CommonJS resolution to find a CommonJS build.
  const attwProfile = JSON.stringify(pkg.packageJson.exports ?? {}).includes('"require"') ? "node16" : "esm-only"
  state.attw = await check(
    `attw --profile ${attwProfile} ${pkg.name}`,
    async () => {
      await runOk(
        bin("attw"),
        [tarballs[pkg.name], "--profile", attwProfile, "--no-definitely-typed", "--format", "table-flipped", "--no-emoji"],
        { cwd: tmp }
      )
    },
    { needs: [state.pack] }
  )
}
const releasable = selected.filter((p) => ok[p.name].pack)

// ---------------------------------------------------------------------------------------------------------------
// 2. Local registry and snapshot publish

const registryOk = await check(
  "start verdaccio on 127.0.0.1",
  async () => {
    const dir = path.join(tmp, "registry")
    fs.mkdirSync(dir)
    for (let attempt = 1; ; attempt++) {
      const port = Number(process.env.RELEASE_TEST_PORT) || (await freePort())
      const config = path.join(dir, "config.yaml")
      writeFile(
        config,
        [
          `storage: ${JSON.stringify(path.join(dir, "storage"))}`,
          `plugins: ${JSON.stringify(path.join(dir, "plugins"))}`,
          "web:",
          "  enable: false",
          "auth:",
          "  htpasswd:",
          `    file: ${JSON.stringify(path.join(dir, "htpasswd"))}`,
          "    max_users: -1",
          "uplinks: {}",
          "packages:",
          `  '${SCOPE}/*':`,
          "    access: $all",
          "    publish: $anonymous",
          "    unpublish: $anonymous",
          "  '**':",
          "    access: $all",
          "middlewares:",
          "  audit:",
          "    enabled: false",
          "log: { type: stdout, format: pretty, level: warn }",
          ""
        ].join("\n")
      )
      const logFile = path.join(dir, "verdaccio.log")
      const out = fs.openSync(logFile, "a")
      const child = spawn(
        process.execPath,
        [
          path.join(repoRoot, "node_modules/verdaccio/bin/verdaccio"),
          "--config",
          config,
          "--listen",
          `127.0.0.1:${port}`
        ],
        { cwd: dir, env: baseEnv, detached: true, stdio: ["ignore", out, out] }
      )
      fs.closeSync(out)
      let exited = false
      child.on("exit", () => (exited = true))
      registry = { child, port, url: `http://127.0.0.1:${port}/` }
      const deadline = Date.now() + 30_000
      while (!exited && Date.now() < deadline) {
        try {
          const res = await fetch(`${registry.url}-/ping`)
          if (res.ok) return `${registry.url} (verdaccio ${await verdaccioVersion()})`
        } catch {
          // not listening yet
        }
        await sleep(200)
      }
      killGroup(child, "SIGKILL")
      registry = null
      const logText = fs.readFileSync(logFile, "utf8")
      if (exited && /EADDRINUSE/.test(logText) && attempt < 3 && !process.env.RELEASE_TEST_PORT) continue
      fail(`verdaccio did not answer on 127.0.0.1:${port}:\n${tail(logText)}`)
    }
  },
  { needs: [releasable.length > 0] }
)
async function verdaccioVersion() {
  return readJson(path.join(repoRoot, "node_modules/verdaccio/package.json")).version
}

// changesets rewrites package.json files, writes CHANGELOG.md files and deletes the changesets it consumes: all of
// that happens in a copy of the repository, never in the work tree. The copy holds the root package.json, the
// .changeset folder, every workspace package.json (changesets validates `ignore` against them) and, for the
// packages under test, the contents of their tarballs. node_modules is a link to the repository's, so that
// `changelog: "@changesets/cli/changelog"` resolves as it does in the repository.
const npmrc = (port) => `${SCOPE}:registry=http://127.0.0.1:${port}/\n//127.0.0.1:${port}/:_authToken=local\n`
const versions = {} // package name -> snapshot version

const versionOk = await check(
  `changeset version --snapshot ${SNAPSHOT_TAG} (in a temp copy of the repo)`,
  async () => {
    fs.mkdirSync(copy)
    fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(copy, "package.json"))
    fs.cpSync(path.join(repoRoot, ".changeset"), path.join(copy, ".changeset"), { recursive: true })
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(copy, "node_modules"), "dir")
    for (const pkg of workspacePackages()) {
      const target = path.join(copy, pkg.relDir)
      if (releasable.some((p) => p.name === pkg.name)) {
        // Exactly what was packed and linted above, not the work tree: a rebuild since then cannot slip in.
        fs.mkdirSync(target, { recursive: true })
        await runOk("tar", ["-xzf", tarballs[pkg.name], "-C", target, "--strip-components=1"])
      } else {
        // Not under test (or not built): present for changesets, but private so that it is never published.
        writeJson(path.join(target, "package.json"), { ...pkg.packageJson, private: true })
      }
    }
    // Every package under test gets a snapshot even when no pending changeset names it.
    writeFile(
      path.join(copy, ".changeset", "release-test-snapshot.md"),
      `---\n${releasable.map((p) => `"${p.name}": patch`).join("\n")}\n---\n\nrelease-test snapshot\n`
    )
    await runOk(bin("changeset"), ["version", "--snapshot", SNAPSHOT_TAG], { cwd: copy })
    for (const pkg of releasable) {
      const { version } = readJson(path.join(copy, pkg.relDir, "package.json"))
      if (!version.includes(`-${SNAPSHOT_TAG}-`)) fail(`${pkg.name} got version ${version}, not a snapshot`)
      versions[pkg.name] = version
    }
    return releasable.map((p) => `${p.name}@${versions[p.name]}`).join(", ")
  },
  { needs: [registryOk] }
)

if (isSelected(VALIDATOR) && isSelected(SCHEMA)) {
  await check(
    `snapshot ${VALIDATOR} depends on the snapshot ${SCHEMA}`,
    async () => {
      const validator = selected.find((p) => p.name === VALIDATOR)
      const dep = readJson(path.join(copy, validator.relDir, "package.json")).dependencies?.[SCHEMA]
      if (dep !== versions[SCHEMA]) fail(`dependencies["${SCHEMA}"] is ${dep}, expected ${versions[SCHEMA]}`)
    },
    { needs: [versionOk, ok[VALIDATOR].pack === true, ok[SCHEMA].pack === true] }
  )
}

const publishOk = await check(
  `changeset publish --tag ${SNAPSHOT_TAG} --no-git-tag (to 127.0.0.1:${registry?.port ?? "?"})`,
  async () => {
    writeFile(path.join(copy, ".npmrc"), npmrc(registry.port))
    const userconfig = path.join(tmp, "npmrc-publish")
    writeFile(userconfig, npmrc(registry.port))
    // changesets does not read .npmrc for a scope's registry: without this variable it passes
    // --registry=https://registry.npmjs.org to npm itself. The user config is replaced so that no credentials of
    // the person running the test are in reach.
    const env = {
      ...baseEnv,
      [`npm_config_${SCOPE}:registry`]: registry.url,
      npm_config_userconfig: userconfig
    }
    const r = await runOk(bin("changeset"), ["publish", "--tag", SNAPSHOT_TAG, "--no-git-tag"], {
      cwd: copy,
      env,
      timeoutMs: 3 * 60_000
    })
    const missing = releasable.filter((p) => !r.output.includes(`${p.name}@${versions[p.name]}`))
    if (missing.length)
      fail(`changeset publish did not report ${missing.map((p) => p.name).join(", ")}:\n${tail(r.output)}`)
  },
  { needs: [versionOk] }
)

for (const pkg of releasable) {
  ok[pkg.name].published = await check(
    `registry serves ${pkg.name}@${SNAPSHOT_TAG}`,
    async () => {
      const res = await fetch(`${registry.url}${pkg.name.replace("/", "%2f")}`)
      if (!res.ok) fail(`GET ${pkg.name}: HTTP ${res.status}`)
      const packument = await res.json()
      const tag = packument["dist-tags"]?.[SNAPSHOT_TAG]
      if (tag !== versions[pkg.name]) fail(`dist-tag ${SNAPSHOT_TAG} is ${tag}, expected ${versions[pkg.name]}`)
      const tarball = packument.versions?.[tag]?.dist?.tarball ?? ""
      if (!tarball.startsWith(registry.url)) fail(`tarball URL ${tarball} is not on the local registry`)
    },
    { needs: [publishOk] }
  )
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Fresh projects install and use the published packages

const published = (name) => isSelected(name) && ok[name]?.published === true
const effectRange = readJson(path.join(repoRoot, "packages/schema/package.json")).dependencies?.effect ?? "latest"
const typesNodeRange = readJson(path.join(repoRoot, "package.json")).devDependencies?.["@types/node"] ?? "*"
const consumers = path.join(tmp, "consumers")

const twilioRange = readJson(path.join(repoRoot, "packages/emulator/package.json")).devDependencies?.twilio ?? "latest"
// The emulator is ESM only and compiles better-sqlite3 at install: it goes into the ESM and TypeScript projects
// (with the official twilio SDK, its optional peer), not the CommonJS one.
function makeProject(name, type, extraDeps = {}, { emulator = false } = {}) {
  const dir = path.join(consumers, name)
  const dependencies = { effect: effectRange, ...extraDeps }
  for (const pkg of releasable) {
    if (!published(pkg.name) || (pkg.name === EMULATOR && !emulator)) continue
    dependencies[pkg.name] = versions[pkg.name]
  }
  if (dependencies[EMULATOR] !== undefined) dependencies.twilio = twilioRange
  writeJson(path.join(dir, "package.json"), {
    name: `release-test-${name}`,
    private: true,
    type,
    dependencies,
    // What a user of the emulator approves: better-sqlite3 builds its native addon at install.
    ...(dependencies[EMULATOR] !== undefined ? { allowScripts: { "better-sqlite3": true } } : {})
  })
  // Only our scope comes from the local registry; everything else from the user's normal registry.
  writeFile(path.join(dir, ".npmrc"), `${SCOPE}:registry=${registry.url}\n`)
  writeJson(path.join(dir, "seed.json"), SEED)
  writeJson(path.join(dir, "invalid.json"), INVALID)
  return dir
}
const install = (dir) =>
  runOk("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    timeoutMs: 10 * 60_000
  })

const anyPublished = releasable.some((p) => published(p.name))
let esmDir, cjsDir, tsDir
const [esmInstalled, cjsInstalled, tsInstalled] = anyPublished
  ? await Promise.all([
      check(
        "install into a fresh ESM project",
        async () => void (await install((esmDir = makeProject("esm", "module", {}, { emulator: true }))))
      ),
      check(
        "install into a fresh CommonJS project",
        async () => void (await install((cjsDir = makeProject("cjs", "commonjs"))))
      ),
      check("install into a fresh TypeScript project", async () => {
        await install((tsDir = makeProject("ts", "module", { "@types/node": typesNodeRange }, { emulator: true })))
      })
    ])
  : [false, false, false]

const nodeScript = async (dir, file, source) => {
  writeFile(path.join(dir, file), source)
  await runOk(process.execPath, [file], { cwd: dir, timeoutMs: 60_000 })
}

const schemaScript = (kind) => `
${
  kind === "esm"
    ? `import assert from "node:assert/strict"
import fs from "node:fs"
import { Schema } from "effect"
import { ShortCode, ServiceSid, ShortCodeSid } from "${SCHEMA}"
const entry = import.meta.resolve("${SCHEMA}")`
    : `const assert = require("node:assert/strict")
const fs = require("node:fs")
const { Schema } = require("effect")
const { ShortCode, ServiceSid, ShortCodeSid } = require("${SCHEMA}")
const entry = require.resolve("${SCHEMA}")`
}
assert.match(entry, /dist[\\\\/]index\\.${kind === "esm" ? "mjs" : "cjs"}$/, "resolved entry " + entry)
const seed = JSON.parse(fs.readFileSync("seed.json", "utf8"))
const shortCode = Schema.decodeUnknownSync(ShortCode)(seed)
assert.equal(shortCode.sid, seed.sid)
assert.equal(shortCode.serviceSid, seed.service_sid)
assert.equal(shortCode.shortCode, "12345")
assert.ok(shortCode.dateCreated instanceof Date, "dateCreated is a Date")
assert.equal(shortCode.dateCreated.toISOString(), "2015-07-30T20:12:31.000Z")
assert.deepEqual(Schema.encodeSync(ShortCode)(shortCode), seed)
assert.equal(Schema.decodeUnknownSync(ServiceSid)(seed.service_sid), seed.service_sid)
assert.throws(() => Schema.decodeUnknownSync(ShortCodeSid)(seed.service_sid))
assert.throws(() => Schema.decodeUnknownSync(ShortCode)(JSON.parse(fs.readFileSync("invalid.json", "utf8"))))
`
const validatorScript = (kind) => `
${
  kind === "esm"
    ? `import assert from "node:assert/strict"
import fs from "node:fs"
import { validateShortCode } from "${VALIDATOR}"
const entry = import.meta.resolve("${VALIDATOR}")`
    : `const assert = require("node:assert/strict")
const fs = require("node:fs")
const { validateShortCode } = require("${VALIDATOR}")
const entry = require.resolve("${VALIDATOR}")`
}
assert.match(entry, /dist[\\\\/]index\\.${kind === "esm" ? "mjs" : "cjs"}$/, "resolved entry " + entry)
const seed = JSON.parse(fs.readFileSync("seed.json", "utf8"))
const valid = validateShortCode(seed, { profile: "spec" })
assert.equal(valid?.ok, true, "seed example: " + JSON.stringify(valid))
const invalid = validateShortCode(JSON.parse(fs.readFileSync("invalid.json", "utf8")), { profile: "spec" })
assert.equal(invalid?.ok, false, "invalid example: " + JSON.stringify(invalid))
`

for (const kind of ["esm", "cjs"]) {
  const dir = () => (kind === "esm" ? esmDir : cjsDir)
  const installed = kind === "esm" ? esmInstalled : cjsInstalled
  const how = kind === "esm" ? "ESM import" : "CommonJS require"
  const ext = kind === "esm" ? "mjs" : "cjs"
  if (isSelected(SCHEMA)) {
    await check(
      `${how}: ${SCHEMA} decodes the seed example with effect's Schema`,
      () => nodeScript(dir(), `schema.${ext}`, schemaScript(kind)),
      {
        needs: [installed, published(SCHEMA)]
      }
    )
  }
  if (isSelected(VALIDATOR)) {
    await check(
      `${how}: ${VALIDATOR} validateShortCode(seed, { profile: "spec" }) is ok`,
      () => nodeScript(dir(), `validator.${ext}`, validatorScript(kind)),
      {
        needs: [installed, published(VALIDATOR)]
      }
    )
  }
}

// TypeScript: the brands are usable as types, and swapping them does not compile. The repository's TypeScript
// compiles the project; the project has its own node_modules, so everything resolves from the installed packages.
if (isSelected(SCHEMA) || isSelected(VALIDATOR)) {
  const tsFiles = { nodenext: [], bundler: [] }
  const tsChecks = []
  const setupTs = () => {
    const base = {
      target: "es2022",
      lib: ["es2023"],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      // What `tsc --init` writes and most projects keep. Our declarations are checked with `skipLibCheck: false`
      // separately below, where errors in other packages' declarations can be told apart from ours.
      skipLibCheck: true,
      types: ["node"]
    }
    if (published(SCHEMA)) {
      writeFile(
        path.join(tsDir, "src/brands.ts"),
        `import { Schema } from "effect"
import { ShortCode, ServiceSid, ShortCodeSid } from "${SCHEMA}"

export const attachShortCode = (service: ServiceSid, shortCode: ShortCodeSid): string =>
  \`/v1/Services/\${service}/ShortCodes/\${shortCode}\`

const decoded: ShortCode = Schema.decodeUnknownSync(ShortCode)(JSON.parse("{}") as unknown)
const service: ServiceSid = Schema.decodeUnknownSync(ServiceSid)("MG" + "a".repeat(32))
const shortCode: ShortCodeSid | null = decoded.sid
export const path: string = attachShortCode(decoded.serviceSid ?? service, shortCode ?? Schema.decodeUnknownSync(ShortCodeSid)("SC" + "a".repeat(32)))
export const wire: ShortCode["sid"] = null
`
      )
      // The same from a CommonJS module: the require condition and the .d.cts declarations.
      writeFile(
        path.join(tsDir, "src/brands-require.cts"),
        `import { Schema } from "effect"
import { ServiceSid, ShortCodeSid } from "${SCHEMA}"

export const attach = (service: ServiceSid, shortCode: ShortCodeSid): string => service + shortCode
export const service: ServiceSid = Schema.decodeUnknownSync(ServiceSid)("MG" + "a".repeat(32))
`
      )
      // Passes a ServiceSid where a ShortCodeSid is expected: must be rejected with TS2345, and only that.
      writeFile(
        path.join(tsDir, "src/swap.ts"),
        `import { Schema } from "effect"
import { ServiceSid, type ShortCodeSid } from "${SCHEMA}"

const removeShortCode = (shortCode: ShortCodeSid): string => shortCode
const service: ServiceSid = Schema.decodeUnknownSync(ServiceSid)("MG" + "a".repeat(32))
export const wrong = removeShortCode(service)
`
      )
      tsFiles.nodenext.push("src/brands.ts", "src/brands-require.cts")
      tsFiles.bundler.push("src/brands.ts")
    }
    if (published(VALIDATOR)) {
      writeFile(
        path.join(tsDir, "src/validator.ts"),
        `import { validateShortCode } from "${VALIDATOR}"

const result = validateShortCode(JSON.parse("{}") as unknown, { profile: "spec" })
export const ok: boolean = result.ok
`
      )
      writeFile(
        path.join(tsDir, "src/validator-require.cts"),
        `import { validateShortCode } from "${VALIDATOR}"

export const ok: boolean = validateShortCode(JSON.parse("{}") as unknown, { profile: "spec" }).ok
`
      )
      tsFiles.nodenext.push("src/validator.ts", "src/validator-require.cts")
      tsFiles.bundler.push("src/validator.ts")
    }
    if (published(EMULATOR)) {
      // The library as a test suite uses it: the handle's types, the SDK clients from the ./twilio subpath.
      writeFile(
        path.join(tsDir, "src/emulator.ts"),
        `import twilio from "twilio"
import { type Emulator, makeServer, type RunningServer, type ServerOptions, startServer } from "${EMULATOR}"
import { makeInProcessHttpClient, makeTwilioHttpClient } from "${EMULATOR}/twilio"

const options: ServerOptions = { database: ":memory:", log: false, servicePoolLimit: 10 }
export const inProcess = async (): Promise<string | null> => {
  const emulator: Emulator = makeServer(options)
  const client = twilio("AC" + "a".repeat(32), "demo-auth-token", { httpClient: makeInProcessHttpClient(emulator) })
  const added = await client.messaging.v1.services("MG" + "a".repeat(32)).shortCodes.create({ shortCodeSid: "SC" + "a".repeat(32) })
  await emulator.close()
  return added.shortCode
}
export const overHttp = async (): Promise<number> => {
  const server: RunningServer = await startServer({ ...options, port: 0 })
  const client = twilio("AC" + "a".repeat(32), "demo-auth-token", { httpClient: makeTwilioHttpClient(server.url) })
  const services = await client.messaging.v1.services.list()
  await server.close()
  return services.length
}
`
      )
      tsFiles.nodenext.push("src/emulator.ts")
      tsFiles.bundler.push("src/emulator.ts")
    }
    const options = {
      nodenext: { ...base, module: "nodenext", moduleResolution: "nodenext" },
      bundler: { ...base, module: "esnext", moduleResolution: "bundler" }
    }
    for (const resolution of ["nodenext", "bundler"]) {
      writeJson(path.join(tsDir, `tsconfig.${resolution}.json`), {
        compilerOptions: options[resolution],
        files: tsFiles[resolution]
      })
      writeJson(path.join(tsDir, `tsconfig.${resolution}.swap.json`), {
        compilerOptions: options[resolution],
        files: ["src/swap.ts"]
      })
    }
    writeJson(path.join(tsDir, "tsconfig.declarations.json"), {
      compilerOptions: { ...options.nodenext, skipLibCheck: false },
      files: tsFiles.nodenext
    })
  }
  const tscRun = (config) =>
    run(process.execPath, [tsc, "-p", config, "--pretty", "false"], { cwd: tsDir, timeoutMs: 3 * 60_000 })

  const tsReady = await check("write the TypeScript project (tsconfig nodenext and bundler)", async () => setupTs(), {
    needs: [tsInstalled]
  })
  // Two cores: at most two compilers at a time.
  const slots = [] // settled-never-rejecting promises of the running compilers
  const limit = (fn) => async () => {
    while (slots.length >= 2) await Promise.race(slots)
    const running = fn()
    const slot = running.then(
      () => {},
      () => {}
    )
    slots.push(slot)
    slot.then(() => slots.splice(slots.indexOf(slot), 1))
    return running
  }
  // Started first, as the longest compile. With skipLibCheck off, every declaration file the project loads is
  // checked. Errors in our packages' files (or in the project's own) fail; errors inside other packages are theirs
  // (effect 4.1's declarations name the DOM types CryptoKey and Storage, which a Node-only `lib` lacks) and are
  // only counted.
  tsChecks.push(
    check(
      "TypeScript (nodenext, skipLibCheck: false): our published declaration files have no errors",
      limit(async () => {
        const r = await tscRun("tsconfig.declarations.json")
        const errors = r.output.split("\n").filter((l) => /error TS\d+/.test(l))
        const ours = errors.filter((l) => !l.startsWith("node_modules/") || l.startsWith(`node_modules/${SCOPE}/`))
        if (ours.length || (r.code !== 0 && errors.length === 0))
          fail(`tsc exited ${r.code}:\n${tail(ours.join("\n") || r.output)}`)
        const others = new Set(errors.map((l) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(l)?.[1]))
        return errors.length
          ? `(${errors.length} errors in other packages' declarations: ${[...others].join(", ")})`
          : ""
      }),
      { needs: [tsReady, tsFiles.nodenext.length > 0] }
    )
  )
  for (const resolution of ["nodenext", "bundler"]) {
    tsChecks.push(
      check(
        `TypeScript (${resolution}) typechecks code using the brands${
          published(VALIDATOR) ? " and validateShortCode" : ""
        }`,
        limit(async () => {
          const r = await tscRun(`tsconfig.${resolution}.json`)
          if (r.code !== 0) fail(`tsc exited ${r.code}:\n${tail(r.output)}`)
          return `(${tsFiles[resolution].join(", ")})`
        }),
        { needs: [tsReady, tsFiles[resolution].length > 0] }
      )
    )
    if (isSelected(SCHEMA)) {
      tsChecks.push(
        check(
          `TypeScript (${resolution}) rejects a ServiceSid passed as a ShortCodeSid with TS2345`,
          limit(async () => {
            const r = await tscRun(`tsconfig.${resolution}.swap.json`)
            const errors = r.output.split("\n").filter((l) => /error TS\d+/.test(l))
            if (r.code === 0) fail("tsc accepted src/swap.ts")
            if (errors.length !== 1 || !/^src\/swap\.ts\(6,\d+\): error TS2345: /.test(errors[0] ?? "")) {
              fail(`expected exactly one error, TS2345 at src/swap.ts line 6; tsc said:\n${tail(r.output)}`)
            }
            return errors[0].replace(/^.*error /, "").slice(0, 110)
          }),
          { needs: [tsReady, published(SCHEMA)] }
        )
      )
    }
  }
  await Promise.all(tsChecks)
}

// The CLI, from the installed package, through npx. npx looks a missing command up on the registry (even with
// --no), which would send our name to the public registry: so the local bin must exist first, and npx is offline.
if (isSelected(VALIDATOR)) {
  const npx = async (input) => {
    const link = path.join(esmDir, "node_modules/.bin/shortcode-kit")
    if (!fs.existsSync(link)) fail(`the installed ${VALIDATOR} has no shortcode-kit bin (${link} is missing)`)
    return run("npx", ["--offline", "--no", "shortcode-kit", "validate", "short-code"], {
      cwd: esmDir,
      input,
      timeoutMs: 60_000
    })
  }
  await check(
    "npx shortcode-kit validate short-code < seed example exits 0",
    async () => {
      const r = await npx(JSON.stringify(SEED))
      if (r.code !== 0) fail(`exit ${r.code ?? r.signal}:\n${tail(r.output)}`)
    },
    { needs: [esmInstalled, published(VALIDATOR)] }
  )
  await check(
    "npx shortcode-kit validate short-code < invalid document exits 1",
    async () => {
      const r = await npx(JSON.stringify(INVALID))
      if (r.code !== 1) fail(`exit ${r.code ?? r.signal}, expected 1:\n${tail(r.output)}`)
      if (!/sid/.test(r.output)) fail(`the output does not name the invalid property (sid):\n${tail(r.output)}`)
    },
    { needs: [esmInstalled, published(VALIDATOR)] }
  )
}

// The emulator from the installed package: its command through npx (offline, the local bin must exist), as a user
// starts it in their project, and the library in-process with the official SDK.
if (isSelected(EMULATOR)) {
  await check(
    "npx shortcode-kit-emulator serves the documentation's create example (201, then 409 21710) and stops on SIGINT with exit 0",
    async () => {
      const link = path.join(esmDir, "node_modules/.bin/shortcode-kit-emulator")
      if (!fs.existsSync(link)) fail(`the installed ${EMULATOR} has no shortcode-kit-emulator bin (${link} is missing)`)
      const child = spawn("npx", ["--offline", "--no", "shortcode-kit-emulator"], {
        cwd: esmDir,
        env: { ...baseEnv, PORT: "0" },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"]
      })
      children.add(child)
      let output = ""
      child.stdout.on("data", (d) => (output += d))
      child.stderr.on("data", (d) => (output += d))
      const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })))
      try {
        let url
        for (let waited = 0; url === undefined; waited += 100) {
          url = /listening on (http:\/\/\S+)/.exec(output)?.[1]
          if (url === undefined && waited > 60_000) fail(`no banner within 60 s:\n${tail(output)}`)
          if (url === undefined) await sleep(100)
        }
        if (!output.includes("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")) fail(`the banner shows no demo data:\n${tail(output)}`)
        const create = () =>
          fetch(`${url}/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ShortCodes`, {
            method: "POST",
            headers: {
              Authorization: `Basic ${Buffer.from("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:demo-auth-token").toString("base64")}`,
              "Content-Type": "application/x-www-form-urlencoded"
            },
            body: "ShortCodeSid=SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
          })
        const first = await create()
        const firstBody = await first.json()
        if (first.status !== 201 || firstBody.short_code !== "12345") fail(`first add: ${first.status} ${JSON.stringify(firstBody)}`)
        const second = await create()
        const secondBody = await second.json()
        if (second.status !== 409 || secondBody.code !== 21710) fail(`second add: ${second.status} ${JSON.stringify(secondBody)}`)
        if (!fs.existsSync(path.join(esmDir, ".data", "shortcode-kit.sqlite")))
          fail(`the default database is not .data/shortcode-kit.sqlite in the project (${esmDir})`)
        // Ctrl-C: SIGINT to the whole process group, npx and the emulator. npm ends on the signal itself; the
        // emulator must shut down cleanly ("stopped", printed just before its exit 0).
        process.kill(-child.pid, "SIGINT")
        const { code, signal } = await Promise.race([exited, sleep(15_000).then(() => ({ code: "timeout" }))])
        if (!(code === 0 || signal === "SIGINT") || !/^stopped$/m.test(output))
          fail(`after SIGINT: exit ${code ?? signal}, expected a clean stop ("stopped", exit 0):\n${tail(output)}`)
        return `(${url})`
      } finally {
        killGroup(child, "SIGKILL")
        children.delete(child)
      }
    },
    { needs: [esmInstalled, published(EMULATOR)] }
  )
  await check(
    `ESM import: ${EMULATOR} in-process with the official twilio SDK (makeInProcessHttpClient)`,
    () =>
      nodeScript(
        esmDir,
        "emulator.mjs",
        `import assert from "node:assert/strict"
import twilio from "twilio"
import { makeServer } from "${EMULATOR}"
import { makeInProcessHttpClient } from "${EMULATOR}/twilio"
const emulator = makeServer({ database: ":memory:", log: false })
const client = twilio("AC" + "a".repeat(32), "demo-auth-token", { httpClient: makeInProcessHttpClient(emulator) })
const shortCodes = client.messaging.v1.services("MG" + "a".repeat(32)).shortCodes
const added = await shortCodes.create({ shortCodeSid: "SC" + "b".repeat(32) })
assert.equal(added.shortCode, "23456")
assert.deepEqual((await shortCodes.list()).map((s) => s.sid), ["SC" + "b".repeat(32)])
await assert.rejects(shortCodes.create({ shortCodeSid: "SC" + "b".repeat(32) }), (e) => e.status === 409 && e.code === 21710)
await emulator.close()
`
      ),
    { needs: [esmInstalled, published(EMULATOR)] }
  )
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Cleanup and the repository

await check("stop the registry and remove the temp directory", async () => {
  if (registry) {
    const { child } = registry
    const exited = new Promise((r) =>
      child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", r)
    )
    // A graceful stop waits for idle keep-alive connections; nothing in this registry is worth waiting for.
    killGroup(child, "SIGTERM")
    const stopped = await Promise.race([exited.then(() => true), sleep(1_000).then(() => false)])
    if (!stopped) killGroup(child, "SIGKILL")
    const port = registry.port
    registry = null
    try {
      await fetch(`http://127.0.0.1:${port}/-/ping`, { signal: AbortSignal.timeout(2_000) })
      fail(`something still answers on 127.0.0.1:${port}`)
    } catch (error) {
      if (error instanceof CheckError) throw error
    }
  }
  const t = Date.now()
  cleanupSync()
  if (process.env.RELEASE_TEST_KEEP !== "1" && fs.existsSync(tmp)) fail(`${tmp} is still there`)
  return `(removing ${tmp} took ${((Date.now() - t) / 1000).toFixed(1)}s)`
})

// Nothing here writes to the repository: changesets runs in a copy, tarballs and projects live in the temp directory,
// and the build writes only git-ignored dist/ and .turbo/. This check proves it.
// In CI (CI=true) any change of `git status` or of the contents of a file a release writes fails. In a shared work
// tree other people's edits (and their `npm install`s rewriting package.json) show up too, so locally only what a
// leaking release would leave behind fails: changesets consumed or added, CHANGELOG.md files, an .npmrc, a tarball,
// or a snapshot version in a package.json or package-lock.json. Other changes are listed as a note.
await check("git status of the repository is unchanged", async () => {
  const strict = process.env.CI === "true" || process.env.CI === "1"
  const digestAfter = releaseFilesDigest()
  const rewritten = [...new Set([...digestBefore.keys(), ...digestAfter.keys()])].filter(
    (f) => digestBefore.get(f) !== digestAfter.get(f)
  )
  const leaked = (f) => strict || !/(^|\/)(package\.json|package-lock\.json)$/.test(f)
  const snapshotIn = [...digestAfter.keys()].filter(
    (f) =>
      /(^|\/)(package\.json|package-lock\.json)$/.test(f) &&
      fs.existsSync(path.join(repoRoot, f)) &&
      fs.readFileSync(path.join(repoRoot, f), "utf8").includes(`-${SNAPSHOT_TAG}-`)
  )
  let diff = []
  if (statusBefore !== null) {
    const before = new Set(statusBefore.split("\n").filter(Boolean))
    const now = new Set((gitStatus() ?? "").split("\n").filter(Boolean))
    diff = [
      ...[...now].filter((l) => !before.has(l)).map((l) => `+ ${l}`),
      ...[...before].filter((l) => !now.has(l)).map((l) => `- ${l}`)
    ]
  }
  const pathOf = (line) => line.slice(5).replace(/^.* -> /, "")
  const bad = [
    ...diff.filter((l) => strict || (releaseWritten(pathOf(l)) && leaked(pathOf(l)))),
    ...rewritten.filter(leaked).map((f) => `~ ${f} (contents)`),
    ...snapshotIn.map((f) => `! ${f} contains a ${SNAPSHOT_TAG} snapshot version`)
  ]
  if (bad.length) fail(`the repository changed during the test:\n${bad.join("\n")}`)
  const noted = [
    ...diff.filter((l) => !bad.includes(l)),
    ...rewritten.filter((f) => !leaked(f)).map((f) => `~ ${f} (contents)`)
  ]
  const where = statusBefore === null ? " (not a git work tree: compared the files a release writes)" : ""
  if (noted.length)
    return `${where}\n${indent(
      `changed meanwhile by someone else (not what a release leaves behind):\n${noted.join("\n")}`
    )}`
  return where
})

// ---------------------------------------------------------------------------------------------------------------

const count = (status) => results.filter((r) => r.status === status).length
const passed = count("pass")
const failed = count("fail")
const skipped = count("skip")
console.log(`release-test: finished in ${((Date.now() - started) / 1000).toFixed(1)}s`)
if (failed + skipped > 0) {
  console.log("release-test: not passed:")
  for (const r of results.filter((r) => r.status !== "pass")) console.log(`  ${r.status.toUpperCase()}  ${r.name}`)
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
process.exit(failed > 0 || skipped > 0 ? 1 : 0)
