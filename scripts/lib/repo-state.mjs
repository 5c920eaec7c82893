// What the release test proves it left alone: `git status` of the repository and the contents of the files a
// release writes (`git status` does not change when an already modified file is modified again).
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { repoRoot, workspacePackages } from "./workspaces.mjs"

const gitStatus = () => {
  const r = spawnSync("git", ["status", "--porcelain=v1", "--untracked-files=all"], { cwd: repoRoot, encoding: "utf8" })
  return r.status === 0 ? r.stdout : null
}
// The files a release writes (changeset version, npm install --package-lock-only, npm pack, npm publish).
const releaseWritten = (file) =>
  /(^|\/)(package\.json|package-lock\.json|CHANGELOG\.md|\.npmrc)$/.test(file) || /^\.changeset\//.test(file) || /\.tgz$/.test(file)
const manifest = (file) => /(^|\/)(package\.json|package-lock\.json)$/.test(file)

const digest = () => {
  const files = ["package.json", "package-lock.json", ".npmrc"]
  for (const pkg of workspacePackages()) files.push(`${pkg.relDir}/package.json`, `${pkg.relDir}/CHANGELOG.md`, `${pkg.relDir}/.npmrc`)
  const changesetDir = path.join(repoRoot, ".changeset")
  if (fs.existsSync(changesetDir)) for (const f of fs.readdirSync(changesetDir)) files.push(`.changeset/${f}`)
  return new Map(
    files.map((f) => {
      const file = path.join(repoRoot, f)
      return [f, fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : "absent"]
    })
  )
}

/** The state of the repository now: `{ status, digest }`. */
export const repoState = () => ({ status: gitStatus(), digest: digest() })

/**
 * What changed since `before`: `{ bad, noted, where }`. `strict` (CI): every change is bad. Otherwise (a work tree
 * others edit) only what a leaking release leaves behind is bad (changesets consumed or added, CHANGELOG.md files,
 * an .npmrc, a tarball, a snapshot version `-<tag>-` in a package.json or the lock file); the rest is noted.
 */
export function repoChanges(before, { strict, tag }) {
  const after = repoState()
  const leaked = (f) => strict || !manifest(f)
  const rewritten = [...new Set([...before.digest.keys(), ...after.digest.keys()])].filter(
    (f) => before.digest.get(f) !== after.digest.get(f)
  )
  const snapshotIn = [...after.digest.keys()].filter(
    (f) => manifest(f) && fs.existsSync(path.join(repoRoot, f)) && fs.readFileSync(path.join(repoRoot, f), "utf8").includes(`-${tag}-`)
  )
  let diff = []
  if (before.status !== null) {
    const was = new Set(before.status.split("\n").filter(Boolean))
    const now = new Set((after.status ?? "").split("\n").filter(Boolean))
    diff = [...[...now].filter((l) => !was.has(l)).map((l) => `+ ${l}`), ...[...was].filter((l) => !now.has(l)).map((l) => `- ${l}`)]
  }
  const pathOf = (line) => line.slice(5).replace(/^.* -> /, "")
  const bad = [
    ...diff.filter((l) => strict || (releaseWritten(pathOf(l)) && leaked(pathOf(l)))),
    ...rewritten.filter(leaked).map((f) => `~ ${f} (contents)`),
    ...snapshotIn.map((f) => `! ${f} contains a ${tag} snapshot version`)
  ]
  const noted = [...diff.filter((l) => !bad.includes(l)), ...rewritten.filter((f) => !leaked(f)).map((f) => `~ ${f} (contents)`)]
  const where = before.status === null ? " (not a git work tree: compared the files a release writes)" : ""
  return { bad, noted, where }
}
