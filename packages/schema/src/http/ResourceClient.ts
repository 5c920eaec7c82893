/**
 * A typed client of any membership collection, derived from its `HttpApiGroup` with `HttpApiClient`: create, list
 * a page, list every page (following `next_page_url`), fetch and delete. The calls, their arguments and the names
 * of both come from the group's endpoints; the client knows Twilio's conventions (HTTP Basic credentials, the
 * paging query, the page's `meta`, the error body) and nothing about a particular resource. Every response is
 * decoded with the endpoint's schemas. Each call is offered twice: as a Promise, and under `effect` as an Effect.
 *
 * @since 0.2.0
 */
import { Cause, Effect, Result, Schema, type Types } from "effect"
import { FetchHttpClient, HttpClient, HttpClientError, HttpClientRequest, type HttpClientResponse } from "effect/http"
import { HttpApi, HttpApiClient, type HttpApiEndpoint, type HttpApiGroup } from "effect/http-api"
import { toValidationIssues } from "../Issue.js"
import { TWILIO_MESSAGING_BASE_URL } from "../ShortCodeStrict.js"
import type { ValidationIssue } from "../ValidationIssue.js"
import { argumentsChecker, callerName, listFields, pagingKeys, pathFields, payloadFields } from "./client/Arguments.js"
import { collectionShape, type ListAllName, propertiesOf } from "./client/CollectionShape.js"
import { describeIssues, makeFailures } from "./client/Failures.js"
import { checkClientOptions, type ResourceClientOptions } from "./client/Options.js"
import { ResourceClientError, type ResourceClientErrorClass, type TwilioApiError } from "./ClientError.js"

export type { ResourceClientOptions } from "./client/Options.js"

type Endpoints<G> = HttpApiGroup.Endpoints<G>
type CreateOf<G> = Extract<Endpoints<G>, { readonly method: "POST" }>
type DeleteOf<G> = Extract<Endpoints<G>, { readonly method: "DELETE" }>
type PathOf<E> = E extends { readonly path: infer P } ? P : never
type ListOf<G> = Extract<Endpoints<G>, { readonly method: "GET"; readonly path: PathOf<CreateOf<G>> }>
type FetchOf<G> = Exclude<Extract<Endpoints<G>, { readonly method: "GET" }>, ListOf<G>>
type Success<E> = HttpApiClient.SuccessType<HttpApiEndpoint.Success<E>>

/**
 * The path parameters of endpoint `E` under the caller's names (`ServiceSid` -> `serviceSid`).
 *
 * @since 0.2.0
 */
export type PathInput<E> = {
  readonly [K in keyof HttpApiEndpoint.Params<E>["Type"] as Uncapitalize<K & string>]: string
}

/**
 * The payload fields of endpoint `E`, by their domain names (`shortCodeSid`).
 *
 * @since 0.2.0
 */
export type PayloadInput<E> = { readonly [K in keyof HttpApiEndpoint.Payload<E>["Type"]]: string }

/**
 * Twilio's paging of a list, as the caller writes it.
 *
 * @since 0.2.0
 */
export interface PagingInput {
  /** 1 to 1000; the server's default (50) when absent. */
  readonly pageSize?: number | undefined
  /** The page index, for client state; 0 when absent. */
  readonly page?: number | undefined
  /** The opaque token of a page, as found in a `next_page_url`. */
  readonly pageToken?: string | undefined
}

/**
 * The paging of a list of every page.
 *
 * @since 0.2.0
 */
export interface ListAllPagingInput {
  /** The size of each page fetched; the server's default (50) when absent. */
  readonly pageSize?: number | undefined
}

/**
 * The calls of group `G` as Effects, named by its endpoints (and `listAll...` after its list endpoint). They need
 * no services and fail with {@link TwilioApiError} or the client's error class `E`.
 *
 * @since 0.2.0
 */
export type ResourceEffectClient<G, E> = Types.Simplify<
  & {
    readonly [K in CreateOf<G>["identifier"]]: (
      input: Types.Simplify<PathInput<CreateOf<G>> & PayloadInput<CreateOf<G>>>
    ) => Effect.Effect<Success<CreateOf<G>>, TwilioApiError | E>
  }
  & {
    readonly [K in ListOf<G>["identifier"]]: (
      input: Types.Simplify<PathInput<ListOf<G>> & PagingInput>
    ) => Effect.Effect<Success<ListOf<G>>, TwilioApiError | E>
  }
  & {
    readonly [K in ListAllName<ListOf<G>["identifier"]>]: (
      input: Types.Simplify<PathInput<ListOf<G>> & ListAllPagingInput>
    ) => Effect.Effect<ReadonlyArray<Success<FetchOf<G>>>, TwilioApiError | E>
  }
  & {
    readonly [K in FetchOf<G>["identifier"]]: (input: PathInput<FetchOf<G>>) => Effect.Effect<Success<FetchOf<G>>, TwilioApiError | E>
  }
  & {
    readonly [K in DeleteOf<G>["identifier"]]: (input: PathInput<DeleteOf<G>>) => Effect.Effect<void, TwilioApiError | E>
  }
