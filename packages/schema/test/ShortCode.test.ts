import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ShortCode, toValidationIssues } from "@shortcode-kit/schema"
import { seedExample } from "./support/seedExample.js"

const decode = Schema.decodeUnknownSync(ShortCode)
const encode = Schema.encodeSync(ShortCode)

const issuesOf = (input: unknown) => {
  const result = Schema.decodeUnknownResult(ShortCode)(input, { errors: "all" })
  if (Result.isSuccess(result)) throw new Error(`expected ${JSON.stringify(input)} to be rejected`)
  return toValidationIssues(result.failure.issue, input)
}

describe("ShortCode", () => {
  it("decodes the seed's example to the expected domain value", () => {
    const value = decode(seedExample)
    expect(value).toStrictEqual({
      sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      serviceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      dateCreated: new Date(Date.UTC(2015, 6, 30, 20, 12, 31)),
      dateUpdated: new Date(Date.UTC(2015, 6, 30, 20, 12, 33)),
      shortCode: "12345",
      countryCode: "US",
      capabilities: ["SMS"],
      url: new URL(seedExample.url)
    })
    expect(value.url?.href).toBe(seedExample.url)
  })

  it("encodes to Twilio's form: every key, dates without milliseconds", () => {
    expect(encode(decode(seedExample))).toStrictEqual({
      sid: seedExample.sid,
      account_sid: seedExample.account_sid,
      service_sid: seedExample.service_sid,
      date_created: "2015-07-30T20:12:31Z",
      date_updated: "2015-07-30T20:12:33Z",
      short_code: "12345",
      country_code: "US",
      capabilities: ["SMS"],
      url: seedExample.url
    })
  })

  it("decodes absent properties as null and drops unknown ones", () => {
    expect(decode({ extra: 1, links: {} })).toStrictEqual({
      sid: null, accountSid: null, serviceSid: null, dateCreated: null, dateUpdated: null,
      shortCode: null, countryCode: null, capabilities: null, url: null
    })
  })

  it("reads any RFC 3339 date-time and keeps it to the second", () => {
    const value = decode({ date_created: "2015-07-30T22:12:31.999+02:00", date_updated: "2015-07-30t20:12:33z" })
    expect(value.dateCreated?.toISOString()).toBe("2015-07-30T20:12:31.000Z")
    expect(encode(value).date_created).toBe("2015-07-30T20:12:31Z")
    expect(value.dateUpdated?.toISOString()).toBe("2015-07-30T20:12:33.000Z")
  })

  it("never rewrites a SID: upper-case hex stays upper-case", () => {
    const sid = "SCAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    expect(encode(decode({ sid })).sid).toBe(sid)
  })

  it("lists every problem with its rule and wire path", () => {
    expect(issuesOf({ sid: "SC12", account_sid: 4, capabilities: ["SMS", 1], date_created: "2015-02-30T00:00:00Z", url: "/relative" }))
      .toStrictEqual([
        { path: ["sid"], rule: "sid.length", message: 'must be exactly 34 characters long: "SC" followed by 32 hexadecimal digits', expected: '"SC" followed by 32 hexadecimal digits', received: '"SC12"' },
        { path: ["account_sid"], rule: "type", message: "must be AccountSid | null", expected: "AccountSid | null", received: "4" },
        { path: ["date_created"], rule: "format.date-time", message: "must be an RFC 3339 date-time such as 2015-07-30T20:12:31Z (a real calendar date and time, with Z or a ±hh:mm offset)", expected: "RFC 3339 date-time", received: '"2015-02-30T00:00:00Z"' },
        { path: ["capabilities", 1], rule: "type", message: "must be string", expected: "string", received: "1" },
        { path: ["url"], rule: "format.uri", message: "must be an absolute URI (RFC 3986) such as https://messaging.twilio.com/v1/Services", expected: "absolute URI", received: '"/relative"' }
      ])
  })

  it("reports a date it cannot represent under the wire name, with what was sent", () => {
    expect(issuesOf({ date_created: "0000-01-01T00:00:00+01:00" })).toStrictEqual([{
      path: ["date_created"],
      rule: "date.representable",
      message: "must be a valid date with whole seconds between years 0000 and 9999 (Twilio's date form has no milliseconds)",
      expected: "a Date with whole seconds",
      received: '"0000-01-01T00:00:00+01:00"'
    }])
  })

  it("rejects a non-object with a type issue at the root", () => {
    expect(issuesOf([1])).toStrictEqual([{ path: [], rule: "type", message: "must be object", expected: "object", received: "[1]" }])
  })
})
