import { fc, test } from "@fast-check/vitest"
import { errorTable, TwilioError } from "@shortcode-kit/schema"
import { validateTwilioError } from "@shortcode-kit/validator"
import { invalidTwilioError, twilioError } from "@shortcode-kit/validator/arbitraries"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { expectAgreement, expectExactlyTheMiss } from "./laws.js"

describe("twilioError", () => {
  test.prop([twilioError()])("accepted, round-trips, and matches the error table", (body) => {
    const result = validateTwilioError(body)
    expect(result.ok).toBe(true)
    if (result.ok) expect(Schema.encodeSync(TwilioError)(result.value)).toStrictEqual(body)
    const entry = errorTable[body.code as keyof typeof errorTable]
    expect(body.status).toBe(entry.status)
    expect(body.more_info).toBe(`https://www.twilio.com/docs/errors/${body.code}`)
  })

  test.prop([twilioError({ codes: [20404] })])("restricted to the given codes", (body) => {
    expect(body.code).toBe(20404)
    expect(body.message).toMatch(/^The requested resource \/v1\/Services\/MG[0-9a-f]{32}\/ShortCodes(\/SC[0-9a-f]{32})? was not found$/)
  })

  test.prop([twilioError({ codes: [20429, 20500, 20503] })])("rate-limit and server errors as Twilio words them", (body) => {
    const expected = { 20429: [429, "Too Many Requests"], 20500: [500, "Internal Server Error"], 20503: [503, "Service Unavailable"] }
    expect([body.status, body.message]).toStrictEqual(expected[body.code as keyof typeof expected])
    expect(validateTwilioError(body).ok).toBe(true)
  })

  it("draws every code of the error table by default, the rate-limit and server errors included", () => {
    const drawn = new Set(fc.sample(twilioError(), 500).map((body) => body.code))
    expect([...drawn].sort()).toStrictEqual(Object.keys(errorTable).map(Number).sort())
    expect([20429, 20500, 20503].every((code) => drawn.has(code))).toBe(true)
  })

  test.prop([invalidTwilioError()], { numRuns: 300 })("a near miss is exactly one issue, the announced one", (miss) => {
    expectExactlyTheMiss(validateTwilioError(miss.value), miss)
  })

  test.prop([fc.oneof(twilioError(), invalidTwilioError().map((miss) => miss.value), fc.anything())])(
    "the validator agrees with the Effect schema",
    (input) => expectAgreement(TwilioError as never, input, validateTwilioError(input))
  )

  it("refuses codes outside the table", () => {
    expect(() => twilioError({ codes: [12345 as 20404] })).toThrow(TypeError)
    expect(() => twilioError({ codes: [] })).toThrow(TypeError)
  })
})
