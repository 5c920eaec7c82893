import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { makeShortCodeStrict, ShortCodeStrict } from "@shortcode-kit/schema"
import { issuesOf } from "./support/issues.js"
import { seedExample as real } from "./support/seedExample.js"

describe("ShortCodeStrict", () => {
  it("accepts the seed's example", () => {
    expect(Schema.decodeUnknownSync(ShortCodeStrict)(real).shortCode).toBe("12345")
  })

  it.each([
    ["a missing key", { ...real, url: undefined }, { path: ["url"], rule: "required", message: "is required", expected: "a value", received: "(missing)" }],
    ["a null sid", { ...real, sid: null }, { path: ["sid"], rule: "type", message: "must be ShortCodeSid", expected: "ShortCodeSid", received: "null" }],
    ["a short code with letters", { ...real, short_code: "12a45" }, { path: ["short_code"], rule: "short_code.digits", message: "must be 3 to 8 digits (0-9) with nothing else, such as 12345", expected: "3 to 8 digits", received: '"12a45"' }],
    ["a short code in E.164 form", { ...real, short_code: "+12345" }, { path: ["short_code"], rule: "short_code.digits", message: "must be 3 to 8 digits (0-9) with nothing else, such as 12345", expected: "3 to 8 digits", received: '"+12345"' }],
    ["an unassigned country code", { ...real, country_code: "UK" }, { path: ["country_code"], rule: "country_code.assigned", message: "must be an assigned ISO 3166-1 alpha-2 country code in upper case, such as US", expected: "ISO 3166-1 alpha-2 code", received: '"UK"' }],
    ["an unknown capability", { ...real, capabilities: ["SMS", "VOICE"] }, { path: ["capabilities", 1], rule: "type", message: 'must be "SMS" | "MMS"', expected: '"SMS" | "MMS"', received: '"VOICE"' }],
    ["a repeated capability", { ...real, capabilities: ["SMS", "MMS", "SMS"] }, { path: ["capabilities", 2], rule: "capabilities.unique", message: 'must not repeat "SMS": each capability is listed once', expected: "capabilities without duplicates", received: '"SMS"' }],
    ["dates out of order", { ...real, date_updated: "2015-07-30T20:12:30Z" }, { path: ["date_updated"], rule: "dates.order", message: "date_updated must not be earlier than date_created", expected: "date_updated >= date_created", received: '"2015-07-30T20:12:30Z"' }],
    ["a url of another resource", { ...real, url: real.url.replace(/a$/, "b") }, { path: ["url"], rule: "url.canonical", message: "must be the resource's own URL, https://messaging.twilio.com/v1/Services/{service_sid}/ShortCodes/{sid}", expected: "https://messaging.twilio.com/v1/Services/{service_sid}/ShortCodes/{sid}", received: JSON.stringify(real.url.replace(/a$/, "b")) }]
  ])("rejects %s with its own rule, message and path", (_name, input, issue) => {
    const cleaned = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
    expect(issuesOf(ShortCodeStrict, cleaned)).toStrictEqual([issue])
  })

  it("checks the url against an overridden base", () => {
    const Local = makeShortCodeStrict({ baseUrl: "http://127.0.0.1:4010" })
    const local = { ...real, url: real.url.replace("https://messaging.twilio.com", "http://127.0.0.1:4010") }
    expect(Schema.is(Schema.toEncoded(Local))(local)).toBe(true)
    expect(Schema.decodeUnknownExit(Local)(real)._tag).toBe("Failure")
  })

  it("refuses a base that is not an origin", () => {
    expect(() => makeShortCodeStrict({ baseUrl: "localhost:4010" })).toThrow(
      'makeShortCodeStrict: baseUrl must be an http(s) origin such as https://messaging.twilio.com, received "localhost:4010"'
    )
  })
})
