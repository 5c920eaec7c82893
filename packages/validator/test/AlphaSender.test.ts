// AlphaSender validators (derived from the declaration by resourceValidation), its arbitraries (valid texts, and
// near misses that break exactly the rule they are labelled with), and the CLI kind `alpha-sender`.
import { test } from "@fast-check/vitest"
import { answerOfIssue } from "@shortcode-kit/schema"
import {
  alphaSenderTwilioError,
  isAlphaSender,
  isAlphaSenderSid,
  isAlphaSenderText,
  validateAlphaSender,
  validateCreateAlphaSenderForm,
  validateCreateAlphaSenderRequest
} from "@shortcode-kit/validator"
import { alphaSenderText, alphaSenderWire, invalidAlphaSenderText } from "@shortcode-kit/validator/arbitraries"
import { describe, expect, it } from "vitest"
import { lines, run } from "./cli/run.js"

const rulesOf = (result: { ok: boolean; issues?: ReadonlyArray<{ path: ReadonlyArray<unknown>; rule: string }> }) =>
  result.ok ? [] : (result.issues ?? []).map((issue) => [issue.path, issue.rule])

describe("AlphaSender validators", () => {
  // Valid bodies under both profiles, is and assert: the laws of ResourceValidation.test.ts and arbitraries/Resource.test.ts.
  test.prop([alphaSenderWire()], { numRuns: 50 })("a generated body's sid is an AlphaSender SID", (wire) => {
    expect(isAlphaSenderSid(wire.sid)).toBe(true)
  })

  test.prop([alphaSenderText()], { numRuns: 200 })("a generated text passes the text rules and the create form", (text) => {
    expect(isAlphaSenderText(text)).toBe(true)
    expect(validateCreateAlphaSenderForm({ AlphaSender: text })).toEqual({ ok: true, value: { alphaSender: text } })
  })

  test.prop([invalidAlphaSenderText()], { numRuns: 300 })("a near miss breaks exactly its rule: one issue at AlphaSender, answered 21709", (miss) => {
    expect(isAlphaSenderText(miss.value)).toBe(false)
    const result = validateCreateAlphaSenderForm(new URLSearchParams({ AlphaSender: miss.value }))
    expect(rulesOf(result), JSON.stringify(miss.value)).toEqual([[["AlphaSender"], miss.rule]])
    if (!result.ok) expect(answerOfIssue("form", result.issues[0]!).body?.code).toBe(21709)
  })

  it("answers a failed create request as Twilio does: 21709 naming the broken rule, 20001 for a missing one, 404 for a bad service", () => {
    const service = `MG${"a".repeat(32)}`
    const digits = validateCreateAlphaSenderRequest({ serviceSid: service, body: "AlphaSender=12345" })
    expect(digits.ok).toBe(false)
    if (digits.ok) return
    expect(alphaSenderTwilioError(digits)).toMatchObject({ status: 400, code: 21709 })
    expect(alphaSenderTwilioError(digits).message).toContain(digits.issues[0]!.message)
    const missing = validateCreateAlphaSenderRequest({ serviceSid: service, body: "" })
    if (missing.ok) throw new Error("an empty body was accepted")
    expect(alphaSenderTwilioError(missing)).toMatchObject({ status: 400, code: 20001 })
    const badService = validateCreateAlphaSenderRequest({ serviceSid: "MG1", body: "AlphaSender=Acme" })
    if (badService.ok) throw new Error("a malformed ServiceSid was accepted")
    expect(alphaSenderTwilioError(badService)).toMatchObject({ status: 404, code: 20404 })
    expect(validateCreateAlphaSenderRequest({ serviceSid: service, body: "AlphaSender=Acme" })).toEqual({ ok: true, value: { alphaSender: "Acme", serviceSid: service } })
  })

  test.prop([alphaSenderWire(), invalidAlphaSenderText()], { numRuns: 100 })("the strict profile reports a near miss at alpha_sender; the spec takes any string", (wire, miss) => {
    const body = { ...wire, alpha_sender: miss.value }
    expect(isAlphaSender(body)).toBe(true)
    expect(rulesOf(validateAlphaSender(body, { profile: "strict" }))).toEqual([[["alpha_sender"], miss.rule]])
  })

  it("reports a wrong type, a repeated and a missing parameter, and an unknown profile", () => {
    expect(validateCreateAlphaSenderForm({ AlphaSender: 7 })).toMatchObject({
      ok: false,
      issues: [{ path: ["AlphaSender"], rule: "type", message: "AlphaSender must be a string, or an array of strings when the parameter is repeated" }]
    })
    expect(validateCreateAlphaSenderForm({ AlphaSender: ["A", "B"] })).toMatchObject({
      ok: false,
      issues: [{ path: ["AlphaSender"], rule: "form.repeated", message: "AlphaSender must be given once; it was given 2 times" }]
    })
    expect(validateCreateAlphaSenderForm("")).toMatchObject({ ok: false, issues: [{ path: ["AlphaSender"], rule: "required", message: "AlphaSender is required" }] })
    expect(validateAlphaSender({ sid: "SC" + "a".repeat(32) })).toMatchObject({
      ok: false,
      issues: [{ path: ["sid"], rule: "sid.prefix", message: `must start with "AI" (upper case); a AI SID is "AI" followed by 32 hexadecimal digits` }]
    })
    expect(() => validateAlphaSender({}, { profile: "loose" as never })).toThrow(`validateAlphaSender: profile must be "spec" or "strict", received "loose"`)
  })
})

describe("shortcode-kit validate|sample alpha-sender", () => {
  it("sample prints bodies that validate strictly; --invalid prints near misses that validate names by their rule", async () => {
    const valid = await run(["sample", "alpha-sender", "--count", "5", "--seed", "7"])
    expect(valid.code).toBe(0)
    const checked = await run(["validate", "alpha-sender", "--profile", "strict"], valid.stdout)
    expect(checked.code, checked.stdout + checked.stderr).toBe(0)
    expect(lines(checked.stdout).at(-1)).toBe("5 documents: 5 valid, 0 invalid")

    const invalid = await run(["sample", "alpha-sender", "--invalid", "--count", "3", "--seed", "7"])
    for (const line of lines(invalid.stdout)) {
      const miss = JSON.parse(line) as { value: unknown; rule: string; path: Array<string> }
      const verdict = await run(["validate", "alpha-sender", "--profile", "strict", "--json"], JSON.stringify(miss.value))
      expect(verdict.code).toBe(1)
      expect((JSON.parse(verdict.stdout) as { issues: Array<{ rule: string; path: Array<string> }> }).issues.map((i) => [i.path, i.rule]))
        .toEqual([[["alpha_sender"], miss.rule]])
    }
  })
})
