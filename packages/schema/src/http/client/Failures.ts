/**
 * The failures of `HttpApiClient` turned into a client's two error classes: a Twilio error body (declared or not)
 * becomes a {@link TwilioApiError} with the response's status and `Retry-After`; everything else a client error of
 * the resource's class, with a reason and, for bodies that break the contract, every issue with its path.
 *
 * @since 0.2.0
 */
import { Cause, Effect, Result, Schema, type SchemaIssue } from "effect"
import { type HttpClientError, HttpClientError as HttpClientErrors, type HttpClientResponse } from "effect/http"
import { toValidationIssues } from "../../Issue.js"
import { TwilioError } from "../../TwilioError.js"
import type { ValidationIssue } from "../../ValidationIssue.js"
import { type ResourceClientErrorClass, type ResourceClientErrorReason, TwilioApiError } from "../ClientError.js"

/**
 * The issues as one line: `path: message (received ...)`, `; `-separated.
 *
 * @since 0.2.0
 */
export const describeIssues = (issues: ReadonlyArray<ValidationIssue>): string =>
  issues
    .map((issue) => `${issue.path.length === 0 ? "(root)" : issue.path.join(".")}: ${issue.message} (received ${issue.received})`)
    .join("; ")

const DELAY_SECONDS = /^\s*(\d+)\s*$/

/**
 * The seconds a `Retry-After` header asks to wait (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date counted from
 * the response's `Date` header (the clock when there is none); `undefined` when absent or unreadable.
 *
 * @since 0.2.0
 */
export const retryAfterSeconds = (headers: Readonly<Record<string, string | undefined>>): number | undefined => {
  const value = headers["retry-after"]
  if (value === undefined) return undefined
  const seconds = DELAY_SECONDS.exec(value)
  if (seconds !== null) return Number(seconds[1])
  const at = Date.parse(value)
  if (!Number.isFinite(at)) return undefined
  const sent = headers["date"] === undefined ? Number.NaN : Date.parse(headers["date"])
  return Math.max(0, Math.ceil((at - (Number.isFinite(sent) ? sent : Date.now())) / 1000))
}

const decodeTwilioError = Schema.decodeUnknownResult(TwilioError)

const MAX_BODY_EXCERPT = 200

/**
 * The failure constructors of one client, bound to its error class.
 *
 * @since 0.2.0
 */
export const makeFailures = <E>(ErrorClass: ResourceClientErrorClass<E>) => {
  const clientError = (
    reason: ResourceClientErrorReason,
    request: string,
    status: number | undefined,
    detail: string,
    cause: unknown,
    issues: ReadonlyArray<ValidationIssue> = []
  ): E => new ErrorClass({ message: `${request}: ${detail}`, reason, request, status, issues, cause })

  const twilioApiError = (twilioError: TwilioError, response: HttpClientResponse.HttpClientResponse, request: string) =>
    new TwilioApiError({
      message: `${request}: HTTP ${response.status}, Twilio error ${twilioError.code}: ${twilioError.message} (${twilioError.moreInfo.href})`,
      twilioError,
      status: response.status,
      request,
      retryAfter: retryAfterSeconds(response.headers)
    })

  const invalidBody = (request: string, status: number, issue: SchemaIssue.Issue, cause: unknown) => {
    const issues = toValidationIssues(issue)
    return clientError(
      "InvalidResponse",
      request,
      status,
      `the HTTP ${status} response body does not match the API: ${describeIssues(issues)}`,
      cause,
      issues
    )
  }

  // A status the API does not declare (429, 500, 503, or 405 from a proxy): Twilio still sends its error body, so
  // it is decoded as one when it is one.
  const undeclaredStatus = (response: HttpClientResponse.HttpClientResponse, request: string, error: unknown) =>
    response.text.pipe(
      Effect.map((text): TwilioApiError | E => {
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          json = undefined
        }
        const decoded = decodeTwilioError(json)
        if (Result.isSuccess(decoded)) return twilioApiError(decoded.success, response, request)
        const excerpt = text.length > MAX_BODY_EXCERPT ? `${text.slice(0, MAX_BODY_EXCERPT)}…` : text
        return clientError(
          "UnexpectedStatus",
          request,
          response.status,
          `unexpected HTTP ${response.status} without a Twilio error body: ${JSON.stringify(excerpt)}`,
          error
        )
      }),
      Effect.catch((readError) =>
        Effect.succeed(clientError("Transport", request, response.status, `the response body could not be read: ${readError.message}`, readError))
      )
    )

  /** The failure of sending the request: no response to classify. */
  const transport = (error: HttpClientError.HttpClientError, request: string) =>
    clientError("Transport", request, error.response?.status, error.message, error)

  /** The failure of decoding `response` with the endpoint's schemas. */
  const fromDecoding = (
    cause: Cause.Cause<unknown>,
    response: HttpClientResponse.HttpClientResponse,
    request: string
  ): Effect.Effect<never, TwilioApiError | E> => {
    const failures = cause.reasons.filter(Cause.isFailReason).map((reason) => reason.error)
    if (failures.length === 0) return Effect.failCause(cause as Cause.Cause<never>)
    const httpError = failures.find(HttpClientErrors.isHttpClientError)
    const schemaError = failures.find(Schema.isSchemaError)
    const value = failures.find((error) => !HttpClientErrors.isHttpClientError(error) && !Schema.isSchemaError(error))
    // A declared error status, its body decoded with the endpoint's TwilioError schemas.
    if (value !== undefined) return Effect.fail(twilioApiError(value as TwilioError, response, request))
    if (schemaError !== undefined) return Effect.fail(invalidBody(request, response.status, schemaError.issue, cause))
    if (httpError?.reason._tag === "DecodeError") return Effect.flatMap(undeclaredStatus(response, request, httpError), Effect.fail)
    return Effect.fail(clientError("Transport", request, response.status, String(httpError?.message ?? failures[0]), cause))
  }

  return { clientError, transport, fromDecoding }
}
