/**
 * The log's lines: one per request (written by the envelope, envelope.ts): time, method, path (no query, so page
 * tokens stay out), status, milliseconds.
 * Every field taken from the request is escaped by `escapeLogField`, so a line is always exactly one request.
 */
import { escapeLogField } from "./logEscape.js"

/** Where log lines go; `undefined` keeps the server quiet (tests). */
export type LogSink = ((line: string) => void) | undefined

const elapsed = (started: number): string => `${(performance.now() - started).toFixed(1)}ms`

// The time of a line, made once per millisecond: under load many lines share one, and `toISOString` was a tenth
// of a kept answer's cost.
let stampedAt = Number.NaN
let stamp = ""
/** `new Date().toISOString()`, reused while the millisecond is the same. */
export const logTimestamp = (): string => {
  const now = Date.now()
  if (now !== stampedAt) {
    stampedAt = now
    stamp = new Date(now).toISOString()
  }
  return stamp
}

/** What a request's line says between its time and its duration: method, path and status, escaped. */
export const logRequestPart = (method: string, path: string, status: number): string =>
  `${escapeLogField(method)} ${escapeLogField(path)} ${status}`

/** The line of a request whose {@link logRequestPart} is made already (a kept answer's, made once). */
export const logLineOf = (requestPart: string, started: number): string => `${logTimestamp()} ${requestPart} ${elapsed(started)}`

/** The line of a request that started at `started` (`performance.now()`) and was answered `status` just now. */
export const logLine = (method: string, path: string, status: number, started: number): string =>
  logLineOf(logRequestPart(method, path, status), started)

/** The line of a request whose client closed the connection before its body arrived: the client's doing, no status. */
export const abortedLine = (method: string, path: string, started: number): string =>
  `${logTimestamp()} ${escapeLogField(method)} ${escapeLogField(path)} aborted by the client after ${elapsed(started)}`

/**
 * The line of bytes node:http could not parse into a request (no method or path to show, hence `-`), answered
 * `status`; `reason` is Node's error code (`HPE_HEADER_OVERFLOW`, `ERR_HTTP_REQUEST_TIMEOUT`, ...).
 */
export const rejectedLine = (status: number, reason: string): string =>
  `${logTimestamp()} - - ${status} ${escapeLogField(reason)}`

/**
 * The line of a connection refused because `maxConnections` are open (node:http closes it without reading).
 */
export const refusedConnectionLine = (remoteAddress: string | undefined, maxConnections: number): string =>
  `${logTimestamp()} - - refused a connection from ${escapeLogField(remoteAddress ?? "?")}: ${maxConnections} connections are open (maxConnections)`
