// The Services declaration: its codec requires every key (served bodies are whole) and allows null where the
// official schema does; its create form takes FriendlyName once, 1 to 64 characters.
import { Result, Schema } from "effect"
import { describe, expect, test } from "vitest"
import { Ajv2020 } from "ajv/dist/2020.js"
import formatsModule from "ajv-formats"
import { CreateServiceForm, MessagingService, MessagingServicePage, standardSchemas, toJsonSchema, toValidationIssues } from "@shortcode-kit/schema"
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
  test("decodes a served body that the official messaging.v1.service accepts, and encodes it back", () => {
    expect(officialSchema("messaging.v1.service")(body)).toBe(true)
    const service = Schema.decodeUnknownSync(MessagingService)(body)
    expect(service.friendlyName).toBe("My Service")
    expect(service.links?.["short_codes"]?.pathname).toBe(`/v1/Services/MG${"b".repeat(32)}/ShortCodes`)
    expect(Schema.encodeSync(MessagingService)(service)).toEqual(body)
  })

  test("refuses a body without a key, and null where the official schema does not allow it, by wire name", () => {
    const { usecase: _, ...withoutUsecase } = body
    expect(issues(MessagingService as never, withoutUsecase)).toEqual([[["usecase"], "required", "is required"]])
    expect(issues(MessagingService as never, { ...body, validity_period: null, friendly_name: null })).toEqual([
      [["validity_period"], "type", "must be number"]
    ])
    expect(officialSchema("messaging.v1.service")({ ...body, validity_period: null })).toBe(false)
  })

  test("has a JSON Schema and a Standard Schema view that agree with the codec", async () => {
    const ajv = new Ajv2020({ strict: false })
    formatsModule.default(ajv)
    const document = toJsonSchema("MessagingService")
    const validate = ajv.compile({ ...document.schema, $defs: document.definitions })
    expect(validate(body)).toBe(true)
    expect(validate({ ...body, sid: "SC" + "b".repeat(32) })).toBe(false)
    expect(validate({ ...body, validity_period: null })).toBe(false)
    const standard = await standardSchemas.MessagingService["~standard"].validate({ ...body, scan_message_content: "sometimes" })
    expect("issues" in standard && standard.issues?.map((issue) => issue.path)).toEqual([["scan_message_content"]])
  })

  test("its page requires services and meta", () => {
    const page = Schema.decodeUnknownSync(MessagingServicePage)({ services: [body], meta: { key: "services", page: 0 } })
    expect(page.services[0]?.sid).toBe(body.sid)
    expect(issues(MessagingServicePage as never, { services: [] })).toEqual([[["meta"], "required", "is required"]])
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
