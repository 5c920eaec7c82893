/**
 * CORS: the five headers of Twilio's API documentation on every response of the emulator (errors, 404, 405 and 413
 * included), with the values the schema package defines for this API, and 204 to every preflight.
 */
import { answerOf } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import type { MiddlewareHandler } from "hono"

/** The names of the five headers. */
export const corsHeaderNames = Object.keys(corsHeaders) as ReadonlyArray<keyof typeof corsHeaders>

const setCorsHeaders = (headers: Headers): void => {
  for (const [name, value] of Object.entries(corsHeaders)) headers.set(name, value)
}

/**
 * Adds the CORS headers after everything else has run, and answers preflights (`OPTIONS`, any path) with 204
 * before routing or authentication, since browsers send preflights without credentials.
 */
export const cors = (): MiddlewareHandler => async (c, next) => {
  if (c.req.method === "OPTIONS") {
    // Status and headers of row `preflight` of the schema package's `inputErrors`.
    const { status, headers } = answerOf("preflight")
    const response = new Response(null, { status, headers })
    setCorsHeaders(response.headers)
    return response
  }
  await next()
  setCorsHeaders(c.res.headers)
}
