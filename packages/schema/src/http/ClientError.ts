/**
 * What a call of the ShortCodes client can fail with: the server's Twilio error, or a problem on the way there or
 * back.
 *
 * @since 0.1.0
 */
import { Data } from "effect"
import type { ValidationIssue } from "../ValidationIssue.js"
import type { TwilioError } from "../TwilioError.js"

/**
 * The server answered with a Twilio error body (`{ code, message, more_info, status }`), decoded and checked.
 *
 * @example
 * ```ts
 * import { TwilioApiError } from "@shortcode-kit/schema/http"
 *
 * const isNotFound = (error: unknown) => error instanceof TwilioApiError && error.code === 20404
 * ```
 * @since 0.1.0
 */
export class TwilioApiError extends Data.TaggedError("TwilioApiError")<{
  readonly message: string
  /** The decoded error body. */
  readonly twilioError: TwilioError
  /** The HTTP status of the response. */
  readonly status: number
  /** `"METHOD url"` of the request. */
  readonly request: string
}> {
  /** Twilio's error code, such as 20404. */
  get code(): number {
    return this.twilioError.code
  }
}

/**
 * Why a call failed without a Twilio error body:
 *
 * - `InvalidRequest`: the arguments were invalid, nothing was sent (`issues` says which, with the caller's names);
 * - `Transport`: no response (connection refused, DNS, TLS, aborted);
 * - `InvalidResponse`: a response whose body does not match the API (`issues` has the paths, in wire names);
 * - `UnexpectedStatus`: a status the API does not declare, without a Twilio error body.
 *
 * @since 0.1.0
 */
export type ShortCodesClientErrorReason = "InvalidRequest" | "Transport" | "InvalidResponse" | "UnexpectedStatus"

/**
 * A call that failed without a Twilio error body. `message` is a complete sentence naming the request and, for
 * invalid input or responses, every problem with its path.
 *
 * @example
 * ```ts
 * import { ShortCodesClientError } from "@shortcode-kit/schema/http"
 *
 * const paths = (error: ShortCodesClientError) => error.issues.map((issue) => issue.path.join("."))
 * ```
 * @since 0.1.0
 */
export class ShortCodesClientError extends Data.TaggedError("ShortCodesClientError")<{
  readonly message: string
  readonly reason: ShortCodesClientErrorReason
  /** `"METHOD url"` of the request, or the operation's name when nothing was sent. */
  readonly request: string
  /** The HTTP status, when there was a response. */
  readonly status: number | undefined
  /** The problems found in the arguments or in the response body; empty for the other reasons. */
  readonly issues: ReadonlyArray<ValidationIssue>
  readonly cause: unknown
}> {}

/**
 * Every way a call of the ShortCodes client can fail.
 *
 * @since 0.1.0
 */
export type ShortCodesClientFailure = TwilioApiError | ShortCodesClientError
