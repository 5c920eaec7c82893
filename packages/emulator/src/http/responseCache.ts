/**
 * One generic cache of GET answers in front of the application, for every route alike: a successful answer to a
 * request the application authenticated as a Twilio account is kept (status, headers, body), keyed by the request
 * URL (path and query) and its `Authorization` header, for as long as the database does not change. The key is the check: the same credentials at the same data version authenticate
 * as the same account and read the same rows, so a kept answer is exactly what the application would answer again.
 *
 * The database's version (SQLite's `PRAGMA data_version`, which moves on a commit by any other connection, another
 * process included, and this connection's change count) is read before each request; any change empties the cache.
 * On node:http, other connections' part may be read once per turn of the event loop for the first request of each
 * connection (see `othersOfTurn`). Each answer gets a fresh `Twilio-Request-Id` and its log line; the request journal and
 * the fault rules wrap this cache, so they still see every request. Nothing here knows an endpoint.
 *
 * The same cache answers on two paths: `wrap` in front of the web handler, and `answerNode` on node:http before any
 * web `Request` is built (the server calls it first when no fault rule is installed), with the same keys, the same
 * version check, a fresh request id and the log line; a miss there goes the full way and fills the cache.
 */
import type { IncomingMessage, ServerResponse } from "node:http"
import { getPath } from "hono/utils/url"
import { REQUEST_ID_HEADER } from "./requestId.js"
import { type LogSink, logLineOf, logRequestPart } from "./requestLog.js"
import { authenticatedSidOf, markAuthenticated } from "./auth.js"

/** What node:http passes along with a request (`@hono/node-server`'s bindings); in-process calls have none. */
export interface NodeBindings {
  readonly incoming?: IncomingMessage
}

/** The web handler the cache stands in front of (the application's `fetch`). */
export type WebHandler<Env extends NodeBindings> = (request: Request, env?: Env) => Response | Promise<Response>

/**
 * The `Authorization` of node's raw headers as the application reads it: web `Headers` join repeated fields with
 * ", " (which no credentials check accepts), where node's parsed headers keep only the first.
 */
