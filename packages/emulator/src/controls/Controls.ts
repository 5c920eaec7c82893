/**
 * The controls a test suite drives the emulator with, as a wrapper around its web-standard fetch handler, so they
 * do not depend on how the routes are written:
 *
 * - `GET /healthz` (no credentials) -> 200 {@link HealthBody}
 * - `POST /admin/reset` -> 200 `{ accounts, services, short_codes, phone_numbers, memberships }` restored
 * - `GET /admin/requests?method=&path=` -> 200 `{ requests: [...] }`, oldest first; `DELETE /admin/requests` -> 204
 *
 * Every other request goes to the application and, unless it is an admin request, into the journal.
 */
import type { IncomingMessage } from "node:http"
import { TwilioError } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import { SeedReportBody } from "../AdminRequests.js"
import type { ServerConfig } from "../Config.js"
import { ApiError } from "../http/ApiError.js"
import { adminUnauthorized, authenticatedAccount, authenticatedSidOf, isAdminAuthorization } from "../http/auth.js"
import { utf8Text } from "../http/body.js"
import { isFormContentType } from "../http/form.js"
import { newRequestId, REQUEST_ID_HEADER } from "../http/requestId.js"
import type { NodeHit } from "../http/responseCache.js"
import { logLine } from "../http/requestLog.js"
import { methodNotAllowed } from "../http/resource.js"
import type { Repository } from "../store/Repository.js"
import { ConnectionDropped } from "../faults/withFaults.js"
import { tapBody } from "./bodyTap.js"
import { healthBody, HealthBody } from "./Health.js"
import { decodeParameters, type Journal, JournalBody, type JournalFilter } from "./Journal.js"
import { HEALTH_PATH, REQUESTS_PATH, RESET_PATH } from "./paths.js"
import type { Reset } from "./Reset.js"
import { plainTargetParts, urlTargetParts } from "./targetParts.js"

/** A web-standard handler; node:http passes its own request along as `incoming`. */
export type Handler = (request: Request, env?: { readonly incoming?: IncomingMessage }) => Response | Promise<Response>

/**
 * The controls' handler, and how a request answered before it (a kept answer on node:http, `started` at
 * `performance.now()` when it arrived) gets the journal entry the handler would have given it.
 */
export interface ControlledHandler extends Handler {
  readonly journalHit: (hit: NodeHit, started: number) => void
}

const withJournal = (handler: Handler, journalHit: ControlledHandler["journalHit"]): ControlledHandler =>
  Object.assign(handler, { journalHit })

export interface ControlsOptions {
  readonly config: ServerConfig
  readonly repository: Repository
  readonly journal: Journal
  readonly reset: Reset
  /** `performance.now()` when the emulator was made. */
  readonly startedAt: number
}

export { HEALTH_PATH, REQUESTS_PATH, RESET_PATH } from "./paths.js"

const isAdminPath = (path: string): boolean => path === "/admin" || path.startsWith("/admin/")

/** The SID of the account whose Basic credentials `authorization` carries, if they are valid; else `null`. */
const accountSidOf = (repository: Repository, authorization: string | null | undefined): string | null =>
  authenticatedAccount(repository, authorization ?? undefined)?.sid ?? null

/** The `code` of a Twilio error body, or `null` for anything else. */
const errorCode = async (response: Response): Promise<number | null> => {
  try {
    const body = JSON.parse(await response.clone().text()) as unknown
    const code = typeof body === "object" && body !== null ? (body as { code?: unknown }).code : undefined
    return typeof code === "number" && Number.isInteger(code) ? code : null
  } catch {
    return null
  }
}

const FILTER_NAMES = new Set(["method", "path"])

