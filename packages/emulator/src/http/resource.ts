/**
 * Routes per resource path: the methods it supports, and 405 with `Allow` (Twilio error 20004) for every other one.
 */
import type { Handler, Hono, MiddlewareHandler } from "hono"
import type { AppEnv } from "./AppEnv.js"
import { ApiError } from "./ApiError.js"

export type Method = "GET" | "POST" | "DELETE"

/** 405 20004 for `method` on `path`, with `Allow` listing `allow` (also used by the controls outside the application). */
export const methodNotAllowed = (method: string, path: string, allow: string): ApiError =>
  ApiError.answer("method.not-allowed", { method, path, allow })

/**
 * Registers `handlers` on `path` behind `guard`. The 405 answer comes before authentication: which methods a path
 * has is public (it is in the OpenAPI document).
 */
export const resource = (
  app: Hono<AppEnv>,
  path: string,
  guard: MiddlewareHandler<AppEnv>,
  handlers: Partial<Record<Method, Handler<AppEnv>>>
): void => {
  const methods = Object.keys(handlers) as Array<Method>
  for (const method of methods) {
    app.on(method, path, guard, handlers[method] as Handler<AppEnv>)
  }
  // HEAD is answered as GET (Hono), OPTIONS by the CORS preflight.
  const order = ["GET", "HEAD", "POST", "DELETE", "OPTIONS"]
  const allow = order.filter((m) => m === "OPTIONS" || methods.includes(m as Method) || (m === "HEAD" && methods.includes("GET"))).join(", ")
  app.all(path, (c) => {
    throw methodNotAllowed(c.req.method, c.req.path, allow)
  })
}
