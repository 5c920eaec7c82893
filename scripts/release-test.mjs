#!/usr/bin/env node
// `npm run test:release`: do our published packages work for the people who install them?
//
//   1. build (turbo) and `npm pack` every publishable workspace package; `publint --strict` and attw on each tarball;
//   2. a throw-away verdaccio on 127.0.0.1, and in a temp copy of the repository `changeset version --snapshot
//      release-test` + `changeset publish --tag release-test --no-git-tag` into it;
//   3. the consumer projects of release-test/ (esm, cjs, ts: real files, checked in the repository by
//      `npm run check:release-test`) are copied to a temp folder, install the snapshots (only our scope from
//      verdaccio), run every program, compile the TypeScript project, and run our commands through npx;
//   4. the registry and every temp directory are removed (also on failure or Ctrl-C), and `git status` of the
//      repository is what it was before.
//
// Environment:
//   RELEASE_TEST_PACKAGES  comma-separated package names to test (with the workspace packages they depend on)
//                          instead of every publishable package
//   RELEASE_TEST_PORT      port for verdaccio (default: a free ephemeral port on 127.0.0.1)
//   RELEASE_TEST_KEEP=1    keep the temp directory for debugging (the registry is stopped anyway)
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { check, indent, summary } from "./lib/checks.mjs"
import { configFiles, copyConsumers, programs, typescriptChecks } from "./lib/consumers.mjs"
import { baseEnv, children, fail, killGroup, limiter, run, runOk, sleep, tail } from "./lib/processes.mjs"
import { repoChanges, repoState } from "./lib/repo-state.mjs"
import { startVerdaccio, stopVerdaccio, verdaccioVersion } from "./lib/verdaccio.mjs"
import { publishablePackages, repoRoot, workspacePackages } from "./lib/workspaces.mjs"

const SCOPE = "@shortcode-kit"
const SNAPSHOT_TAG = "release-test"
const [SCHEMA, VALIDATOR, EMULATOR] = ["schema", "validator", "emulator"].map((p) => `${SCOPE}/${p}`)
const bin = (name) => path.join(repoRoot, "node_modules/.bin", name)
const env = baseEnv(SCOPE)
const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"))
const writeFile = (file, text) => (fs.mkdirSync(path.dirname(file), { recursive: true }), fs.writeFileSync(file, text))
// The "Create short code" response example the consumer programs decode; the CLI reads it and, with a Service SID
// where the ShortCode SID belongs (invalid under every profile), its invalid twin.
const SEED = readJson(path.join(repoRoot, "release-test/seed.json"))
const INVALID = { ...SEED, sid: SEED.service_sid }

// ---------------------------------------------------------------------------------------------------------------
// Temp files and cleanup

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "shortcode-kit-release-test-"))
const copy = path.join(tmp, "repo") // the temp copy of the repository that changesets works in
const consumers = path.join(tmp, "consumers")
let registry = null // { child, port, url }
let cleanedUp = false
function cleanupSync() {
  if (cleanedUp) return
  cleanedUp = true
  for (const child of children) killGroup(child, "SIGKILL")
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
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]])
  process.on(signal, () => {
    console.log(`\nrelease-test: ${signal}: stopping the registry and removing ${tmp}`)
    cleanupSync()
    process.exit(code)
  })

// ---------------------------------------------------------------------------------------------------------------
// What to test: the packages asked for, with the publishable workspace packages they depend on (published with them)

const publishable = publishablePackages()
const wanted = process.env.RELEASE_TEST_PACKAGES?.split(",").map((s) => s.trim()).filter(Boolean)
const unknown = (wanted ?? []).filter((n) => !publishable.some((p) => p.name === n))
if (unknown.length > 0) {
  console.error(`release-test: RELEASE_TEST_PACKAGES names no publishable package: ${unknown.join(", ")}`)
  console.error(`release-test: publishable packages: ${publishable.map((p) => p.name).join(", ")}`)
  process.exit(2)
}
const withDeps = new Set(wanted ?? publishable.map((p) => p.name))
for (const name of withDeps) {
  const { dependencies, peerDependencies } = publishable.find((p) => p.name === name).packageJson
  for (const dep of Object.keys({ ...dependencies, ...peerDependencies }))
    if (publishable.some((p) => p.name === dep)) withDeps.add(dep) // a Set's for-of visits what is added meanwhile
}
const selected = publishable.filter((p) => withDeps.has(p.name))
const isSelected = (name) => withDeps.has(name)
console.log(
  `release-test: packages ${selected.map((p) => p.name).join(", ")}${wanted ? ` (RELEASE_TEST_PACKAGES=${wanted.join(",")} and what they depend on)` : ""}`
)
console.log(`release-test: temp ${tmp}`)
const before = repoState()

