// The README is documentation users copy from: its TypeScript compiles against the built package, and its tables
// name every rule and every HTTP fault there is.
import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { expectedFaultResponses, validateShortCode } from "@shortcode-kit/validator"
import * as fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { ruleExamples } from "./ruleExamples.js"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const readme = readFileSync(join(root, "README.md"), "utf8")
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string)

// Inside the package, so that "@shortcode-kit/validator" and fast-check resolve as they do for a user.
const dir = mkdtempSync(join(root, ".readme-check-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("README", () => {
  it("its TypeScript examples compile", async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4)
    blocks.forEach((code, i) => writeFileSync(join(dir, `example${i}.ts`), code))
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
      extends: "../../../tsconfig.base.json",
      compilerOptions: { noEmit: true },
      include: ["*.ts"]
    }))
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
    const result = await promisify(execFile)(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")]).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error)
    )
    expect(result).toBe("")
  })

  it("the arbitraries the handler example pairs agree: a parser as strict as Twilio's schema passes both of its properties", async () => {
    const block = blocks.find((code) => code.includes("declare function parseShortCode")) ?? ""
    // The argument of each of its `test.prop([...])` over a ShortCode arbitrary, run as the README writes it.
    const args = [...block.matchAll(/test\.prop\(\[((?:invalidS|s)hortCodeWire\([^)]*\))\]\)/g)].map((match) => match[1] as string)
    expect(args).toHaveLength(2)
    const arbitraries = await import("@shortcode-kit/validator/arbitraries")
    const [valid, invalid] = args.map((arg) => new Function(...Object.keys(arbitraries), `return ${arg}`)(...Object.values(arbitraries))) as [
      fc.Arbitrary<unknown>,
      fc.Arbitrary<{ readonly value: unknown }>
    ]
    fc.assert(fc.property(valid, (wire) => validateShortCode(wire).ok), { numRuns: 500, seed: 1 })
    fc.assert(fc.property(invalid, ({ value }) => !validateShortCode(value).ok), { numRuns: 500, seed: 1 })
  })

  it("lists every rule", () => {
    for (const [rule] of ruleExamples) expect(readme).toContain(`| \`${rule}\` |`)
  })

  it("lists every HTTP fault with its answer", () => {
    for (const [fault, { status, code }] of Object.entries(expectedFaultResponses)) {
      expect(readme).toContain(`| \`${fault}\` | ${status} | ${code} |`)
    }
  })
})
