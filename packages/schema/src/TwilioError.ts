/**
 * The body of every Twilio error response: `{ code, message, more_info, status }`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { type ErrorCode, errorTable, moreInfoUrl } from "./ErrorTable.js"
import { Integer } from "./internal/integer.js"
import { ruleCheck } from "./internal/rule.js"
import { wireKeysAnnotation } from "./internal/wireKeys.js"
import { UrlFromUriString } from "./Uri.js"

// Given to encodeKeys and recorded on the codec, so issues of its decoded side name `more_info` (internal/wireKeys.ts).
const twilioErrorWireKeys = { code: "code", message: "message", moreInfo: "more_info", status: "status" } as const

/**
 * The error body codec. `code` is Twilio's error code, `status` the HTTP status (100-599) and `more_info` the
 * documentation URL.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { TwilioError } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(TwilioError)({
 *   code: 20404,
 *   message: "The requested resource /v1/Services/MG.../ShortCodes/SC... was not found",
 *   more_info: "https://www.twilio.com/docs/errors/20404",
 *   status: 404
 * }).moreInfo.href
 * ```
 * @since 0.1.0
 */
export const TwilioError = Schema.Struct({
  code: Integer,
  message: Schema.String,
  moreInfo: UrlFromUriString,
  status: Integer.check(
    ruleCheck<number>("status.range", (n) => n >= 100 && n <= 599, {
      message: "must be an HTTP status code from 100 to 599",
      expected: "100..599"
    }, { jsonSchema: { minimum: 100, maximum: 599 } })
  )
}).pipe(Schema.encodeKeys(twilioErrorWireKeys)).annotate({
  identifier: "TwilioError",
  description: "A Twilio REST error body",
  ...wireKeysAnnotation(twilioErrorWireKeys)
})

/** @since 0.1.0 */
export type TwilioError = typeof TwilioError.Type
/** @since 0.1.0 */
export type TwilioErrorWire = typeof TwilioError.Encoded

/**
 * The error body for a code of the table, its `{param}` filled in; `status` can be overridden for the rare case
 * where the same code is answered with another status.
 *
 * @example
 * ```ts
 * import { makeTwilioError } from "@shortcode-kit/schema"
 *
 * makeTwilioError(20404, "/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").status // 404
 * ```
 * @since 0.1.0
 */
export const makeTwilioError = (code: ErrorCode, param = "", options: { readonly status?: number; readonly message?: string } = {}): TwilioError => {
  const entry = errorTable[code]
  return {
    code,
    message: options.message ?? (param === "" ? entry.message.replace(/:? ?\{param\}/, "") : entry.message.replace("{param}", param)),
    moreInfo: new URL(moreInfoUrl(code)),
    status: options.status ?? entry.status
  }
}
