// PhoneNumbers, a resource that is only a declaration (src/PhoneNumber.ts): its derived OpenAPI agrees with
// Twilio's official document, its derived codec and form accept exactly what the official schemas accept (on
// generated valid, near-miss and arbitrary inputs), and its strict profile names the E.164 rule.
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { HttpApi, OpenApi } from "effect/http-api"
import { describe, expect } from "vitest"
import { makePhoneNumberStrict, PhoneNumberResource, toValidationIssues } from "@shortcode-kit/schema"
import { PhoneNumbersGroup } from "@shortcode-kit/schema/http"
import { canonicalUrl, nearMissDate, nearMissSid, nearMissUrl, sid as sidOf, twilioDate } from "./support/arbitraries.js"
import { officialCreateForm, officialDocument, officialSchema, operationShapes } from "./support/officialDocument.js"
import { isLenientDateTime, isUriDifference } from "./support/officialSpec.js"

const PATHS = ["/v1/Services/{ServiceSid}/PhoneNumbers", "/v1/Services/{ServiceSid}/PhoneNumbers/{Sid}"]
const document: any = OpenApi.fromApi(HttpApi.make("PhoneNumbersApi").add(PhoneNumbersGroup))

describe("PhoneNumbers, from its declaration", () => {
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

const documentedDifference = (input: unknown): boolean =>
  typeof input === "object" && input !== null && !Array.isArray(input) &&
  ["date_created", "date_updated"].some((key) => isLenientDateTime((input as Record<string, unknown>)[key])) ||
  isUriDifference((input as Record<string, unknown> | null)?.["url"])

const nearMissWire = fc.record({
  sid: fc.oneof(nearMissSid("PN"), fc.constant(null), fc.jsonValue()),
  account_sid: fc.oneof(nearMissSid("AC"), fc.constant(null)),
  service_sid: fc.oneof(nearMissSid("MG"), fc.constant(null)),
  date_created: fc.oneof(nearMissDate, fc.constant(null), fc.integer()),
  date_updated: fc.oneof(nearMissDate, fc.constant(null)),
  phone_number: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
  country_code: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)),
  capabilities: fc.oneof(fc.array(fc.oneof(fc.string(), fc.integer())), fc.constant(null), fc.string()),
  url: fc.oneof(nearMissUrl, fc.constant(null))
}, { requiredKeys: [] })

describe("PhoneNumber agrees with Twilio's official schemas (ajv + ajv-formats, nullable)", () => {
  const official = officialSchema("messaging.v1.service.phone_number")
  const decodes = (input: unknown) => Schema.decodeUnknownExit(PhoneNumberResource.codec)(input)._tag === "Success"
  test.prop([fc.oneof(nearMissWire, fc.anything(), fc.jsonValue())], { numRuns: 5_000, interruptAfterTimeLimit: 60_000 })(
    "the codec accepts exactly what messaging.v1.service.phone_number accepts",
    (input) => {
      fc.pre(!documentedDifference(input))
      expect(decodes(input), JSON.stringify(input)).toBe(official(input))
    }
  )

  const officialCreateBody = officialCreateForm("/v1/Services/{ServiceSid}/PhoneNumbers")
  const createBody = (body: string) => {
    const out: Record<string, string | Array<string>> = {}
    for (const [k, v] of new URLSearchParams(body)) {
      const prev = out[k]
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
    }
    return out
  }
  const formBody = fc.oneof(
    nearMissSid("PN").map((s) => new URLSearchParams({ PhoneNumberSid: s }).toString()),
    fc.tuple(nearMissSid("PN"), nearMissSid("PN")).map(([a, b]) => `PhoneNumberSid=${encodeURIComponent(a)}&PhoneNumberSid=${encodeURIComponent(b)}`),
    nearMissSid("SC").map((s) => `Other=1&PhoneNumberSid=${encodeURIComponent(s)}`),
    fc.constantFrom("", "PhoneNumberSid=", "phonenumbersid=PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "PhoneNumberSid"),
    fc.string({ maxLength: 60 })
  )
  test.prop([formBody], { numRuns: 5_000, interruptAfterTimeLimit: 60_000 })("the create form accepts exactly what CreatePhoneNumberRequest accepts", (body) => {
    const ours = Schema.decodeUnknownExit(PhoneNumberResource.createForm)(body)._tag === "Success"
    expect(ours, body).toBe(officialCreateBody(createBody(body)))
  })
})

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
