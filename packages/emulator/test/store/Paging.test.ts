import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { decodePageToken, encodePageToken } from "../../src/store/Paging.js"

const cursor = fc.record({
  _tag: fc.constantFrom("After" as const, "Before" as const),
  position: fc.maxSafeNat()
})
const list = fc.string({ maxLength: 80 })

describe("PageToken", () => {
  test.prop([cursor, list])("decodes what it encodes, on the same list", (c, l) => {
    expect(decodePageToken(encodePageToken(c, l), l)).toEqual({ _tag: "Cursor", cursor: c })
  })

  test.prop([cursor, list, list])("refuses a token on any other list", (c, l, other) => {
    fc.pre(l !== other)
    expect(decodePageToken(encodePageToken(c, l), other)).toEqual({ _tag: "OtherList" })
  })

  test.prop([fc.string(), list])("decodes only tokens of its own form", (text, l) => {
    const decoded = decodePageToken(text, l)
    if (decoded._tag === "Cursor") expect(encodePageToken(decoded.cursor, l)).toBe(text)
  })

  test.prop([cursor])("looks like Twilio's tokens: PA or PB and 32 lower-case hex digits", (c) => {
    expect(encodePageToken(c, "AC00000000000000000000000000000000 /v1/Services")).toMatch(/^P[AB][0-9a-f]{32}$/)
  })

  it("refuses near misses", () => {
    const good = encodePageToken({ _tag: "After", position: 1 }, "l")
    for (const text of ["", "PA", "PA1", "PC" + good.slice(2), good.toUpperCase(), good.slice(0, -1), `${good}0`, ` ${good}`,
      // a position beyond the largest safe integer
      `PA0020000000000000${good.slice(18)}`]) {
      expect(decodePageToken(text, "l"), text).toEqual({ _tag: "Malformed" })
    }
  })

  it("refuses to encode a position no list has", () => {
    expect(() => encodePageToken({ _tag: "After", position: -1 }, "l")).toThrow("a page token needs a position from 0 to 9007199254740991, received -1")
  })
})
