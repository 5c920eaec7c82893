#!/usr/bin/env node
// `npm run changeset:status`: fails when a published package changed since the base without a changeset naming it.
//
// Two checks, both against the same base:
//   1. `changeset status --since=<base>` itself (it fails only when some package changed and there is no new
//      changeset at all; it also validates .changeset/config.json and every changeset file);
//   2. per package: every published package whose files changed (filtered by `changedFilePatterns` from
//      .changeset/config.json, with changesets' own matcher) must be named by a changeset that is new since the base,
//      unless a new empty changeset (`npx changeset --empty`) says that the change needs no release.
//
// The base (see docs/releasing.md, "Which base changeset:status compares against"):
//   - $CHANGESET_BASE when set (a CI that knows the target branch of a pull request sets it, e.g. origin/main);
//   - else origin/<baseBranch>, then <baseBranch>, if it exists and HEAD is not already contained in it: a branch;
//   - else (on main itself, e.g. CI on a fresh clone of main, where there is no remote branch to compare with)
//     the last release: the newest commit that wrote a CHANGELOG.md of a published package, which is the commit of
//     `npm run version`. Everything changed since then is unreleased and must be covered by a pending changeset;
//   - else nothing was ever released (or there is no commit yet): every published package counts as changed and
//     must be named by a pending changeset (its initial release).
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { publishablePackages, repoRoot } from "./lib/workspaces.mjs"

const require = createRequire(import.meta.url)
// The same matcher (and version) that changesets uses for `changedFilePatterns`.
const micromatch = createRequire(require.resolve("@changesets/git"))("micromatch")

const config = JSON.parse(fs.readFileSync(path.join(repoRoot, ".changeset/config.json"), "utf8"))
const baseBranch = config.baseBranch ?? "main"
const changedFilePatterns = config.changedFilePatterns ?? ["**"]
const ignored = new Set(config.ignore ?? [])
const packages = publishablePackages().filter((p) => !ignored.has(p.name))

const git = (...args) => spawnSync("git", args, { cwd: repoRoot, encoding: "utf8" })
const gitOut = (...args) => {
  const r = git(...args)
  return r.status === 0 ? r.stdout.trim() : null
}
const lines = (s) => (s ?? "").split("\n").filter((l) => l !== "")

if (gitOut("rev-parse", "--is-inside-work-tree") !== "true") {
  console.error("changeset:status: not a git work tree, cannot tell what changed")
  process.exit(1)
}
if (gitOut("rev-parse", "--is-shallow-repository") === "true") {
  console.warn("changeset:status: warning: shallow clone; the last release may be outside the fetched history")
}

const head = gitOut("rev-parse", "--verify", "--quiet", "HEAD^{commit}")

function resolveBase() {
  if (process.env.CHANGESET_BASE) {
    if (!gitOut("rev-parse", "--verify", "--quiet", `${process.env.CHANGESET_BASE}^{commit}`)) {
      console.error(`changeset:status: CHANGESET_BASE=${process.env.CHANGESET_BASE} is not a commit here`)
      process.exit(1)
    }
    return { ref: process.env.CHANGESET_BASE, why: "$CHANGESET_BASE" }
  }
  if (!head) return { ref: null, why: "no commit yet: nothing has been released" }
  for (const candidate of [`origin/${baseBranch}`, baseBranch]) {
    if (!gitOut("rev-parse", "--verify", "--quiet", `${candidate}^{commit}`)) continue
    // HEAD already in the base branch: we are on it (or behind it), and a diff against it says nothing.
    if (git("merge-base", "--is-ancestor", "HEAD", candidate).status === 0) continue
    return { ref: candidate, why: `this branch diverges from ${candidate}` }
  }
  const changelogs = packages.map((p) => `${p.relDir}/CHANGELOG.md`)
  const lastRelease = gitOut("log", "-1", "--format=%H", "HEAD", "--", ...changelogs)
  if (lastRelease) {
    return { ref: lastRelease, why: `last release: ${gitOut("log", "-1", "--format=%h %s", lastRelease)}` }
  }
  return { ref: null, why: "no CHANGELOG.md of a published package was ever committed: nothing has been released" }
}

const base = resolveBase()
console.log(`changeset:status: base ${base.ref ?? "(none)"} (${base.why})`)

