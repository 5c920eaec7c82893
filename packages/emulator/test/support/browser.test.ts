import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { resolveChromium, sparticuzVersion, SYSTEM_CHROMIUM, unpackedSparticuz } from "./browser.js"

describe("resolveChromium", () => {
  it("without CHROMIUM_PATH runs the system's chromium when there is one, else the one inside @sparticuz/chromium, and that binary runs", async () => {
    const resolved = await resolveChromium({})
    // On a machine with Debian's chromium that one is used; on a fresh one (no apt-get) the npm package's.
    expect(resolved.source).toBe(existsSync(SYSTEM_CHROMIUM) ? "system" : "@sparticuz/chromium")
    expect(execFileSync(resolved.executablePath, ["--headless", "--no-sandbox", "--version"], { encoding: "utf8" })).toMatch(/^Chromium \d+\./)
  })

  it("prefers CHROMIUM_PATH to everything else", async () => {
    const other = await resolveChromium({})
    expect(await resolveChromium({ CHROMIUM_PATH: other.executablePath })).toEqual({ executablePath: other.executablePath, source: "CHROMIUM_PATH" })
  })

  it("refuses a CHROMIUM_PATH with no file, naming the path, instead of running another browser", async () => {
    const missing = join("/nonexistent", "chromium")
    await expect(resolveChromium({ CHROMIUM_PATH: missing })).rejects.toThrow(
      "CHROMIUM_PATH is /nonexistent/chromium, but there is no file there: expected the path of a Chromium executable, or leave CHROMIUM_PATH unset"
    )
  })
})

describe("unpackedSparticuz", () => {
  it("unpacks once for two first uses at once, past the leftover of an interrupted run, into a binary that runs", { timeout: 180_000 }, async () => {
    const base = mkdtempSync(join(tmpdir(), "shortcode-kit-unpack-"))
    const folder = `shortcode-kit-chromium-${sparticuzVersion}`
    try {
      // What a run killed while unpacking leaves: a staging folder with a truncated binary.
      const leftover = join(base, `${folder}.partial-killed`)
      mkdirSync(leftover)
      writeFileSync(join(leftover, "chromium"), "truncated")
      const [first, second] = await Promise.all([unpackedSparticuz(base), unpackedSparticuz(base)])
      expect(second).toBe(first)
      expect(first).toBe(join(base, folder, "chromium"))
      expect(execFileSync(first, ["--headless", "--no-sandbox", "--version"], { encoding: "utf8" })).toMatch(new RegExp(`^Chromium ${sparticuzVersion.split(".")[0]}\\.`))
      // Only the finished folder and the foreign leftover: neither run left its own staging folder behind.
      expect(readdirSync(base).sort()).toEqual([folder, `${folder}.partial-killed`])
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  })
})
