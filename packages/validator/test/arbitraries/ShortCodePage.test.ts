import { fc, test } from "@fast-check/vitest"
import { ShortCodePage } from "@shortcode-kit/schema"
import { validateShortCodePage } from "@shortcode-kit/validator"
import { invalidShortCodePage, shortCodePage } from "@shortcode-kit/validator/arbitraries"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { expectAgreement, expectExactlyTheMiss } from "./laws.js"

const variants = [{ profile: "spec", nulls: true }, { profile: "strict", nulls: false }, { profile: "strict", baseUrl: "http://localhost:4010", maxItems: 3 }] as const

describe("shortCodePage", () => {
  for (const options of variants) {
    const label = JSON.stringify(options)

    test.prop([shortCodePage(options)], { numRuns: 100 })(`${label}: accepted, and decode then encode gives back the same JSON`, (page) => {
      const result = validateShortCodePage(page, options)
      expect(result.ok).toBe(true)
      // The strict page has the same wire form; the spec codec writes it back.
      if (result.ok) expect(Schema.encodeSync(ShortCodePage)(result.value)).toStrictEqual(page)
    })

    test.prop([invalidShortCodePage(options)], { numRuns: 300 })(`${label}: a near miss is exactly one issue, the announced one`, (miss) => {
      expectExactlyTheMiss(validateShortCodePage(miss.value, options), miss)
    })
  }

  test.prop([shortCodePage({ maxItems: 8 })], { numRuns: 100 })("pages are consistent: size, one service, previous and next links", (page) => {
    const meta = page.meta as NonNullable<typeof page.meta>
    const items = page.short_codes ?? []
    expect(items.length).toBeLessThanOrEqual(meta.page_size as number)
    expect(new Set(items.map((item) => item.service_sid)).size).toBeLessThanOrEqual(1)
    expect(new Set(items.map((item) => item.sid)).size).toBe(items.length)
    expect(meta.previous_page_url === null).toBe(meta.page === 0)
    if (items.length < (meta.page_size as number)) expect(meta.next_page_url).toBeNull()
    expect(meta.key).toBe("short_codes")
  })

  test.prop([fc.oneof(shortCodePage(), invalidShortCodePage().map((miss) => miss.value), fc.anything())])(
    "the validator agrees with the Effect schema",
    (input) => expectAgreement(ShortCodePage as never, input, validateShortCodePage(input))
  )

  it("refuses a bad maxItems at once", () => {
    expect(() => shortCodePage({ maxItems: -1 })).toThrow("shortCodePage: maxItems must be an integer from 0 to 1000, received -1")
  })
})
