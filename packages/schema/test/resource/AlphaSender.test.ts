// AlphaSenders, only a declaration (src/AlphaSender.ts). What every resource obeys (official examples, the
// differential against messaging.v1.service.alpha_sender and CreateAlphaSenderRequest, the JSON Schema of the create
// request against its codec, names, params, form, page and OpenAPI) is in test/resource/laws.test.ts; here only its
// own: the create form applies the text rules of the spec's prose, each under its own rule id. The strict profile's
// rows are in strictProfiles.test.ts; the form's Twilio answers (21709 naming the rule, 20001 for a missing, empty or
// repeated one) are AlphaSenders' rows of the validator's ResourceValidation.test.ts and the emulator's
// senderCollections.test.ts.
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect } from "vitest"
import { AlphaSenderText, CreateAlphaSenderForm, toValidationIssues } from "@shortcode-kit/schema"

const issuesOf = (schema: Schema.Top, input: unknown) => {
  const result = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)(input)
  return Result.isFailure(result) ? toValidationIssues(result.failure.issue, input).map((i) => [i.path, i.rule, i.message]) : []
}

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
})
