import { fc, test } from "@fast-check/vitest"
import { assignedCountryCodes, makeShortCodeStrict, ShortCode, shortCodeUrl } from "@shortcode-kit/schema"
import { validateShortCode } from "@shortcode-kit/validator"
import { invalidShortCodeWire, shortCode, shortCodeWire } from "@shortcode-kit/validator/arbitraries"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { expectAgreement, expectExactlyTheMiss } from "./laws.js"

const LOCAL = "http://127.0.0.1:4010"
const variants = [
  { profile: "spec", nulls: false },
  { profile: "spec", nulls: true },
  { profile: "strict", nulls: false },
  { profile: "strict", nulls: true, baseUrl: LOCAL }
] as const

const schemaFor = (options: { readonly profile: "spec" | "strict"; readonly baseUrl?: string }) =>
  options.profile === "spec" ? ShortCode : makeShortCodeStrict({ baseUrl: options.baseUrl ?? "https://messaging.twilio.com" })

describe("shortCodeWire", () => {
  for (const options of variants) {
    const label = JSON.stringify(options)
    const schema = schemaFor(options)

    test.prop([shortCodeWire(options)])(`${label}: accepted, and decode then encode gives back the same JSON`, (wire) => {
      const result = validateShortCode(wire, options)
      expect(result.ok).toBe(true)
      if (result.ok) expect(Schema.encodeSync(schema)(result.value as never)).toStrictEqual(wire)
    })

    test.prop([invalidShortCodeWire(options)], { numRuns: 400 })(`${label}: a near miss is exactly one issue, the announced one`, (miss) => {
      expectExactlyTheMiss(validateShortCode(miss.value, options), miss)
    })

    test.prop([fc.oneof(shortCodeWire(options), invalidShortCodeWire(options).map((miss) => miss.value), fc.anything())])(
      `${label}: the validator agrees with the Effect schema`,
      (input) => expectAgreement(schema as never, input, validateShortCode(input, options))
    )
  }

  test.prop([shortCodeWire({ profile: "strict" })])("looks like Twilio's data", (wire) => {
    const created = Date.parse(wire.date_created as string)
    const updated = Date.parse(wire.date_updated as string)
    expect(wire.date_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect(created).toBeGreaterThanOrEqual(Date.UTC(2008, 0, 1))
    expect(updated).toBeLessThanOrEqual(Date.UTC(2101, 0, 1))
    expect(updated).toBeGreaterThanOrEqual(created)
    expect(wire.short_code).toMatch(/^[0-9]{5,6}$/)
    expect(assignedCountryCodes).toContain(wire.country_code)
    expect(wire.url).toBe(shortCodeUrl("https://messaging.twilio.com", wire.service_sid as string, wire.sid as string))
    expect(new Set(wire.capabilities).size).toBe(wire.capabilities?.length)
  })

  it("produces every kind of near miss of the strict profile", () => {
    const rules = new Set(fc.sample(invalidShortCodeWire({ profile: "strict" }), { numRuns: 3000, seed: 7 }).map((miss) => miss.rule))
    expect([...rules].sort()).toStrictEqual([
      "capabilities.unique", "country_code.assigned", "date.representable", "dates.order", "format.date-time", "format.uri",
      "required", "short_code.digits", "sid.hex", "sid.length", "sid.prefix", "sid.whitespace", "type", "url.canonical"
    ])
  })

  it("spec near misses never rely on strict-only rules", () => {
    const rules = new Set(fc.sample(invalidShortCodeWire(), { numRuns: 2000, seed: 7 }).map((miss) => miss.rule))
    expect([...rules].sort()).toStrictEqual(["date.representable", "format.date-time", "format.uri", "sid.hex", "sid.length", "sid.prefix", "sid.whitespace", "type"])
  })

  it("refuses bad options at once", () => {
    expect(() => shortCodeWire({ profile: "lenient" as "spec" })).toThrow("shortCodeWire: profile must be \"spec\" or \"strict\", received \"lenient\"")
    expect(() => shortCodeWire({ baseUrl: "messaging.twilio.com" })).toThrow(TypeError)
    expect(() => invalidShortCodeWire({ nulls: "yes" as unknown as boolean })).toThrow("invalidShortCodeWire: nulls must be a boolean, received \"yes\"")
  })
})

describe("shortCode (domain)", () => {
  test.prop([shortCode({ profile: "strict", baseUrl: LOCAL })])("encodes to a wire document the validator accepts", (value) => {
    const wire = Schema.encodeSync(ShortCode)(value)
    expect(validateShortCode(wire, { profile: "strict", baseUrl: LOCAL })).toStrictEqual({ ok: true, value })
  })

  test.prop([shortCode({ nulls: true })])("spec with nulls: Dates to the second, URL or null", (value) => {
    if (value.dateCreated !== null) expect(value.dateCreated.getTime() % 1000).toBe(0)
    if (value.url !== null) expect(value.url).toBeInstanceOf(URL)
  })
})
