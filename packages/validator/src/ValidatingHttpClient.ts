/**
 * A validating `httpClient` for the official twilio SDK: every raw body the SDK receives from the ShortCodes
 * resource is checked before the SDK turns it into objects (and hides what it changed on the way).
 *
 * @since 0.2.0
 */
import { collectionOperations, describeReceived, ShortCodeResource, type ValidationIssue } from "@shortcode-kit/schema"
import { type ProfileOptions, resolveProfileOptions } from "./Profile.js"
import { validateShortCode } from "./ShortCode.js"
import { validateShortCodePage } from "./ShortCodePage.js"
import { validateTwilioError } from "./TwilioError.js"
import { formatIssue, type ValidationResult } from "./ValidationResult.js"

/**
 * What the wrapper reads of a request: the twilio SDK's `RequestClient.RequestOptions` has these and more, which
 * are passed on untouched.
 *
 * @since 0.2.0
 */
export interface TwilioRequestLike {
  readonly method: string
  readonly uri: string
}

/**
 * What the wrapper reads of a response: the SDK's `{ statusCode, body, headers }`, `body` the JSON text or (with the
 * SDK's axios-based `RequestClient`) the parsed JSON.
 *
 * @since 0.2.0
 */
export interface TwilioResponseLike {
  readonly statusCode: number
  readonly body: unknown
}

/**
 * Anything with the shape of the SDK's `twilio.RequestClient`: its own, a subclass (the emulator's
 * `makeTwilioHttpClient`), or a client of your own. A structural type: this package does not load `twilio`.
 *
 * @since 0.2.0
 */
export interface TwilioRequestClientLike {
  request(opts: TwilioRequestLike): PromiseLike<TwilioResponseLike>
}

/**
 * Which schema judged a body: a ShortCode (fetch, create), a page (list), or an error body (any 4xx or 5xx).
 *
 * @since 0.2.0
 */
export type ShortCodeResponseKind = "ShortCode" | "ShortCodePage" | "TwilioError"

/**
 * One response of the ShortCodes resource whose body is not what the contract says.
 *
 * @since 0.2.0
 */
export interface ShortCodeResponseReport {
  /** The request's method, upper case (`GET`). */
  readonly method: string
  /** The request's URL, as the SDK sent it. */
  readonly uri: string
  /** Its path (`/v1/Services/MG.../ShortCodes/SC...`). */
  readonly path: string
  readonly statusCode: number
  readonly kind: ShortCodeResponseKind
  /** Every issue of the body, paths in wire names (`["short_codes", 0, "account_sid"]`). */
  readonly issues: ReadonlyArray<ValidationIssue>
}

/**
 * Options of `withShortCodeValidation`: the profile of ShortCode bodies (page items included), and what to do with
 * a report. Without `onIssues` the request fails with a `ShortCodeResponseError`; with it, the callback gets the
 * report and the SDK gets the response as it came.
 *
 * @since 0.2.0
 */
export interface ShortCodeValidationOptions extends ProfileOptions {
  readonly onIssues?: ((report: ShortCodeResponseReport) => void) | undefined
}

/**
 * The error a request fails with when its response body is invalid (and no `onIssues` was given): the message
 * names the request and lists each issue with its path; `report` holds the data.
 *
 * @example
 * ```ts
 * import { ShortCodeResponseError } from "@shortcode-kit/validator"
 *
 * const describe = (error: unknown) =>
 *   error instanceof ShortCodeResponseError ? `${error.report.method} ${error.report.path}: ${error.report.issues.length} issues` : String(error)
 * ```
 * @since 0.2.0
 */
export class ShortCodeResponseError extends Error {
  override readonly name = "ShortCodeResponseError"
  readonly report: ShortCodeResponseReport

  constructor(report: ShortCodeResponseReport) {
    const count = report.issues.length === 1 ? "1 issue" : `${report.issues.length} issues`
    super(
      `Invalid ${report.kind} in the ${report.statusCode} response to ${report.method} ${report.uri} (path ${report.path}; ${count}):\n` +
        report.issues.map((issue) => `  - ${formatIssue(issue)}`).join("\n")
    )
    this.report = report
  }
}

/** A path template (`/v1/Services/:ServiceSid/ShortCodes`) as a pattern for one path: each `:Name` one segment. */
const pathPattern = (template: string): RegExp =>
  new RegExp(`^${template.split("/").map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/")}/?$`)

