import { execFileSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { resolveChromium, SYSTEM_CHROMIUM } from "./browser.js"

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
