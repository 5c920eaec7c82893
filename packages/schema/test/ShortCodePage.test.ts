import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ShortCodePage, ShortCodeStrict } from "@shortcode-kit/schema"
import { issuesOf } from "./support/issues.js"
import { seedExample } from "./support/seedExample.js"

describe("ShortCodePage", () => {
  it("reports problems of items under the wire path, strict cross-field rules included", () => {
    const item = { ...seedExample, date_updated: "2015-07-30T20:12:30Z" }
    expect(issuesOf(Schema.Struct({ short_codes: Schema.Array(ShortCodeStrict) }), { short_codes: [seedExample, item] }).map((i) => [i.path, i.rule]))
      .toStrictEqual([[["short_codes", 1, "date_updated"], "dates.order"]])
    expect(issuesOf(ShortCodePage, { short_codes: [{}, { date_updated: "0000-01-01T00:00:00+00:01" }] }).map((i) => [i.path, i.rule, i.received]))
      .toStrictEqual([[["short_codes", 1, "date_updated"], "date.representable", '"0000-01-01T00:00:00+00:01"']])
  })
})
