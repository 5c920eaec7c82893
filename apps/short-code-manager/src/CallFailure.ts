/**
 * What went wrong with one SDK call, as data: a Twilio error answer, or a connection lost before an answer came.
 * Everything the retry loop and the outcomes decide is read from here.
 */
import { errorTable } from "@shortcode-kit/schema"
import twilio from "twilio"

/** An error answer of Twilio (the SDK's `RestException`), with the `Retry-After` of the answer when it had one. */
export interface TwilioAnswer {
  readonly _tag: "TwilioAnswer"
  readonly status: number
  readonly code: number | undefined
  readonly message: string
  readonly retryAfterMs?: number
}

/** The connection went away without an answer: the request may or may not have been carried out. */
export interface ConnectionLost {
  readonly _tag: "ConnectionLost"
  readonly code: string
  readonly message: string
}

/** A failed call. */
export type CallFailure = TwilioAnswer | ConnectionLost

// Node's and axios's codes of a connection that broke or timed out; the SDK passes axios's error through.
const CONNECTION_CODES: ReadonlySet<string> = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ECONNABORTED"])

// The statuses worth another attempt are those of the table's rate-limit and unavailable errors.
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([errorTable[20429].status, errorTable[20500].status, errorTable[20503].status])

// An HTTP date as servers send it (IMF-fixdate): `Date.parse` alone would read "-1" or "2" as years.
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date (RFC 9110 section 10.2.3); anything else is ignored. */
export const parseRetryAfter = (value: unknown, now: number = Date.now()): number | undefined => {
  if (typeof value !== "string") return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = IMF_FIXDATE.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

const headerOf = (headers: Readonly<Record<string, unknown>> | undefined, name: string): unknown =>
  headers === undefined ? undefined : Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]

/**
 * The failure `error` stands for, or `undefined` when it is neither a Twilio answer nor a lost connection (a bug,
 * which callers rethrow). `headers` are those of the answer that made the SDK throw, for `Retry-After`.
 */
export const parseSdkError = (error: unknown, headers?: Readonly<Record<string, unknown>>): CallFailure | undefined => {
  if (error instanceof twilio.RestException) {
    const retryAfterMs = parseRetryAfter(headerOf(headers, "retry-after"))
    return {
      _tag: "TwilioAnswer",
      status: error.status,
      code: typeof error.code === "number" ? error.code : undefined,
      message: error.message,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs })
    }
  }
  const code: unknown = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined
  if (error instanceof Error && typeof code === "string" && CONNECTION_CODES.has(code)) {
    return { _tag: "ConnectionLost", code, message: error.message }
  }
  return undefined
}

/** Whether another attempt may succeed: a rate limit, a server error or unavailability, a lost connection. */
export const isTransient = (failure: CallFailure): boolean =>
  failure._tag === "ConnectionLost" || TRANSIENT_STATUSES.has(failure.status)

/**
 * Whether the request may have been carried out although no success came back: a lost connection or a 500. A 429
 * or a 503 is Twilio refusing the request before doing it.
 */
export const mayHaveHappened = (failure: CallFailure): boolean =>
  failure._tag === "ConnectionLost" || failure.status === errorTable[20500].status

/** One line for logs and outcomes: `429 20429 Too Many Requests` or `connection lost (ECONNRESET: socket hang up)`. */
export const describeFailure = (failure: CallFailure): string =>
  failure._tag === "ConnectionLost"
    ? `connection lost (${failure.code}: ${failure.message})`
    : `${failure.status} ${failure.code ?? "(no code)"} ${failure.message}`
