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

  it("--wizard is gone: an unknown flag, with where to find help", async () => {
    const [wizard, help] = await Promise.all([run(["validate", "--wizard"]), run(["--help"])])
    expect(wizard.code).toBe(2)
    expect(wizard.stdout).toBe("")
    expect(wizard.stderr).toBe("\nERROR\n  Unrecognized flag: --wizard in command shortcode-kit validate\n\nRun: shortcode-kit validate --help\n")
    expect(help.stdout).not.toContain("wizard")
  })

  it("--help shows examples, for the root and for each command", async () => {
    const [root, validate, sample, conformance] = await Promise.all([
      run(["--help"]),
      run(["validate", "--help"]),
      run(["sample", "--help"]),
      run(["conformance", "--help"])
    ])
    expect(root.stdout).toContain("EXAMPLES\n  # Validate a ShortCode; exit 1 with one line per issue\n  shortcode-kit validate short-code response.json\n")
    expect(validate.stdout).toContain("  # JSON Lines: one report per line, exit 1 if any is invalid\n  shortcode-kit sample short-code --count 3 | shortcode-kit validate short-code\n")
    expect(sample.stdout).toContain("  # Three ShortCodes, the same three every time\n  shortcode-kit sample short-code --count 3 --seed 42\n")
    expect(conformance.stdout).toContain("EXAMPLES\n")
    expect(conformance.stdout).toContain("--junit report.xml")
  })
})
