import { fc, test } from "@fast-check/vitest"
import { CreateShortCodeForm, CreateShortCodeParams } from "@shortcode-kit/schema"
import { toTwilioError, validateCreateShortCodeRequest, validateTwilioError } from "@shortcode-kit/validator"
import { createShortCodeRequest, invalidCreateShortCodeRequest } from "@shortcode-kit/validator/arbitraries"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { expectExactlyTheMiss } from "./laws.js"

const MG = "MGbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
const SC = "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

const codeFor = (rule: string, path: ReadonlyArray<unknown>) =>
  path[0] === "ServiceSid" ? 20404 : rule === "required" || rule === "form.repeated" ? 20001 : 21421

describe("createShortCodeRequest", () => {
  test.prop([createShortCodeRequest()])("accepted; the form codec writes it back to a body that decodes the same", (request) => {
    const result = validateCreateShortCodeRequest(request)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const text = Schema.encodeSync(CreateShortCodeForm)({ shortCodeSid: result.value.shortCodeSid })
    expect(validateCreateShortCodeRequest({ serviceSid: request.serviceSid, body: text })).toStrictEqual(result)
  })

  test.prop([createShortCodeRequest({ serviceSid: MG, shortCodeSid: SC, bodyAs: "string" })])("uses the given SIDs and body form", (request) => {
    expect(request.serviceSid).toBe(MG)
    expect(typeof request.body).toBe("string")
    expect(validateCreateShortCodeRequest(request)).toStrictEqual({ ok: true, value: { serviceSid: MG, shortCodeSid: SC } })
  })

  test.prop([invalidCreateShortCodeRequest()], { numRuns: 400 })("a near miss is exactly one issue, and toTwilioError answers with the code for it", (miss) => {
    const result = validateCreateShortCodeRequest(miss.value)
    expectExactlyTheMiss(result, miss)
    if (result.ok) return
    const error = toTwilioError(result)
    expect(error.code).toBe(codeFor(miss.rule, miss.path))
    expect(validateTwilioError(error).ok).toBe(true)
    if (error.code !== 20404) expect(error.message).toContain("ShortCodeSid")
  })

  test.prop([fc.oneof(
    createShortCodeRequest({ bodyAs: "string" }),
    invalidCreateShortCodeRequest({ bodyAs: "string" }).map((miss) => miss.value),
    fc.record({ serviceSid: fc.anything(), body: fc.string() })
  )])("agrees with decoding CreateShortCodeParams and CreateShortCodeForm", (request) => {
    const params = Schema.decodeUnknownResult(CreateShortCodeParams)(request.serviceSid === undefined ? {} : { ServiceSid: request.serviceSid })
    const form = Schema.decodeUnknownResult(CreateShortCodeForm)(request.body)
    const result = validateCreateShortCodeRequest(request)
    expect(result.ok).toBe(Result.isSuccess(params) && Result.isSuccess(form))
    if (result.ok && Result.isSuccess(params) && Result.isSuccess(form)) {
      expect(result.value).toStrictEqual({ serviceSid: params.success.ServiceSid, shortCodeSid: form.success.shortCodeSid })
    }
  })

  it("produces near misses of every kind", () => {
    const seen = new Set(fc.sample(invalidCreateShortCodeRequest(), { numRuns: 2000, seed: 3 }).map((miss) => `${miss.path[0]} ${miss.rule}`))
    expect([...seen].sort()).toStrictEqual([
      "ServiceSid required", "ServiceSid sid.hex", "ServiceSid sid.length", "ServiceSid sid.prefix", "ServiceSid sid.whitespace", "ServiceSid type",
      "ShortCodeSid form.repeated", "ShortCodeSid required", "ShortCodeSid sid.hex", "ShortCodeSid sid.length", "ShortCodeSid sid.prefix",
      "ShortCodeSid sid.whitespace", "ShortCodeSid type"
    ])
  })
})
