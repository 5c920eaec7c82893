// The strict profile of each member resource, one row each: a real document it accepts, and documents that differ
// from it in a few keys with the exact issues (path, rule, message) it must name for them. What every resource's
// codec obeys is in laws.test.ts; a new resource with a strict profile adds a row here.
import { Result, Schema, SchemaAST } from "effect"
import { describe, expect, test } from "vitest"
import { AlphaSenderStrict, makePhoneNumberStrict, PhoneNumberStrict, ShortCodeStrict, toValidationIssues } from "@shortcode-kit/schema"

const LOCAL = "http://127.0.0.1:4010"
const MG = "MG" + "a".repeat(32)
const AC = "AC" + "c".repeat(32)
const E164 = "must be an E.164 phone number: + and 2 to 15 digits (0-9), the first not 0, such as +14155552671"
const CHARACTERS = "must contain only A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand &"

// An issue without a message is compared on its path and rule only.
type Issue = readonly [path: ReadonlyArray<string | number>, rule: string, message?: string]
const PN = "PN" + "b".repeat(32)
const AI = "AI" + "a".repeat(32)

const PROFILES: ReadonlyArray<{
  readonly name: string
  readonly strict: Schema.Top
  readonly real: Record<string, unknown>
  readonly misses: ReadonlyArray<readonly [Record<string, unknown>, ReadonlyArray<Issue>]>
}> = [
  {
    name: "PhoneNumber",
    strict: makePhoneNumberStrict({ baseUrl: LOCAL }),
    real: {
      sid: PN, account_sid: AC, service_sid: MG, date_created: "2024-01-01T00:00:00Z", date_updated: "2024-01-01T00:00:00Z",
      phone_number: "+14155552671", country_code: "US", capabilities: ["SMS"], url: `${LOCAL}/v1/Services/${MG}/PhoneNumbers/${PN}`
    },
    misses: [
      ...["14155552671", "+04155552671", "+1415555267123456", "+1 415 555 2671", "+1"]
        .map((phone) => [{ phone_number: phone }, [[["phone_number"], "phone_number.e164", E164]]] as const),
      [{ url: `${LOCAL}/v1/Services/${MG}/ShortCodes/${PN}` }, [[["url"], "url.canonical", `must be the resource's own URL, ${LOCAL}/v1/Services/{service_sid}/PhoneNumbers/{sid}`]]]
    ]
  },
  {
    name: "AlphaSender",
    strict: AlphaSenderStrict,
    real: {
      sid: AI, account_sid: AC, service_sid: MG, date_created: "2015-07-30T20:12:31Z", date_updated: "2015-07-30T20:12:33Z",
      alpha_sender: "Twilio", capabilities: ["SMS"], url: `https://messaging.twilio.com/v1/Services/${MG}/AlphaSenders/${AI}`
    },
    misses: [
      [{ alpha_sender: "Twilio Inc." }, [[["alpha_sender"], "alpha-sender.characters", CHARACTERS]]],
      [{ alpha_sender: null }, [[["alpha_sender"], "type"]]]
    ]
  }
]

const issuesOf = (schema: Schema.Top, input: unknown): ReadonlyArray<Issue> => {
  const result = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)(input)
  return Result.isFailure(result) ? toValidationIssues(result.failure.issue, input).map((i) => [i.path, i.rule, i.message] as const) : []
}

describe.each(PROFILES)("the strict profile of $name", ({ strict, real, misses }) => {
  test("accepts the real document", () => {
    expect(issuesOf(strict, real)).toEqual([])
  })

  test.each(misses.map(([patch, issues]) => [JSON.stringify(patch), patch, issues] as const))("names exactly the issues of %s", (_, patch, issues) => {
    const found = issuesOf(strict, { ...real, ...patch })
    expect(found.map((issue, i) => issue.slice(0, issues[i]?.length ?? 3))).toEqual(issues)
  })

  test("requires every key", () => {
    for (const key of Object.keys(real)) {
      const { [key]: _, ...rest } = real
      expect(issuesOf(strict, rest).map(([path, rule]) => [path, rule]), key).toEqual([[[key], "required"]])
    }
  })
})

describe("the strict profiles' names", () => {
  test("are <Identifier>Strict with a description in English (an before a vowel)", () => {
    const named = [ShortCodeStrict, PhoneNumberStrict, AlphaSenderStrict].map((s) => [SchemaAST.resolveIdentifier(s.ast), SchemaAST.resolveDescription(s.ast)])
    expect(named).toEqual([
      ["ShortCodeStrict", "A ShortCode as a real one looks (strict profile)"],
      ["PhoneNumberStrict", "A PhoneNumber as a real one looks (strict profile)"],
      ["AlphaSenderStrict", "An AlphaSender as a real one looks (strict profile)"]
    ])
  })
})