// ---------------------------------------------------------------------------------------------------------------
// 1. Build, pack, lint

const tarballDir = path.join(tmp, "tarballs")
fs.mkdirSync(tarballDir)
// One copy of effect in a user's project: the schema package's codecs are effect's schemas, which the validator and
// the emulator read with their own effect, so every package must take the range the schema package pins (a wider
// one would let npm install a newer minor next to it).
await check("every package takes one effect range", async () => {
  const ranges = [...new Set(selected.map((p) => p.packageJson.dependencies?.effect).filter((r) => r !== undefined))]
  if (ranges.length > 1) fail(`effect ranges differ: ${selected.map((p) => `${p.name} ${p.packageJson.dependencies?.effect ?? "-"}`).join(", ")}`)
  return ranges.join(", ")
})

const ok = {} // package name -> { build, pack, publint, attw, published }
const tarballs = {}
for (const pkg of selected) {
  const state = (ok[pkg.name] = {})
  state.build = await check(`build ${pkg.name}`, async () => {
    await runOk(bin("turbo"), ["run", "build", `--filter=${pkg.name}`, "--output-logs=errors-only"], { env, timeoutMs: 8 * 60_000 })
  })
  state.pack = await check(
    `npm pack ${pkg.name}`,
    async () => {
      const r = await runOk("npm", ["pack", "--json", "--pack-destination", tarballDir], { cwd: pkg.dir, env })
      const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf("[")))
      tarballs[pkg.name] = path.join(tarballDir, info.filename)
      return `${info.filename}, ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} kB`
    },
    { needs: [state.build] }
  )
  state.publint = await check(
    `publint --strict ${pkg.name}`,
    async () => {
      const r = await runOk(bin("publint"), ["run", "--strict", tarballs[pkg.name]], { cwd: tmp, env })
      // publint exits 0 with suggestions; --strict only promotes warnings. Suggestions are shown, not failed.
      return r.output.split("\n").some((l) => /^\d+\. /.test(l.trim())) ? `\n${indent(r.output)}` : ""
    },
    { needs: [state.pack] }
  )
  // Profile node16: the subpath entries live only in `exports`, which TypeScript's legacy `moduleResolution:
  // "node10"` does not read, so node10 fails every subpath by design. A package without a `require` condition
  // anywhere in its exports is ESM only (the emulator): profile esm-only, which asks CommonJS for no CommonJS build.
  const attwProfile = JSON.stringify(pkg.packageJson.exports ?? {}).includes('"require"') ? "node16" : "esm-only"
  state.attw = await check(
    `attw --profile ${attwProfile} ${pkg.name}`,
    async () => {
      const args = [tarballs[pkg.name], "--profile", attwProfile, "--no-definitely-typed", "--format", "table-flipped", "--no-emoji"]
      await runOk(bin("attw"), args, { cwd: tmp, env })
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
    registry = await startVerdaccio(path.join(tmp, "registry"), { scope: SCOPE, env, fixedPort: Number(process.env.RELEASE_TEST_PORT) })
    return `${registry.url} (verdaccio ${verdaccioVersion()})`
  },
  { needs: [releasable.length > 0] }
)

// changesets rewrites package.json files, writes CHANGELOG.md files and deletes the changesets it consumes: all of
// that happens in a copy of the repository, never in the work tree. The copy holds the root package.json, the
// .changeset folder, every workspace package.json (changesets validates `ignore` against them) and, for the
// packages under test, the contents of their tarballs. node_modules is a link to the repository's, so that
// `changelog: "@changesets/cli/changelog"` resolves as it does in the repository.
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
      fs.mkdirSync(target, { recursive: true })
      // Exactly what was packed and linted above, not the work tree: a rebuild since then cannot slip in. A package
      // not under test is there for changesets, but private so that it is never published.
      if (releasable.some((p) => p.name === pkg.name))
        await runOk("tar", ["-xzf", tarballs[pkg.name], "-C", target, "--strip-components=1"])
      else writeFile(path.join(target, "package.json"), `${JSON.stringify({ ...pkg.packageJson, private: true }, null, 2)}\n`)
    }
    // Every package under test gets a snapshot even when no pending changeset names it.
    writeFile(
      path.join(copy, ".changeset", "release-test-snapshot.md"),
      `---\n${releasable.map((p) => `"${p.name}": patch`).join("\n")}\n---\n\nrelease-test snapshot\n`
    )
    await runOk(bin("changeset"), ["version", "--snapshot", SNAPSHOT_TAG], { cwd: copy, env })
    for (const pkg of releasable) {
      const { version } = readJson(path.join(copy, pkg.relDir, "package.json"))
      if (!version.includes(`-${SNAPSHOT_TAG}-`)) fail(`${pkg.name} got version ${version}, not a snapshot`)
      versions[pkg.name] = version
    }
    return releasable.map((p) => `${p.name}@${versions[p.name]}`).join(", ")
  },
  { needs: [registryOk] }
)

