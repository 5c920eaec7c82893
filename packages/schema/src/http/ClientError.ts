/**
 * What a call of a typed client (such as the ShortCodes client) can fail with: the server's Twilio error, or a
 * problem on the way there or back.
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
 * const waitSeconds = (error: TwilioApiError) => error.retryAfter ?? 1
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
  /**
   * The seconds the server asks to wait before trying again, from the response's `Retry-After` header (sent with
   * 429 and 503): its delay-seconds, or its HTTP-date counted from the response's `Date` (or the clock). Absent
   * when the response has no readable `Retry-After`.
   *
   * @since 0.2.0
   */
  readonly retryAfter?: number | undefined
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
 * @since 0.2.0
 */
export type ResourceClientErrorReason = "InvalidRequest" | "Transport" | "InvalidResponse" | "UnexpectedStatus"

/**
 * Why a call of the ShortCodes client failed without a Twilio error body (see {@link ResourceClientErrorReason}).
 *
 * @since 0.1.0
 */
export type ShortCodesClientErrorReason = ResourceClientErrorReason

/**
 * What every client error of a resource carries. `message` is a complete sentence naming the request and, for
 * invalid input or responses, every problem with its path.
 *
 * @since 0.2.0
 */
export interface ResourceClientErrorFields {
  readonly message: string
  readonly reason: ResourceClientErrorReason
  /** `"METHOD url"` of the request, or the operation's name when nothing was sent. */
  readonly request: string
  /** The HTTP status, when there was a response. */
  readonly status: number | undefined
  /** The problems found in the arguments or in the response body; empty for the other reasons. */
  readonly issues: ReadonlyArray<ValidationIssue>
  readonly cause: unknown
}

/**
 * A class of client errors, which a resource's client makes its failures with (its own tag, the same fields).
 *
 * @since 0.2.0
 */
export type ResourceClientErrorClass<E> = new(fields: ResourceClientErrorFields) => E

/**
 * A call of a resource client that failed without a Twilio error body: the error of a client made with
 * `makeResourceClient` when it names no class of its own.
 *
 * @example
 * ```ts
 * import { ResourceClientError } from "@shortcode-kit/schema/http"
 *
 * const wasSent = (error: ResourceClientError) => error.reason !== "InvalidRequest"
 * ```
 * @since 0.2.0
 */
export class ResourceClientError extends Data.TaggedError("ResourceClientError")<ResourceClientErrorFields> {}

/**
 * A call of the ShortCodes client that failed without a Twilio error body.
 *
 * @example
 * ```ts
 * import { ShortCodesClientError } from "@shortcode-kit/schema/http"
 *
 * const paths = (error: ShortCodesClientError) => error.issues.map((issue) => issue.path.join("."))
 * ```
 * @since 0.1.0
 */
export class ShortCodesClientError extends Data.TaggedError("ShortCodesClientError")<ResourceClientErrorFields> {}

/**
 * Every way a call of the ShortCodes client can fail.
 *
 * @since 0.1.0
 */
export type ShortCodesClientFailure = TwilioApiError | ShortCodesClientError
