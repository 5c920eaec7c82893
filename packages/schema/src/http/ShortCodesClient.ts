/**
 * A typed client of the ShortCodes API, derived from {@link ShortCodesApi} with `HttpApiClient`: HTTP Basic
 * authentication, a base URL (Twilio's by default, or a local server), and every response validated with the
 * package's schemas. One object offers each call twice: as a Promise, and under `effect` as an Effect.
 *
 * @since 0.1.0
 */
import { Cause, Effect, Redacted, Result, Schema, type SchemaIssue } from "effect"
import { FetchHttpClient, HttpClient, HttpClientError, HttpClientRequest } from "effect/http"
import { HttpApi, HttpApiClient } from "effect/http-api"
import { toValidationIssues, type ValidationIssue } from "../Issue.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../ListShortCodesQuery.js"
import type { ShortCode } from "../ShortCode.js"
import type { ShortCodePage } from "../ShortCodePage.js"
import { shortCodesCollectionPath } from "../ShortCodePaths.js"
import { TWILIO_MESSAGING_BASE_URL } from "../ShortCodeStrict.js"
import { ServiceSid, ShortCodeSid } from "../Sid.js"
import { TwilioError } from "../TwilioError.js"
import { type ShortCodesClientErrorReason, ShortCodesClientError, type ShortCodesClientFailure, TwilioApiError } from "./ClientError.js"
import { ShortCodesApi } from "./ShortCodesApi.js"

/**
 * How to reach the API.
 *
 * @since 0.1.0
 */
