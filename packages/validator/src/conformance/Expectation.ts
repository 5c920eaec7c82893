/**
 * What a request must get: the statuses allowed, the Twilio error code of an error, the kind of body, and why, so
 * that a failure can say what was expected in words.
 */

/** The body a success must have, or `empty` (204), `any` (a preflight), `TwilioError` for an error. */
export type BodyKind = "ShortCode" | "ShortCodePage" | "TwilioError" | "empty" | "any"

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

/** "404 with Twilio error 20404 (because ...)", "201 with a ShortCode (because ...)". */
export const describeExpectation = (expected: Expectation): string => {
  const statuses = expected.statuses.join(" or ")
  const what = expected.code !== null
    ? ` with Twilio error ${expected.code}`
    : expected.body === "ShortCode" ? " with a ShortCode"
    : expected.body === "ShortCodePage" ? " with a page of ShortCodes"
    : expected.body === "empty" ? " with no body"
    : ""
  return `${statuses}${what}: ${expected.because}`
}
