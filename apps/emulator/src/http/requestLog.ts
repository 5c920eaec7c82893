/**
 * One line per request on the log: time, method, path (no query, so page tokens stay out), status, milliseconds.
 */
import type { MiddlewareHandler } from "hono"

/** Where log lines go; `undefined` keeps the server quiet (tests). */
export type LogSink = ((line: string) => void) | undefined

export const requestLog = (log: LogSink): MiddlewareHandler => async (c, next) => {
  if (log === undefined) return next()
  const started = performance.now()
  try {
    await next()
  } finally {
    const ms = (performance.now() - started).toFixed(1)
    log(`${new Date().toISOString()} ${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`)
  }
}
