import { describe, expect, it } from "vitest"
import { run } from "./cli/run.js"

describe("shortcode-kit", () => {
  it("--help lists the commands and exits 0", async () => {
    const { code, stdout } = await run(["--help"])
    expect(code).toBe(0)
    expect(stdout).toContain("USAGE\n  shortcode-kit <subcommand> [flags]")
    expect(stdout).toMatch(/^ {2}validate +Validate a ShortCode/m)
    expect(stdout).toMatch(/^ {2}sample +Print generated data as JSON lines/m)
    expect(stdout).toMatch(/^ {2}conformance +\S/m)
  })

  it("--version prints the package version", async () => {
    const { code, stdout } = await run(["--version"])
    expect(code).toBe(0)
    expect(stdout.trim()).toMatch(/^shortcode-kit v\d+\.\d+\.\d+/)
  })

  it("no command: help and exit 2", async () => {
    const { code, stdout } = await run([])
    expect(code).toBe(2)
    expect(stdout).toContain("SUBCOMMANDS")
  })

  it("an unknown command is a usage error on stderr only", async () => {
    const { code, stdout, stderr } = await run(["lint"])
    expect(code).toBe(2)
    expect(stdout).toBe("")
    expect(stderr).toContain("lint")
    expect(stderr).toContain("Run: shortcode-kit --help")
  })

  it("--wizard, which needs a terminal, is refused with a clear message", async () => {
    const { code, stderr } = await run(["validate", "--wizard"])
    expect(code).toBe(2)
    expect(stderr).toContain("shortcode-kit: interactive input (--wizard) is not supported by shortcode-kit")
  })
})
