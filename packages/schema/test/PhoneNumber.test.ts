// PhoneNumbers, a resource that is only a declaration (src/PhoneNumber.ts). What every resource obeys (official
// examples, the differential against messaging.v1.service.phone_number and CreatePhoneNumberRequest, JSON Schema,
// Standard Schema, names, params, form, page and OpenAPI) is in test/resource/laws.test.ts; here only what is its
// own: the strict profile names the E.164 rule and asks the resource's own URL.
import { Result, Schema } from "effect"
import { describe, expect, test } from "vitest"
import { makePhoneNumberStrict, toValidationIssues } from "@shortcode-kit/schema"

describe("PhoneNumberStrict", () => {
  const strict = Schema.decodeUnknownResult(makePhoneNumberStrict({ baseUrl: "http://127.0.0.1:4010" }))
  const service = "MG" + "a".repeat(32)
  const sid = "PN" + "b".repeat(32)
  const real = {
    sid, account_sid: "AC" + "c".repeat(32), service_sid: service,
    date_created: "2024-01-01T00:00:00Z", date_updated: "2024-01-01T00:00:00Z",
    phone_number: "+14155552671", country_code: "US", capabilities: ["SMS"],
    url: `http://127.0.0.1:4010/v1/Services/${service}/PhoneNumbers/${sid}`
  }
  const issues = (input: unknown) => {
    const result = strict(input)
    return Result.isFailure(result) ? toValidationIssues(result.failure.issue, input).map((i) => [i.path, i.rule, i.message]) : []
  }

  test("accepts a real phone number and names the E.164 rule for one that is not", () => {
    expect(issues(real)).toEqual([])
    for (const phone of ["14155552671", "+04155552671", "+1415555267123456", "+1 415 555 2671", "+1"]) {
      expect(issues({ ...real, phone_number: phone }), phone).toEqual([
        [["phone_number"], "phone_number.e164", "must be an E.164 phone number: + and 2 to 15 digits (0-9), the first not 0, such as +14155552671"]
      ])
    }
  })

  test("requires the resource's own URL", () => {
    expect(issues({ ...real, url: `http://127.0.0.1:4010/v1/Services/${service}/ShortCodes/${sid}` })).toEqual([
      [["url"], "url.canonical", "must be the resource's own URL, http://127.0.0.1:4010/v1/Services/{service_sid}/PhoneNumbers/{sid}"]
    ])
  })
})
