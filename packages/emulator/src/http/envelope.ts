/**
 * What every request of the application meets before its route and every answer carries after it, in one
 * middleware: the CORS preflight, the bounded body, the durability of writes, the CORS headers and
 * `Twilio-Request-Id` on every answer (errors, 404, 405 and 413 included), and the request's log line.
 *
 * An answer made by `respondWith` or `respondEmpty` (http/respond.ts) has these headers already, written once as a
 * plain object; any other response (the docs page) gets them set on its `Headers` here. A HEAD request is answered
 * by Hono outside every middleware, from its GET answer's status and headers.
 */
import { answerOf } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import type { Context, MiddlewareHandler } from "hono"
import type { Durability } from "../store/Durability.js"
import type { AppEnv } from "./AppEnv.js"
import { readBody } from "./body.js"
import { ClientAborted } from "./clientAborted.js"
import { REQUEST_ID_HEADER } from "./requestId.js"
import { abortedLine, type LogSink, logLine } from "./requestLog.js"
import { isEnveloped } from "./respond.js"

const corsHeaderNames = Object.keys(corsHeaders) as ReadonlyArray<keyof typeof corsHeaders>

export interface EnvelopeOptions {
  readonly log: LogSink
  /** The emulator's id source for `Twilio-Request-Id`. */
  readonly requestId: () => string
  /** The body limit of this request: the admin API's for admin requests that carry the admin token. */
  readonly bodyLimit: (c: Context<AppEnv>) => number
  /**
   * A counter of the rows this connection has changed (SQLite's `total_changes()`), read before and after a
   * write's handler: any difference means something was committed, and the answer waits for its flush.
   */
  readonly changes: () => number
  readonly durability: Durability
  /** The answer to an error thrown here (a body over the limit, a flush the disk refused): the application's. */
  readonly answerError: (error: unknown, c: Context<AppEnv>) => Response
}

const EMPTY = new Uint8Array(0)

const setEnvelopeHeaders = (headers: Headers, requestId: string): void => {
  for (const name of corsHeaderNames) headers.set(name, corsHeaders[name])
  headers.set(REQUEST_ID_HEADER, requestId)
}

export const envelope = (options: EnvelopeOptions): MiddlewareHandler<AppEnv> => {
  const { log, requestId, bodyLimit, changes, durability, answerError } = options
  // Status and headers of row `preflight` of the schema package's `inputErrors`.
  const preflight = answerOf("preflight")
  const preflightHeaders = { ...preflight.headers, ...corsHeaders }

  /**
   * Runs the route: the body read first (only a POST's), and after a write that changed the database, its flush;
   * a read waits for the sync in flight, so that it never shows a row the disk may still refuse (see
   * store/UndoLog.ts). An error thrown here is answered as the application answers it; `true` when the client closed
   * the connection before its body arrived (the answer then goes to no one, and the log says so).
   */
  const route = async (c: Context<AppEnv>, next: () => Promise<void>, method: string): Promise<boolean> => {
    try {
      if (method === "GET" || method === "HEAD") {
        c.set("body", EMPTY)
        await next()
        const pending = durability.pending()
        if (pending !== undefined) await pending
        return false
      }
      // Only POST routes take a body; any other request's is left unread (node:http discards it).
      c.set("body", method === "POST" ? await readBody(c, bodyLimit(c)) : EMPTY)
      const before = changes()
      await next()
      if (changes() !== before) await durability.flush()
    } catch (error) {
      // An answer already made (a write whose flush failed, a read whose pending sync failed) gives way to the error's,
      // which keeps its request id: one id per answer, so a seeded id sequence does not move. It is dropped first, so
      // that Hono's `c.res` setter does not copy its headers onto the error's.
      const made = c.finalized ? c.res : undefined
      const id = made?.headers.get(REQUEST_ID_HEADER) ?? null
      if (made !== undefined) c.res = undefined
      if (id !== null) c.set("requestId", () => id)
      try {
        c.res = answerError(error, c)
      } finally {
        c.set("requestId", requestId)
      }
      return error instanceof ClientAborted
    }
    return false
  }

  return async (c, next) => {
    const started = log === undefined ? 0 : performance.now()
    const method = c.req.method
    c.set("requestId", requestId)
    if (method === "OPTIONS") {
      // Browsers send preflights without credentials, before any route: 204 with the CORS headers, and no request id
      // drawn (a preflight is not an API request).
      const response = new Response(null, { status: preflight.status, headers: preflightHeaders })
      log?.(logLine(method, c.req.path, preflight.status, started))
      return response
    }
    let aborted = false
    try {
      aborted = await route(c, next, method)
      if (!isEnveloped(c.res)) setEnvelopeHeaders(c.res.headers, requestId())
    } finally {
      // Every request gets its line, even when answering its error failed (the status is then the server's 500).
      log?.(aborted ? abortedLine(method, c.req.path, started) : logLine(method, c.req.path, c.finalized ? c.res.status : 500, started))
    }
  }
}
