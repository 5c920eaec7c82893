import { fc, test } from "@fast-check/vitest"
import { Schema } from "effect"
import { describe, expect } from "vitest"
import { CreateShortCodeForm, ShortCode } from "@shortcode-kit/schema"
import { canonicalWire, nearMissSid, sparseWire, wireWithNearMisses } from "./support/arbitraries.js"
import { isLenientDateTime, isUriDifference, officialCreateShortCodeRequest, officialShortCode } from "./support/officialSpec.js"

const accepts = Schema.is(Schema.toEncoded(ShortCode))
const decodes = (input: unknown) => Schema.decodeUnknownExit(ShortCode)(input)._tag === "Success"

const documentedDifference = (input: unknown): boolean =>
  typeof input === "object" && input !== null && !Array.isArray(input) &&
  (isLenientDateTime((input as Record<string, unknown>)["date_created"]) ||
    isLenientDateTime((input as Record<string, unknown>)["date_updated"]) ||
    isUriDifference((input as Record<string, unknown>)["url"]))

const anyInput = fc.oneof(
  { weight: 2, arbitrary: canonicalWire },
  { weight: 2, arbitrary: sparseWire },
  { weight: 5, arbitrary: wireWithNearMisses },
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.jsonValue() }
)

describe("ShortCode agrees with Twilio's official schema (ajv + ajv-formats, nullable)", () => {
  // 10,000 generated inputs per run: valid, near-miss and arbitrary values.
  test.prop([anyInput], { numRuns: 10_000, interruptAfterTimeLimit: 60_000 })("accepts exactly what ajv accepts", (input) => {
    fc.pre(!documentedDifference(input))
    const official = officialShortCode(input)
    expect(decodes(input), JSON.stringify(input)).toBe(official)
    expect(accepts(input)).toBe(official)
  })
})

const formBody = fc.oneof(
  nearMissSid("SC").map((s) => new URLSearchParams({ ShortCodeSid: s }).toString()),
  fc.tuple(nearMissSid("SC"), nearMissSid("SC")).map(([a, b]) => `ShortCodeSid=${encodeURIComponent(a)}&ShortCodeSid=${encodeURIComponent(b)}`),
  nearMissSid("SC").map((s) => `Other=1&ShortCodeSid=${encodeURIComponent(s)}&Foo=bar`),
  fc.constantFrom("", "ShortCodeSid=", "shortcodesid=SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ShortCodeSid=SC%61aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ShortCodeSid=SC%zzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ShortCodeSid"),
  fc.string({ maxLength: 60 })
)

/** The body as the spec's request object: one value per name, a repeated name becomes an array. */
const asRequestObject = (body: string): Record<string, string | Array<string>> => {
  const out: Record<string, string | Array<string>> = {}
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k]
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  return out
}

describe("CreateShortCodeForm agrees with the official CreateShortCodeRequest", () => {
  test.prop([formBody], { numRuns: 10_000, interruptAfterTimeLimit: 60_000 })("accepts exactly what ajv accepts", (body) => {
    const official = officialCreateShortCodeRequest(asRequestObject(body))
    const ours = Schema.decodeUnknownExit(CreateShortCodeForm)(body)._tag === "Success"
    expect(ours, body).toBe(official)
  })
})
