import { validateListShortCodesQuery } from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"

const rules = (query: unknown) => {
  const result = validateListShortCodesQuery(query)
  return result.ok ? [] : result.issues.map((issue) => [issue.path, issue.rule])
}

describe("validateListShortCodesQuery", () => {
  it("decodes with the defaults, from text, URLSearchParams or a record", () => {
    expect(validateListShortCodesQuery(undefined)).toStrictEqual({ ok: true, value: { pageSize: 50, page: 0 } })
    expect(validateListShortCodesQuery("?PageSize=20&Page=2&PageToken=PT1&Other=x")).toStrictEqual({
      ok: true,
      value: { pageSize: 20, page: 2, pageToken: "PT1" }
    })
    expect(validateListShortCodesQuery(new URLSearchParams({ PageSize: "1000" }))).toStrictEqual({ ok: true, value: { pageSize: 1000, page: 0 } })
    expect(validateListShortCodesQuery({ Page: "0" })).toStrictEqual({ ok: true, value: { pageSize: 50, page: 0 } })
  })

  it("reports bad numbers, ranges and repeats", () => {
    expect(rules("PageSize=1e3")).toStrictEqual([[["PageSize"], "query.integer"]])
    expect(rules("PageSize=1001&Page=-1")).toStrictEqual([[["PageSize"], "query.range"], [["Page"], "query.integer"]])
    expect(rules("Page=1&Page=2")).toStrictEqual([[["Page"], "form.repeated"]])
    expect(rules({ PageSize: 20 })).toStrictEqual([[["PageSize"], "type"]])
    expect(rules(42)).toStrictEqual([[[], "type"]])
  })
})
