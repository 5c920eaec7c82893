// The Services declaration, what is its own (the laws of every resource, test/resource/laws.test.ts, check its
// examples, its agreement with messaging.v1.service on whole bodies, its JSON Schema, Standard Schema and page): the
// messages for a missing key and a forbidden null, and FriendlyName's 64 characters counted as a person counts them.
import { Result, Schema } from "effect"
import { describe, expect, test } from "vitest"
import { CreateServiceForm, MessagingService, toValidationIssues } from "@shortcode-kit/schema"
import { officialSchema } from "../support/officialDocument.js"

const body = {
  account_sid: "AC" + "a".repeat(32),
  sid: "MG" + "b".repeat(32),
  date_created: "2015-07-30T20:12:31Z",
  date_updated: "2015-07-30T20:12:33Z",
  friendly_name: "My Service",
  inbound_request_url: null,
  inbound_method: "POST",
  fallback_url: null,
  fallback_method: "POST",
  status_callback: null,
  sticky_sender: true,
  mms_converter: true,
  smart_encoding: true,
  scan_message_content: "inherit",
  fallback_to_long_code: true,
  area_code_geomatch: true,
  validity_period: 36000,
  synchronous_validation: true,
  usecase: "undeclared",
  us_app_to_person_registered: false,
  use_inbound_webhook_on_number: false,
  links: { short_codes: "https://messaging.twilio.com/v1/Services/MG" + "b".repeat(32) + "/ShortCodes" },
  url: "https://messaging.twilio.com/v1/Services/MG" + "b".repeat(32)
}

const issues = (schema: Schema.Codec<unknown, unknown>, input: unknown) => {
  const result = Schema.decodeUnknownResult(schema)(input, { errors: "all" })
  return Result.isFailure(result) ? toValidationIssues(result.failure.issue, input).map((i) => [i.path, i.rule, i.message]) : []
}

describe("MessagingService", () => {
  test("refuses a body without a key, and null where the official schema does not allow it, by wire name", () => {
    const { usecase: _, ...withoutUsecase } = body
    expect(issues(MessagingService as never, withoutUsecase)).toEqual([[["usecase"], "required", "is required"]])
    expect(issues(MessagingService as never, { ...body, validity_period: null, friendly_name: null })).toEqual([
      [["validity_period"], "type", "must be number"]
    ])
    expect(officialSchema("messaging.v1.service")({ ...body, validity_period: null })).toBe(false)
  })

})

describe("CreateServiceForm", () => {
  test("decodes FriendlyName, ignoring other parameters, and encodes it back", () => {
    expect(Schema.decodeUnknownSync(CreateServiceForm)("FriendlyName=Hello%20%F0%9F%98%80&StickySender=false")).toEqual({ friendlyName: "Hello 😀" })
    expect(Schema.encodeSync(CreateServiceForm)({ friendlyName: "a b" })).toBe("FriendlyName=a+b")
  })

  test("refuses a missing, repeated, empty or too long FriendlyName with its own message", () => {
    expect(issues(CreateServiceForm as never, "")).toEqual([[["FriendlyName"], "required", "FriendlyName is required"]])
    expect(issues(CreateServiceForm as never, "FriendlyName=a&FriendlyName=b")).toEqual([
      [["FriendlyName"], "form.repeated", "FriendlyName must be given once; it was given 2 times"]
    ])
    expect(issues(CreateServiceForm as never, "FriendlyName=")[0]?.[2]).toBe("FriendlyName must not be empty")
    expect(issues(CreateServiceForm as never, `FriendlyName=${"😀".repeat(65)}`)[0]?.[2]).toBe("FriendlyName must be at most 64 characters long (it has 65)")
    expect(Schema.decodeUnknownSync(CreateServiceForm)(`FriendlyName=${"😀".repeat(64)}`).friendlyName).toHaveLength(128)
  })
})