export interface ShortCodesClientOptions {
  /** Origin (and optional path prefix) of the API; default `https://messaging.twilio.com`. */
  readonly baseUrl?: string | URL | undefined
  /** HTTP Basic user name: the Account SID (or an API Key SID, which Twilio also accepts). */
  readonly accountSid: string
  /** HTTP Basic password: the Auth Token (or the API Key secret). */
  readonly authToken: string | Redacted.Redacted<string>
  /** The `fetch` to send requests with; default `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch | undefined
}

/** @since 0.1.0 */
export interface CreateShortCodeInput {
  readonly serviceSid: string
  readonly shortCodeSid: string
}

/** @since 0.1.0 */
export interface ShortCodeInstanceInput {
  readonly serviceSid: string
  readonly sid: string
}

/** @since 0.1.0 */
export interface ListShortCodesInput {
  readonly serviceSid: string
  /** 1 to 1000; the server's default (50) when absent. */
  readonly pageSize?: number | undefined
  /** The page index, for client state; 0 when absent. */
  readonly page?: number | undefined
  /** The opaque token of a page, as found in a `next_page_url`. */
  readonly pageToken?: string | undefined
}

/** @since 0.1.0 */
export interface ListAllShortCodesInput {
  readonly serviceSid: string
  /** The size of each page fetched; the server's default (50) when absent. */
  readonly pageSize?: number | undefined
}

/**
 * The calls as Effects. They need no services and fail with {@link ShortCodesClientFailure}.
 *
 * @since 0.1.0
 */
export interface ShortCodesEffectClient {
  readonly createShortCode: (input: CreateShortCodeInput) => Effect.Effect<ShortCode, ShortCodesClientFailure>
  readonly fetchShortCode: (input: ShortCodeInstanceInput) => Effect.Effect<ShortCode, ShortCodesClientFailure>
  readonly listShortCodes: (input: ListShortCodesInput) => Effect.Effect<ShortCodePage, ShortCodesClientFailure>
  readonly listAllShortCodes: (input: ListAllShortCodesInput) => Effect.Effect<ReadonlyArray<ShortCode>, ShortCodesClientFailure>
  readonly deleteShortCode: (input: ShortCodeInstanceInput) => Effect.Effect<void, ShortCodesClientFailure>
}

/**
 * The calls as Promises, which reject with a {@link TwilioApiError} or a {@link ShortCodesClientError}; the same
 * calls as Effects under `effect`.
 *
 * @since 0.1.0
 */
export interface ShortCodesClient {
  readonly createShortCode: (input: CreateShortCodeInput) => Promise<ShortCode>
  readonly fetchShortCode: (input: ShortCodeInstanceInput) => Promise<ShortCode>
  readonly listShortCodes: (input: ListShortCodesInput) => Promise<ShortCodePage>
  readonly listAllShortCodes: (input: ListAllShortCodesInput) => Promise<ReadonlyArray<ShortCode>>
  readonly deleteShortCode: (input: ShortCodeInstanceInput) => Promise<void>
  readonly effect: ShortCodesEffectClient
  /** The base URL requests go to, without a trailing slash. */
  readonly baseUrl: string
}

// ---------------------------------------------------------------------------------------------------------------
// Arguments, checked before anything is sent, reported under the caller's names.

const InstanceSid = Schema.String.check(
  Schema.isNonEmpty({ message: "must not be empty" }),
  // A dot segment would be resolved away by URL normalization and address another resource.
  Schema.makeFilter((s: string) => s !== "." && s !== "..", { message: `must not be "." or ".."`, expected: "a SID" })
)
const PageSize = Schema.Int.check(
  Schema.isBetween({ minimum: 1, maximum: MAX_PAGE_SIZE }, { message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
)
const PageIndex = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, { message: "must be a whole number >= 0" }))

const CreateArguments = Schema.Struct({ serviceSid: ServiceSid, shortCodeSid: ShortCodeSid })
const InstanceArguments = Schema.Struct({ serviceSid: ServiceSid, sid: InstanceSid })
const ListArguments = Schema.Struct({
  serviceSid: ServiceSid,
  pageSize: Schema.optional(PageSize),
  page: Schema.optional(PageIndex),
  pageToken: Schema.optional(Schema.String)
})

const describeIssues = (issues: ReadonlyArray<ValidationIssue>): string =>
  issues
    .map((issue) => `${issue.path.length === 0 ? "(root)" : issue.path.join(".")}: ${issue.message} (received ${issue.received})`)
    .join("; ")

const checkArguments = <S extends Schema.Codec<any, any>>(schema: S, operation: string, input: unknown) => {
  const result = Schema.decodeUnknownResult(schema)(input, { errors: "all" })
  if (Result.isSuccess(result)) return Effect.succeed(result.success as S["Type"])
  const issues = toValidationIssues(result.failure.issue, input)
  return Effect.fail(
    new ShortCodesClientError({
      message: `${operation}: invalid arguments, nothing was sent: ${describeIssues(issues)}`,
      reason: "InvalidRequest",
      request: operation,
      status: undefined,
      issues,
      cause: result.failure
    })
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Options: programmer mistakes, thrown at once.

const normalizeBaseUrl = (baseUrl: string | URL): string => {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new Error(`makeShortCodesClient: baseUrl must be an absolute http(s) URL, received ${JSON.stringify(String(baseUrl))}`)
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`makeShortCodesClient: baseUrl must use http or https, received ${JSON.stringify(url.href)}`)
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new Error(
      `makeShortCodesClient: baseUrl must not carry credentials, a query or a fragment, received ${JSON.stringify(url.href)}`
    )
  }
  return url.href.replace(/\/+$/, "")
}

const checkOptions = (options: ShortCodesClientOptions) => {
  if (typeof options !== "object" || options === null) {
    throw new Error("makeShortCodesClient: options must be an object { baseUrl?, accountSid, authToken, fetch? }")
  }
  const { accountSid } = options
  if (typeof accountSid !== "string" || accountSid === "" || accountSid.includes(":")) {
    throw new Error(
      `makeShortCodesClient: accountSid must be a non-empty string without ":" (HTTP Basic user name), received ${JSON.stringify(accountSid)}`
    )
  }
  const authToken = Redacted.isRedacted(options.authToken) ? options.authToken : Redacted.make(options.authToken)
  const token = Redacted.value(authToken) as unknown
  if (typeof token !== "string" || token === "") {
    throw new Error("makeShortCodesClient: authToken must be a non-empty string")
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new Error("makeShortCodesClient: fetch must be a function when given")
  }
  return {
    baseUrl: normalizeBaseUrl(options.baseUrl ?? TWILIO_MESSAGING_BASE_URL),
    accountSid,
    authToken: authToken as Redacted.Redacted<string>,
    fetch: options.fetch
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Failures of HttpApiClient, turned into the two error classes.

// Every problem of a response body, and the rejected values, not only the first.
const clientApi = ShortCodesApi
  .annotate(HttpApi.SuccessParseOptions, { errors: "all", reportInput: true })
  .annotate(HttpApi.ErrorParseOptions, { errors: "all", reportInput: true })

const decodeTwilioError = Schema.decodeUnknownResult(TwilioError)

const clientError = (
  reason: ShortCodesClientErrorReason,
  request: string,
  status: number | undefined,
  detail: string,
  cause: unknown,
  issues: ReadonlyArray<ValidationIssue> = []
) =>
  new ShortCodesClientError({
    message: `${request}: ${detail}`,
    reason,
    request,
    status,
    issues,
    cause
  })

const twilioApiError = (twilioError: TwilioError, status: number, request: string) =>
  new TwilioApiError({
    message: `${request}: HTTP ${status}, Twilio error ${twilioError.code}: ${twilioError.message} (${twilioError.moreInfo.href})`,
    twilioError,
    status,
    request
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

const MAX_BODY_EXCERPT = 200

// A status the API does not declare (429, 500, 503, or 405 from a proxy): Twilio still sends its error body, so it
// is decoded as one when it is one.
const undeclaredStatus = (error: HttpClientError.HttpClientError, request: string) => {
  const response = error.response
  if (response === undefined) return Effect.succeed(clientError("Transport", request, undefined, error.message, error))
  return response.text.pipe(
    Effect.map((text): ShortCodesClientFailure => {
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
      const decoded = decodeTwilioError(json)
      if (Result.isSuccess(decoded)) return twilioApiError(decoded.success, response.status, request)
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
}

const toFailure = (cause: Cause.Cause<unknown>, request: string, successStatus: number) => {
  const failures = cause.reasons.filter(Cause.isFailReason).map((reason) => reason.error)
  if (failures.length === 0) return Effect.failCause(cause as Cause.Cause<never>)
  const httpError = failures.find(HttpClientError.isHttpClientError)
  const schemaError = failures.find(Schema.isSchemaError)
  const value = failures.find((error) => !HttpClientError.isHttpClientError(error) && !Schema.isSchemaError(error))
  if (value !== undefined) {
    // A declared error status, its body decoded with the endpoint's TwilioError schemas.
    const twilioError = value as TwilioError
    return Effect.fail(twilioApiError(twilioError, twilioError.status, request))
  }
  if (httpError !== undefined) {
    const response = httpError.response
    if (schemaError !== undefined && response !== undefined) {
      return Effect.fail(invalidBody(request, response.status, schemaError.issue, cause))
    }
    if (httpError.reason._tag === "DecodeError" && response !== undefined) {
      return Effect.flatMap(undeclaredStatus(httpError, request), Effect.fail)
    }
    return Effect.fail(clientError("Transport", request, response?.status, httpError.message, httpError))
  }
  if (schemaError !== undefined) {
    // Only a success body fails decoding without an HttpClientError beside it.
    return Effect.fail(invalidBody(request, successStatus, schemaError.issue, cause))
  }
  return Effect.fail(clientError("Transport", request, undefined, String(failures[0]), cause))
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * The client as Effects. See {@link makeShortCodesClient} for the Promise form, which includes this one.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { makeShortCodesEffectClient } from "@shortcode-kit/schema/http"
 *
 * const client = makeShortCodesEffectClient({ accountSid: "AC...", authToken: "..." })
 * const program = client.fetchShortCode({ serviceSid: "MG...", sid: "SC..." }).pipe(
 *   Effect.catchTag("TwilioApiError", (error) => Effect.succeed(error.code))
 * )
 * ```
 * @since 0.1.0
 */
export const makeShortCodesEffectClient = (options: ShortCodesClientOptions): ShortCodesEffectClient => {
  const config = checkOptions(options)
  const authorize = HttpClient.mapRequest(HttpClientRequest.basicAuth(config.accountSid, config.authToken))
  // Building the client walks the API definition; FetchHttpClient's layer is synchronous, so it is done once here.
  const api = Effect.runSync(
    HttpApiClient.make(clientApi, {
      baseUrl: config.baseUrl,
      transformClient: (client) => authorize(HttpClient.mapRequest(client, HttpClientRequest.acceptJson))
    }).pipe(Effect.provide(FetchHttpClient.layer))
  ).shortCodes
  const urls = HttpApiClient.urlBuilder(ShortCodesApi, { baseUrl: config.baseUrl }).shortCodes

  const run = <A>(request: string, successStatus: number, effect: Effect.Effect<A, unknown>) =>
    effect.pipe(
      Effect.catchCause((cause) => toFailure(cause, request, successStatus)),
      // `b3`/`traceparent` headers would make browsers' CORS preflight fail against servers that do not allow them.
      Effect.provideService(HttpClient.TracerPropagationEnabled, false),
      config.fetch === undefined ? (self) => self : Effect.provideService(FetchHttpClient.Fetch, config.fetch)
    ) as Effect.Effect<A, ShortCodesClientFailure>

  const createShortCode = (input: CreateShortCodeInput) =>
    Effect.flatMap(checkArguments(CreateArguments, "createShortCode", input), ({ serviceSid, shortCodeSid }) => {
      const params = { ServiceSid: serviceSid }
      return run(
        `POST ${urls.createShortCode({ params })}`,
        201,
        api.createShortCode({ params, payload: { shortCodeSid } })
      )
    })

  const fetchShortCode = (input: ShortCodeInstanceInput) =>
    Effect.flatMap(checkArguments(InstanceArguments, "fetchShortCode", input), ({ serviceSid, sid }) => {
      const params = { ServiceSid: serviceSid, Sid: sid }
      return run(`GET ${urls.fetchShortCode({ params })}`, 200, api.fetchShortCode({ params }))
    })

  const deleteShortCode = (input: ShortCodeInstanceInput) =>
    Effect.flatMap(checkArguments(InstanceArguments, "deleteShortCode", input), ({ serviceSid, sid }) => {
      const params = { ServiceSid: serviceSid, Sid: sid }
      return run(`DELETE ${urls.deleteShortCode({ params })}`, 204, api.deleteShortCode({ params }))
    })

  const listPage = (serviceSid: ServiceSid, query: { pageSize: number; page: number; pageToken?: string }) => {
    const params = { ServiceSid: serviceSid }
    return run(`GET ${urls.listShortCodes({ params, query })}`, 200, api.listShortCodes({ params, query }))
  }

  const listShortCodes = (input: ListShortCodesInput) =>
    Effect.flatMap(checkArguments(ListArguments, "listShortCodes", input), ({ serviceSid, pageSize, page, pageToken }) =>
      listPage(serviceSid, {
        // The endpoint's query is the decoded ListShortCodesQuery, where both have values; these are its defaults.
        pageSize: pageSize ?? DEFAULT_PAGE_SIZE,
        page: page ?? 0,
        ...(pageToken === undefined ? {} : { pageToken })
      }))

  const listAllShortCodes = (input: ListAllShortCodesInput) =>
    Effect.flatMap(checkArguments(ListArguments, "listAllShortCodes", input), ({ serviceSid, pageSize }) =>
      Effect.gen(function*() {
        const all: Array<ShortCode> = []
        const seen = new Set<string>()
        let query: { pageSize: number; page: number; pageToken?: string } = { pageSize: pageSize ?? DEFAULT_PAGE_SIZE, page: 0 }
        while (true) {
          const page = yield* listPage(serviceSid, query)
          all.push(...(page.shortCodes ?? []))
          const next = page.meta?.nextPageUrl ?? null
          if (next === null) return all as ReadonlyArray<ShortCode>
          const request = `GET ${next.href}`
          if (seen.has(next.href)) {
            return yield* clientError("InvalidResponse", request, 200, "the server sent this next_page_url twice; stopping to avoid a loop", next.href)
          }
          seen.add(next.href)
          // The next page is asked for at the client's base URL with the page URL's query, so credentials only go
          // where the caller pointed the client.
          if (!addressesListOf(next.pathname, serviceSid)) {
            return yield* clientError("InvalidResponse", request, 200, `next_page_url does not address the ShortCodes list of ${serviceSid}`, next.href)
          }
          const nextArguments = yield* checkArguments(ListArguments, `listAllShortCodes (${request})`, {
            serviceSid,
            ...numberParam("pageSize", next.searchParams.get("PageSize")),
            ...numberParam("page", next.searchParams.get("Page")),
            ...(next.searchParams.get("PageToken") === null ? {} : { pageToken: next.searchParams.get("PageToken") })
          })
          query = {
            pageSize: nextArguments.pageSize ?? query.pageSize,
            page: nextArguments.page ?? query.page + 1,
            ...(nextArguments.pageToken === undefined ? {} : { pageToken: nextArguments.pageToken })
          }
        }
      }))

  return { createShortCode, fetchShortCode, listShortCodes, listAllShortCodes, deleteShortCode }
}

const listPathSegments = shortCodesCollectionPath.split("/").slice(1)

// Whether a page URL's path ends with the ShortCodes list of `serviceSid`. A SID's hex digits are compared without
// regard to case: both cases name the same service, and a server may link the lower-case form of a SID it was given
// in upper case (the emulator does), which must not stop `listAllShortCodes` after the first page.
const addressesListOf = (pathname: string, serviceSid: string): boolean => {
  const segments = pathname.split("/").slice(-listPathSegments.length)
  return segments.length === listPathSegments.length &&
    listPathSegments.every((expected, i) =>
      expected.startsWith(":") ? segments[i]?.toLowerCase() === serviceSid.toLowerCase() : segments[i] === expected
    )
}

const numberParam = (key: string, value: string | null) => (value === null ? {} : { [key]: /^\d+$/.test(value) ? Number(value) : value })

/**
 * A client of the ShortCodes API, against Twilio or any server of {@link ShortCodesApi} (such as the example app).
 * Each call checks its arguments, sends HTTP Basic credentials, and decodes the response with the package's
 * schemas: a success body that does not match fails with `ShortCodesClientError` (`reason: "InvalidResponse"`,
 * the paths in `issues`); a Twilio error body fails with `TwilioApiError`.
 *
 * @example
 * ```ts
 * import { makeShortCodesClient, TwilioApiError } from "@shortcode-kit/schema/http"
 *
 * const client = makeShortCodesClient({
 *   baseUrl: "http://127.0.0.1:3000",
 *   accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   authToken: "secret"
 * })
 * const serviceSid = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
 * try {
 *   const created = await client.createShortCode({ serviceSid, shortCodeSid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
 *   created.dateCreated // a Date
 *   const all = await client.listAllShortCodes({ serviceSid, pageSize: 100 })
 * } catch (error) {
 *   if (error instanceof TwilioApiError) console.error(error.code, error.twilioError.moreInfo.href)
 * }
 * ```
 * @since 0.1.0
 */
export const makeShortCodesClient = (options: ShortCodesClientOptions): ShortCodesClient => {
  const effect = makeShortCodesEffectClient(options)
  const baseUrl = checkOptions(options).baseUrl
  return {
    createShortCode: (input) => Effect.runPromise(effect.createShortCode(input)),
    fetchShortCode: (input) => Effect.runPromise(effect.fetchShortCode(input)),
    listShortCodes: (input) => Effect.runPromise(effect.listShortCodes(input)),
    listAllShortCodes: (input) => Effect.runPromise(effect.listAllShortCodes(input)),
    deleteShortCode: (input) => Effect.runPromise(effect.deleteShortCode(input)),
    effect,
    baseUrl
  }
}
