// AlphaSenders, only a declaration (src/AlphaSender.ts): its derived OpenAPI agrees with Twilio's official document,
// its codec accepts exactly what the official schema accepts, and its create form and strict profile apply the
// text rules of the spec's prose, each under its own rule id.
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { OpenApi } from "effect/http-api"
import { describe, expect } from "vitest"
import {
  AlphaSender,
  AlphaSenderResource,
  AlphaSenderStrict,
  AlphaSenderText,
  answerOfIssue,
  CreateAlphaSenderForm,
  toJsonSchema,
  toValidationIssues
} from "@shortcode-kit/schema"
import { MessagingApi } from "@shortcode-kit/schema/http"
import { canonicalUrl, sid as sidOf, twilioDate } from "../support/arbitraries.js"
import { officialDocument, officialSchema, operationShapes } from "../support/officialDocument.js"

const PATHS = ["/v1/Services/{ServiceSid}/AlphaSenders", "/v1/Services/{ServiceSid}/AlphaSenders/{Sid}"]
const document: any = OpenApi.fromApi(MessagingApi)

const issuesOf = (schema: Schema.Top, input: unknown) => {
  const result = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)(input)
  return Result.isFailure(result) ? toValidationIssues(result.failure.issue, input).map((i) => [i.path, i.rule, i.message]) : []
}

describe("the AlphaSenders declaration", () => {
  test("derives the official document's paths, methods, operation ids, parameters and create body", () => {
    expect(operationShapes(document, PATHS)).toEqual(operationShapes(officialDocument, PATHS))
    expect(Object.keys(document.paths[PATHS[0]!].post.responses)).toEqual(["201", "400", "401", "404", "413"])
    expect(document.paths[PATHS[0]!].post.responses["400"].description).toContain("21709")
  })

  const wireValue = {
    sid: sidOf("AI"),
    account_sid: sidOf("AC"),
    service_sid: sidOf("MG"),
    date_created: twilioDate,
    date_updated: twilioDate,
    alpha_sender: fc.string(),
    capabilities: fc.array(fc.string()),
    url: canonicalUrl
  }
  // Each property absent, null, a valid value or a value of another kind (another SID prefix, a number, a list).
  const wire = fc.record(
    Object.fromEntries(Object.entries(wireValue).map(([key, value]) => [
      key,
      fc.oneof(value, fc.constant(null), sidOf("PN"), fc.integer(), fc.array(fc.integer(), { maxLength: 2 }), fc.constant("not a date or uri"))
    ])),
    { requiredKeys: [] }
  )
  const official = officialSchema("messaging.v1.service.alpha_sender")
  const decode = Schema.decodeUnknownResult(AlphaSender)

  test.prop([wire], { numRuns: 1000 })("the codec accepts exactly what messaging.v1.service.alpha_sender accepts", (input) => {
    expect(Result.isSuccess(decode(input)), JSON.stringify(input)).toBe(official(input))
  })

  test.prop([fc.record(wireValue)], { numRuns: 100 })("decodes to camelCase and encodes back to the same wire JSON", (input) => {
    const value = Schema.decodeUnknownSync(AlphaSender)(input)
    expect(value.alphaSender).toBe(input.alpha_sender)
    expect(Schema.encodeSync(AlphaSender)(value)).toEqual(input)
  })
})

// Texts around the rules: valid ones, and ones that break exactly one rule (the generators of the validator
// package, which depends on this one, are the published ones).
const allowed = fc.constantFrom(..."ABCXYZabcxyz0189 -+_&".split(""))
const letter = fc.constantFrom(..."AZaz".split(""))
const validText = fc.tuple(letter, fc.string({ unit: allowed, maxLength: 10 }), fc.nat()).map(([l, rest, at]) => {
  const i = at % (rest.length + 1)
  return rest.slice(0, i) + l + rest.slice(i)
})
const nearMiss = fc.oneof(
  fc.constant(["", "alpha-sender.length"] as const),
  fc.tuple(validText, fc.string({ unit: allowed, minLength: 1, maxLength: 6 })).filter(([a, b]) => a.length + b.length > 11)
    .map(([a, b]) => [(a + b).slice(0, 12 + (b.length % 3)), "alpha-sender.length"] as const),
  fc.tuple(validText, fc.constantFrom("!", ".", "é", "\n", "@", "#")).map(([a, bad]) => [(a + bad).slice(-11), "alpha-sender.characters"] as const),
  fc.stringMatching(/^[0-9]{1,11}$/).map((digits) => [digits, "alpha-sender.not-only-digits"] as const)
)

