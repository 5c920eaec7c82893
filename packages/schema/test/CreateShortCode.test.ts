import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CreateShortCodeForm, CreateShortCodeParams, type ShortCodeSid } from "@shortcode-kit/schema"
import { issuesOf } from "./support/issues.js"

const sid = "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

describe("CreateShortCodeForm", () => {
  it("decodes a form body given as text or URLSearchParams, ignoring other parameters", () => {
    expect(Schema.decodeUnknownSync(CreateShortCodeForm)(`Friendly=x&ShortCodeSid=${sid}`)).toStrictEqual({ shortCodeSid: sid })
    expect(Schema.decodeUnknownSync(CreateShortCodeForm)(new URLSearchParams({ ShortCodeSid: sid }))).toStrictEqual({ shortCodeSid: sid })
    expect(Schema.decodeUnknownSync(CreateShortCodeForm)(`ShortCodeSid=SC%61${"a".repeat(31)}`)).toStrictEqual({ shortCodeSid: sid })
  })

  it("encodes back to the body text", () => {
    expect(Schema.encodeSync(CreateShortCodeForm)({ shortCodeSid: sid as ShortCodeSid })).toBe(`ShortCodeSid=${sid}`)
  })

  it.each([
    ["missing", "Other=1", { rule: "required", message: "ShortCodeSid is required", expected: "a value", received: "(missing)" }],
    ["empty", "ShortCodeSid=", { rule: "required", message: "ShortCodeSid is required and must not be empty", expected: "a ShortCode SID", received: '""' }],
    ["repeated (never first-wins)", `ShortCodeSid=${sid}&ShortCodeSid=${sid}`, { rule: "form.repeated", message: "ShortCodeSid must be given once; it was given 2 times", expected: "exactly one ShortCodeSid", received: JSON.stringify([sid, sid]) }],
    ["malformed", "ShortCodeSid=SC123", { rule: "sid.length", message: 'must be exactly 34 characters long: "SC" followed by 32 hexadecimal digits', expected: '"SC" followed by 32 hexadecimal digits', received: '"SC123"' }]
  ])("rejects a %s ShortCodeSid at [\"ShortCodeSid\"]", (_name, body, issue) => {
    const [only, ...rest] = issuesOf(CreateShortCodeForm, body)
    expect(rest).toStrictEqual([])
    expect(only).toStrictEqual({ path: ["ShortCodeSid"], ...issue })
  })

  it("decodes the path parameter", () => {
    expect(issuesOf(CreateShortCodeParams, { ServiceSid: "SC" + "a".repeat(32) })).toStrictEqual([
      { path: ["ServiceSid"], rule: "sid.prefix", message: 'must start with "MG" (upper case); a MG SID is "MG" followed by 32 hexadecimal digits', expected: '"MG" followed by 32 hexadecimal digits', received: JSON.stringify("SC" + "a".repeat(32)) }
    ])
  })
})
