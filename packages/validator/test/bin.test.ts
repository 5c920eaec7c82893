import { execFile } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { BIN } from "./cli/run.js"

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")

interface Exit {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

const exec = (file: string, args: ReadonlyArray<string>, cwd: string): Promise<Exit> =>
  new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr })
    })
  })

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-bin-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

describe("the shortcode-kit bin", () => {
  it("is linked by npm at install time: `npx --no -- shortcode-kit --help` from the repository root prints the usage and exits 0", async () => {
    const { code, stdout, stderr } = await exec("npx", ["--no", "--", "shortcode-kit", "--help"], repositoryRoot)
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" })
    expect(stdout).toContain("USAGE\n  shortcode-kit <subcommand> [flags]")
  })

  it("without a build says which file is missing and what to run, and exits 1", async () => {
    // The committed bin next to a package folder that has no dist/ yet.
    mkdirSync(join(folder, "bin"))
    const copy = join(folder, "bin", "shortcode-kit.mjs")
    copyFileSync(BIN, copy)
    const { code, stdout, stderr } = await exec(process.execPath, [copy, "--help"], folder)
    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: "",
      stderr: `shortcode-kit: ${join(folder, "dist", "cli.mjs")} is missing: build the package first (npm run build)\n`
    })
  })
})
