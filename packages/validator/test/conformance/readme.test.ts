// The README's Conformance section is what users read before pointing the harness at a service: it must name every
// check and every flag the command has.
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { checkNames } from "@shortcode-kit/validator/conformance"
import { describe, expect, it } from "vitest"
import { run } from "../cli/run.js"

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "README.md"), "utf8")
const section = readme.slice(readme.indexOf("## Conformance"))

describe("README, Conformance", () => {
  it("has a row for every check in its table of checks", () => {
    expect(section.length).toBeGreaterThan(1000)
    for (const name of checkNames) expect(section).toContain(`| \`${name}\` |`)
  })

  it("documents every flag of shortcode-kit conformance", async () => {
    const { stdout } = await run(["conformance", "--help"])
    const flags = [...stdout.slice(stdout.indexOf("FLAGS"), stdout.indexOf("GLOBAL FLAGS")).matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1] as string)
    expect(flags.length).toBeGreaterThanOrEqual(18)
    for (const flag of flags) expect(section).toContain(`\`${flag}`)
  })
})
