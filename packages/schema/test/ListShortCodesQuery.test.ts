import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ListShortCodesQuery } from "@shortcode-kit/schema"
import { issuesOf } from "./support/issues.js"

describe("ListShortCodesQuery", () => {
  it("defaults PageSize to 50 and Page to 0", () => {
    expect(Schema.decodeUnknownSync(ListShortCodesQuery)({})).toStrictEqual({ pageSize: 50, page: 0 })
    expect(Schema.decodeUnknownSync(ListShortCodesQuery)({ PageSize: "1000", Page: "3", PageToken: "t" })).toStrictEqual({ pageSize: 1000, page: 3, pageToken: "t" })
  })

  it.each([
    ["PageSize", "0", "query.range", "PageSize must be between 1 and 1000", "1..1000"],
    ["PageSize", "1001", "query.range", "PageSize must be between 1 and 1000", "1..1000"],
    ["PageSize", "1e3", "query.integer", "PageSize must be a whole number in decimal digits (no sign, no leading zero, at most 16 digits)", "decimal integer"],
    ["PageSize", " 5", "query.integer", "PageSize must be a whole number in decimal digits (no sign, no leading zero, at most 16 digits)", "decimal integer"],
    ["Page", "-1", "query.integer", "Page must be a whole number in decimal digits (no sign, no leading zero, at most 16 digits)", "decimal integer"],
    ["Page", "0001", "query.integer", "Page must be a whole number in decimal digits (no sign, no leading zero, at most 16 digits)", "decimal integer"],
    ["Page", "12345678901234567", "query.integer", "Page must be a whole number in decimal digits (no sign, no leading zero, at most 16 digits)", "decimal integer"]
  ])("rejects %s=%j with its rule", (name, value, rule, message, expected) => {
    expect(issuesOf(ListShortCodesQuery, { [name]: value })).toStrictEqual([{ path: [name], rule, message, expected, received: JSON.stringify(value) }])
  })
})