// Each snapshot depends on the snapshots of the packages it depends on, not on a version from the public registry.
for (const pkg of releasable)
  for (const dep of releasable.filter((d) => pkg.packageJson.dependencies?.[d.name] !== undefined))
    await check(
      `snapshot ${pkg.name} depends on the snapshot ${dep.name}`,
      async () => {
        const range = readJson(path.join(copy, pkg.relDir, "package.json")).dependencies?.[dep.name]
        if (range !== versions[dep.name]) fail(`dependencies["${dep.name}"] is ${range}, expected ${versions[dep.name]}`)
      },
      { needs: [versionOk] }
    )

const npmrc = (port) => `${SCOPE}:registry=http://127.0.0.1:${port}/\n//127.0.0.1:${port}/:_authToken=local\n`
const publishOk = await check(
  `changeset publish --tag ${SNAPSHOT_TAG} --no-git-tag (to 127.0.0.1:${registry?.port ?? "?"})`,
  async () => {
    writeFile(path.join(copy, ".npmrc"), npmrc(registry.port))
    const userconfig = path.join(tmp, "npmrc-publish")
    writeFile(userconfig, npmrc(registry.port))
    // changesets does not read .npmrc for a scope's registry: without this variable it passes
    // --registry=https://registry.npmjs.org to npm itself. The user config is replaced so that no credentials of
    // the person running the test are in reach.
    const publishEnv = { ...env, [`npm_config_${SCOPE}:registry`]: registry.url, npm_config_userconfig: userconfig }
    const r = await runOk(bin("changeset"), ["publish", "--tag", SNAPSHOT_TAG, "--no-git-tag"], {
      cwd: copy,
      env: publishEnv,
      timeoutMs: 3 * 60_000
    })
    const missing = releasable.filter((p) => !r.output.includes(`${p.name}@${versions[p.name]}`))
    if (missing.length) fail(`changeset publish did not report ${missing.map((p) => p.name).join(", ")}:\n${tail(r.output)}`)
  },
  { needs: [versionOk] }
)
for (const pkg of releasable)
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

// ---------------------------------------------------------------------------------------------------------------
// 3. The consumer projects install and use the published packages

const published = (name) => ok[name]?.published === true
const publishedVersions = Object.fromEntries(releasable.filter((p) => published(p.name)).map((p) => [p.name, versions[p.name]]))
const dirOf = (project) => path.join(consumers, project)
const projectNames = { esm: "ESM", cjs: "CommonJS", ts: "TypeScript" }
const installed = {}
if (Object.keys(publishedVersions).length > 0) {
  // The templates filled with the snapshots; programs of packages not published are left out. Only our scope comes
  // from the local registry, everything else from the user's normal registry.
  copyConsumers(consumers, publishedVersions, workspacePackages())
  for (const project of Object.keys(projectNames)) writeFile(path.join(dirOf(project), ".npmrc"), `${SCOPE}:registry=${registry.url}\n`)
}
await Promise.all(
  Object.entries(projectNames).map(async ([project, title]) => {
    installed[project] = await check(
      `install into a fresh ${title} project`,
      async () => {
        const args = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"]
        await runOk("npm", args, { cwd: dirOf(project), env, timeoutMs: 10 * 60_000 })
      },
      { needs: [Object.keys(publishedVersions).length > 0] }
    )
  })
)

for (const project of ["esm", "cjs"])
  if (installed[project])
    for (const { file, name } of programs(dirOf(project)))
      await check(name, async () => void (await runOk(process.execPath, [file], { cwd: dirOf(project), env, timeoutMs: 60_000 })))

// TypeScript: the repository's compiler, the project's own node_modules, so everything resolves from the installed
// packages. Two cores: at most two compilers at a time; the declarations check, the longest, starts first.
const limit = limiter(2)
await Promise.all(
  typescriptChecks(dirOf("ts")).map((c) =>
    check(c.name, limit(c.run), { needs: [installed.ts === true, installed.ts === true && configFiles(dirOf("ts"), c.config).length > 0] })
  )
)