describe("the AlphaSender text rules", () => {
  test.prop([validText], { numRuns: 200 })("a valid text passes the form and the strict field", (text) => {
    expect(Schema.decodeUnknownSync(CreateAlphaSenderForm)(new URLSearchParams({ AlphaSender: text }))).toEqual({ alphaSender: text })
    expect(Schema.is(AlphaSenderText)(text)).toBe(true)
  })

  test.prop([nearMiss], { numRuns: 300 })("a near miss is reported under the one rule it breaks, at AlphaSender", ([text, rule]) => {
    const issues = issuesOf(CreateAlphaSenderForm, new URLSearchParams({ AlphaSender: text }))
    expect(issues.map(([path, r]) => [path, r]), JSON.stringify(text)).toEqual([[["AlphaSender"], text === "" ? "required" : rule]])
  })

  test("each rule has its own message", () => {
    expect(issuesOf(AlphaSenderText, "ABCDEFGHIJKL")).toEqual([[[], "alpha-sender.length", "must be 1 to 11 characters long"]])
    expect(issuesOf(AlphaSenderText, "")).toEqual([[[], "alpha-sender.length", "must be 1 to 11 characters long"]])
    expect(issuesOf(AlphaSenderText, "Hi!")).toEqual([[[], "alpha-sender.characters",
      "must contain only A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand &"]])
    expect(issuesOf(AlphaSenderText, "12345")).toEqual([[[], "alpha-sender.not-only-digits",
      "must not contain only digits: an alpha sender needs at least one letter or symbol"]])
  })

  test("the form: missing, empty and repeated are 20001, a broken rule is 21709 naming it", () => {
    expect(issuesOf(CreateAlphaSenderForm, "")).toEqual([[["AlphaSender"], "required", "AlphaSender is required"]])
    expect(issuesOf(CreateAlphaSenderForm, "AlphaSender=")).toEqual([[["AlphaSender"], "required", "AlphaSender is required and must not be empty"]])
    expect(issuesOf(CreateAlphaSenderForm, "AlphaSender=A&AlphaSender=B")).toEqual([
      [["AlphaSender"], "form.repeated", "AlphaSender must be given once; it was given 2 times"]
    ])
    const answer = (body: string) => {
      const result = Schema.decodeUnknownResult(CreateAlphaSenderForm)(body)
      if (!Result.isFailure(result)) throw new Error("expected a failure")
      const [issue] = toValidationIssues(result.failure.issue, body)
      return answerOfIssue("form", issue!)
    }
    expect(answer("AlphaSender=").body).toMatchObject({ code: 20001, status: 400, message: "Missing required parameter AlphaSender in the post body" })
    expect(answer("AlphaSender=A&AlphaSender=B").body).toMatchObject({ code: 20001, status: 400 })
    expect(answer("AlphaSender=12345").body).toMatchObject({
      code: 21709,
      status: 400,
      message: "Alpha Sender ID is Invalid or Not Authorized for this Messaging Service: AlphaSender \"12345\" " +
        "must not contain only digits: an alpha sender needs at least one letter or symbol",
      moreInfo: new URL("https://www.twilio.com/docs/errors/21709")
    })
  })

  test("the strict profile requires every key and applies the rules to alpha_sender", () => {
    const real = {
      sid: "AI" + "a".repeat(32),
      account_sid: "AC" + "a".repeat(32),
      service_sid: "MG" + "a".repeat(32),
      date_created: "2015-07-30T20:12:31Z",
      date_updated: "2015-07-30T20:12:33Z",
      alpha_sender: "Twilio",
      capabilities: ["SMS"],
      url: "https://messaging.twilio.com/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/AlphaSenders/AIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    }
    expect(issuesOf(AlphaSenderStrict, real)).toEqual([])
    expect(issuesOf(AlphaSenderStrict, { ...real, alpha_sender: "Twilio Inc." })).toEqual([
      [["alpha_sender"], "alpha-sender.characters", "must contain only A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand &"]
    ])
    expect(issuesOf(AlphaSenderStrict, { ...real, alpha_sender: null }).map(([path, rule]) => [path, rule])).toEqual([[["alpha_sender"], "type"]])
  })

  test("the JSON Schema of the create request carries the rules", () => {
    const json = JSON.stringify(toJsonSchema("CreateAlphaSenderRequest"))
    expect(json).toContain(`"maxLength":11`)
    expect(json).toContain(`"pattern":"^[A-Za-z0-9 +\\\\-_&]*$"`)
    expect(json).toContain(`"not":{"pattern":"^[0-9]+$"}`)
    expect(AlphaSenderResource.declaration.pageKey).toBe("alpha_senders")
  })
})
