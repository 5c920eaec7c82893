/**
 * A create request with one fault and the answer it must get: the data a target's table of error answers yields
 * (its own module, so that Membership.ts and FormFaults.ts both read it without importing each other).
 */

/**
 * An answer a request must get: the HTTP status, the Twilio error code (`null` for a success), and why, in words.
 *
 * @since 0.2.0
 */
export interface Answer {
  readonly status: number
  readonly code: number | null
  readonly why: string
}

/**
 * A create request with one fault (a missing Content-Type, a repeated field...), and the answer it must get.
 *
 * @since 0.2.0
 */
export interface FaultyRequest {
  /** The fault's name in the resource's table of error answers. */
  readonly fault: string
  readonly method: string
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  readonly answer: Answer
}

/** A status and the Twilio error code that goes with it. */
export interface ErrorAnswer {
  readonly status: number
  readonly code: number
}