// Our commands, from the installed packages, through npx. npx looks a missing command up on the registry (even with
// --no), which would send our name to the public registry: so the local bin must exist first, and npx is offline.
const esm = dirOf("esm")
const npx = (command, args, opts) => {
  const link = path.join(esm, "node_modules/.bin", command)
  if (!fs.existsSync(link)) fail(`the installed package has no ${command} bin (${link} is missing)`)
  return run("npx", ["--offline", "--no", command, ...args], { cwd: esm, env, timeoutMs: 60_000, ...opts })
}
if (isSelected(VALIDATOR)) {
  const validate = (doc) => npx("shortcode-kit", ["validate", "short-code"], { input: JSON.stringify(doc) })
  await check(
    "npx shortcode-kit validate short-code < seed example exits 0",
    async () => {
      const r = await validate(SEED)
      if (r.code !== 0) fail(`exit ${r.code ?? r.signal}:\n${tail(r.output)}`)
    },
    { needs: [installed.esm === true, published(VALIDATOR)] }
  )
  await check(
    "npx shortcode-kit validate short-code < invalid document exits 1",
    async () => {
      const r = await validate(INVALID)
      if (r.code !== 1) fail(`exit ${r.code ?? r.signal}, expected 1:\n${tail(r.output)}`)
      if (!/sid/.test(r.output)) fail(`the output does not name the invalid property (sid):\n${tail(r.output)}`)
    },
    { needs: [installed.esm === true, published(VALIDATOR)] }
  )
}
if (isSelected(EMULATOR))
  await check(
    "npx shortcode-kit-emulator serves the documentation's create example (201, then 409 21710) and stops on SIGINT with exit 0",
    () => emulatorCommand(),
    { needs: [installed.esm === true, published(EMULATOR)] }
  )

/** The emulator's command as a user starts it in their project, with the documentation's create example. */
async function emulatorCommand() {
  const link = path.join(esm, "node_modules/.bin/shortcode-kit-emulator")
  if (!fs.existsSync(link)) fail(`the installed ${EMULATOR} has no shortcode-kit-emulator bin (${link} is missing)`)
  const child = spawn("npx", ["--offline", "--no", "shortcode-kit-emulator"], {
    cwd: esm,
    env: { ...env, PORT: "0" },
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
    if (!output.includes(SEED.account_sid)) fail(`the banner shows no demo data:\n${tail(output)}`)
    const create = () =>
      fetch(`${url}/v1/Services/${SEED.service_sid}/ShortCodes`, {
        method: "POST",
        headers: {
          Authorization: `Basic ${Buffer.from(`${SEED.account_sid}:demo-auth-token`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded"
        },
        body: `ShortCodeSid=${SEED.sid}`
      })
    const first = await create()
    const firstBody = await first.json()
    if (first.status !== 201 || firstBody.short_code !== SEED.short_code) fail(`first add: ${first.status} ${JSON.stringify(firstBody)}`)
    const second = await create()
    const secondBody = await second.json()
    if (second.status !== 409 || secondBody.code !== 21710) fail(`second add: ${second.status} ${JSON.stringify(secondBody)}`)
    if (!fs.existsSync(path.join(esm, ".data", "shortcode-kit.sqlite")))
      fail(`the default database is not .data/shortcode-kit.sqlite in the project (${esm})`)
    // Ctrl-C: SIGINT to the whole process group, npx and the emulator. npm ends on the signal itself; the emulator
    // must shut down cleanly ("stopped", printed just before its exit 0).
    process.kill(-child.pid, "SIGINT")
    const { code, signal } = await Promise.race([exited, sleep(15_000).then(() => ({ code: "timeout" }))])
    if (!(code === 0 || signal === "SIGINT") || !/^stopped$/m.test(output))
      fail(`after SIGINT: exit ${code ?? signal}, expected a clean stop ("stopped", exit 0):\n${tail(output)}`)
    return `(${url})`
  } finally {
    killGroup(child, "SIGKILL")
    children.delete(child)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Cleanup and the repository

await check("stop the registry and remove the temp directory", async () => {
  if (registry) await stopVerdaccio(registry)
  registry = null
  const t = Date.now()
  cleanupSync()
  if (process.env.RELEASE_TEST_KEEP !== "1" && fs.existsSync(tmp)) fail(`${tmp} is still there`)
  return `(removing ${tmp} took ${((Date.now() - t) / 1000).toFixed(1)}s)`
})

// Nothing here writes to the repository: changesets runs in a copy, tarballs and projects live in the temp directory,
// and the build writes only git-ignored dist/ and .turbo/. In CI (CI=true) any change fails; in a shared work tree
// only what a leaking release would leave behind fails, and other people's changes are listed as a note.
await check("git status of the repository is unchanged", async () => {
  const strict = process.env.CI === "true" || process.env.CI === "1"
  const { bad, noted, where } = repoChanges(before, { strict, tag: SNAPSHOT_TAG })
  if (bad.length) fail(`the repository changed during the test:\n${bad.join("\n")}`)
  if (noted.length) return `${where}\n${indent(`changed meanwhile by someone else (not what a release leaves behind):\n${noted.join("\n")}`)}`
  return where
})

process.exit(summary("release-test"))
