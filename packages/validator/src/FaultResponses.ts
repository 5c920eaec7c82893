/**
 * What a Twilio-compatible server answers to each HTTP-level fault of a create request, as data shared by the
 * request arbitraries (their `expect`), the example app and the conformance checks, so that all three agree. The
 * answers are read from the schema package's `inputErrors`; this module only says which row answers which fault.
 *
 * @since 0.1.0
 */
import { collectionOperations, FORM_BODY_LIMIT_BYTES, type InputError, inputErrors } from "@shortcode-kit/schema"

/**
 * The largest form body accepted, in bytes (64 KiB). One byte more is answered 413. The schema package's
 * `FORM_BODY_LIMIT_BYTES`, under the name this package has always exported.
 *
 * @since 0.1.0
 */
export const MAX_FORM_BODY_BYTES = FORM_BODY_LIMIT_BYTES

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

// Status and code come from the row of the schema package's table that answers the fault; only the why is said here.
const answeredBy = <K extends InputError>(row: K, why: string) =>
  ({ status: inputErrors[row].status, code: inputErrors[row].code, why }) as const

/**
 * Every fault that `invalidCreateShortCodeHttpRequest()` produces, with the answer it must get: the status and code
 * of the row of `inputErrors` (in `@shortcode-kit/schema`) that answers it. Each assumes the request is otherwise
 * valid: good credentials and a `ServiceSid` that names an existing service of the account.
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
  "content-type.missing": answeredBy(
    "content-type",
    "without Content-Type application/x-www-form-urlencoded the body is not read as a form, so ShortCodeSid is missing"
  ),
  "content-type.other": answeredBy(
    "content-type",
    "a body of another media type (text/plain, multipart/form-data, ...) is not read as a form, so ShortCodeSid is missing"
  ),
  "body.json": answeredBy(
    "content-type",
    "the create endpoint takes a form, not JSON: an application/json body carries no form parameter ShortCodeSid"
  ),
  "body.json-as-form": answeredBy(
    "form.missing",
    "JSON text sent as a form parses to one parameter named after the whole text, so ShortCodeSid is missing"
  ),
  "body.missing-short-code-sid": answeredBy("form.missing", "ShortCodeSid is a required parameter"),
  "body.empty-short-code-sid": answeredBy("form.missing", "an empty ShortCodeSid is a missing one"),
  "body.repeated-short-code-sid": answeredBy(
    "form.repeated",
    "ShortCodeSid given more than once is refused, never first-wins or last-wins"
  ),
  "body.malformed-short-code-sid": answeredBy(
    "form.malformed-sid",
    "ShortCodeSid is present but not SC followed by 32 hexadecimal digits (Twilio error 21421)"
  ),
  "body.bad-percent-encoding": answeredBy(
    "form.malformed-sid",
    "an invalid escape such as %ZZ stays literal when a form is decoded (WHATWG URL), leaving a malformed ShortCodeSid"
  ),
  "body.nul-byte": answeredBy("form.malformed-sid", "%00 decodes to U+0000, which is not a hexadecimal digit"),
  "body.too-large": answeredBy(
    "body.too-large",
    `a body over ${MAX_FORM_BODY_BYTES} bytes is refused before it is read. ${inputErrors["body.too-large"].source}`
  ),
  "path.malformed-service-sid": answeredBy(
    "resource.not-found",
    "a malformed ServiceSid names no service: the resource in the URL does not exist"
  )
} as const satisfies Record<string, ExpectedResponse>

/**
 * The name of an HTTP-level fault.
 *
 * @since 0.1.0
 */
export type HttpFault = keyof typeof expectedFaultResponses

/**
 * What a valid create request gets when the service exists and the short code is in the account's inventory and in
 * no service: 201 with the ShortCode (the schema package's `collectionOperations.create.status`).
 *
 * @since 0.1.0
 */
export const expectedCreatedResponse = { status: collectionOperations.create.status, code: null, why: "the short code is added to the service" } as const satisfies ExpectedResponse
