// resourceArbitraries over every declared resource of the schema package: valid values decode under both profiles,
// every near miss is refused with exactly its rule at its path, and the SID overrides are honoured, url following.
import { test } from "@fast-check/vitest"
import * as SchemaPackage from "@shortcode-kit/schema"
import {
  AlphaSenderResource,
  AlphaSenderStrict,
  makeAlphaSenderStrict,
  AlphaSenderText,
  generatorsOfCheck,
  makePhoneNumberStrict,
  makeShortCodeStrict,
  MessagingServiceResource,
  PhoneNumberResource,
  ShortCodeResource
} from "@shortcode-kit/schema"
import { resourceValidation } from "@shortcode-kit/validator"
import { resourceArbitraries } from "@shortcode-kit/validator/arbitraries"
import { Schema } from "effect"
import { describe, expect } from "vitest"
import { expectExactlyTheMiss } from "./laws.js"

const LOCAL = "http://127.0.0.1:4010"
const AC = "AC0123456789abcdef0123456789ABCDEF"
const MG = "MG00000000000000000000000000000001"

// Every resource the schema package declares, with its strict profile for an origin.
const RESOURCES: ReadonlyArray<{
  readonly resource: Parameters<typeof resourceArbitraries>[0]
  readonly strict: (baseUrl: string) => Schema.Top
}> = [
  { resource: ShortCodeResource, strict: (baseUrl: string) => makeShortCodeStrict({ baseUrl }) },
  { resource: PhoneNumberResource, strict: (baseUrl: string) => makePhoneNumberStrict({ baseUrl }) },
  { resource: AlphaSenderResource, strict: (baseUrl: string) => makeAlphaSenderStrict({ baseUrl }) },
  // The Services resource has no strict profile of its own: its codec is its strictest form.
  { resource: MessagingServiceResource, strict: () => MessagingServiceResource.codec }
]

// The rules each resource's strict near misses must cover, at their paths (beyond the SID, date and type misses).
const STRICT_RULES: Record<string, ReadonlyArray<readonly [string, string]>> = {
  ShortCode: [["short_code.digits", "short_code"], ["country_code.assigned", "country_code"], ["dates.order", "date_updated"], ["url.canonical", "url"]],
  PhoneNumber: [["phone_number.e164", "phone_number"], ["country_code.assigned", "country_code"], ["dates.order", "date_updated"], ["url.canonical", "url"]],
  AlphaSender: [["alpha-sender.length", "alpha_sender"], ["alpha-sender.characters", "alpha_sender"], ["alpha-sender.not-only-digits", "alpha_sender"]],
  MessagingService: [["required", "friendly_name"]]
}
const SHARED_RULES = [["sid.whitespace", "sid"], ["sid.prefix", "account_sid"], ["sid.length", "sid"], ["sid.hex", "account_sid"], ["format.date-time", "date_created"], ["date.representable", "date_updated"], ["format.uri", "url"], ["type", "url"], ["required", "sid"]] as const

