/**
 * Twilio error bodies from the error table, and near misses of them.
 *
 * @since 0.1.0
 */
import { type ErrorCode, errorTable, makeTwilioError, ShortCodeResource, TwilioError, type TwilioErrorWire } from "@shortcode-kit/schema"
import { Schema } from "effect"
import * as fc from "fast-check"
import type { NearMiss } from "./NearMiss.js"
import { serviceSid, shortCodeSid } from "./Sid.js"

const encode = Schema.encodeSync(TwilioError)
const codes = Object.keys(errorTable).map(Number) as Array<ErrorCode>

/**
 * Options of {@link twilioError}: the codes to draw from (default: every code of the error table).
 *
 * @since 0.1.0
 */
export interface TwilioErrorArbitraryOptions {
  readonly codes?: ReadonlyArray<ErrorCode> | undefined
}

const paramFor = (code: ErrorCode): fc.Arbitrary<string> => {
  switch (code) {
    case 20001:
      return fc.constantFrom("ShortCodeSid", "PageSize", "Page", "FriendlyName")
    case 20404:
      return fc.tuple(serviceSid(), fc.option(shortCodeSid(), { nil: undefined })).map(([service, sid]) =>
        sid === undefined ? ShortCodeResource.pathOf("collection", { ServiceSid: service }) : ShortCodeResource.pathOf("instance", { ServiceSid: service, Sid: sid })
      )
    case 21421:
      return shortCodeSid().map((sid) => sid.slice(0, 20))
    default:
      return fc.constant("")
  }
}

/**
 * Error bodies (wire form) exactly as the error table describes them: `code`, `status`, the message with its
 * parameter filled in, `more_info` the code's documentation page.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { validateTwilioError } from "@shortcode-kit/validator"
 * import { twilioError } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.assert(fc.property(twilioError({ codes: [20404] }), (body) => body.status === 404 && validateTwilioError(body).ok))
 * ```
 * @since 0.1.0
 */
export const twilioError = (options?: TwilioErrorArbitraryOptions): fc.Arbitrary<TwilioErrorWire> => {
  const chosen = options?.codes ?? codes
  const unknown = chosen.filter((code) => !Object.prototype.hasOwnProperty.call(errorTable, code))
  if (chosen.length === 0 || unknown.length > 0) {
    throw new TypeError(`twilioError: codes must be a non-empty list of codes of the error table (${codes.join(", ")}), received ${JSON.stringify(chosen)}`)
  }
  return fc.constantFrom(...chosen).chain((code) => paramFor(code).map((param) => encode(makeTwilioError(code, param))))
}

type Key = keyof TwilioErrorWire

const MISSES: ReadonlyArray<readonly [Key, unknown, string]> = [
  ["code", "20404", "type"], ["code", null, "type"], ["code", 20404.5, "integer"],
  ["message", 404, "type"], ["message", null, "type"],
  ["more_info", "/docs/errors/20404", "format.uri"], ["more_info", "www.twilio.com/docs/errors/20404", "format.uri"], ["more_info", null, "type"],
  ["status", "404", "type"], ["status", 404.5, "integer"], ["status", 600, "status.range"], ["status", 99, "status.range"], ["status", 0, "status.range"]
]

/**
 * Near misses of a Twilio error body: one property of the wrong type, not an integer, out of range (status outside
 * 100-599), a relative `more_info`, or missing; or a body that is not an object.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { invalidTwilioError } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(invalidTwilioError(), 1) // [{ value: { code: "20404", ... }, rule: "type", path: ["code"] }]
 * ```
 * @since 0.1.0
 */
export const invalidTwilioError = (): fc.Arbitrary<NearMiss> => {
  const base = twilioError()
  const keys: ReadonlyArray<Key> = ["code", "message", "more_info", "status"]
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(base, fc.constantFrom(...MISSES)).map(([body, [key, value, rule]]): NearMiss => ({ value: { ...body, [key]: value }, rule, path: [key] })) },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.constantFrom(...keys)).map(([body, key]): NearMiss => {
        const { [key]: _removed, ...rest } = body
        return { value: rest, rule: "required", path: [key] }
      })
    },
    { weight: 1, arbitrary: base.chain((body) => fc.constantFrom<unknown>(null, [body], JSON.stringify(body)).map((value): NearMiss => ({ value, rule: "type", path: [] }))) }
  )
}
