/**
 * The error body Twilio answers an invalid create request with, derived from the validation issues.
 *
 * @since 0.1.0
 */
import { type ErrorCode, makeTwilioError, TwilioError, type TwilioErrorWire, type ValidationIssue } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { formatPath, type ValidationFailure } from "./ValidationResult.js"

const encode = Schema.encodeSync(TwilioError)

/** The value an issue's `received` renders, back as text: a JSON string unquoted, anything else as rendered. */
const receivedText = (issue: ValidationIssue): string => {
  if (issue.received === "(missing)") return ""
  if (issue.received.startsWith("\"") && issue.received.endsWith("\"")) {
    try {
      const parsed: unknown = JSON.parse(issue.received)
      if (typeof parsed === "string") return parsed
    } catch {
      // A rendering cut short at its length limit is not valid JSON; show it as it is.
    }
  }
  return issue.received
}

const body = (code: ErrorCode, param: string, message?: string): TwilioErrorWire =>
  encode(makeTwilioError(code, param, message === undefined ? {} : { message }))

const isAt = (issue: ValidationIssue, name: string) => issue.path[0] === name

/**
 * The Twilio error body (wire form: `{ code, message, more_info, status }`) that Twilio answers for a create request
 * that failed `validateCreateShortCodeRequest`, with its HTTP status in `status`:
 *
 * | issue | status | code | message |
 * |---|---|---|---|
 * | any at `ServiceSid` | 404 | 20404 | The requested resource /v1/Services/{ServiceSid}/ShortCodes was not found |
 * | `required` at `ShortCodeSid` | 400 | 20001 | Missing required parameter ShortCodeSid in the post body |
 * | `form.repeated` at `ShortCodeSid` | 400 | 20001 | ShortCodeSid must be given once; it was given N times |
 * | `sid.*` or `type` at `ShortCodeSid` | 400 | 21421 | You tried to add an invalid ... Short Code SID ...: ShortCodeSid "..." {reason} |
 * | anything else (a body that is not a form) | 400 | 20001 | Invalid parameter: {path} {reason} |
 *
 * A bad `ServiceSid` wins: the URL names no service, so the body is never looked at.
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
  if (service !== undefined) return body(20404, `/v1/Services/${receivedText(service)}/ShortCodes`)
  const shortCodeSid = issues.find((issue) => isAt(issue, "ShortCodeSid") && issue.path.length === 1)
  if (shortCodeSid !== undefined) {
    if (shortCodeSid.rule === "required") return body(20001, "", "Missing required parameter ShortCodeSid in the post body")
    if (shortCodeSid.rule === "form.repeated") return body(20001, "", shortCodeSid.message)
    return body(21421, `ShortCodeSid ${shortCodeSid.received} ${shortCodeSid.message}`)
  }
  const first = issues[0]
  if (first === undefined) throw new TypeError("toTwilioError: a failed result has at least one issue")
  return body(20001, first.path.length === 0 ? first.message : `${formatPath(first.path)} ${first.message}`)
}
