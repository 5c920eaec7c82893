import { assertCreateShortCodeRequest, validateCreateShortCodeRequest, ValidationError } from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"
import { MG, SC } from "./fixtures.js"

const rulesOf = (request: { serviceSid: unknown; body: unknown }) => {
  const result = validateCreateShortCodeRequest(request)
  return result.ok ? [] : result.issues.map((issue) => [issue.path, issue.rule, issue.received])
}

describe("validateCreateShortCodeRequest", () => {
  it("accepts the body as text, URLSearchParams or a record, and ignores other parameters", () => {
    const expected = { ok: true, value: { serviceSid: MG, shortCodeSid: SC } }
    expect(validateCreateShortCodeRequest({ serviceSid: MG, body: `ShortCodeSid=${SC}&FriendlyName=x` })).toStrictEqual(expected)
    expect(validateCreateShortCodeRequest({ serviceSid: MG, body: new URLSearchParams({ ShortCodeSid: SC }) })).toStrictEqual(expected)
    expect(validateCreateShortCodeRequest({ serviceSid: MG, body: { ShortCodeSid: SC, Other: ["a", "b"] } })).toStrictEqual(expected)
    expect(validateCreateShortCodeRequest({ serviceSid: MG, body: { ShortCodeSid: [SC] } })).toStrictEqual(expected)
  })

  it("decodes percent-encoding before checking: SC%61... is a valid SID", () => {
    const body = `ShortCodeSid=SC%61${"a".repeat(31)}`
    expect(validateCreateShortCodeRequest({ serviceSid: MG, body }).ok).toBe(true)
  })

  it("reports ServiceSid and ShortCodeSid problems together, each at its parameter", () => {
    expect(rulesOf({ serviceSid: "MG1", body: `ShortCodeSid=sc${"a".repeat(32)}` })).toStrictEqual([
      [["ServiceSid"], "sid.length", "\"MG1\""],
      [["ShortCodeSid"], "sid.prefix", `"sc${"a".repeat(32)}"`]
    ])
  })

  it("missing, empty and repeated ShortCodeSid, with what was received", () => {
    expect(rulesOf({ serviceSid: MG, body: "" })).toStrictEqual([[["ShortCodeSid"], "required", "(missing)"]])
    expect(rulesOf({ serviceSid: MG, body: undefined })).toStrictEqual([[["ShortCodeSid"], "required", "(missing)"]])
    expect(rulesOf({ serviceSid: MG, body: "ShortCodeSid=" })).toStrictEqual([[["ShortCodeSid"], "required", "\"\""]])
    expect(rulesOf({ serviceSid: MG, body: `ShortCodeSid=${SC}&ShortCodeSid=${SC}` })).toStrictEqual([
      [["ShortCodeSid"], "form.repeated", `["${SC}","${SC}"]`]
    ])
    expect(rulesOf({ serviceSid: MG, body: { ShortCodeSid: [SC, SC] } })).toStrictEqual([
      [["ShortCodeSid"], "form.repeated", `["${SC}","${SC}"]`]
    ])
  })

  it("a missing or wrongly typed ServiceSid", () => {
    expect(validateCreateShortCodeRequest({ serviceSid: undefined, body: `ShortCodeSid=${SC}` })).toStrictEqual({
      ok: false,
      issues: [{ path: ["ServiceSid"], rule: "required", message: "ServiceSid is required", expected: "a value", received: "(missing)" }]
    })
    expect(rulesOf({ serviceSid: 42, body: `ShortCodeSid=${SC}` })).toStrictEqual([[["ServiceSid"], "type", "42"]])
  })

  it("a record body with a value that is neither a string nor strings", () => {
    expect(rulesOf({ serviceSid: MG, body: { ShortCodeSid: 42 } })).toStrictEqual([[["ShortCodeSid"], "type", "42"]])
    expect(rulesOf({ serviceSid: MG, body: { ShortCodeSid: SC, Extra: { a: 1 } } })).toStrictEqual([[["Extra"], "type", "{\"a\":1}"]])
  })

  it("a body or request that is not a form at all", () => {
    expect(validateCreateShortCodeRequest({ serviceSid: MG, body: 42 })).toStrictEqual({
      ok: false,
      issues: [{
        path: [],
        rule: "type",
        message: "the body must be a form body: a string, URLSearchParams, or a record of string or string[] values",
        expected: "a form body: a string, URLSearchParams, or a record of string or string[] values",
        received: "42"
      }]
    })
    expect(rulesOf({ serviceSid: MG, body: [["ShortCodeSid", SC]] })).toStrictEqual([[[], "type", `[["ShortCodeSid","${SC}"]]`]])
    expect(validateCreateShortCodeRequest(null as never)).toStrictEqual({
      ok: false,
      issues: [{ path: [], rule: "type", message: "the request must be an object { serviceSid, body }", expected: "{ serviceSid, body }", received: "null" }]
    })
  })

  it("assertCreateShortCodeRequest returns the decoded request or throws ValidationError", () => {
    expect(assertCreateShortCodeRequest({ serviceSid: MG, body: `ShortCodeSid=${SC}` })).toStrictEqual({ serviceSid: MG, shortCodeSid: SC })
    expect(() => assertCreateShortCodeRequest({ serviceSid: MG, body: "" })).toThrow(ValidationError)
    expect(() => assertCreateShortCodeRequest({ serviceSid: MG, body: "" })).toThrow(
      "Invalid create request (1 issue):\n  - ShortCodeSid: required: ShortCodeSid is required (expected a value; received (missing))"
    )
  })
})