/** The journal filter of `GET /admin/requests`: `method` and `path`, each at most once; anything else is a 400. */
const readFilter = (params: URLSearchParams): JournalFilter => {
  const filter: { method?: string; path?: string } = {}
  for (const name of new Set(params.keys())) {
    if (!FILTER_NAMES.has(name)) {
      throw ApiError.answer("parameter.invalid", { param: name, reason: `${REQUESTS_PATH} filters by method and path only` })
    }
    const values = params.getAll(name)
    if (values.length > 1 || values[0] === "") {
      throw ApiError.answer("parameter.invalid", { param: name, reason: "Give it once, not empty" })
    }
    filter[name as "method" | "path"] = values[0] as string
  }
  return filter
}

/**
 * A reset has no options: a query or a body (say, a seed meant to be loaded) is refused rather than ignored, so
 * nobody believes it did what it did not. The body is judged from the headers, unread (node:http discards it).
 */
const refuseResetInput = (request: Request, url: URL): void => {
  const first = url.searchParams.keys().next()
  if (first.done !== true) {
    throw ApiError.answer("parameter.invalid", {
      param: first.value,
      reason: `POST ${RESET_PATH} takes no parameters: it restores what the emulator started with`
    })
  }
  const length = request.headers.get("Content-Length")
  if (request.headers.has("Transfer-Encoding") || (length !== null && length.trim() !== "0")) {
    throw ApiError.answer("parameter.invalid", {
      param: "body",
      reason: `POST ${RESET_PATH} takes no body: it restores what the emulator started with (POST /admin/seed adds data)`
    })
  }
}

/**
 * Wraps `handler` with the controls.
 *
 * @example
 * ```ts
 * const handle = withControls((request, env) => app.fetch(request, env), { config, repository, journal, reset, startedAt })
 * ```
 */
