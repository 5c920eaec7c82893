/**
 * Twilio error bodies as HTTP API error responses, one schema per HTTP status.
 *
 * @since 0.1.0
 */
import { Schema, SchemaAST } from "effect"
import { HttpApiSchema } from "effect/http-api"
import { type ErrorCode, errorTable } from "../ErrorTable.js"
import { type InputError, inputErrors } from "../InputErrors.js"
import { TwilioError } from "../TwilioError.js"

/** The HTTP statuses this API answers with a Twilio error body. */
export type TwilioErrorStatus = 400 | 401 | 404 | 405 | 409 | 413

// The codes as data beside their wording, so that tools (the conformance harness) read them from the contract.
const CODES = "shortcode-kit/twilioErrorCodes"

// The summary, then each code with the message it is answered with.
const describe = (summary: string, answers: ReadonlyArray<readonly [code: ErrorCode, message: string]>): string =>
  answers.length === 0
    ? summary
    : `${summary}. Twilio error ${answers.map(([code, message]) => `${code} "${message}"`).join(", ")}`

// The one schema behind every error response: the status, a check that the body says the same, and the codes as data.
const errorResponse = (status: TwilioErrorStatus, description: string, codes: ReadonlyArray<ErrorCode>) =>
  TwilioError.check(
    Schema.makeFilter((error: TwilioError) => error.status === status, {
      expected: `a Twilio error body with "status": ${status}`,
      message: `the error body's "status" must equal the HTTP status ${status}`
    })
  ).pipe(HttpApiSchema.status(status)).annotate({
    // Same identifier on every variant: the checks add nothing to the JSON Schema, so OpenAPI shares one component.
    identifier: "TwilioError",
    description,
    [CODES]: codes
  })

/**
 * The `TwilioError` body answered with one HTTP status. The same wire schema serves every status (one
 * `TwilioError` component in the OpenAPI document); what differs is the status annotation and a check that the
 * body's own `status` equals it. The check is what lets a server pick the response status from the error value it
 * fails with (the first variant whose check passes), and lets a client reject a body whose `status` contradicts
 * the HTTP status.
 *
 * @example
 * ```ts
 * import { Schema, SchemaAST } from "effect"
 * import { twilioErrorResponse } from "@shortcode-kit/schema/http"
 *
 * const NotFound = twilioErrorResponse(404, "Not found", [20404])
 * Schema.is(NotFound)({ code: 20404, message: "gone", moreInfo: new URL("https://www.twilio.com/docs/errors/20404"), status: 404 }) // true
 * ```
 * @since 0.1.0
 */
export const twilioErrorResponse = (status: TwilioErrorStatus, summary: string, codes: ReadonlyArray<ErrorCode>) =>
  errorResponse(status, describe(summary, codes.map((code) => [code, errorTable[code].message] as const)), codes)

/** The rows of `inputErrors` answered with a Twilio error body of one of the {@link TwilioErrorStatus}es. */
export type InputErrorWithResponse = {
  [K in InputError]: (typeof inputErrors)[K] extends { readonly status: TwilioErrorStatus; readonly code: ErrorCode } ? K : never
}[InputError]

/**
 * The error response of a row of the schema package's `inputErrors`: the row's status and code, described with its
 * message. What every request can meet (credentials, a method the path lacks, a body over the limit, a bad query)
 * is stated once, in that table, and the endpoints read it from there.
 *
 * @example
 * ```ts
 * import { inputErrorResponse, twilioErrorCodesOf } from "@shortcode-kit/schema/http"
 *
 * twilioErrorCodesOf(inputErrorResponse("body.too-large", "Payload too large")) // [20001]
 * ```
 * @since 0.2.0
 */
export const inputErrorResponse = (row: InputErrorWithResponse, summary: string) => {
  const { status, code, message } = inputErrors[row] as { readonly status: TwilioErrorStatus; readonly code: ErrorCode; readonly message: string }
  return errorResponse(status, describe(summary, [[code, message]]), [code])
}

/**
 * The Twilio error codes a response of {@link twilioErrorResponse} declares, in the order given (`[]` for any other
 * schema).
 *
 * @example
 * ```ts
 * import { twilioErrorCodesOf, twilioErrorResponse } from "@shortcode-kit/schema/http"
 *
 * twilioErrorCodesOf(twilioErrorResponse(404, "Not found", [20404])) // [20404]
 * ```
 * @since 0.1.0
 */
export const twilioErrorCodesOf = (schema: Schema.Top): ReadonlyArray<ErrorCode> => {
  const codes = SchemaAST.resolve(schema.ast)?.[CODES]
  return Array.isArray(codes) ? codes : []
}

/**
 * `401 Unauthorized`: missing or wrong credentials (Twilio error 20003). Declared once, by the security middleware,
 * so it applies to every endpoint.
 *
 * @since 0.1.0
 */
export const TwilioErrorUnauthorized = inputErrorResponse("credentials", "Unauthorized: missing or wrong Account SID and Auth Token")

/**
 * `405 Method Not Allowed` (Twilio error 20004). No endpoint declares it, because OpenAPI describes only the
 * methods a path has; a server answers it for the other methods of the two paths, with this schema.
 *
 * @since 0.1.0
 */
export const TwilioErrorMethodNotAllowed = inputErrorResponse("method.not-allowed", "Method not allowed on this resource")
