import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  AccountSid,
  AlphaSenderSid,
  CountryCode,
  PhoneNumberResource,
  PhoneNumberSid,
  randomAccountSid,
  randomServiceSid,
  randomShortCodeSid,
  ServiceSid,
  ShortCodeSid,
  sid,
  sidPrefixOf,
  sidString,
  toValidationIssues
} from "@shortcode-kit/schema"
import { isSidWithPrefix } from "../src/Sid.js"
import { hex32, nearMissSid } from "./support/arbitraries.js"

const issuesOf = (schema: Schema.Top, input: unknown) => {
  const result = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)(input, { errors: "all" })
  if (Result.isSuccess(result)) throw new Error(`expected ${JSON.stringify(input)} to be rejected`)
  return toValidationIssues(result.failure.issue, input)
}

const shape = '"SC" followed by 32 hexadecimal digits'
const valid = "SC" + "0123456789abcdef".repeat(2)

describe("SIDs", () => {
  it.each([
    ["whitespace", " " + valid, "sid.whitespace", `must not contain whitespace; a SC SID is ${shape}`],
    ["trailing newline", valid + "\n", "sid.whitespace", `must not contain whitespace; a SC SID is ${shape}`],
    ["wrong prefix", "MG" + valid.slice(2), "sid.prefix", `must start with "SC" (upper case); a SC SID is ${shape}`],
    ["lower-case prefix", "sc" + valid.slice(2), "sid.prefix", `must start with "SC" (upper case); a SC SID is ${shape}`],
    ["Cyrillic look-alike prefix", "\u0421C" + valid.slice(2), "sid.prefix", `must start with "SC" (upper case); a SC SID is ${shape}`],
    ["31 hex digits", valid.slice(0, 33), "sid.length", 'must be exactly 34 characters long: "SC" followed by 32 hexadecimal digits'],
    ["33 hex digits", valid + "a", "sid.length", 'must be exactly 34 characters long: "SC" followed by 32 hexadecimal digits'],
    ["a non-hex letter", valid.slice(0, 10) + "g" + valid.slice(11), "sid.hex", 'must contain only hexadecimal digits (0-9, a-f, A-F) after "SC"'],
    ["a full-width digit", valid.slice(0, 10) + "\uFF10" + valid.slice(11), "sid.hex", 'must contain only hexadecimal digits (0-9, a-f, A-F) after "SC"']
  ])("reports %s under one rule with its exact message", (_name, input, rule, message) => {
    expect(issuesOf(ShortCodeSid, input)).toStrictEqual([{ path: [], rule, message, expected: shape, received: JSON.stringify(input) }])
  })

  it("reports a non-string as a type issue", () => {
    expect(issuesOf(ServiceSid, 42)).toStrictEqual([{ path: [], rule: "type", message: "must be ServiceSid", expected: "ServiceSid", received: "42" }])
  })

  test.prop([fc.constantFrom("SC", "AC", "MG"), fc.oneof(nearMissSid("SC"), nearMissSid("AC"), nearMissSid("MG"), fc.string({ unit: "binary", maxLength: 40 }))], { numRuns: 2000 })(
    "isSidWithPrefix (the compiled paths' one-pass test) accepts exactly what the four rules accept together",
    (prefix, text) => {
      expect(isSidWithPrefix(prefix, text)).toBe(Schema.is(sidString(prefix))(text))
    }
  )

  test.prop([hex32])("accepts both hex cases and never rewrites the value", (hex) => {
    for (const [schema, prefix] of [[AccountSid, "AC"], [ServiceSid, "MG"], [ShortCodeSid, "SC"]] as const) {
      expect(Schema.decodeUnknownSync(schema)(prefix + hex)).toBe(prefix + hex)
    }
  })

  it("makes cryptographically random, lower-case SIDs that decode", () => {
    const made = new Set<string>()
    for (let i = 0; i < 200; i++) {
      for (const [make, schema, prefix] of [[randomAccountSid, AccountSid, "AC"], [randomServiceSid, ServiceSid, "MG"], [randomShortCodeSid, ShortCodeSid, "SC"]] as const) {
        const sid = make()
        expect(sid).toMatch(new RegExp(`^${prefix}[0-9a-f]{32}$`))
        expect(Schema.is(schema)(sid)).toBe(true)
        made.add(sid)
      }
    }
    expect(made.size).toBe(600)
  })

  it("refuses a prefix that is not two upper-case letters", () => {
    expect(() => sidString("pn")).toThrow('sidString: prefix must be two upper-case ASCII letters, received "pn"')
  })
})

describe("sidPrefixOf", () => {
  it("reads the prefix a SID schema records, through its brand and its derivations, and nothing from other schemas", () => {
    expect([AccountSid, ServiceSid, ShortCodeSid, PhoneNumberSid, AlphaSenderSid, sidString("XY"), sid("ZZ", "ZzSid")].map(sidPrefixOf)).toEqual(["AC", "MG", "SC", "PN", "AI", "XY", "ZZ"])
    expect(sidPrefixOf(PhoneNumberResource.declaration.fields.sid.schema)).toBe("PN")
    expect(sidPrefixOf(AlphaSenderSid.annotate({ title: "x" }))).toBe("AI")
    expect([Schema.String, CountryCode].map(sidPrefixOf)).toEqual([undefined, undefined])
  })
})
