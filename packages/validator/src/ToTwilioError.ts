/**
 * The error body Twilio answers an invalid create request with, derived from the validation issues through the
 * schema package's table of input errors (`inputErrors`).
 *
 * @since 0.1.0
 */
import { answerOfIssue, issueValues, ShortCodeResource, TwilioError, type TwilioErrorWire, type ValidationIssue } from "@shortcode-kit/schema"
import { Schema } from "effect"
import type { ValidationFailure } from "./ValidationResult.js"

const encode = Schema.encodeSync(TwilioError)

const isAt = (issue: ValidationIssue, name: string) => issue.path[0] === name

/**
 * The Twilio error body (wire form: `{ code, message, more_info, status }`) that Twilio answers for a create request
 * that failed `validateCreateShortCodeRequest`, with its HTTP status in `status`. The answer is the row of the schema
 * package's `inputErrors` for the issue that decides it:
 *
 * | issue | row | status | code | message |
 * |---|---|---|---|---|
 * | any at `ServiceSid` (the path) | `resource.not-found` | 404 | 20404 | The requested resource /v1/Services/{ServiceSid}/ShortCodes was not found |
 * | `required` at `ShortCodeSid` | `form.missing` | 400 | 20001 | Missing required parameter ShortCodeSid in the post body |
 * | `form.repeated` at `ShortCodeSid` | `form.repeated` | 400 | 20001 | ShortCodeSid must be given once; it was given N times |
 * | `sid.*` or `type` at `ShortCodeSid` | `form.malformed-sid` | 400 | 21421 | You tried to add an invalid ... Short Code SID ...: ShortCodeSid "..." {reason} |
 * | at another parameter | `parameter.invalid` | 400 | 20001 | Invalid parameter: {param}. {reason} |
 * | a body that is not a form | `form.unreadable` | 400 | 20001 | Invalid parameter: {reason} |
 *
 * A bad `ServiceSid` wins: the URL names no service, so the body is never looked at; then an issue at
 * `ShortCodeSid`, then the first.
 *
 * @example
 * ```ts
 * import { toTwilioError, validateCreateShortCodeRequest } from "@shortcode-kit/validator"
 *
 * const result = validateCreateShortCodeRequest({ serviceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", body: "" })
 * if (!result.ok) {
 *   const error = toTwilioError(result)
 *   // { code: 20001, message: "Missing required parameter ShortCodeSid in the post body",
 *   //   more_info: "https://www.twilio.com/docs/errors/20001", status: 400 }
 * }
 * ```
 * @since 0.1.0
 */
export const toTwilioError = (result: ValidationFailure): TwilioErrorWire => {
  if (typeof result !== "object" || result === null || result.ok !== false || !Array.isArray(result.issues)) {
    throw new TypeError("toTwilioError: pass the failed result of validateCreateShortCodeRequest ({ ok: false, issues })")
  }
  const issues: ReadonlyArray<ValidationIssue> = result.issues
  const service = issues.find((issue) => isAt(issue, "ServiceSid"))
  if (service !== undefined) {
    return encode(answerOfIssue("path", service, { param: ShortCodeResource.pathOf("collection", { ServiceSid: String(issueValues(service).value) }) }).body)
  }
  const decisive = issues.find((issue) => isAt(issue, "ShortCodeSid") && issue.path.length === 1) ?? issues[0]
  if (decisive === undefined) throw new TypeError("toTwilioError: a failed result has at least one issue")
  return encode(answerOfIssue("form", decisive).body)
}
