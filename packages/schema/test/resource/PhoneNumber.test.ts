// A resource that is only a declaration (PhoneNumber.declaration.ts): its derived OpenAPI agrees with Twilio's
// official document, and its derived codec and form accept what the official schemas accept.
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { OpenApi } from "effect/http-api"
import { describe, expect } from "vitest"
import { toValidationIssues } from "@shortcode-kit/schema"
import { canonicalUrl, sid as sidOf, twilioDate } from "../support/arbitraries.js"
import { officialDocument, officialSchema, operationShapes } from "../support/officialDocument.js"
import { PhoneNumberResource, PhoneNumbersApi } from "./PhoneNumber.declaration.js"

const PATHS = ["/v1/Services/{ServiceSid}/PhoneNumbers", "/v1/Services/{ServiceSid}/PhoneNumbers/{Sid}"]
const document: any = OpenApi.fromApi(PhoneNumbersApi)

describe("a PhoneNumbers declaration", () => {
  test("derives the official document's paths, methods, operation ids, parameters and create body", () => {
    expect(Object.keys(document.paths).sort()).toEqual([...PATHS].sort())
    expect(operationShapes(document, PATHS)).toEqual(operationShapes(officialDocument, PATHS))
  })

  test("derives the success status of each operation from the official document's", () => {
    for (const [path, item] of Object.entries<any>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        const success = Object.keys(operation.responses).filter((status) => Number(status) < 300)
        expect(Object.keys(officialDocument.paths[path][method].responses), `${method} ${path}`).toEqual(expect.arrayContaining(success))
      }
    }
  })

  const wireValue = {
    sid: sidOf("PN"),
    account_sid: sidOf("AC"),
    service_sid: sidOf("MG"),
    date_created: twilioDate,
    date_updated: twilioDate,
    phone_number: fc.string(),
    country_code: fc.string(),
    capabilities: fc.array(fc.string()),
    url: canonicalUrl
  }
  // Each property absent, null, a valid value or a value of another kind (another SID prefix, a number, a list).
  const wire = fc.record(
    Object.fromEntries(Object.entries(wireValue).map(([key, value]) => [
      key,
      fc.oneof(value, fc.constant(null), sidOf("SC"), fc.integer(), fc.array(fc.integer(), { maxLength: 2 }), fc.constant("not a date or uri"))
    ])),
    { requiredKeys: [] }
  )
  const official = officialSchema("messaging.v1.service.phone_number")
  const decode = Schema.decodeUnknownResult(PhoneNumberResource.codec)

  test.prop([wire], { numRuns: 300 })("the codec accepts exactly what messaging.v1.service.phone_number accepts", (input) => {
    expect(Result.isSuccess(decode(input)), JSON.stringify(input)).toBe(official(input))
  })

  test.prop([fc.record(wireValue)], { numRuns: 100 })("decodes to camelCase and encodes back to the same wire JSON", (input) => {
    const value = Schema.decodeUnknownSync(PhoneNumberResource.codec)(input)
    expect(value.phoneNumber).toBe(input.phone_number)
    expect(Schema.encodeSync(PhoneNumberResource.codec)(value)).toEqual(input)
  })

  test("reports a broken property under its wire name, with the prefix of the declared SID", () => {
    const failure = Schema.decodeUnknownResult(PhoneNumberResource.codec)({ service_sid: "PN" + "a".repeat(32) })
    if (!Result.isFailure(failure)) throw new Error("expected a failure")
    expect(toValidationIssues(failure.failure.issue, { service_sid: "PN" + "a".repeat(32) }).map((i) => [i.path, i.rule, i.message])).toEqual([
      [["service_sid"], "sid.prefix", `must start with "MG" (upper case); a MG SID is "MG" followed by 32 hexadecimal digits`]
    ])
  })

  test("its create form takes PhoneNumberSid once, as the official CreatePhoneNumberRequest requires it", () => {
    const form = Schema.decodeUnknownResult(PhoneNumberResource.createForm)
    const sid = "PN" + "b".repeat(32)
    expect(Schema.decodeUnknownSync(PhoneNumberResource.createForm)(`PhoneNumberSid=${sid}&Other=1`)).toEqual({ phoneNumberSid: sid })
    const messages = (body: string) => {
      const result = form(body)
      return Result.isFailure(result) ? toValidationIssues(result.failure.issue, body).map((i) => [i.path, i.rule, i.message]) : []
    }
    expect(messages(`PhoneNumberSid=${sid}&PhoneNumberSid=${sid}`)).toEqual([
      [["PhoneNumberSid"], "form.repeated", "PhoneNumberSid must be given once; it was given 2 times"]
    ])
    expect(messages("PhoneNumberSid=")).toEqual([[["PhoneNumberSid"], "required", "PhoneNumberSid is required and must not be empty"]])
    expect(messages("")).toEqual([[["PhoneNumberSid"], "required", "PhoneNumberSid is required"]])
    expect(Schema.encodeSync(PhoneNumberResource.createForm)({ phoneNumberSid: sid as never })).toBe(`PhoneNumberSid=${sid}`)
  })

  test("derives its paths and page from the declaration", () => {
    expect(PhoneNumberResource.collectionPath).toBe("/v1/Services/:ServiceSid/PhoneNumbers")
    expect(PhoneNumberResource.instancePath).toBe("/v1/Services/:ServiceSid/PhoneNumbers/:Sid")
    const page = Schema.decodeUnknownSync(PhoneNumberResource.page)({ phone_numbers: [{ sid: null }], meta: { key: "phone_numbers" } })
    expect(page.phoneNumbers?.[0]?.sid).toBeNull()
  })
})
