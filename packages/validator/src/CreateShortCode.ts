/**
 * Validation of an incoming create request, `POST /v1/Services/{ServiceSid}/ShortCodes` with the form body
 * `ShortCodeSid=SC...`, for servers that stand in for Twilio or sit in front of it.
 *
 * @since 0.1.0
 */
import {
  CreateShortCodeParams,
  describeReceived,
  type ServiceSid,
  makeShortCodeStrict,
  ShortCodeResource,
  type ShortCodeSid
} from "@shortcode-kit/schema"
import { makeValidator, unreadableIssue } from "./internal/decoder.js"
import { resourceValidation } from "./ResourceValidation.js"
import { getOrThrow, type ValidationResult } from "./ValidationResult.js"

/**
 * A form body as a server may hold it: the raw text, parsed `URLSearchParams`, or a record as body parsers produce
 * (`{ ShortCodeSid: "SC..." }`, a repeated parameter as an array).
 *
 * @since 0.1.0
 */
export type FormBodyInput = string | URLSearchParams | Readonly<Record<string, string | ReadonlyArray<string>>>

/**
 * The parts of a create request that carry input: the `ServiceSid` path parameter and the form body. Typed loosely
 * on purpose: the validator accepts anything and reports what is wrong.
 *
 * @since 0.1.0
 */
export interface CreateShortCodeRequestInput {
  readonly serviceSid: unknown
  readonly body: unknown
}

/**
 * A valid create request, decoded.
 *
 * @since 0.1.0
 */
export interface CreateShortCodeInput {
  readonly serviceSid: ServiceSid
  readonly shortCodeSid: ShortCodeSid
}

const validateParams = makeValidator(CreateShortCodeParams)
// The create form's validator, derived from the declaration as every resource's is (ResourceValidation.ts).
const validateBody: (body: unknown) => ValidationResult<{ readonly shortCodeSid: ShortCodeSid }> =
  resourceValidation(ShortCodeResource, (baseUrl) => makeShortCodeStrict({ baseUrl }), "validateShortCode").validateCreateForm

/**
 * Validates only the form body of a create request: `ShortCodeSid` exactly once and well formed (issues at
 * `["ShortCodeSid"]`). Never throws.
 *
 * @example
 * ```ts
 * import { validateCreateShortCodeForm } from "@shortcode-kit/validator"
 *
 * validateCreateShortCodeForm("ShortCodeSid=SC%61aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").ok // true: %61 is "a"
 * ```
 * @since 0.1.0
 */
export const validateCreateShortCodeForm = (body: unknown): ValidationResult<{ readonly shortCodeSid: ShortCodeSid }> => validateBody(body)

/**
 * Validates an incoming create request: `serviceSid` as the `ServiceSid` path parameter (issues at
 * `["ServiceSid"]`) and the form body, which must carry `ShortCodeSid` exactly once (issues at
 * `["ShortCodeSid"]`). Other form parameters are ignored, as Twilio ignores them. Never throws.
 *
 * @example
 * ```ts
 * import { toTwilioError, validateCreateShortCodeRequest } from "@shortcode-kit/validator"
 *
 * const result = validateCreateShortCodeRequest({
 *   serviceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   body: "ShortCodeSid=SCbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
 * })
 * if (result.ok) result.value.shortCodeSid // "SCbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
 * else toTwilioError(result) // { code: 21421, status: 400, ... }
 * ```
 * @since 0.1.0
 */
export const validateCreateShortCodeRequest = (request: CreateShortCodeRequestInput): ValidationResult<CreateShortCodeInput> => {
  try {
    if (typeof request !== "object" || request === null) {
      const expected = "{ serviceSid, body }"
      return { ok: false, issues: [{ path: [], rule: "type", message: `the request must be an object ${expected}`, expected, received: describeReceived(request) }] }
    }
    const { serviceSid, body } = request
    const params = validateParams(serviceSid === undefined ? {} : { ServiceSid: serviceSid })
    const form = validateBody(body)
    if (params.ok && form.ok) return { ok: true, value: { serviceSid: params.value.ServiceSid, shortCodeSid: form.value.shortCodeSid } }
    return { ok: false, issues: [...(params.ok ? [] : params.issues), ...(form.ok ? [] : form.issues)] }
  } catch (cause) {
    return { ok: false, issues: [unreadableIssue(request, cause)] }
  }
}

/**
 * The decoded create request, or a `ValidationError` listing every issue with its path.
 *
 * @example
 * ```ts
 * import { assertCreateShortCodeRequest } from "@shortcode-kit/validator"
 *
 * const { serviceSid, shortCodeSid } = assertCreateShortCodeRequest({
 *   serviceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   body: new URLSearchParams({ ShortCodeSid: "SCbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" })
 * })
 * ```
 * @since 0.1.0
 */
export const assertCreateShortCodeRequest = (request: CreateShortCodeRequestInput): CreateShortCodeInput =>
  getOrThrow("create request", validateCreateShortCodeRequest(request))