export const withControls = (handler: Handler, options: ControlsOptions): ControlledHandler => {
  const { config, repository, journal, reset, startedAt } = options
  // An entry's `at`, made once per millisecond of the clock: `toISOString` was about 1 µs of each kept answer's.
  let atMs = Number.NaN
  let atText = ""
  const atNow = (): string => {
    const ms = config.clock().getTime()
    if (ms !== atMs) {
      atText = new Date(ms).toISOString()
      atMs = ms
    }
    return atText
  }

  const answer = (status: number, body: string | null, headers: Record<string, string> = {}, requestId = config.ids.requestId): Response =>
    new Response(body, {
      status,
      headers: {
        ...(body === null ? {} : { "Content-Type": "application/json" }),
        ...corsHeaders,
        [REQUEST_ID_HEADER]: requestId(),
        ...headers
      }
    })
  const json = <S extends Schema.Codec<unknown, unknown, never, never>>(
    schema: S,
    value: S["Type"],
    head: boolean,
    requestId?: () => string
  ): Response => answer(200, head ? null : JSON.stringify(Schema.encodeSync(schema)(value)), {}, requestId)
  const failure = (error: ApiError): Response =>
    answer(error.body.status, JSON.stringify(Schema.encodeSync(TwilioError)(error.body)), { ...error.headers })

  /** The answer of a control path, or `undefined` when `path` is not one. */
  const control = async (request: Request, method: string, url: URL): Promise<Response | undefined> => {
    const path = url.pathname
    const head = method === "HEAD"
    if (path === HEALTH_PATH) {
      if (method !== "GET" && !head) return failure(methodNotAllowed(method, path, "GET, HEAD, OPTIONS"))
      // A random request id: however often a runner polls, the seeded sequence (sidSeed) of the other answers stays put.
      return json(HealthBody, healthBody(config, startedAt, { size: journal.size(), limit: journal.limit }), head, newRequestId)
    }
    if (path !== RESET_PATH && path !== REQUESTS_PATH) return undefined
    // Which methods a path has is public (as in the application): the 405 comes before authentication.
    const allow = path === RESET_PATH ? "POST, OPTIONS" : "GET, HEAD, DELETE, OPTIONS"
    if (!allow.split(", ").includes(method)) return failure(methodNotAllowed(method, path, allow))
    if (!isAdminAuthorization(request.headers.get("Authorization") ?? undefined, config.adminToken)) return failure(adminUnauthorized())
    if (path === RESET_PATH) {
      refuseResetInput(request, url)
      // A random request id, drawn after the sequences restarted: the next request gets the first seeded id, as at start.
      return json(SeedReportBody, await reset.reset(), false, newRequestId)
    }
    if (method === "DELETE") {
      journal.clear()
      return answer(204, null)
    }
    return json(JournalBody, { requests: journal.entries(readFilter(url.searchParams)) }, head)
  }

  const controlled = async (request: Request, method: string, url: URL, started: number): Promise<Response | undefined> => {
    let response: Response | undefined
    try {
      response = await control(request, method, url)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      response = failure(error)
    }
    if (response !== undefined) config.log?.(logLine(method, url.pathname, response.status, started))
    return response
  }

  return withJournal(async (request, env) => {
    const started = performance.now()
    const method = request.method
    const incoming = env?.incoming
    // Under node:http the target's path and query are read off node's own request where that gives what the URL
    // parser would (controls/targetParts.ts); else the URL is parsed.
    const plain = incoming?.url === undefined ? undefined : plainTargetParts(incoming.url)
    const url = plain === undefined ? new URL(request.url) : undefined
    const path = plain?.path ?? (url as URL).pathname
    // Preflights of the control paths are the application's (204 with the CORS headers, like every path).
    if (method !== "OPTIONS" && (path === HEALTH_PATH || path === RESET_PATH || path === REQUESTS_PATH)) {
      const response = await controlled(request, method, url ?? new URL(request.url), started)
      if (response !== undefined) return response
    }
    if (journal.limit === 0 || isAdminPath(path)) return handler(request, env)

    const at = atNow()
    const query = plain?.query ?? decodeParameters((url as URL).searchParams)
    // node's own headers when node:http serves: reading the web Request's would build a Headers object.
    const header = (name: string): string | undefined => {
      if (incoming === undefined) return request.headers.get(name) ?? undefined
      const value = incoming.headers[name.toLowerCase()]
      return Array.isArray(value) ? value.join(", ") : value
    }
    const hasForm = method !== "GET" && method !== "HEAD" && isFormContentType(header("Content-Type"))
    const body = hasForm ? tapBody(request, incoming, config.bodyLimitBytes) : undefined
    let response: Response
    try {
      response = await handler(request, env)
    } catch (error) {
      // A connection a fault rule dropped has no answer: its entry has no status or code. Over node:http its body
      // was never read (the connection is gone), so only an in-process request's form is known.
      if (error instanceof ConnectionDropped) {
        const bytes = body === undefined || incoming !== undefined ? undefined : await body()
        journal.record({
          method,
          path,
          query,
          form: bytes === undefined ? {} : decodeParameters(new URLSearchParams(utf8Text(bytes))),
          account_sid: accountSidOf(repository, header("Authorization")),
          status: null,
          code: null,
          duration_ms: Math.round((performance.now() - started) * 100) / 100,
          at
        })
      }
      throw error
    }
    const bytes = body === undefined ? undefined : await body()
    journal.record({
      method,
      path,
      query,
      form: bytes === undefined ? {} : decodeParameters(new URLSearchParams(utf8Text(bytes))),
      // The application's own authentication when it ran; else (a fault rule answered first) the credentials' check.
      // A 401 is the answer to missing or wrong credentials: no one authenticated.
      account_sid: authenticatedSidOf(request) ?? (response.status === 401 ? null : accountSidOf(repository, header("Authorization"))),
      status: response.status,
      code: response.status >= 400 ? await errorCode(response) : null,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
      at
    })
    return response
  }, (hit, started) => {
    // What the full path journals for the same answer: a GET without a form, answered by the kept answer.
    if (journal.limit === 0) return
    const { path, query } = plainTargetParts(hit.target) ?? urlTargetParts(new URL(hit.url))
    if (isAdminPath(path)) return
    journal.record({
      method: "GET",
      path,
      query,
      form: {},
      account_sid: hit.accountSid,
      status: hit.status,
      code: null,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
      at: atNow()
    })
  })
}
