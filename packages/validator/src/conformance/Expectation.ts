/**
 * What a request must get: the statuses allowed, the Twilio error code of an error, the kind of body, and why, so
 * that a failure can say what was expected in words.
 */
import { withArticle } from "../internal/article.js"

/**
 * The body a success must have: the identifier of the endpoint's success schema (`ShortCode`, `ShortCodePage`), or
 * `empty` (204), `any` (a preflight), `TwilioError` for an error.
 */
export type BodyKind = "TwilioError" | "empty" | "any" | (string & {})

/**
 * The answer a request must get.
 *
 * @since 0.2.0
 */
export interface Expectation {
  readonly statuses: ReadonlyArray<number>
  /** The Twilio error code of an error answer, `null` for a success. */
  readonly code: number | null
  readonly body: BodyKind
  /** Why, in words: "SC… was removed from the service above". */
  readonly because: string
}

export const expectSuccess = (status: number, body: BodyKind, because: string): Expectation => ({ statuses: [status], code: null, body, because })

export const expectError = (status: number, code: number, because: string): Expectation => ({ statuses: [status], code, body: "TwilioError", because })

/** The error answer of the contract (a status and its Twilio code, `null` for any code), for `because`. */
export const expectAnswer = (answer: { readonly status: number; readonly code: number | null }, because: string): Expectation =>
  ({ statuses: [answer.status], code: answer.code, body: "TwilioError", because })

/** "a ShortCode", "a page of ShortCodes": a success schema's identifier in words (a page's ends in `Page`). */
const bodyInWords = (identifier: string): string =>
  identifier.endsWith("Page") && identifier.length > 4 ? `a page of ${identifier.slice(0, -4)}s` : withArticle(identifier)

/** "404 with Twilio error 20404 (because ...)", "201 with a ShortCode (because ...)". */
export const describeExpectation = (expected: Expectation): string => {
  const statuses = expected.statuses.join(" or ")
  const what = expected.code !== null
    ? ` with Twilio error ${expected.code}`
    : expected.body === "empty" ? " with no body"
    : expected.body === "any" || expected.body === "TwilioError" ? ""
    : ` with ${bodyInWords(expected.body)}`
  return `${statuses}${what}: ${expected.because}`
}