>

/**
 * The calls of group `G` as Promises, which reject with a {@link TwilioApiError} or an `E`; the same calls as
 * Effects under `effect`.
 *
 * @since 0.2.0
 */
export type ResourceClient<G, E> = Types.Simplify<
  & {
    readonly [K in keyof ResourceEffectClient<G, E>]: ResourceEffectClient<G, E>[K] extends
      (input: infer I) => Effect.Effect<infer A, infer _E> ? (input: I) => Promise<A> : never
  }
  & {
    readonly effect: ResourceEffectClient<G, E>
    /** The base URL requests go to, without a trailing slash. */
    readonly baseUrl: string
  }
>

/**
 * What a client maker is told besides the group.
 *
 * @since 0.2.0
 */
export interface ResourceClientConfig<E> {
  /** The class of the client's errors without a Twilio body; default {@link ResourceClientError}. */
  readonly error?: ResourceClientErrorClass<E> | undefined
  /** The maker's name in the messages of bad options; default `make` + the group's identifier + `Client`. */
  readonly maker?: string | undefined
  /** Where requests go when the options name no `baseUrl`; default `https://messaging.twilio.com`. */
  readonly defaultBaseUrl?: string | undefined
}

// Every problem of a response body, and the rejected values, not only the first.
const parseOptions = { errors: "all", reportInput: true } as const

/**
 * A maker of Effect clients of `group`, a membership collection (`POST` and `GET` on a collection path, `GET` and
 * `DELETE` on its instance path, a list page with one array of items and Twilio's `meta`). The group is read once
 * here; a group of another shape throws, saying what is missing.
 *
 * @example
 * ```ts
 * import { makeResourceEffectClient, ShortCodesGroup } from "@shortcode-kit/schema/http"
 *
 * const makeClient = makeResourceEffectClient(ShortCodesGroup)
 * const client = makeClient({ accountSid: "AC...", authToken: "..." })
 * const page = client.listShortCodes({ serviceSid: "MG...", pageSize: 20 }) // an Effect of the decoded page
 * ```
 * @since 0.2.0
 */
