/**
 * The one way a response body is made: a domain value encoded by its schema. No handler builds JSON by hand.
 */
import { TwilioError } from "@shortcode-kit/schema"
import { Schema } from "effect"
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import type { ApiError } from "./ApiError.js"

// The encoder of each schema, made once: making one per answer costs as much again as encoding.
const encoders = new WeakMap<object, (value: unknown) => unknown>()
const encoderOf = (schema: Schema.Codec<unknown, unknown, never, never>): (value: unknown) => unknown => {
  let encode = encoders.get(schema)
  if (encode === undefined) {
    encode = Schema.encodeSync(schema)
    encoders.set(schema, encode)
  }
  return encode
}

/** Encodes `value` with `schema` and sends it as JSON with `status`. */
export const respondWith = <S extends Schema.Codec<unknown, unknown, never, never>>(
  c: Context,
  schema: S,
  value: S["Type"],
  status: ContentfulStatusCode
): Response => c.json(encoderOf(schema)(value) as object, status)

/** The Twilio error response for `error`. */
export const respondWithError = (c: Context, error: ApiError): Response => {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
  return respondWith(c, TwilioError, error.body, error.body.status as ContentfulStatusCode)
}
