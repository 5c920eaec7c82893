import { test } from "@fast-check/vitest"
import { shortCodeUrl } from "@shortcode-kit/schema"
import { validateCreateShortCodeRequest, validateShortCode, validateShortCodePage } from "@shortcode-kit/validator"
import {
  createShortCodeHttpRequest,
  createShortCodeRequest,
  invalidShortCodePage,
  invalidShortCodeWire,
  shortCode,
  shortCodePage,
  shortCodeWire
} from "@shortcode-kit/validator/arbitraries"
import { describe, expect, it } from "vitest"
import { expectExactlyTheMiss } from "./laws.js"

// Upper-case hex: a user's own SIDs are kept exactly as given, never rewritten.
const AC = "AC0123456789abcdef0123456789ABCDEF"
const MG = "MG00000000000000000000000000000001"
const SC = "SCfedcba9876543210fedcba9876543210"
const LOCAL = "http://127.0.0.1:4010"
const mine = { accountSid: AC, serviceSid: MG, shortCodeSid: SC } as const

describe("SID overrides", () => {
  for (const options of [{ profile: "spec", nulls: true }, { profile: "strict", nulls: true, baseUrl: LOCAL }] as const) {
    const label = JSON.stringify(options)

    test.prop([shortCodeWire({ ...options, ...mine })])(`shortCodeWire ${label}: carries the given SIDs, never null, and url names them`, (wire) => {
      expect([wire.sid, wire.account_sid, wire.service_sid]).toStrictEqual([SC, AC, MG])
      if (options.profile === "strict") expect(wire.url).toBe(shortCodeUrl(LOCAL, MG, SC))
      else expect([null, shortCodeUrl("https://messaging.twilio.com", MG, SC)]).toContain(wire.url)
      expect(validateShortCode(wire, options).ok).toBe(true)
    })

    test.prop([invalidShortCodeWire({ ...options, serviceSid: MG })], { numRuns: 150 })(`invalidShortCodeWire ${label}: still exactly the announced miss`, (miss) => {
      expectExactlyTheMiss(validateShortCode(miss.value, options), miss)
      const value = miss.value as { readonly service_sid?: unknown }
      if (miss.path[0] !== "service_sid" && miss.path.length > 0) expect(value.service_sid).toBe(MG)
    })

    test.prop([shortCodePage({ ...options, accountSid: AC, serviceSid: MG })], { numRuns: 100 })(`shortCodePage ${label}: page and items in the given account and service`, (page) => {
      for (const item of page.short_codes ?? []) expect([item.account_sid, item.service_sid]).toStrictEqual([AC, MG])
      expect(page.meta?.url).toContain(`/v1/Services/${MG}/ShortCodes?`)
      expect(validateShortCodePage(page, options).ok).toBe(true)
    })
  }

  test.prop([invalidShortCodePage({ serviceSid: MG })], { numRuns: 100 })("invalidShortCodePage: exactly the announced miss", (miss) => {
    expectExactlyTheMiss(validateShortCodePage(miss.value), miss)
  })

  test.prop([shortCode({ shortCodeSid: SC, serviceSid: MG })])("shortCode: the decoded value has the given SIDs", (value) => {
    expect([value.sid, value.serviceSid]).toStrictEqual([SC, MG])
  })

  test.prop([createShortCodeRequest({ serviceSid: MG, shortCodeSid: SC }), createShortCodeHttpRequest({ serviceSid: MG, shortCodeSid: SC })])(
    "create requests carry the given SIDs",
    (request, http) => {
      expect(validateCreateShortCodeRequest(request)).toStrictEqual({ ok: true, value: { serviceSid: MG, shortCodeSid: SC } })
      expect(http.path).toBe(`/v1/Services/${MG}/ShortCodes`)
      expect(new URLSearchParams(http.body).get("ShortCodeSid")).toBe(SC)
    }
  )

  it("an invalid override throws at once, naming the arbitrary, the option and the SID rule it breaks", () => {
    expect(() => shortCodeWire({ serviceSid: "MG123" })).toThrow(new TypeError(
      "shortCodeWire: serviceSid override is not a valid SID: sid.length: must be exactly 34 characters long: \"MG\" followed by 32 hexadecimal digits (expected \"MG\" followed by 32 hexadecimal digits; received \"MG123\")"
    ))
    expect(() => shortCodePage({ accountSid: SC })).toThrow(/^shortCodePage: accountSid override is not a valid SID: sid\.prefix: /)
    expect(() => invalidShortCodeWire({ shortCodeSid: ` ${SC}` })).toThrow(/^invalidShortCodeWire: shortCodeSid override is not a valid SID: sid\.whitespace: /)
    expect(() => createShortCodeRequest({ shortCodeSid: "SC" + "g".repeat(32) })).toThrow(/^createShortCodeRequest: shortCodeSid override is not a valid SID: sid\.hex: /)
    expect(() => createShortCodeHttpRequest({ serviceSid: 7 as never })).toThrow(/^createShortCodeHttpRequest: serviceSid override is not a valid SID: type: /)
  })

  it("a page refuses shortCodeSid: its items have distinct SIDs", () => {
    expect(() => shortCodePage({ shortCodeSid: SC } as never)).toThrow(new TypeError(
      "shortCodePage: shortCodeSid does not apply to a page, whose items have distinct SIDs; fix accountSid or serviceSid instead"
    ))
  })
})
