/**
 * One generic cache of GET answers in front of the application, for every route alike: a successful answer to a
 * request the application authenticated as a Twilio account is kept (status, headers, body), keyed by the request
 * URL (path and query) and its `Authorization` header, for as long as the database does not change. The key is the check: the same credentials at the same data version authenticate
 * as the same account and read the same rows, so a kept answer is exactly what the application would answer again.
 *
 * The database's version (`Repository.dataVersion`: SQLite's `PRAGMA data_version`, which moves on a commit by any
 * connection, another process included, and this connection's change count) is read before each request; any
 * change empties the cache. Each answer gets a fresh `Twilio-Request-Id` and its log line; the request journal and
 * the fault rules wrap this cache, so they still see every request. Nothing here knows an endpoint.
 */
import type { IncomingMessage } from "node:http"
import { getPath } from "hono/utils/url"
import { type LogSink, logLine } from "./requestLog.js"
import { authenticatedSidOf, markAuthenticated } from "./auth.js"

/** What node:http passes along with a request (`@hono/node-server`'s bindings); in-process calls have none. */
export interface NodeBindings {
  readonly incoming?: IncomingMessage
}

/** The web handler the cache stands in front of (the application's `fetch`). */
export type WebHandler<Env extends NodeBindings> = (request: Request, env?: Env) => Response | Promise<Response>

/**
 * The request's `Authorization` as the application reads it: web `Headers` join repeated fields with ", " (which
 * no credentials check accepts), where node's parsed headers keep only the first. Read from node's raw headers when
 * node:http serves, since the web request's `Headers` are built only on first use.
 */
const authorizationOf = (request: Request, env: NodeBindings | undefined): string => {
  const raw = env?.incoming?.rawHeaders
  if (raw === undefined) return request.headers.get("authorization") ?? ""
  let value: string | undefined
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string
    if (name.length === 13 && name.toLowerCase() === "authorization") value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1]}`
  }
  return value ?? ""
}

export interface ResponseCacheOptions {
  /** Differs from every earlier value whenever the data may have changed since. */
  readonly dataVersion: () => string
  /** While this says `true` (a disk sync in flight), every request goes to the application. */
  readonly bypass: () => boolean
  /** Makes the `Twilio-Request-Id` of each kept answer. */
  readonly requestId: () => string
  readonly log: LogSink
  /** How many answers are kept at most; past that the cache starts over. Default 1,000. */
  readonly maxEntries?: number
  /**
   * How many body characters are kept at most (default 8 Mi: a few hundred pages of 1,000 short codes would
   * otherwise hold gigabytes); past that the cache starts over, and a body of more than an eighth of it is not kept.
   */
  readonly maxChars?: number
}

interface Kept {
  readonly status: number
  /** Every header of the answer but its request id, by lower-case name. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** The account the application authenticated (for the journal). */
  readonly accountSid: string
}

const REQUEST_ID = "twilio-request-id"

/** `handler` behind the cache. */
export const withResponseCache = <Env extends NodeBindings>(handler: WebHandler<Env>, options: ResponseCacheOptions): WebHandler<Env> => {
  const { dataVersion, bypass, requestId, log, maxEntries = 1000, maxChars = 8 * 1024 * 1024 } = options
  const kept = new Map<string, Kept>()
  let keptAt: string | undefined
  let keptChars = 0
  const clear = (): void => {
    kept.clear()
    keptChars = 0
  }

  // Plain header objects: node:http's adapter writes them without building web `Headers`.
  const answer = (entry: Kept): Response =>
    new Response(entry.body, { status: entry.status, headers: { ...entry.headers, [REQUEST_ID]: requestId() } })

  return async (request, env) => {
    if (request.method !== "GET" || bypass()) return handler(request, env)
    const started = performance.now()
    // Read before the application runs: a commit after this point changes the version the next request sees.
    const version = dataVersion()
    if (version !== keptAt) {
      clear()
      keptAt = version
    }
    const key = `${authorizationOf(request, env)}\n${request.url}`
    const hit = kept.get(key)
    if (hit !== undefined) {
      markAuthenticated(request, hit.accountSid)
      // The path as the application's log line names it (Hono's reading of the URL).
      log?.(logLine("GET", getPath(request), hit.status, started))
      return answer(hit)
    }
    const response = await handler(request, env)
    // Kept only when it is a Twilio account's answer (what it says comes from the database alone: not the admin
    // surface, whose fault rules live in memory), and nothing was written while it was made, so that it belongs to
    // the version it is kept under.
    const accountSid = authenticatedSidOf(request)
    if (response.status !== 200 || accountSid === null || dataVersion() !== version) return response
    const entry: Kept = {
      status: response.status,
      headers: Object.fromEntries([...response.headers].filter(([name]) => name !== REQUEST_ID)),
      body: await response.text(),
      accountSid
    }
    if (entry.body.length <= maxChars / 8) {
      if (kept.size >= maxEntries || keptChars + entry.body.length > maxChars) clear()
      kept.set(key, entry)
      keptChars += entry.body.length
    }
    return new Response(entry.body, { status: response.status, headers: response.headers })
  }
}
