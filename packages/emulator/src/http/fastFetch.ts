/**
 * The fast lane of the most frequent request, a successful `GET /v1/Services/{ServiceSid}/ShortCodes/{Sid}`,
 * served directly on node:http: one SQLite read for both the credentials and the row, the body encoded by the
 * schema package's `ShortCode` codec, the same status, headers, body and log line as the Hono application.
 *
 * The body of a fetch is kept (per `Authorization` header and path, up to 1,000 of them) for as long as the
 * database's data version stays the same: any commit, by this process or another on the same file, empties the
 * cache, so a kept body is always what the database holds. Checking the version costs a third of reading the row.
 *
 * It answers only what it can answer exactly as the application would, and declines (returns `false`, having
 * written nothing) everything else: another method or route, a query string, a percent-encoded or malformed SID, an
 * unusual Host header, missing, repeated or wrong credentials, no such short code, any error. The application answers
 * it from scratch. `test/http/fastFetch.test.ts` holds the two to the same answers on generated requests. Each answer
 * it sends is reported to `onAnswer` (the request journal), since the journal's wrapper around the application
 * never sees it.
 */
import type { IncomingMessage, ServerResponse } from "node:http"
import { ShortCode, ShortCodeInstanceParams } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import type { Repository } from "../store/Repository.js"
import { toShortCode } from "../routes/shortCodes.js"
import { basicCredentials, tokenMatches } from "./auth.js"
import { newRequestId } from "./requestId.js"
import { type LogSink, logLine } from "./requestLog.js"

export interface FastFetchOptions {
  readonly repository: Repository
  readonly publicBaseUrl: string
  readonly log: LogSink
  /** While this says `true` (fault rules are held), the lane declines everything, so every request meets them. */
  readonly declineWhile?: (() => boolean) | undefined
  /** Makes the `Twilio-Request-Id`s (the emulator's id source). Default random. */
  readonly requestId?: () => string
  /** Told of every answer the lane sends (the request journal): the path, the authenticated account, the start. */
  readonly onAnswer?: (path: string, accountSid: string, started: number) => void
}

/** The path with two plain alphanumeric segments: anything percent-encoded is left to the application's decoding. */
const FETCH_PATH = /^\/v1\/Services\/([A-Za-z0-9]+)\/ShortCodes\/([A-Za-z0-9]+)$/

/**
 * A Host header that node:http and `@hono/node-server` turn into a URL without complaint: a DNS name or IPv4
 * address, or a bracketed IPv6 address, with an optional port of 0 to 65535. Anything else is the application's
 * to judge (it answers 400 to a malformed one).
 */
const PLAIN_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::([0-9]{1,5}))?$/
const isPlainHost = (host: string | undefined): boolean => {
  if (host === undefined) return false
  const m = PLAIN_HOST.exec(host)
  return m !== null && (m[1] === undefined || Number(m[1]) <= 65535)
}

/**
 * Node keeps the first of several `Authorization` headers where the application's web `Headers` joins them all
 * (which no credentials check accepts): a request with more than one is the application's to answer.
 */
const hasOneAuthorization = (rawHeaders: ReadonlyArray<string>): boolean => {
  let seen = 0
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string
    if (name.length === 13 && name.toLowerCase() === "authorization") seen++
  }
  return seen === 1
}

const isInstanceParams = Schema.is(ShortCodeInstanceParams)
const encodeShortCode = Schema.encodeSync(ShortCode)

// The application's header names and order: web `Headers` iterate in lower case, sorted.
const CORS_HEADERS = Object.fromEntries(
  Object.entries(corsHeaders)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
)

/** How many bodies are kept at most; past that the cache starts over. */
const MAX_CACHED = 1000

/** Serves the request and returns `true`, or returns `false` without touching the response. */
export const makeFastFetch = (options: FastFetchOptions) => {
  const { repository, publicBaseUrl, log, declineWhile, requestId = newRequestId, onAnswer } = options
  const cache = new Map<string, string>()
  let cachedAt: string | undefined

  /** The body for these credentials and parameters, or `undefined` when the application must answer. */
  const bodyFor = (authorization: string, params: ShortCodeInstanceParams): string | undefined => {
    const credentials = basicCredentials(authorization)
    if (credentials === undefined) return undefined
    const found = repository.findServiceShortCodeAndToken(credentials.user, params.ServiceSid, params.Sid)
    // Compared even when nothing was found, as the application does: no answer here reveals more by its timing.
    if (!tokenMatches(credentials.password, found?.authToken) || found?.shortCode === undefined) return undefined
    return JSON.stringify(encodeShortCode(toShortCode(found.shortCode, publicBaseUrl)))
  }

  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== "GET" || request.url === undefined || declineWhile?.() === true) return false
    const path = FETCH_PATH.exec(request.url)
    if (path === null || !isPlainHost(request.headers.host)) return false
    const authorization = request.headers.authorization
    if (authorization === undefined || !hasOneAuthorization(request.rawHeaders)) return false
    const started = performance.now()
    let body: string | undefined
    try {
      // Read before the row: a commit after this point changes the version the next request sees.
      const version = repository.dataVersion()
      if (version !== cachedAt) {
        cache.clear()
        cachedAt = version
      }
      const key = `${authorization}\n${request.url}`
      body = cache.get(key)
      if (body === undefined) {
        // A kept body's path was checked when it was kept: the same path has the same parameters.
        const params = { ServiceSid: path[1], Sid: path[2] }
        if (!isInstanceParams(params)) return false
        body = bodyFor(authorization, params)
        if (body === undefined) return false
        if (cache.size >= MAX_CACHED) cache.clear()
        cache.set(key, body)
      }
    } catch {
      // A fault (the store failing, say) is the application's to report and answer.
      return false
    }
    response.writeHead(200, {
      ...CORS_HEADERS,
      "content-type": "application/json",
      "twilio-request-id": requestId(),
      "content-length": Buffer.byteLength(body)
    })
    response.end(body)
    log?.(logLine("GET", request.url, 200, started))
    // The lane answers only valid credentials, so the user of the header is the authenticated account.
    if (onAnswer !== undefined) onAnswer(request.url, basicCredentials(authorization)?.user ?? "", started)
    return true
  }
}
