/**
 * The Twilio routes of the application, derived from an `HttpApi` (stripe-mock style: the contract is the router).
 * For every endpoint it takes the method and path, decodes the path parameters (a value that does not decode names
 * no resource: 404), the query and the form payload with the endpoint's own schemas, and encodes what the handler
 * returns with the endpoint's success schema and status. The handlers hold the store logic only; no path, method,
 * status or schema is stated twice. A method a path does not declare is 405 with `Allow` (http/resource.ts).
 */
import { Result, type Schema } from "effect"
import { HttpApi, type HttpApiEndpoint, type HttpApiGroup, HttpApiSchema } from "effect/http-api"
import type { Context, Handler, Hono, MiddlewareHandler } from "hono"
import { canonicalSid } from "../CanonicalSid.js"
import type { ApiError } from "../http/ApiError.js"
import type { AppEnv } from "../http/AppEnv.js"
import { decodePathOr404, decodeWith, invalidParameter, parameterOf } from "../http/decode.js"
import { readFormBody } from "../http/form.js"
import { type Method, resource } from "../http/resource.js"
import { respondEmpty, respondWith } from "../http/respond.js"
import type { AccountRecord } from "../store/Repository.js"
import type { ValidationIssue } from "@shortcode-kit/schema"
import { singleValues } from "./singleValues.js"
import { wireKeys } from "./wireKeys.js"

/** What a handler of `E` is given: the decoded inputs, the authenticated account, the path as requested. */
export interface EndpointInput<E extends HttpApiEndpoint.ConstraintRequest> {
  readonly account: AccountRecord
  /** The request path as sent (what a 404 names). */
  readonly path: string
  /** The endpoint's path with the canonical parameters in it (what a list's links and page tokens are bound to). */
  readonly resourcePath: string
  /** The path parameters, decoded, each SID in canonical form (CanonicalSid.ts). */
  readonly params: E["~Params"]["Type"]
  readonly query: E["~Query"]["Type"]
  /** The form payload, decoded when called: a handler may first answer 404 for a resource that does not exist. */
  readonly payload: () => E["~Payload"]["Type"]
}

/** The handler of each endpoint of `G`, by its identifier: the store logic, returning the success value. */
export type GroupHandlers<G> = {
  readonly [E in HttpApiGroup.Endpoints<G> as E["identifier"]]: E extends HttpApiEndpoint.ConstraintRequest
    ? (input: EndpointInput<E>) => E["~Success"]["Type"]
    : never
}

/** The handlers of every group of `Api`, by group identifier. */
export type ApiHandlers<Api> = Api extends HttpApi.HttpApi<infer _Id, infer Groups>
  ? { readonly [G in Groups as HttpApiGroup.Identifier<G>]: GroupHandlers<G> }
  : never

export interface DeriveOptions {
  /** The Twilio authentication every route sits behind (the contract's `ShortCodesAuthorization`). */
  readonly auth: MiddlewareHandler<AppEnv>
  /**
   * The Twilio error for a payload that does not decode, by group identifier; by default 400 20001 naming the first
   * issue's parameter.
   */
  readonly payloadError?: Readonly<Record<string, (issues: ReadonlyArray<ValidationIssue>) => ApiError>>
}

type AnyInput = EndpointInput<HttpApiEndpoint.ConstraintRequest>
type AnyHandler = (input: AnyInput) => unknown
type Decoder = Schema.Decoder<unknown, never>

const canonicalParams = (params: unknown): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) out[k] = typeof v === "string" ? canonicalSid(v) : v
  return out
}

/**
 * The endpoint's path with the parameters filled in, by a function made once per endpoint: the path's literal parts
 * and parameter names are split when the route is registered, not on every request.
 */
const pathFiller = (template: string): ((params: Record<string, unknown>) => string) => {
  const parts = template.split(/:(\w+)/)
  return (params) => {
    let out = parts[0] as string
    for (let i = 1; i < parts.length; i += 2) out += String(params[parts[i] as string]) + (parts[i + 1] as string)
    return out
  }
}

const defaultPayloadError = (issues: ReadonlyArray<ValidationIssue>): ApiError => {
  const issue = issues[0]
  return invalidParameter(parameterOf(issue, "body"), issue?.message ?? "malformed")
}

