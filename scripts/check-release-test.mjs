#!/usr/bin/env node
// `npm run check:release-test`: the consumer programs of release-test/ are real code, checked in the repository
// against the workspace packages (their built dist/, reached through the workspace links in node_modules, as an
// installed package is reached): `node --check` for the JS programs, `tsc` with checkJs and the lint flags for them,
// and the TypeScript project's compiles (nodenext, bundler, the swap that must fail with TS2345). Run after a build
// (check:ci builds first). The release test runs the same programs and compiles against the packages from a registry.
import path from "node:path"
import { check, summary } from "./lib/checks.mjs"
import { consumersDir, programs, typescriptChecks } from "./lib/consumers.mjs"
import { limiter, runOk } from "./lib/processes.mjs"
import { repoRoot } from "./lib/workspaces.mjs"

const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc")
const lint = ["--noUnusedLocals", "--noUnusedParameters"]
const limit = limiter(2)

for (const project of ["esm", "cjs"]) {
  const dir = path.join(consumersDir, project)
  for (const { file } of programs(dir))
    await check(`node --check release-test/${project}/${file}`, async () => {
      await runOk(process.execPath, ["--check", file], { cwd: dir, timeoutMs: 60_000 })
    })
}
const ts = path.join(consumersDir, "ts")
await Promise.all([
  check(
    "tsc (checkJs) release-test/esm and release-test/cjs",
    limit(async () => void (await runOk(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], { cwd: consumersDir })))
  ),
  // The declarations compile is left to the release test: it is the slowest, and checks the same dist/ files.
  ...typescriptChecks(ts, { extra: lint, declarations: false }).map((c) => check(`release-test/ts: ${c.name}`, limit(c.run)))
])
process.exit(summary("check:release-test"))
