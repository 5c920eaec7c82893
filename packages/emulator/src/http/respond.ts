/**
 * The one way a response body is made: a domain value encoded by its schema. No handler builds JSON by hand.
 *
 * An answer made here carries what the envelope (envelope.ts) puts on every answer, the CORS headers and a fresh
 * `Twilio-Request-Id`, in the plain header object it is made with: node:http writes it as is, and no `Headers` is
 * built or changed afterwards.
 */
import { TwilioError } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import type { Context } from "hono"
import type { ApiError } from "./ApiError.js"
import { REQUEST_ID_HEADER } from "./requestId.js"

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

// The answers that carry the envelope's headers already.
const enveloped = new WeakSet<Response>()

/** Whether `response` was made here, with the CORS headers and its request id. */
export const isEnveloped = (response: Response): boolean => enveloped.has(response)

const NO_HEADERS: Readonly<Record<string, string>> = {}
/**
 * A response with `body`, `status` and `headers` (which hold the CORS headers), and a fresh `Twilio-Request-Id`
 * from the envelope's id source; outside the envelope (no id source on the context), without one.
 */
const answer = (c: Context, body: string | null, status: number, headers: Readonly<Record<string, string>>): Response => {
  const requestId = c.get("requestId") as (() => string) | undefined
  if (requestId === undefined) return new Response(body, { status, headers })
  const response = new Response(body, { status, headers: { ...headers, [REQUEST_ID_HEADER]: requestId() } })
  enveloped.add(response)
  return response
}

const JSON_TYPE = { "Content-Type": "application/json" }
// What most answers carry before their request id, made once.
const JSON_ENVELOPE = { ...JSON_TYPE, ...corsHeaders }
const EMPTY_ENVELOPE = { ...corsHeaders }

/** Encodes `value` with `schema` and sends it as JSON with `status` (and `headers`). */
export const respondWith = <S extends Schema.Codec<unknown, unknown, never, never>>(
  c: Context,
  schema: S,
  value: S["Type"],
  status: number,
  headers: Readonly<Record<string, string>> = NO_HEADERS
): Response =>
  answer(c, JSON.stringify(encoderOf(schema)(value)), status, headers === NO_HEADERS ? JSON_ENVELOPE : { ...JSON_TYPE, ...headers, ...corsHeaders })

/** An answer without a body (204). */
export const respondEmpty = (c: Context, status: number): Response => answer(c, null, status, EMPTY_ENVELOPE)

/** The Twilio error response for `error`. */
export const respondWithError = (c: Context, error: ApiError): Response =>
  respondWith(c, TwilioError, error.body, error.body.status, error.headers)
