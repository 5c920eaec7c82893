// The consumer projects of release-test/ (esm, cjs, ts): what each program is called and which of our packages
// it imports, filling the package.json templates, and the TypeScript compiles with what each must say. Shared by the
// release test (the projects installed from a registry) and `npm run check:release-test` (the same files against
// the workspace packages), so that both read the files the same way.
import fs from "node:fs"
import path from "node:path"
import { fail, run, tail } from "./processes.mjs"
import { repoRoot } from "./workspaces.mjs"

/** The folder of consumer projects in the repository. */
export const consumersDir = path.join(repoRoot, "release-test")
/** The consumer projects, each a folder of consumersDir. */
export const projects = ["esm", "cjs", "ts"]
const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc")
const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"))
const writeJson = (file, value) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)

/** The programs of a project (files with a `// release-test: <check name>` first line), sorted by file name. */
export function programs(dir) {
  // The project itself and src/, never an installed node_modules.
  const files = ["", "src"]
    .filter((sub) => fs.existsSync(path.join(dir, sub)))
    .flatMap((sub) => fs.readdirSync(path.join(dir, sub)).map((f) => path.posix.join(sub, f)))
    .filter((f) => /\.(mjs|cjs|ts|cts)$/.test(f))
  return files.sort().flatMap((file) => {
    const source = fs.readFileSync(path.join(dir, file), "utf8")
    const name = /^\/\/ release-test: (.+)$/m.exec(source.split("\n", 1)[0])?.[1]
    return name ? [{ file, name, imports: importsOf(source) }] : []
  })
}

/** The packages of our scope that a source file imports or requires (subpaths count as their package). */
export const importsOf = (source) =>
  new Set(
    [...source.matchAll(/(?:from|require\(|import\()\s*"(@shortcode-kit\/[^/"]+)/g)].map((m) => m[1])
  )

/**
 * Copies release-test/ to `dest` for packages `versions` (name -> snapshot version): every program that imports a
 * package not in `versions` is left out (and out of the tsconfig `files` lists), and the package.json templates are
 * filled. Template values: `<snapshot>` becomes the snapshot version (the dependency is dropped for a package not
 * under test); `<range in FILE>` becomes the range FILE (a package.json of the repository) declares for that
 * dependency, dropped when FILE belongs to a workspace package not under test.
 */
export function copyConsumers(dest, versions, workspace) {
  fs.cpSync(consumersDir, dest, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) })
  for (const project of projects) {
    const dir = path.join(dest, project)
    for (const { file, imports } of programs(dir))
      if ([...imports].some((name) => versions[name] === undefined)) fs.rmSync(path.join(dir, file))
    const manifest = readJson(path.join(dir, "package.json"))
    manifest.dependencies = Object.fromEntries(
      Object.entries(manifest.dependencies).flatMap(([name, value]) => {
        if (value === "<snapshot>") return versions[name] === undefined ? [] : [[name, versions[name]]]
        const from = /^<range in (.+)>$/.exec(value)?.[1]
        if (from === undefined) return [[name, value]]
        const owner = workspace.find((p) => `${p.relDir}/package.json` === from)
        if (owner && versions[owner.name] === undefined) return []
        const json = readJson(path.join(repoRoot, from))
        const range = json.dependencies?.[name] ?? json.devDependencies?.[name] ?? json.peerDependencies?.[name]
        if (range === undefined) throw new Error(`${project}/package.json: ${from} declares no ${name}`)
        return [[name, range]]
      })
    )
    writeJson(path.join(dir, "package.json"), manifest)
    for (const config of fs.readdirSync(dir).filter((f) => /^tsconfig.*\.json$/.test(f))) {
      const json = readJson(path.join(dir, config))
      if (!Array.isArray(json.files)) continue
      json.files = json.files.filter((f) => fs.existsSync(path.join(dir, f)))
      writeJson(path.join(dir, config), json)
    }
  }
}

