/**
 * One line per request on the log: time, method, path (no query, so page tokens stay out), status, milliseconds.
 */
import type { MiddlewareHandler } from "hono"

/** Where log lines go; `undefined` keeps the server quiet (tests). */
export type LogSink = ((line: string) => void) | undefined

/** The line of a request that started at `started` (`performance.now()`) and was answered `status` just now. */
export const logLine = (method: string, path: string, status: number, started: number): string =>
  `${new Date().toISOString()} ${method} ${path} ${status} ${(performance.now() - started).toFixed(1)}ms`

export const requestLog = (log: LogSink): MiddlewareHandler => async (c, next) => {
  if (log === undefined) return next()
  const started = performance.now()
  try {
    await next()
  } finally {
    log(logLine(c.req.method, c.req.path, c.res.status, started))
  }
}