const paths = { collection: pathPattern(ShortCodeResource.collectionPath), instance: pathPattern(ShortCodeResource.instancePath) }
// Which body each operation answers with is collectionOperations' (create and fetch a member, list a page).
const kinds = { member: "ShortCode", page: "ShortCodePage", none: undefined } as const
const routes = Object.values(collectionOperations).map((op) => ({ method: op.method, path: paths[op.path], kind: kinds[op.body] }))

/** The schema for a response of the resource, or `undefined` for another path or an answer without a body. */
const kindOf = (method: string, path: string, statusCode: number): ShortCodeResponseKind | undefined => {
  const onPath = routes.filter((route) => route.path.test(path))
  if (onPath.length === 0) return undefined
  if (statusCode >= 400) return "TwilioError"
  if (statusCode < 200 || statusCode >= 300 || statusCode === 204) return undefined
  return onPath.find((route) => route.method === method)?.kind
}

const pathOf = (uri: string): string | undefined => {
  try {
    return new URL(uri).pathname
  } catch {
    return undefined
  }
}

const notJson = (body: string, cause: unknown): ValidationResult<never> => ({
  ok: false,
  issues: [{
    path: [],
    rule: "type",
    message: `must be JSON text (${cause instanceof Error ? cause.message : String(cause)})`,
    expected: "a JSON body",
    received: describeReceived(body)
  }]
})

/**
 * Wraps a twilio `RequestClient` (or anything shaped like one) so that every response of the ShortCodes resource is
 * validated: `GET`/`POST /v1/Services/{ServiceSid}/ShortCodes` as a ShortCodePage / ShortCode, `GET
 * .../ShortCodes/{Sid}` as a ShortCode, and any 4xx or 5xx of these paths as a TwilioError. Other paths, other
 * statuses and `204`s pass unchecked. Invalid bodies throw a `ShortCodeResponseError` from the request (so the
 * SDK's call rejects with it), or go to `onIssues`. The result is the client itself with `request` replaced
 * (everything else, `lastResponse` included, is read from it), so it has the client's type and can be given to
 * `twilio(...)` as `httpClient`. Throws a TypeError at once for malformed options.
 *
 * @example
 * ```ts
 * import twilio from "twilio"
 * import { withShortCodeValidation } from "@shortcode-kit/validator"
 *
 * const client = twilio("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "auth-token", {
 *   httpClient: withShortCodeValidation(new twilio.RequestClient(), {
 *     profile: "strict",
 *     onIssues: (report) => console.warn(report.method, report.path, report.issues)
 *   })
 * })
 * ```
 * @since 0.2.0
 */
export const withShortCodeValidation = <C extends TwilioRequestClientLike>(client: C, options?: ShortCodeValidationOptions): C => {
  const profile = resolveProfileOptions("withShortCodeValidation", options)
  const onIssues = options?.onIssues
  if (onIssues !== undefined && typeof onIssues !== "function") {
    throw new TypeError(`withShortCodeValidation: onIssues must be a function, received ${describeReceived(onIssues)}`)
  }
  const check = (request: TwilioRequestLike, response: TwilioResponseLike): void => {
    const method = String(request.method).toUpperCase()
    const path = pathOf(request.uri)
    if (path === undefined) return
    const kind = kindOf(method, path, response.statusCode)
    if (kind === undefined) return
    let body: unknown = response.body
    let result: ValidationResult<unknown> | undefined
    if (typeof body === "string") {
      try {
        body = JSON.parse(body)
      } catch (cause) {
        result = notJson(body as string, cause)
      }
    }
    result ??= kind === "ShortCode"
      ? validateShortCode(body, profile)
      : kind === "ShortCodePage"
      ? validateShortCodePage(body, profile)
      : validateTwilioError(body)
    if (result.ok) return
    const report: ShortCodeResponseReport = { method, uri: request.uri, path, statusCode: response.statusCode, kind, issues: result.issues }
    if (onIssues === undefined) throw new ShortCodeResponseError(report)
    onIssues(report)
  }
  const wrapped: C = Object.create(client)
  Object.defineProperty(wrapped, "request", {
    value: (request: TwilioRequestLike) =>
      Promise.resolve(client.request(request)).then((response) => {
        check(request, response)
        return response
      }),
    writable: true,
    configurable: true,
    enumerable: false
  })
  return wrapped
}