describe("resourceArbitraries", () => {
  test("covers every resource the schema package declares", () => {
    const declared = Object.values(SchemaPackage).filter((value) => typeof value === "object" && value !== null && "declaration" in value && "wireKeys" in value)
    expect(declared.map((resource) => (resource as { declaration: { identifier: string } }).declaration.identifier).sort())
      .toEqual(RESOURCES.map(({ resource }) => resource.declaration.identifier).sort())
  })

  describe.each(RESOURCES)("$resource.declaration.identifier", ({ resource, strict }) => {
    const name = resource.declaration.identifier
    const validation = resourceValidation(resource, strict, name)
    const strictArbs = resourceArbitraries(resource, strict, name, { baseUrl: LOCAL })

    test.prop([strictArbs.wire], { numRuns: 60 })("a strict value is valid under both profiles", (wire) => {
      expect(validation.validate(wire, { profile: "strict", baseUrl: LOCAL })).toMatchObject({ ok: true })
      expect(validation.validate(wire)).toMatchObject({ ok: true })
      // Twilio adds properties: an extra key is no near miss, every profile takes it.
      expect(validation.validate({ ...(wire as object), added_later: "x" }, { profile: "strict", baseUrl: LOCAL }).ok).toBe(true)
    })

    test.prop([resourceArbitraries(resource, strict, name, { profile: "spec", nulls: true }).wire], { numRuns: 60 })(
      "a spec value with nulls is valid under the spec profile",
      (wire) => {
        expect(validation.validate(wire)).toMatchObject({ ok: true })
      }
    )

    const codec = strict(LOCAL) as unknown as Schema.Codec<unknown, unknown>
    test.prop([strictArbs.wire, strictArbs.value], { numRuns: 30 })("the domain value is the decoded wire value", (wire, value) => {
      expect(validation.validate(wire, { profile: "strict", baseUrl: LOCAL })).toStrictEqual({ ok: true, value: Schema.decodeUnknownSync(codec)(wire) })
      expect(Schema.decodeUnknownSync(codec)(Schema.encodeSync(codec)(value))).toStrictEqual(value)
    })

    test.prop([strictArbs.page], { numRuns: 30 })("a page is valid, its items under the strict profile", (page) => {
      expect(validation.validatePage(page, { profile: "strict", baseUrl: LOCAL })).toMatchObject({ ok: true })
    })

    test("has near misses of every strict rule at its path", () => {
      const covered = strictArbs.nearMisses.map((entry) => `${entry.rule} at ${entry.path.join(".")}`)
      const expected = [...(STRICT_RULES[name] ?? []), ...SHARED_RULES]
      for (const [rule, wire] of expected) expect(covered).toContain(`${rule} at ${wire}`)
    })

    for (const entry of strictArbs.nearMisses) {
      test.prop([entry.arbitrary], { numRuns: 15 })(`a near miss of ${entry.rule} at [${entry.path.join(", ")}] is refused with exactly it`, (miss) => {
        expect([miss.rule, miss.path]).toStrictEqual([entry.rule, entry.path])
        expectExactlyTheMiss(validation.validate(miss.value, { profile: "strict", baseUrl: LOCAL }), miss)
      })
    }

    // Every entry, with nulls in the documents the near misses start from (a URL rule once met a null url there).
    for (const entry of resourceArbitraries(resource, strict, name, { profile: "spec", nulls: true }).nearMisses) {
      test.prop([entry.arbitrary], { numRuns: 10 })(`with nulls, a spec near miss of ${entry.rule} at [${entry.path.join(", ")}] is refused with exactly it`, (miss) => {
        expectExactlyTheMiss(validation.validate(miss.value), miss)
      })
    }

    test.prop([resourceArbitraries(resource, strict, name, { profile: "spec" }).nearMiss], { numRuns: 100 })(
      "a spec near miss is refused by the spec profile with exactly its rule",
      (miss) => {
        expectExactlyTheMiss(validation.validate(miss.value), miss)
      }
    )
  })

  describe("overrides", () => {
    test.prop([resourceArbitraries(PhoneNumberResource, (baseUrl) => makePhoneNumberStrict({ baseUrl }), "phoneNumbers", {
      accountSid: AC,
      serviceSid: MG,
      sid: `PN${"f".repeat(32)}`,
      baseUrl: LOCAL
    }).wire], { numRuns: 20 })("fix accountSid, serviceSid and sid, and url follows them", (wire) => {
      expect(wire).toMatchObject({
        account_sid: AC,
        service_sid: MG,
        sid: `PN${"f".repeat(32)}`,
        url: `${LOCAL}/v1/Services/${MG}/PhoneNumbers/PN${"f".repeat(32)}`
      })
    })

    test.prop([resourceArbitraries(AlphaSenderResource, () => AlphaSenderStrict, "alphaSenders", { serviceSid: MG, profile: "spec", nulls: true }).page], { numRuns: 20 })(
      "an overridden SID is never null, and a page's items share it",
      (page) => {
        const items = page["alpha_senders"] as ReadonlyArray<{ readonly service_sid: unknown }>
        expect(items.every((item) => item.service_sid === MG)).toBe(true)
      }
    )

    test("refuse an override that is not a valid SID, naming the rule", () => {
      expect(() => resourceArbitraries(PhoneNumberResource, (baseUrl) => makePhoneNumberStrict({ baseUrl }), "phoneNumbers", { serviceSid: "MG1" }))
        .toThrow('phoneNumbers: serviceSid override is not a valid SID: sid.length: must be exactly 34 characters long: "MG" followed by 32 hexadecimal digits')
      expect(() => resourceArbitraries(MessagingServiceResource, () => MessagingServiceResource.codec, "services", { serviceSid: MG }))
        .toThrow("services: serviceSid does not apply to MessagingService, which has no such property")
    })
  })

  test.prop([resourceArbitraries(AlphaSenderResource, () => AlphaSenderStrict, "alphaSenders").nearMiss.filter((miss) => miss.rule.startsWith("alpha-sender."))], { numRuns: 100 })(
    "an AlphaSender near miss breaks exactly one of the text's rules and keeps the others",
    (miss) => {
      const text = (miss.value as { readonly alpha_sender: string }).alpha_sender
      const broken = (AlphaSenderText.ast.checks ?? []).flatMap((check) => generatorsOfCheck(check) ?? []).filter((rule) => !rule.predicate(text))
      expect(broken.map((rule) => rule.rule)).toEqual([miss.rule])
    }
  )
})
