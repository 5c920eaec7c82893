/**
 * `Twilio-Request-Id` on every response, as Twilio sends it (`RQ` + 32 hex digits), so a failing test can quote it.
 */
import { randomBytes } from "node:crypto"
import type { MiddlewareHandler } from "hono"

export const requestId = (): MiddlewareHandler => async (c, next) => {
  await next()
  c.res.headers.set("Twilio-Request-Id", `RQ${randomBytes(16).toString("hex")}`)
}