/** The files a tsconfig of `dir` compiles (its own `files`, else those of the config it extends). */
export function configFiles(dir, config) {
  const json = readJson(path.join(dir, config))
  return json.files ?? (json.extends ? configFiles(dir, json.extends) : [])
}

const tscRun = (dir, config, extra = []) =>
  run(process.execPath, [tsc, "-p", config, "--pretty", "false", ...extra], { cwd: dir, timeoutMs: 3 * 60_000 })
const errorLines = (output) => output.split("\n").filter((l) => /error TS\d+/.test(l))

/**
 * The TypeScript checks of the ts project in `dir`: `{ name, config, run }`, where `run` resolves with a note or
 * fails the check. `extra`: more tsc flags (the repository adds its lint flags).
 */
export function typescriptChecks(dir, { extra = [], declarations = true } = {}) {
  const checks = []
  const uses = (config, pkg) =>
    configFiles(dir, config).some((f) => importsOf(fs.readFileSync(path.join(dir, f), "utf8")).has(`@shortcode-kit/${pkg}`))
  if (declarations)
    // With skipLibCheck off, every declaration file the project loads is checked. Errors in our packages' files
    // (or in the project's own) fail; errors inside other packages are theirs (effect 4.1's declarations name the DOM
    // types CryptoKey and Storage, which a Node-only `lib` lacks) and are only counted.
    checks.push({
      name: "TypeScript (nodenext, skipLibCheck: false): our published declaration files have no errors",
      config: "tsconfig.declarations.json",
      run: async () => {
        const r = await tscRun(dir, "tsconfig.declarations.json", extra)
        const errors = errorLines(r.output)
        const theirs = (l) => /node_modules\/(?!@shortcode-kit\/)/.test(l.split("(")[0])
        const ours = errors.filter((l) => !theirs(l))
        if (ours.length || (r.code !== 0 && errors.length === 0))
          fail(`tsc exited ${r.code}:\n${tail(ours.join("\n") || r.output)}`)
        const others = new Set(errors.map((l) => /.*node_modules\/((?:@[^/]+\/)?[^/(]+)/.exec(l.split("(")[0])?.[1]))
        return errors.length ? `(${errors.length} errors in other packages' declarations: ${[...others].join(", ")})` : ""
      }
    })
  for (const resolution of ["nodenext", "bundler"]) {
    const config = `tsconfig.${resolution}.json`
    checks.push({
      name: `TypeScript (${resolution}) typechecks code using the brands${uses(config, "validator") ? " and validateShortCode" : ""}${
        uses(config, "emulator") ? " and the emulator" : ""
      }`,
      config,
      run: async () => {
        const r = await tscRun(dir, config, extra)
        if (r.code !== 0) fail(`tsc exited ${r.code}:\n${tail(r.output)}`)
        return `(${configFiles(dir, config).join(", ")})`
      }
    })
    // The file marks the line that must fail with `// expect TSnnnn`; tsc must say exactly that and nothing else.
    const swapConfig = `tsconfig.${resolution}.swap.json`
    checks.push({
      name: `TypeScript (${resolution}) rejects a ServiceSid passed as a ShortCodeSid with TS2345`,
      config: swapConfig,
      run: async () => {
        const [file] = configFiles(dir, swapConfig)
        const lines = fs.readFileSync(path.join(dir, file), "utf8").split("\n")
        const line = lines.findIndex((l) => /\/\/ expect TS2345$/.test(l)) + 1
        if (line === 0) fail(`${file} marks no line with // expect TS2345`)
        const r = await tscRun(dir, swapConfig, extra)
        const errors = errorLines(r.output)
        if (r.code === 0) fail(`tsc accepted ${file}`)
        if (errors.length !== 1 || !errors[0].startsWith(`${file}(${line},`) || !errors[0].includes("error TS2345: "))
          fail(`expected exactly one error, TS2345 at ${file} line ${line}; tsc said:\n${tail(r.output)}`)
        return errors[0].replace(/^.*error /, "").slice(0, 110)
      }
    })
  }
  return checks
}