/** The route of one endpoint: its inputs decoded, its handler run, its answer encoded. */
const endpointRoute = (
  endpoint: HttpApiEndpoint.Top,
  success: readonly [number, Schema.Top],
  handler: AnyHandler,
  payloadError: (issues: ReadonlyArray<ValidationIssue>) => ApiError
): Handler<AppEnv> => {
  const decodeParams = endpoint.params === undefined ? undefined : decodePathOr404(endpoint.params as Decoder)
  const queryKeys = endpoint.query === undefined ? [] : wireKeys(endpoint.query)
  const decodeQuery = endpoint.query === undefined ? undefined : decodeWith(endpoint.query as Decoder)
  const form = [...endpoint.payload.values()].find((entry) => entry.encoding._tag === "FormUrlEncoded")
  const formSchema = form !== undefined && "schemas" in form ? form.schemas[0] : undefined
  const formKeys = formSchema === undefined ? [] : wireKeys(formSchema)
  const decodeForm = formSchema === undefined ? undefined : decodeWith(formSchema as Decoder)
  // The parameter a body that is not a form lacks: the first the payload requires.
  const requiredParameter = formKeys.find((key) => key.required)?.name ?? formKeys[0]?.name ?? "body"
  const [status, schema] = success
  const noContent = HttpApiSchema.isNoContent(schema.ast)
  const fillPath = pathFiller(endpoint.path)

  const readQuery = (c: Context<AppEnv>): unknown => {
    if (decodeQuery === undefined) return undefined
    const all = c.req.queries()
    const single = singleValues(queryKeys, (name) => all[name] ?? [], false)
    const decoded = single.ok ? decodeQuery(single.values) : Result.fail(single.issues)
    if (Result.isFailure(decoded)) {
      const issue = decoded.failure[0]
      throw invalidParameter(parameterOf(issue, queryKeys[0]?.name ?? "query"), issue?.message ?? "malformed")
    }
    return decoded.success
  }

  const readPayload = (c: Context<AppEnv>) => (): unknown => {
    if (decodeForm === undefined) return undefined
    const params = new URLSearchParams(readFormBody(c, requiredParameter))
    const single = singleValues(formKeys, (name) => params.getAll(name), true)
    const decoded = single.ok ? decodeForm(single.values) : Result.fail(single.issues)
    if (Result.isFailure(decoded)) throw payloadError(decoded.failure)
    return decoded.success
  }

  return (c) => {
    const path = c.req.path
    const params = decodeParams === undefined ? {} : canonicalParams(decodeParams(c.req.param(), path))
    const resourcePath = fillPath(params)
    const value = handler({ account: c.get("account"), path, resourcePath, params, query: readQuery(c), payload: readPayload(c) })
    return noContent
      ? respondEmpty(c, status)
      : respondWith(c, schema as Schema.Codec<unknown, unknown, never, never>, value, status)
  }
}

/**
 * Registers every endpoint of `api` on `app`, each answered by its handler in `handlers`, all behind `auth`.
 *
 * @example
 * ```ts
 * registerApi(app, ShortCodesApi, { shortCodes: { fetchShortCode: ({ account, params }) => ..., ... } }, { auth })
 * ```
 */
export const registerApi = <Api extends HttpApi.Constraint>(
  app: Hono<AppEnv>,
  api: Api,
  handlers: ApiHandlers<Api>,
  options: DeriveOptions
): void => {
  const byPath = new Map<string, Partial<Record<Method, Handler<AppEnv>>>>()
  HttpApi.reflect(api as unknown as HttpApi.HttpApi<string, HttpApiGroup.Top>, {
    onGroup: () => undefined,
    onEndpoint: ({ group, endpoint, successes }) => {
      const handler = (handlers as Record<string, Record<string, AnyHandler> | undefined>)[group.identifier]?.[endpoint.identifier]
      if (handler === undefined) throw new Error(`registerApi: no handler for ${group.identifier}.${endpoint.identifier}`)
      const [success] = successes
      if (success === undefined) throw new Error(`registerApi: ${endpoint.identifier} declares no success`)
      const routes = byPath.get(endpoint.path) ?? {}
      routes[endpoint.method as Method] = endpointRoute(
        endpoint,
        [success[0], success[1][0]],
        handler,
        options.payloadError?.[group.identifier] ?? defaultPayloadError
      )
      byPath.set(endpoint.path, routes)
    }
  })
  for (const [path, routes] of byPath) resource(app, path, options.auth, routes)
}
