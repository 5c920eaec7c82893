/**
 * The request body, read once and bounded: over the limit is 413 without reading further (at once when
 * `Content-Length` says so). Handlers get the bytes from the context, never from the stream.
 */
import type { Context, MiddlewareHandler } from "hono"
import type { AppEnv } from "./AppEnv.js"
import { ApiError } from "./ApiError.js"


const tooLarge = (limit: number): ApiError =>
  ApiError.of(20001, undefined, { status: 413, message: `Request body too large: the limit is ${limit} bytes` })

const EMPTY = new Uint8Array(0)

export const readBoundedBody = (limit: number): MiddlewareHandler<AppEnv> => async (c, next) => {
  // GET and HEAD carry no body any route reads; not touching the stream spares building a full web Request.
  if (c.req.method === "GET" || c.req.method === "HEAD") {
    c.set("body", EMPTY)
    return next()
  }
  const declared = c.req.header("Content-Length")
  if (declared !== undefined && /^[0-9]+$/.test(declared.trim()) && Number(declared.trim()) > limit) throw tooLarge(limit)
  const stream = c.req.raw.body
  const chunks: Array<Uint8Array> = []
  let size = 0
  if (stream !== null) {
    const reader = stream.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => undefined)
        throw tooLarge(limit)
      }
      chunks.push(value)
    }
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  c.set("body", body)
  await next()
}

/** The body as text (UTF-8; invalid sequences become U+FFFD, as `Request.text()` does). */
export const bodyText = (c: Context<AppEnv>): string => new TextDecoder().decode(c.get("body") ?? new Uint8Array())