export const makeResourceEffectClient = <G extends HttpApiGroup.Constraint, E = ResourceClientError>(
  group: G,
  config: ResourceClientConfig<E> = {}
): (options: ResourceClientOptions) => ResourceEffectClient<G, E> => {
  const top = group as unknown as HttpApiGroup.Top
  const shape = collectionShape(top)
  const maker = config.maker ?? `make${top.identifier.charAt(0).toUpperCase()}${top.identifier.slice(1)}Client`
  const defaultBaseUrl = config.defaultBaseUrl ?? TWILIO_MESSAGING_BASE_URL
  const failures = makeFailures((config.error ?? ResourceClientError) as ResourceClientErrorClass<E>)
  const api = HttpApi.make(top.identifier)
    .add(top)
    .annotate(HttpApi.SuccessParseOptions, parseOptions)
    .annotate(HttpApi.ErrorParseOptions, parseOptions)
  const decoders = new Map(
    [shape.create, shape.list, shape.fetch, shape.delete].map((endpoint) => [
      endpoint,
      HttpApiClient.decodeResponse(api as any, { group: top.identifier, endpoint: endpoint.identifier } as never) as (
        response: HttpClientResponse.HttpClientResponse
      ) => Effect.Effect<unknown, unknown>
    ])
  )

  const query = shape.list.query
  const queryKeys = propertiesOf(query).map((property) => String(property.name))
  if (query === undefined || !pagingKeys.every((key) => queryKeys.includes(key))) {
    throw new Error(`${maker}: the list endpoint ${shape.list.identifier} must take Twilio's paging query (${pagingKeys.join(", ")})`)
  }
  const pageQuery = query as unknown as Schema.Codec<PageQuery, Record<string, string>>
  // The query's own defaults (Twilio's are PageSize 50, Page 0), which the decoded query the endpoint takes always has.
  const defaults = Schema.decodeUnknownSync(pageQuery)({})
  const encodeQuery = Schema.encodeSync(pageQuery)
  const decodeQuery = Schema.decodeUnknownResult(pageQuery)

  const invalidArguments = (operation: string, detail: string, issues: ReadonlyArray<ValidationIssue>, cause: unknown) =>
    failures.clientError("InvalidRequest", operation, undefined, detail, cause, issues)
  const checks = {
    create: argumentsChecker({ ...pathFields(shape.create), ...payloadFields(shape.create) }, invalidArguments),
    list: argumentsChecker(listFields(shape.list), invalidArguments),
    instance: argumentsChecker(pathFields(shape.fetch), invalidArguments)
  }
  // The endpoint's path parameter names, and the payload's field names, read once.
  const paramNames = new Map(
    [shape.create, shape.list, shape.fetch, shape.delete].map((endpoint) => [endpoint, propertiesOf(endpoint.params).map(({ name }) => String(name))])
  )
  const payloadKeys = Object.keys(payloadFields(shape.create))
  const paramsOf = (endpoint: HttpApiEndpoint.Top, args: Record<string, unknown>) =>
    Object.fromEntries((paramNames.get(endpoint) ?? []).map((name) => [name, args[callerName(name)]])) as Record<string, string>
  const payloadOf = (args: Record<string, unknown>) => Object.fromEntries(payloadKeys.map((key) => [key, args[key]]))
  const listSegments = shape.list.path.split("/").slice(1)

  // Whether a page URL's path ends with the list of `params`. Path parameters are SIDs, whose hex digits are
  // compared without regard to case: both cases name the same resource, and a server may link the lower-case form
  // of a SID it was given in upper case (the emulator does), which must not stop listAll after the first page.
  const addressesList = (pathname: string, params: Record<string, string>): boolean => {
    const segments = pathname.split("/").slice(-listSegments.length)
    return segments.length === listSegments.length &&
      listSegments.every((expected, i) =>
        expected.startsWith(":")
          ? segments[i]?.toLowerCase() === params[expected.slice(1)]?.toLowerCase()
          : segments[i] === expected
      )
  }

  return (options) => {
    const checked = checkClientOptions(maker, defaultBaseUrl, options)
    const authorize = HttpClient.mapRequest(HttpClientRequest.basicAuth(checked.accountSid, checked.authToken))
    // Building the client walks the API definition; FetchHttpClient's layer is synchronous, so it is done once here.
    const methods = Effect.runSync(
      HttpApiClient.make(api, {
        baseUrl: checked.baseUrl,
        transformClient: (client) => authorize(HttpClient.mapRequest(client, HttpClientRequest.acceptJson))
      }).pipe(Effect.provide(FetchHttpClient.layer)) as Effect.Effect<Record<string, unknown>>
    )[top.identifier] as unknown as Record<string, (request: object) => Effect.Effect<HttpClientResponse.HttpClientResponse, unknown>>
    const urls = (HttpApiClient.urlBuilder(api, { baseUrl: checked.baseUrl }) as Record<string, Record<string, (request: object) => string>>)[top.identifier] as Record<string, (request: object) => string>

    const send = (endpoint: HttpApiEndpoint.Top, request: { params: Record<string, string>; query?: PageQuery; payload?: object }) => {
      const label = `${endpoint.method} ${urls[endpoint.identifier]?.(request)}`
      const call = methods[endpoint.identifier] as (request: object) => Effect.Effect<HttpClientResponse.HttpClientResponse, unknown>
      const decode = decoders.get(endpoint) as (response: HttpClientResponse.HttpClientResponse) => Effect.Effect<unknown, unknown>
      return call({ ...request, responseMode: "response-only" }).pipe(
        Effect.catchCause((cause) => {
          const error = cause.reasons.filter(Cause.isFailReason).map((reason) => reason.error)[0]
          if (error === undefined) return Effect.failCause(cause as Cause.Cause<never>)
          return Effect.fail(
            HttpClientError.isHttpClientError(error)
              ? failures.transport(error, label)
              : failures.clientError("Transport", label, undefined, String(error), cause)
          )
        }),
        Effect.flatMap((response) => Effect.catchCause(decode(response), (cause) => failures.fromDecoding(cause, response, label))),
        // `b3`/`traceparent` headers would make browsers' CORS preflight fail against servers that do not allow them.
        Effect.provideService(HttpClient.TracerPropagationEnabled, false),
        checked.fetch === undefined ? (self) => self : Effect.provideService(FetchHttpClient.Fetch, checked.fetch)
      ) as Effect.Effect<any, TwilioApiError | E>
    }

    const listPage = (params: Record<string, string>, pageQuery: PageQuery) => send(shape.list, { params, query: pageQuery })

    const listAll = (input: unknown) =>
      Effect.flatMap(checks.list(shape.listAll, input), (args) =>
        Effect.gen(function*() {
          const params = paramsOf(shape.list, args)
          const all: Array<unknown> = []
          const seen = new Set<string>()
          let current: PageQuery = { ...defaults, ...(args["pageSize"] === undefined ? {} : { pageSize: args["pageSize"] as number }) }
          while (true) {
            const page = (yield* listPage(params, current)) as Record<string, unknown> & { readonly meta?: { readonly nextPageUrl?: URL | null } }
            all.push(...((page[shape.itemsKey] as ReadonlyArray<unknown> | undefined) ?? []))
            const next = page.meta?.nextPageUrl ?? null
            if (next === null) return all as ReadonlyArray<unknown>
            const request = `GET ${next.href}`
            const refuse = (detail: string, issues: ReadonlyArray<ValidationIssue> = []) =>
              Effect.fail(failures.clientError("InvalidResponse", request, 200, detail, next.href, issues))
            if (seen.has(next.href)) return yield* refuse("the server sent this next_page_url twice; stopping to avoid a loop")
            seen.add(next.href)
            // The next page is asked for at the client's base URL with the page URL's query, so credentials only go
            // where the caller pointed the client.
            if (!addressesList(next.pathname, params)) {
              return yield* refuse(`next_page_url does not address the ${shape.collectionName} list of ${Object.values(params).join(", ")}`)
            }
            // The page after this one, unless the link says otherwise; no token unless the link has one.
            const { pageToken: _, ...rest } = current
            const decoded = decodeQuery({ ...encodeQuery({ ...rest, page: current.page + 1 }), ...Object.fromEntries(next.searchParams) }, { errors: "all" })
            if (Result.isFailure(decoded)) {
              const issues = toValidationIssues(decoded.failure.issue)
              return yield* refuse(`next_page_url has an invalid query: ${describeIssues(issues)}`, issues)
            }
            current = decoded.success
          }
        }))

    const client: Record<string, (input: unknown) => Effect.Effect<unknown, TwilioApiError | E>> = {
      [shape.create.identifier]: (input) =>
        Effect.flatMap(checks.create(shape.create.identifier, input), (args) =>
          send(shape.create, { params: paramsOf(shape.create, args), payload: payloadOf(args) })),
      [shape.list.identifier]: (input) =>
        Effect.flatMap(checks.list(shape.list.identifier, input), (args) =>
          listPage(paramsOf(shape.list, args), {
            pageSize: (args["pageSize"] as number | undefined) ?? defaults.pageSize,
            page: (args["page"] as number | undefined) ?? defaults.page,
            ...(args["pageToken"] === undefined ? {} : { pageToken: args["pageToken"] as string })
          })),
      [shape.listAll]: listAll,
      [shape.fetch.identifier]: (input) =>
        Effect.flatMap(checks.instance(shape.fetch.identifier, input), (args) => send(shape.fetch, { params: paramsOf(shape.fetch, args) })),
      [shape.delete.identifier]: (input) =>
        Effect.flatMap(checks.instance(shape.delete.identifier, input), (args) =>
          Effect.asVoid(send(shape.delete, { params: paramsOf(shape.delete, args) })))
    }
    return client as unknown as ResourceEffectClient<G, E>
  }
}

