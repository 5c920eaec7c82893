// The CLI's phone-number kinds through the built bin, as a user runs it: sample phone-number piped into
// validate phone-number (strict profile), and a near miss reported under its rule.
import { describe, expect, it } from "vitest"
import { lines, run, runShell } from "./run.js"

describe("shortcode-kit with phone numbers", () => {
  it("sample phone-number | validate phone-number --profile strict: every document valid, exit 0", async () => {
    const result = await runShell("shortcode-kit sample phone-number --count 2 --seed 7 | shortcode-kit validate phone-number --profile strict")
    expect(result).toStrictEqual({
      code: 0,
      stdout: ["line 1: valid phone-number (strict profile)", "line 2: valid phone-number (strict profile)", "2 documents: 2 valid, 0 invalid", ""].join("\n"),
      stderr: ""
    })
  })

  it("validate phone-number names the E.164 rule, exit 1", async () => {
    const [first] = lines((await run(["sample", "phone-number", "--count", "1", "--seed", "3"], "")).stdout)
    const bad = { ...JSON.parse(first as string), phone_number: "4155552671" }
    const { code, stdout } = await run(["validate", "phone-number", "--profile", "strict"], JSON.stringify(bad))
    expect(code).toBe(1)
    expect(lines(stdout)).toStrictEqual([
      "invalid phone-number (strict profile): 1 issue",
      '  phone_number: phone_number.e164: must be an E.164 phone number: + and 2 to 15 digits (0-9), the first not 0, such as +14155552671 (expected an E.164 phone number; received "4155552671")'
    ])
  })

  it("sample phone-number --invalid: each near miss fails validate under its announced rule", async () => {
    const { stdout } = await run(["sample", "phone-number", "--invalid", "--count", "4", "--seed", "11"], "")
    for (const line of lines(stdout)) {
      const miss = JSON.parse(line) as { value: unknown; rule: string }
      const result = await run(["validate", "phone-number", "--profile", "strict"], JSON.stringify(miss.value))
      expect(result.code, line).toBe(1)
      expect(result.stdout, line).toContain(`: ${miss.rule}: `)
    }
  })
})
