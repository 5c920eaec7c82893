import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { decodePageToken, encodePageToken } from "../../src/store/Paging.js"

const cursor = fc.record({
  _tag: fc.constantFrom("After" as const, "Before" as const),
  position: fc.maxSafeNat()
})

describe("PageToken", () => {
  test.prop([cursor])("decodes what it encodes", (c) => {
    expect(decodePageToken(encodePageToken(c))).toEqual(c)
  })

  test.prop([fc.string()])("decodes only tokens of its own form", (text) => {
    const decoded = decodePageToken(text)
    if (decoded !== undefined) expect(encodePageToken(decoded)).toBe(text)
  })

  test.prop([fc.constantFrom("", "PA", "PC1", "pa1", "PA01", "PA-1", "PA1.5", " PA1", "PA9007199254740992", "PA99999999999999999")])(
    "refuses near misses",
    (text) => {
      expect(decodePageToken(text)).toBeUndefined()
    }
  )
})
