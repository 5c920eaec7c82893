// AlphaSender validators (derived from the declaration by resourceValidation) and its text arbitraries (valid texts,
// and near misses that break exactly the rule they are labelled with). Its row in ResourceValidation.test.ts holds
// its SIDs and the exact answers of a failed create request; the CLI kind's row is in cli/ResourceKinds.test.ts.
import { test } from "@fast-check/vitest"
import { answerOfIssue } from "@shortcode-kit/schema"
import { isAlphaSender, isAlphaSenderText, validateAlphaSender, validateCreateAlphaSenderForm } from "@shortcode-kit/validator"
import { alphaSenderText, alphaSenderWire, invalidAlphaSenderText } from "@shortcode-kit/validator/arbitraries"
import { describe, expect, it } from "vitest"

const rulesOf = (result: { ok: boolean; issues?: ReadonlyArray<{ path: ReadonlyArray<unknown>; rule: string }> }) =>
  result.ok ? [] : (result.issues ?? []).map((issue) => [issue.path, issue.rule])

describe("AlphaSender validators", () => {
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
