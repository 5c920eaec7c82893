/**
 * The named checks of the conformance harness and what each one means.
 *
 * @since 0.2.0
 */

/**
 * Every check, in the order they run.
 *
 * @example
 * ```ts
 * import { checkNames } from "@shortcode-kit/validator/conformance"
 *
 * checkNames.includes("stateful") // true
 * ```
 * @since 0.2.0
 */
export const checkNames = [
  "not_a_server_error",
  "status_code_conformance",
  "content_type_conformance",
  "cors_headers",
  "response_schema_conformance",
  "negative_data_rejection",
  "auth",
  "stateful"
] as const

/**
 * The pool checks, run after the others when `runConformance` is given `poolLimit` and `poolSenders` (they need a
 * known limit and free senders of every membership target).
 *
 * @example
 * ```ts
 * import { poolCheckNames } from "@shortcode-kit/validator/conformance"
 *
 * poolCheckNames // ["pool_one_service", "pool_shared_limit"]
 * ```
 * @since 0.2.0
 */
export const poolCheckNames = ["pool_one_service", "pool_shared_limit"] as const

/**
 * The name of a check.
 *
 * @since 0.2.0
 */
export type CheckName = (typeof checkNames)[number] | (typeof poolCheckNames)[number]

/**
 * One sentence per check: what it sends and what it requires of every answer.
 *
 * @example
 * ```ts
 * import { checkDescriptions } from "@shortcode-kit/validator/conformance"
 *
 * console.log(checkDescriptions.cors_headers)
 * ```
 * @since 0.2.0
 */
export const checkDescriptions: Readonly<Record<CheckName, string>> = {
  not_a_server_error: "no request of the mixed traffic (valid, malformed, unauthenticated, wrong method, unknown path, preflight) gets a 5xx or no answer",
  status_code_conformance: "every answer of the mixed traffic has the status the resource's endpoints declare for it and, for an error, the Twilio error code that fits, with the same status in the body",
  content_type_conformance: "every answer with a body is application/json and parses as JSON; a 204 has no body",
  cors_headers: "every answer, errors and preflights included, carries the five CORS headers with the values of the API",
  response_schema_conformance: "success bodies decode as the endpoints' success schemas, such as ShortCode or ShortCodePage (spec profile; with strict also the strict profile for the target's base URL), error bodies as TwilioError",
  negative_data_rejection: "every near-miss request (a malformed member SID such as ShortCodeSid, form or Content-Type faults, malformed SIDs in the path, bad list queries) is refused with a 4xx Twilio error and changes nothing: the list before and after is the same",
  auth: "no credentials, a wrong token, a near-miss token, another account SID and another account's credentials never get a 2xx, never another account's data, and change nothing",
  stateful: "model-based sequences of add, fetch, list and remove: an added member is fetchable and listed, a removed one is not found, a second add is the create endpoint's conflict, walking next_page_url with any PageSize yields each item exactly once",
  pool_one_service: "a sender added to the service is refused by a second, temporary service with the create endpoint's conflict for a sender of another service, and the second service stays without it",
  pool_shared_limit: "a temporary service filled with a mix of senders of every kind up to poolLimit refuses the next sender of each kind with the create endpoint's pool-full answer, and does not add it"
}

/** The checks that judge each answer of the mixed traffic on its own. */
export const responseChecks = [
  "not_a_server_error",
  "status_code_conformance",
  "content_type_conformance",
  "cors_headers",
  "response_schema_conformance"
] as const satisfies ReadonlyArray<CheckName>

export type ResponseCheckName = (typeof responseChecks)[number]

export const isResponseCheck = (name: CheckName): name is ResponseCheckName => (responseChecks as ReadonlyArray<string>).includes(name)
