import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { describeReceived } from "@shortcode-kit/schema"

// The rendering before strings got their quick path: JSON, cut to 200 characters.
const asJson = (text: string): string => {
  const json = JSON.stringify(text)
  return json.length > 200 ? `${json.slice(0, 199)}…` : json
}

describe("describeReceived", () => {
  it("renders strings as JSON, escapes included, and cuts long ones", () => {
    expect(describeReceived("SC12")).toBe('"SC12"')
    expect(describeReceived('a"b\\c\nd\u0001\ud800\u2028')).toBe('"a\\"b\\\\c\\nd\\u0001\\ud800\u2028"')
    expect(describeReceived("x".repeat(300))).toBe(`"${"x".repeat(198)}…`)
    expect(describeReceived(undefined)).toBe("(missing)")
  })

  test.prop([fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom("a", '"', "\\", "\n", "\u0000", "\u001f", "\u007f", "\ud800", "\udc00", "\u2028", "é") }), fc.string({ minLength: 190, maxLength: 260 }))], { numRuns: 2000 })(
    "writes every string exactly as JSON.stringify does",
    (text) => {
      expect(describeReceived(text)).toBe(asJson(text))
    }
  )
})
