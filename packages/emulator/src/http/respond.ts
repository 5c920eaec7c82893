/**
 * The one way a response body is made: a domain value encoded by its schema. No handler builds JSON by hand.
 */
import { TwilioError } from "@shortcode-kit/schema"
import { Schema } from "effect"
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import type { ApiError } from "./ApiError.js"

/** Encodes `value` with `schema` and sends it as JSON with `status`. */
export const respondWith = <S extends Schema.Codec<unknown, unknown, never, never>>(
  c: Context,
  schema: S,
  value: S["Type"],
  status: ContentfulStatusCode
): Response => c.json(Schema.encodeSync(schema)(value) as object, status)

/** The Twilio error response for `error`. */
export const respondWithError = (c: Context, error: ApiError): Response => {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
  return respondWith(c, TwilioError, error.body, error.body.status as ContentfulStatusCode)
}
