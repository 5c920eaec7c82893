/**
 * What a Twilio-compatible server answers to each HTTP-level fault of a create request, as data shared by the
 * request arbitraries (their `expect`), the example app and the conformance checks, so that all three agree.
 *
 * @since 0.1.0
 */

/**
 * The largest form body accepted, in bytes (64 KiB). One byte more is answered 413.
 *
 * @since 0.1.0
 */
export const MAX_FORM_BODY_BYTES = 65_536

/**
 * One expected answer: the HTTP status and the Twilio error `code` of the body.
 *
 * @since 0.1.0
 */
export interface ExpectedResponse {
  readonly status: number
  readonly code: number | null
  readonly why: string
}

/**
 * Every fault that `invalidCreateShortCodeHttpRequest()` produces, with the answer it must get. Each assumes the
 * request is otherwise valid: good credentials and a `ServiceSid` that names an existing service of the account.
 *
 * @example
 * ```ts
 * import { expectedFaultResponses } from "@shortcode-kit/validator"
 *
 * expectedFaultResponses["body.too-large"] // { status: 413, code: 20001, why: "..." }
 * ```
 * @since 0.1.0
 */
export const expectedFaultResponses = {
  "content-type.missing": {
    status: 400,
    code: 20001,
    why: "without Content-Type application/x-www-form-urlencoded the body is not read as a form, so ShortCodeSid is missing"
  },
  "content-type.other": {
    status: 400,
    code: 20001,
    why: "a body of another media type (text/plain, multipart/form-data, ...) is not read as a form, so ShortCodeSid is missing"
  },
  "body.json": {
    status: 400,
    code: 20001,
    why: "the create endpoint takes a form, not JSON: an application/json body carries no form parameter ShortCodeSid"
  },
  "body.json-as-form": {
    status: 400,
    code: 20001,
    why: "JSON text sent as a form parses to one parameter named after the whole text, so ShortCodeSid is missing"
  },
  "body.missing-short-code-sid": { status: 400, code: 20001, why: "ShortCodeSid is a required parameter" },
  "body.empty-short-code-sid": { status: 400, code: 20001, why: "an empty ShortCodeSid is a missing one" },
  "body.repeated-short-code-sid": {
    status: 400,
    code: 20001,
    why: "ShortCodeSid given more than once is refused, never first-wins or last-wins"
  },
  "body.malformed-short-code-sid": {
    status: 400,
    code: 21421,
    why: "ShortCodeSid is present but not SC followed by 32 hexadecimal digits (Twilio error 21421)"
  },
  "body.bad-percent-encoding": {
    status: 400,
    code: 21421,
    why: "an invalid escape such as %ZZ stays literal when a form is decoded (WHATWG URL), leaving a malformed ShortCodeSid"
  },
  "body.nul-byte": {
    status: 400,
    code: 21421,
    why: "%00 decodes to U+0000, which is not a hexadecimal digit"
  },
  "body.too-large": {
    status: 413,
    code: 20001,
    why: `a body over ${MAX_FORM_BODY_BYTES} bytes is refused before it is read. Twilio documents no error code for this; ` +
      "shortcode-kit answers 20001 (Invalid parameter) with status 413 so that every error body is a valid TwilioError"
  },
  "path.malformed-service-sid": {
    status: 404,
    code: 20404,
    why: "a malformed ServiceSid names no service: the resource in the URL does not exist"
  }
} as const satisfies Record<string, ExpectedResponse>

/**
 * The name of an HTTP-level fault.
 *
 * @since 0.1.0
 */
export type HttpFault = keyof typeof expectedFaultResponses

/**
 * What a valid create request gets when the service exists and the short code is in the account's inventory and in
 * no service: 201 with the ShortCode.
 *
 * @since 0.1.0
 */
export const expectedCreatedResponse = { status: 201, code: null, why: "the short code is added to the service" } as const satisfies ExpectedResponse
