import { assertShortCodePage, validateShortCodePage, ValidationError } from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"
import { MG, strictShortCode } from "./fixtures.js"

const pageUrl = (page: number) => `https://messaging.twilio.com/v1/Services/${MG}/ShortCodes?PageSize=50&Page=${page}`
const page = {
  short_codes: [strictShortCode],
  meta: { page: 0, page_size: 50, first_page_url: pageUrl(0), previous_page_url: null, url: pageUrl(0), next_page_url: null, key: "short_codes" }
}

describe("validateShortCodePage", () => {
  it("accepts a page as Twilio sends it and decodes URLs", () => {
    const result = validateShortCodePage(page)
    expect(result.ok && result.value.meta?.firstPageUrl).toStrictEqual(new URL(pageUrl(0)))
    expect(validateShortCodePage({}).ok).toBe(true)
  })

  it("reports item issues under short_codes[i] and meta issues under meta", () => {
    const result = validateShortCodePage({ short_codes: [strictShortCode, { sid: 1 }], meta: { ...page.meta, page: "0", url: "ShortCodes" } })
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.rule])).toStrictEqual([
      [["short_codes", 1, "sid"], "type"],
      [["meta", "page"], "type"],
      [["meta", "url"], "format.uri"]
    ])
  })

  it("strict profile judges every item strictly", () => {
    expect(validateShortCodePage(page, { profile: "strict" }).ok).toBe(true)
    const result = validateShortCodePage({ short_codes: [{ ...strictShortCode, country_code: "XK" }] }, { profile: "strict" })
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.rule])).toStrictEqual([[["short_codes", 0, "country_code"], "country_code.assigned"]])
  })

  it("assertShortCodePage throws ValidationError", () => {
    expect(() => assertShortCodePage({ short_codes: "none" })).toThrow(ValidationError)
    expect(assertShortCodePage(page).shortCodes?.length).toBe(1)
  })
})