/** The decoded paging query a list endpoint takes. */
interface PageQuery {
  readonly pageSize: number
  readonly page: number
  readonly pageToken?: string
}

/**
 * A maker of clients of `group` whose calls are Promises, with the same calls as Effects under `effect`. See
 * {@link makeResourceEffectClient} for what the group must be.
 *
 * @example
 * ```ts
 * import { makeResourceClient, ShortCodesGroup } from "@shortcode-kit/schema/http"
 *
 * const client = makeResourceClient(ShortCodesGroup)({ baseUrl: "http://127.0.0.1:4010", accountSid: "AC...", authToken: "..." })
 * const all = await client.listAllShortCodes({ serviceSid: "MG..." })
 * ```
 * @since 0.2.0
 */
export const makeResourceClient = <G extends HttpApiGroup.Constraint, E = ResourceClientError>(
  group: G,
  config: ResourceClientConfig<E> = {}
): (options: ResourceClientOptions) => ResourceClient<G, E> => {
  const makeEffectClient = makeResourceEffectClient(group, config)
  const defaultBaseUrl = config.defaultBaseUrl ?? TWILIO_MESSAGING_BASE_URL
  return (options) => {
    const effect = makeEffectClient(options)
    const promised = Object.fromEntries(
      Object.entries(effect as Record<string, (input: unknown) => Effect.Effect<unknown, unknown>>).map(([name, call]) => [
        name,
        (input: unknown) => Effect.runPromise(call(input))
      ])
    )
    // Options were checked by the Effect client; this only reads the normalized base URL.
    const baseUrl = checkClientOptions("", defaultBaseUrl, options).baseUrl
    return { ...promised, effect, baseUrl } as unknown as ResourceClient<G, E>
  }
}