const authorizationOfRaw = (raw: ReadonlyArray<string>): string => {
  let value: string | undefined
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string
    if (name.length === 13 && name.toLowerCase() === "authorization") value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1]}`
  }
  return value ?? ""
}

/**
 * The `Host` of node's raw headers as `IncomingMessage.headers.host` reads it (the first one; node drops repeated
 * ones), without building that object, which node makes on first use (a kept answer never needs it).
 */
export const hostOfRaw = (raw: ReadonlyArray<string>): string | undefined => {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string
    if (name.length === 4 && name.toLowerCase() === "host") return raw[i + 1]
  }
  return undefined
}

/**
 * The value of the one Host header line of node's raw headers, `undefined` when there is none and `SEVERAL` when there
 * are more (RFC 9112, section 3.2: exactly one), in one pass.
 */
export const SEVERAL = Symbol("several Host lines")
export const soleHostOfRaw = (raw: ReadonlyArray<string>): string | undefined | typeof SEVERAL => {
  let host: string | undefined
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string
    if (name.length === 4 && name.toLowerCase() === "host") {
      if (host !== undefined) return SEVERAL
      host = raw[i + 1] as string
    }
  }
  return host
}

/** Whether node's raw headers announce a body: a `Content-Length` or a `Transfer-Encoding`, of any value. */
export const announcesBody = (raw: ReadonlyArray<string>): boolean => {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string
    if ((name.length === 14 && name.toLowerCase() === "content-length") || (name.length === 17 && name.toLowerCase() === "transfer-encoding")) return true
  }
  return false
}

/**
 * The request's `Authorization` as the application reads it; from node's raw headers when node:http serves, since
 * the web request's `Headers` are built only on first use.
 */
const authorizationOf = (request: Request, env: NodeBindings | undefined): string => {
  const raw = env?.incoming?.rawHeaders
  return raw === undefined ? request.headers.get("authorization") ?? "" : authorizationOfRaw(raw)
}

export interface ResponseCacheOptions {
  /**
   * Moves whenever another connection commits (another process on the same SQLite file): `PRAGMA data_version`.
   * Together with `ownChanges` it is the data version: equal values mean nothing was written in between.
   */
  readonly othersVersion: () => number
  /** Moves whenever this connection writes: its change count. */
  readonly ownChanges: () => number
  /** While this says `true` (a disk sync in flight), every request goes to the application. */
  readonly bypass: () => boolean
  /** Makes the `Twilio-Request-Id` of each kept answer. */
  readonly requestId: () => string
  readonly log: LogSink
  /** How many answers are kept at most; past that the cache starts over. Default 1,000. */
  readonly maxEntries?: number
  /**
   * Whether the web path's answers are `@hono/node-server`'s own lightweight `Response` (`lightweightWebGlobals`),
   * whose length the adapter writes as `Content-Length`, where it writes the platform's as `content-length`; either
   * way after the answer's own headers and before node:http's `Date`. Every kept answer, on either path, writes its
   * header lines as the application's answer did. Default `false`.
   */
  readonly adapterResponses?: boolean
  /**
   * How many body characters are kept at most (default 8 Mi: a few hundred pages of 1,000 short codes would
   * otherwise hold gigabytes); past that the cache starts over, and a body of more than an eighth of it is not kept.
   */
  readonly maxChars?: number
}

interface Kept {
  readonly status: number
  readonly body: string
  /** The body's bytes, made once for the node:http path. */
  readonly bytes: Buffer
  /** The account the application authenticated (for the journal). */
  readonly accountSid: string
  /** Its log line's method, path and status (`logRequestPart`), made once. */
  readonly logPart: string
  /**
   * Its header lines for node:http's `writeHead`, names and values in turn, as the application's answer wrote
   * them: the headers, the request id (a fresh one goes in at `requestIdAt`), the length.
   */
  readonly lines: ReadonlyArray<string>
  readonly requestIdAt: number
}

/** A request answered by `answerNode`: what the request journal records of it. */
export interface NodeHit {
  /** The request's URL as the web path would have seen it. */
  readonly url: string
  /** The request's target as node:http read it (origin-form: the path and query). */
  readonly target: string
  readonly status: number
  /** The account the application authenticated when it made the kept answer. */
  readonly accountSid: string
}

/** The one cache, with its two doors. */
export interface ResponseCache {
  /** `handler` behind the cache. */
  readonly wrap: <Env extends NodeBindings>(handler: WebHandler<Env>) => WebHandler<Env>
  /**
   * Answers a GET on node:http from a kept answer, before any web request is built: `true` when it answered (after
   * `onHit`, which journals it), `false` when the request must take the full path (not a GET, a body, a sync in
   * flight, an absolute target, or nothing kept under its key). Call it from node:http's request listener only.
   * `oncePerTurn`: other connections' version may be read once per turn of the event loop, for when the process
   * cannot have 1,024 descriptors ready at once (default `false`: read on every request).
   */
  readonly answerNode: (
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    started: number,
    onHit: (hit: NodeHit) => void,
    oncePerTurn?: boolean
  ) => boolean
}

const REQUEST_ID = REQUEST_ID_HEADER.toLowerCase()


/** The response cache of `options`. */
export const makeResponseCache = (options: ResponseCacheOptions): ResponseCache => {
  const { othersVersion, ownChanges, bypass, requestId, log, adapterResponses = false, maxEntries = 1000, maxChars = 8 * 1024 * 1024 } = options
  // The name the adapter gives the length it writes (http/responseCache.ts's `adapterResponses`).
  const lengthName = adapterResponses ? "Content-Length" : "content-length"
  // The key of an answer is its URL and its `Authorization`: the same credentials at the same data version read the
  // same rows. By URL, then credentials (no key string to build per request).
  const kept = new Map<string, Map<string, Kept>>()
  // The version the kept answers belong to: other connections' part and this connection's.
  let keptOthers = Number.NaN
  let keptOwn = Number.NaN
  let keptEntries = 0
  let keptChars = 0
  const clear = (): void => {
    kept.clear()
    keptEntries = 0
    keptChars = 0
  }

  /**
   * Other connections' version as node:http's requests of this turn of the event loop may read it.
   *
   * A connection is read in a turn's poll phase only when its wait for I/O reported it readable, that is when at
   * least one of its bytes had arrived by then. The first request a connection completes in the turn therefore began
   * before that wait returned (its first byte is the first one unread, or came in an earlier turn), so before
   * anything its client heard of later; a version read after the wait returned may answer it. A read returns every
   * byte present at that moment, though, so a second request of the same connection in the turn (pipelined, or in a
   * later read of the same turn) may have been sent after that version was read: it reads the version afresh (and
   * leaves the newer one for the turn). Forgotten in the turn's check phase (`setImmediate`), before the next wait.
   *
   * This holds only while libuv waits once per poll phase, which it does unless one wait returns 1,024 events:
   * `answerNode`'s caller says, with `oncePerTurn`, that the process cannot have that many descriptors ready. This
   * connection's own writes are counted on every request.
   */
  let othersThisTurn: number | undefined
  const answeredThisTurn = new Set<object>()
  const forgetTurn = (): void => {
    othersThisTurn = undefined
    answeredThisTurn.clear()
  }
  const othersOfTurn = (connection: object): number => {
    const first = !answeredThisTurn.has(connection)
    if (othersThisTurn === undefined || !first) {
      if (othersThisTurn === undefined) setImmediate(forgetTurn)
      othersThisTurn = othersVersion()
    }
    if (first) answeredThisTurn.add(connection)
    return othersThisTurn
  }

  /**
   * Empties the cache when the version the coming answer belongs to (read before the application runs, so a commit
   * after it counts) is not the kept answers' one.
   */
  const atVersion = (others: number, own: number): void => {
    if (others !== keptOthers || own !== keptOwn) {
      clear()
      keptOthers = others
      keptOwn = own
    }
  }

  /** The kept answer of `url` under `authorization`, with its log line, or `undefined`. */
  const hitOf = (url: string, authorization: string, started: number): Kept | undefined => {
    const hit = kept.get(url)?.get(authorization)
    if (hit !== undefined) log?.(logLineOf(hit.logPart, started))
    return hit
  }

  // A plain header object, which the adapter writes as it is (with the length where the object has it) without
  // building web `Headers`; the platform's `Response` adds the length itself.
  const answer = (entry: Kept): Response => {
    const headers: Record<string, string> = {}
    const end = adapterResponses ? entry.lines.length : entry.lines.length - 2
    for (let i = 0; i < end; i += 2) headers[entry.lines[i] as string] = i + 1 === entry.requestIdAt ? requestId() : (entry.lines[i + 1] as string)
    return new Response(entry.body, { status: entry.status, headers })
  }

  const wrap = <Env extends NodeBindings>(handler: WebHandler<Env>): WebHandler<Env> => async (request, env) => {
    if (request.method !== "GET" || bypass()) return handler(request, env)
    const started = performance.now()
    const others = othersVersion()
    const own = ownChanges()
    atVersion(others, own)
    const authorization = authorizationOf(request, env)
    const hit = hitOf(request.url, authorization, started)
    if (hit !== undefined) {
      markAuthenticated(request, hit.accountSid)
      return answer(hit)
    }
    const response = await handler(request, env)
    // Kept only when it is a Twilio account's answer (what it says comes from the database alone: not the admin
    // surface, whose fault rules live in memory), and nothing was written while it was made, so that it belongs to
    // the version it is kept under.
    const accountSid = authenticatedSidOf(request)
    if (response.status !== 200 || accountSid === null || othersVersion() !== others || ownChanges() !== own) return response
    const body = await response.text()
    const answered = [...response.headers]
    const bytes = Buffer.from(body)
    // The header lines in the answer's own order, the request id where it stood (last when it had none), then the
    // length the adapter adds.
    const lines = answered.flat()
    let requestIdAt = answered.findIndex(([name]) => name === REQUEST_ID) * 2 + 1
    if (requestIdAt < 0) requestIdAt = lines.push(REQUEST_ID, "") - 1
    lines.push(lengthName, String(bytes.length))
    const entry: Kept = {
      status: response.status,
      lines,
      requestIdAt,
      body,
      bytes,
      accountSid,
      // The path as the application's log line names it (Hono's reading of the URL, which reads only `url`).
      logPart: logRequestPart("GET", getPath({ url: request.url } as Request), response.status)
    }
    if (entry.body.length <= maxChars / 8) {
      if (keptEntries >= maxEntries || keptChars + entry.body.length > maxChars) clear()
      let byCredentials = kept.get(request.url)
      if (byCredentials === undefined) kept.set(request.url, (byCredentials = new Map()))
      if (!byCredentials.has(authorization)) keptEntries++
      byCredentials.set(authorization, entry)
      keptChars += entry.body.length
    }
    return new Response(entry.body, { status: response.status, headers: response.headers })
  }

  const answerNode: ResponseCache["answerNode"] = (incoming, outgoing, started, onHit, oncePerTurn = false) => {
    const { method, rawHeaders } = incoming
    const target = incoming.url ?? ""
    // A body (which the full path reads or refuses), a sync in flight, an absolute-form target: the full path.
    if (method !== "GET" || target.charCodeAt(0) !== 47 || announcesBody(rawHeaders) || bypass()) return false
    const host = hostOfRaw(rawHeaders)
    if (host === undefined || host === "") return false
    // The URL as `@hono/node-server` builds it when scheme, Host and target need no normalizing. When they do, it
    // builds the normalized `URL.href` instead, which is never this string unless it is already normalized (an
    // href parses back to itself), so this can only find an answer kept under the URL the adapter would build.
    const url = `${(incoming.socket as { encrypted?: boolean }).encrypted === true ? "https" : "http"}://${host}${target}`
    atVersion(oncePerTurn ? othersOfTurn(incoming.socket) : othersVersion(), ownChanges())
    const hit = hitOf(url, authorizationOfRaw(rawHeaders), started)
    if (hit === undefined) return false
    onHit({ url, target, status: hit.status, accountSid: hit.accountSid })
    // The application's header lines, in its order and letter case, with a fresh request id: one `writeHead` (one
    // setHeader per header cost about 2 µs of a kept answer's 20).
    const lines = hit.lines.slice()
    lines[hit.requestIdAt] = requestId()
    outgoing.writeHead(hit.status, lines)
    outgoing.end(hit.bytes)
    return true
  }

  return { wrap, answerNode }
}

/** `handler` behind a cache of its own (tests; the server makes one cache and uses both of its doors). */
export const withResponseCache = <Env extends NodeBindings>(handler: WebHandler<Env>, options: ResponseCacheOptions): WebHandler<Env> =>
  makeResponseCache(options).wrap(handler)