// Files changed since the base: what changesets sees (tracked files, working tree against the merge base) plus
// untracked files, so that a local run before `git add` is not fooled.
const untracked = lines(gitOut("ls-files", "--others", "--exclude-standard", "--full-name", ":/"))
let changedFiles
let newChangesetFiles
let mergeBase = null
if (base.ref) {
  mergeBase = gitOut("merge-base", base.ref, "HEAD")
  if (!mergeBase) {
    console.error(`changeset:status: ${base.ref} and HEAD have no common ancestor`)
    process.exit(1)
  }
  changedFiles = [...lines(gitOut("diff", "--name-only", "--no-relative", mergeBase)), ...untracked]
  newChangesetFiles = [
    ...lines(gitOut("diff", "--name-only", "--no-relative", "--diff-filter=d", mergeBase, "--", ".changeset")),
    ...untracked.filter((f) => f.startsWith(".changeset/"))
  ]
} else {
  changedFiles = null // every package counts as changed
  newChangesetFiles = fs.readdirSync(path.join(repoRoot, ".changeset")).map((f) => `.changeset/${f}`)
}
newChangesetFiles = [...new Set(newChangesetFiles)].filter(
  (f) => /^\.changeset\/[^/]+\.md$/.test(f) && f !== ".changeset/README.md" && fs.existsSync(path.join(repoRoot, f))
)

// A changeset's front matter: `"@scope/name": minor` lines between the first two `---`.
// An empty changeset (`npx changeset --empty`) says "no release needed" for the change it comes with.
const named = new Map() // package name -> changeset files
const empty = []
for (const file of newChangesetFiles) {
  const text = fs.readFileSync(path.join(repoRoot, file), "utf8")
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text)
  let any = false
  for (const line of lines(match?.[1])) {
    const m = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch|none)\s*$/.exec(line)
    if (m) named.set(m[1], [...(named.get(m[1]) ?? []), file])
    any ||= m !== null
  }
  if (!any) empty.push(file)
}

const changed = packages.filter((p) => {
  if (changedFiles === null) return true
  const inside = changedFiles.filter((f) => f.startsWith(`${p.relDir}/`)).map((f) => f.slice(p.relDir.length + 1))
  return micromatch(inside, changedFilePatterns).length > 0
})

let failed = false

// 1. changesets' own check. It needs a commit to diff against; with no commit at all there is nothing to run it on.
const statusRef = mergeBase ?? (head ? gitOut("rev-list", "--max-parents=0", "HEAD")?.split("\n").pop() : null)
if (statusRef) {
  const changeset = path.join(repoRoot, "node_modules/.bin/changeset")
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "changeset-status-")), "plan.json")
  const r = spawnSync(changeset, ["status", `--since=${statusRef}`, `--output=${out}`], {
    cwd: repoRoot,
    encoding: "utf8"
  })
  fs.rmSync(path.dirname(out), { recursive: true, force: true })
  process.stdout.write(r.stdout)
  process.stderr.write(r.stderr)
  if (r.status !== 0) {
    console.error(`changeset:status: \`changeset status --since=${statusRef}\` failed (exit ${r.status})`)
    const unadded = untracked.filter((f) => /^\.changeset\/[^/]+\.md$/.test(f))
    if (unadded.length)
      console.error(`changeset:status: changesets sees only files git knows: git add ${unadded.join(" ")}`)
    failed = true
  }
} else {
  console.log("changeset:status: no commit to diff against; skipping `changeset status`, checking changeset files only")
}

// 2. Every changed published package is named by a new changeset.
for (const p of packages) {
  const by = named.get(p.name)
  if (!changed.includes(p)) console.log(`  unchanged  ${p.name}`)
  else if (by) console.log(`  ok         ${p.name} (${by.join(", ")})`)
  else if (empty.length) console.log(`  no release ${p.name} (empty changeset ${empty.join(", ")})`)
  else {
    console.log(`  MISSING    ${p.name}: changed since the base but no new changeset names it`)
    failed = true
  }
}
for (const name of named.keys()) {
  if (!packages.some((p) => p.name === name)) {
    console.log(`  UNKNOWN    ${name} is named in a changeset but is not a published package here`)
    failed = true
  }
}

if (failed) {
  console.error("changeset:status: failed. Run `npx changeset` (or `npx changeset --empty` for no release).")
  process.exit(1)
}
console.log("changeset:status: ok")
