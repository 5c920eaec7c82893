// The workspace packages of the monorepo, read from the root package.json `workspaces` globs, the way npm
// reads them. Shared by the release scripts so that they agree on what "publishable" means.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"))

// `workspaces` here are "dir/*"-style globs; a segment may hold `*`, `**` is not used and is refused loudly
// rather than half-supported.
const expand = (root, pattern) => {
  if (pattern.includes("**") || pattern.startsWith("!")) {
    throw new Error(`workspaces pattern ${JSON.stringify(pattern)} is not supported by scripts/lib/workspaces.mjs`)
  }
  let dirs = [root]
  for (const segment of pattern.split("/").filter((s) => s !== "" && s !== ".")) {
    if (!segment.includes("*")) {
      dirs = dirs.map((d) => path.join(d, segment)).filter((d) => fs.existsSync(d))
      continue
    }
    const re = new RegExp(
      `^${segment
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*")}$`
    )
    dirs = dirs.flatMap((d) =>
      fs
        .readdirSync(d, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith(".") && re.test(e.name))
        .map((e) => path.join(d, e.name))
    )
  }
  return dirs
}

/**
 * Every workspace package: `{ name, version, private, dir (absolute), relDir (posix, from the root), packageJson }`,
 * sorted by name.
 */
export function workspacePackages(root = repoRoot) {
  const rootJson = readJson(path.join(root, "package.json"))
  const patterns = Array.isArray(rootJson.workspaces) ? rootJson.workspaces : rootJson.workspaces?.packages ?? []
  const seen = new Map()
  for (const pattern of patterns) {
    for (const dir of expand(root, pattern)) {
      const file = path.join(dir, "package.json")
      if (!fs.existsSync(file)) continue
      const packageJson = readJson(file)
      seen.set(dir, {
        name: packageJson.name,
        version: packageJson.version,
        private: packageJson.private === true,
        dir,
        relDir: path.relative(root, dir).split(path.sep).join("/"),
        packageJson
      })
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** The packages that get published: every workspace package that is not `"private": true`. */
export const publishablePackages = (root = repoRoot) => workspacePackages(root).filter((p) => !p.private)
