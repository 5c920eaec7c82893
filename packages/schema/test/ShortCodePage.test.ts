import { fc, test } from "@fast-check/vitest"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ShortCodePage, ShortCodeStrict } from "@shortcode-kit/schema"
import { issuesOf } from "./support/issues.js"
import { seedExample } from "./support/seedExample.js"
import { canonicalUrl, canonicalWire } from "./support/arbitraries.js"
import { officialListShortCodeResponse } from "./support/officialSpec.js"

// The official list example (twilio_messaging_v1.json, readFull).
const example = {
  meta: {
    page: 0, page_size: 20,
    first_page_url: "https://messaging.twilio.com/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ShortCodes?PageSize=20&Page=0",
    previous_page_url: null, next_page_url: null, key: "short_codes",
    url: "https://messaging.twilio.com/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ShortCodes?PageSize=20&Page=0"
  },
  short_codes: []
}

const canonicalPage = fc.record({
  short_codes: fc.array(canonicalWire, { maxLength: 3 }),
  meta: fc.record({
    page: fc.nat(), page_size: fc.integer({ min: 1, max: 1000 }), first_page_url: canonicalUrl,
    previous_page_url: fc.option(canonicalUrl, { nil: null }), url: canonicalUrl,
    next_page_url: fc.option(canonicalUrl, { nil: null }), key: fc.constant("short_codes")
  })
})

describe("ShortCodePage", () => {
  it("decodes the official example", () => {
    const page = Schema.decodeUnknownSync(ShortCodePage)(example)
    expect(page.meta?.pageSize).toBe(20)
    expect(page.meta?.nextPageUrl).toBeNull()
    expect(page.meta?.url?.searchParams.get("PageSize")).toBe("20")
  })

  it("reports problems of items under the wire path, strict cross-field rules included", () => {
    const item = { ...seedExample, date_updated: "2015-07-30T20:12:30Z" }
    expect(issuesOf(Schema.Struct({ short_codes: Schema.Array(ShortCodeStrict) }), { short_codes: [seedExample, item] }).map((i) => [i.path, i.rule]))
      .toStrictEqual([[["short_codes", 1, "date_updated"], "dates.order"]])
    expect(issuesOf(ShortCodePage, { short_codes: [{}, { date_updated: "0000-01-01T00:00:00+00:01" }] }).map((i) => [i.path, i.rule, i.received]))
      .toStrictEqual([[["short_codes", 1, "date_updated"], "date.representable", '"0000-01-01T00:00:00+00:01"']])
  })

  test.prop([canonicalPage])("law: encode(decode(w)) equals w, and w is valid against the official schema", (wire) => {
    expect(officialListShortCodeResponse(wire)).toBe(true)
    expect(Schema.encodeSync(ShortCodePage)(Schema.decodeUnknownSync(ShortCodePage)(wire))).toEqual(wire)
  })
})
