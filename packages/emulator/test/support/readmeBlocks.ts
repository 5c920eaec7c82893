/**
 * The fenced code blocks of a README, each found by the `<!-- readme-test: name -->` comment on the line before its
 * opening fence (invisible on GitHub), so a test runs the example as it is written today.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"

/** One fenced block: where it is, its language and its text. */
export interface ReadmeBlock {
  /** The README's path relative to the repository root, as test names show it. */
  readonly file: string
  /** 1-based position among the file's fenced blocks. */
  readonly index: number
  /** 1-based line of the opening fence. */
  readonly line: number
  readonly lang: string
  /** The marker's name, or `undefined` when the line before the fence is not a marker. */
  readonly name: string | undefined
  readonly code: string
}

const MARKER = /^<!-- readme-test: ([a-z0-9-]+) -->$/

/** Every fenced block of `file` (relative to `root`), in order. */
export const readmeBlocks = (root: string, file: string): ReadonlyArray<ReadmeBlock> => {
  const lines = readFileSync(join(root, file), "utf8").split("\n")
  const blocks: Array<ReadmeBlock> = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)$/.exec(lines[i] as string)
    if (open === null) continue
    const end = lines.indexOf("```", i + 1)
    if (end === -1) throw new Error(`${file}:${i + 1}: a fenced block is never closed`)
    const marker = MARKER.exec(lines[i - 1] ?? "")
    blocks.push({ file, index: blocks.length + 1, line: i + 1, lang: open[1] ?? "", name: marker?.[1], code: `${lines.slice(i + 1, end).join("\n")}\n` })
    i = end
  }
  return blocks
}

/** A test's name for a block: file, position, language and marker, e.g. `README.md block 2 (sh: add-demo-short-code)`. */
export const blockTitle = (block: ReadmeBlock): string => `${block.file} block ${block.index} (${block.lang}: ${block.name ?? "no marker"})`
