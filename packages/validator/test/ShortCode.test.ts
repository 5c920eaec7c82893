import { assertShortCode, isShortCode, validateShortCode, ValidationError } from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"
import { AC, MG, SC, strictShortCode } from "./fixtures.js"

describe("validateShortCode", () => {
  it("accepts Twilio's document under both profiles and decodes it", () => {
    for (const profile of ["spec", "strict"] as const) {
      const result = validateShortCode(strictShortCode, { profile })
      expect(result).toStrictEqual({
        ok: true,
        value: {
          sid: SC,
          accountSid: AC,
          serviceSid: MG,
          dateCreated: new Date("2015-07-30T20:12:31Z"),
          dateUpdated: new Date("2015-07-30T20:12:33Z"),
          shortCode: "12345",
          countryCode: "US",
          capabilities: ["SMS", "MMS"],
          url: new URL(strictShortCode.url)
        }
      })
    }
  })

  it("defaults to the spec profile, where every property may be absent or null", () => {
    expect(validateShortCode({}).ok).toBe(true)
    expect(validateShortCode({ sid: null, url: null }).ok).toBe(true)
    expect(validateShortCode({}, { profile: "strict" }).ok).toBe(false)
  })

  it("lists every issue, not only the first, with wire-name paths", () => {
    const result = validateShortCode({
      sid: "SC12",
      account_sid: 7,
      date_created: "2015-02-30T00:00:00Z",
      capabilities: ["SMS", 1],
      url: "/v1/Services"
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((issue) => [issue.path, issue.rule])).toStrictEqual([
      [["sid"], "sid.length"],
      [["account_sid"], "type"],
      [["date_created"], "format.date-time"],
      [["capabilities", 1], "type"],
      [["url"], "format.uri"]
    ])
  })

  it("strict: the url must be the resource's own under baseUrl", () => {
    const local = { ...strictShortCode, url: `http://127.0.0.1:4010/v1/Services/${MG}/ShortCodes/${SC}` }
    expect(validateShortCode(local, { profile: "strict", baseUrl: "http://127.0.0.1:4010" }).ok).toBe(true)
    expect(validateShortCode(local, { profile: "strict", baseUrl: "http://127.0.0.1:4010/" }).ok).toBe(true)
    const result = validateShortCode(local, { profile: "strict" })
    expect(result.ok ? [] : result.issues.map((issue) => issue.rule)).toStrictEqual(["url.canonical"])
  })

  it("spec profile: a mailto: URI is a URI; relative references are not", () => {
    expect(validateShortCode({ url: "mailto:ops@example.com" }).ok).toBe(true)
    expect(validateShortCode({ url: "v1/Services" }).ok).toBe(false)
  })

  it("reports a date outside what Twilio's form can write under the wire name", () => {
    expect(validateShortCode({ date_created: "0000-01-01T00:00:00+01:00" })).toStrictEqual({
      ok: false,
      issues: [{
        path: ["date_created"],
        rule: "date.representable",
        message: "must be a valid date with whole seconds between years 0000 and 9999 (Twilio's date form has no milliseconds)",
        expected: "a Date with whole seconds",
        received: "\"0000-01-01T00:00:00+01:00\""
      }]
    })
  })

  it("throws a TypeError for malformed options (a programming mistake), naming the option", () => {
    expect(() => validateShortCode({}, { profile: "loose" as "spec" })).toThrow(
      new TypeError("validateShortCode: profile must be \"spec\" or \"strict\", received \"loose\"")
    )
    expect(() => validateShortCode({}, { profile: "strict", baseUrl: "ftp://x" })).toThrow(
      new TypeError("validateShortCode: baseUrl must be an http(s) origin such as https://messaging.twilio.com, received \"ftp://x\"")
    )
    expect(() => validateShortCode({}, null as never)).toThrow(TypeError)
  })
})

describe("isShortCode / assertShortCode", () => {
  it("isShortCode answers with the profile", () => {
    expect(isShortCode({ sid: SC })).toBe(true)
    expect(isShortCode({ sid: SC }, { profile: "strict" })).toBe(false)
    expect(isShortCode("not an object")).toBe(false)
  })

  it("assertShortCode returns the decoded value", () => {
    expect(assertShortCode(strictShortCode, { profile: "strict" }).dateUpdated).toStrictEqual(new Date("2015-07-30T20:12:33Z"))
  })

  it("assertShortCode throws a ValidationError listing every issue with its path", () => {
    let thrown: unknown
    try {
      assertShortCode({ sid: "SC1", url: "x" })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ValidationError)
    const error = thrown as ValidationError
    expect(error.name).toBe("ValidationError")
    expect(error.issues.map((issue) => issue.path)).toStrictEqual([["sid"], ["url"]])
    expect(error.message).toBe([
      "Invalid ShortCode (2 issues):",
      "  - sid: sid.length: must be exactly 34 characters long: \"SC\" followed by 32 hexadecimal digits (expected \"SC\" followed by 32 hexadecimal digits; received \"SC1\")",
      "  - url: format.uri: must be an absolute URI (RFC 3986) such as https://messaging.twilio.com/v1/Services (expected absolute URI; received \"x\")"
    ].join("\n"))
  })
})
