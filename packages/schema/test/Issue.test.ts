import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CreateShortCodeForm, describeReceived, ShortCode, validationDecoder } from "@shortcode-kit/schema"
import { issuesOf } from "./support/issues.js"

// The rendering before strings got their quick path: JSON, cut to 200 characters.
const asJson = (text: string): string => {
  const json = JSON.stringify(text)
  return json.length > 200 ? `${json.slice(0, 199)}…` : json
}

describe("toValidationIssues: received", () => {
  it("reads a form body's field wherever the form is (a form codec nested in a struct or an array)", () => {
    const direct = issuesOf(CreateShortCodeForm, "ShortCodeSid=bad")
    expect(direct.map((issue) => issue.received)).toEqual(['"bad"'])
    const nested = issuesOf(Schema.Struct({ a: CreateShortCodeForm }), { a: "ShortCodeSid=bad" })
    expect(nested).toEqual(direct.map((issue) => ({ ...issue, path: ["a", ...issue.path] })))
    const decoded = validationDecoder(Schema.Struct({ a: CreateShortCodeForm }))({ a: "ShortCodeSid=bad" })
    expect(Result.isFailure(decoded) && decoded.failure).toEqual(nested)
    const inArray = issuesOf(Schema.Array(CreateShortCodeForm), ["ShortCodeSid=SC" + "a".repeat(32), "ShortCodeSid=bad"])
    expect(inArray).toEqual(direct.map((issue) => ({ ...issue, path: [1, ...issue.path] })))
  })
})

describe("describeReceived", () => {
  it("renders strings as JSON, escapes included, and cuts long ones", () => {
    expect(describeReceived("SC12")).toBe('"SC12"')
    expect(describeReceived('a"b\\c\nd\u0001\ud800\u2028')).toBe('"a\\"b\\\\c\\nd\\u0001\\ud800\u2028"')
    expect(describeReceived("x".repeat(300))).toBe(`"${"x".repeat(198)}…`)
    expect(describeReceived(undefined)).toBe("(missing)")
  })

  it("says what a value is when JSON cannot show it (nested too deeply, a getter that throws)", () => {
    let deep: unknown = []
    for (let i = 0; i < 20_000; i++) deep = [deep]
    expect(describeReceived(deep)).toBe("an array of 1 item that cannot be shown (nested too deeply, or not JSON)")
    const throwing = { get sid(): string { throw new Error("no") } }
    expect(describeReceived(throwing)).toBe("an object that cannot be shown (nested too deeply, or not JSON)")
    expect(describeReceived([1, 2])).toBe("[1,2]")
  })

  test.prop([fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom("a", '"', "\\", "\n", "\u0000", "\u001f", "\u007f", "\ud800", "\udc00", "\u2028", "é") }), fc.string({ minLength: 190, maxLength: 260 }))], { numRuns: 2000 })(
    "writes every string exactly as JSON.stringify does",
    (text) => {
      expect(describeReceived(text)).toBe(asJson(text))
    }
  )
})

// The flattener reads a codec's wire names from the codec (the annotation its module records), not from a list of
// the package's resources: a decoded-side issue of a ShortCode, or of a schema derived from it, names the wire key;
// a struct that records none keeps the names its schema gives.
describe("toValidationIssues: wire names", () => {
  const unrepresentable = { date_created: "0000-01-01T00:00:00+01:00" }
  const dateIssue = {
    path: ["date_created"],
    rule: "date.representable",
    message: "must be a valid date with whole seconds between years 0000 and 9999 (Twilio's date form has no milliseconds)",
    expected: "a Date with whole seconds",
    received: '"0000-01-01T00:00:00+01:00"'
  }

  it("names the wire key of a decoded-side issue of a ShortCode and of a schema derived from it", () => {
    expect(issuesOf(ShortCode, unrepresentable)).toStrictEqual([dateIssue])
    expect(issuesOf(ShortCode.annotate({ title: "Derived" }), unrepresentable)).toStrictEqual([dateIssue])
    expect(issuesOf(Schema.Struct({ items: Schema.Array(ShortCode) }), { items: [{}, unrepresentable] }))
      .toStrictEqual([{ ...dateIssue, path: ["items", 1, "date_created"] }])
  })

  it("keeps a struct's own key when the struct records no wire names, even where the input has a ShortCode wire key", () => {
    // A plain struct with a ShortCode domain name: the key it misses is `accountSid`, whatever else the input has.
    expect(issuesOf(Schema.Struct({ accountSid: Schema.String }), { account_sid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }))
      .toStrictEqual([{ path: ["accountSid"], rule: "required", message: "is required", expected: "a value", received: "(missing)" }])
  })
})
