/**
 * The Twilio error codes this project uses, as data: code, HTTP status, Twilio's wording, and where each fact comes
 * from. Twilio documents most codes at https://www.twilio.com/docs/errors/{code}; a few are known only from observed
 * responses, and the table says so.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export interface ErrorTableEntry {
  readonly code: number
  readonly status: number
  /** Twilio's message, with `{param}` where the parameter's name goes. */
  readonly message: string
  readonly when: string
  readonly source: string
}

const documented = (code: number) => `Twilio error dictionary, https://www.twilio.com/docs/errors/${code}`
const observed = "observed in third-party recorded fixtures of Twilio responses; not in Twilio's documentation"

/**
 * Every error code the toolkit and the example app answer with, including the rate-limit and server errors (20429,
 * 20500, 20503) that any Twilio call can meet and that a client must handle.
 *
 * @example
 * ```ts
 * import { errorTable } from "@shortcode-kit/schema"
 *
 * errorTable[20404].status // 404
 * ```
 * @since 0.1.0
 */
export const errorTable = {
  20001: {
    code: 20001,
    status: 400,
    message: "Invalid parameter: {param}",
    when: "a required parameter is missing, empty or repeated, or a parameter other than a SID is malformed",
    source: observed
  },
  20003: {
    code: 20003,
    status: 401,
    message: "Authenticate",
    when: "no credentials, or an Account SID and Auth Token that do not match",
    source: documented(20003) + " (Permission Denied; HTTP 401 for authentication failures)"
  },
  20004: {
    code: 20004,
    status: 405,
    message: "Method not allowed",
    when: "an HTTP method the resource does not support",
    source: documented(20004)
  },
  20404: {
    code: 20404,
    status: 404,
    message: "The requested resource {param} was not found",
    when: "a service or short code that does not exist or belongs to another account, or an unknown path",
    source: documented(20404)
  },
  20429: {
    code: 20429,
    status: 429,
    message: "Too Many Requests",
    when: "the account sends more requests than its concurrency or rate limit allows; retry after a delay",
    source: documented(20429)
  },
  20500: {
    code: 20500,
    status: 500,
    message: "Internal Server Error",
    when: "an unexpected failure on Twilio's side; the request may be retried",
    source: documented(20500)
  },
  20503: {
    code: 20503,
    status: 503,
    message: "Service Unavailable",
    when: "Twilio is temporarily unable to handle the request (overload or maintenance); retry after a delay",
    source: documented(20503)
  },
  21421: {
    code: 21421,
    status: 400,
    message: "You tried to add an invalid Phone Number SID or Short Code SID to a Messaging Service: {param}",
    when: "ShortCodeSid is present but not a well-formed Short Code SID",
    source: documented(21421) + " (the wording about Messaging Services is Twilio's)"
  },
  21709: {
    code: 21709,
    status: 400,
    message: "Alpha Sender ID is Invalid or Not Authorized for this Messaging Service",
    when: "an AlphaSender that breaks a rule of the text, or a second alpha sender in a Messaging Service (it may have only one)",
    source: documented(21709) + "; the HTTP status is not documented, 400 is the project's choice; Twilio documents no code " +
      "for a second alpha sender (https://www.twilio.com/docs/messaging/api/alphasender-resource: \"may only have one alpha " +
      "sender\"), 21709 is the project's choice"
  },
  21710: {
    code: 21710,
    status: 409,
    message: "Phone Number or Short Code is already in the Messaging Service.",
    when: "the short code is already in this Messaging Service",
    source: observed + " (HTTP 409)"
  },
  21712: {
    code: 21712,
    status: 409,
    message: "Phone Number or Short Code is associated with another Messaging Service",
    when: "the short code is already in another Messaging Service",
    source: documented(21712) + "; the HTTP status is not documented, 409 is the project's choice (a conflict)"
  },
  21714: {
    code: 21714,
    status: 400,
    message: "The Messaging Service number pool is full (400 numbers and short codes per service)",
    when: "the service already holds 400 phone numbers and short codes",
    source: documented(21714) + "; the HTTP status is not documented, 400 is the project's choice"
  }
} as const satisfies Record<number, ErrorTableEntry>

/** @since 0.1.0 */
export type ErrorCode = keyof typeof errorTable

/** Twilio's documentation page for an error code, the `more_info` of every error body. */
export const moreInfoUrl = (code: number): string => `https://www.twilio.com/docs/errors/${code}`
