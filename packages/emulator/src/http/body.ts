/**
 * The request body, read once and bounded: over the limit is 413 without reading further (at once when
 * `Content-Length` says so). Handlers get the bytes from the context, never from the stream. Only POST routes read
 * a body, so only a POST's is read and limited; any other request's body is left unread (node:http discards it).
 */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http"
import type { Context, MiddlewareHandler } from "hono"
import type { AppEnv } from "./AppEnv.js"
import { ApiError } from "./ApiError.js"
import { ClientAborted } from "./clientAborted.js"
import { cutOffError } from "./clientError.js"

/** Whether a request of `method` has its body read: only POST routes take one. */
export const readsBody = (method: string | undefined): boolean => method === "POST"

/** Whether `Content-Length` alone already says the body is over `limit` (then it is refused unread). */
const declaresOver = (contentLength: string | undefined, limit: number): boolean =>
  contentLength !== undefined && /^[0-9]+$/.test(contentLength.trim()) && Number(contentLength.trim()) > limit

/**
 * Whether the request will be answered 413 from its headers alone: a request sent with `Expect: 100-continue`
 * is then not invited to send its body.
 */
export const refusedFromHeaders = (method: string | undefined, headers: IncomingHttpHeaders, limit: number): boolean =>
  readsBody(method) && declaresOver(headers["content-length"], limit)

const tooLarge = (limit: number): ApiError => ApiError.answer("body.too-large", { limit })

const EMPTY = new Uint8Array(0)

/** The body of a node:http request, read from the socket directly: no web `Request` or stream is built. */
const readIncoming = (incoming: IncomingMessage, limit: number): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength
      if (size > limit) {
        // Stop listening without destroying the socket, so that the 413 can still be sent; the server drains
        // (or drops) the rest once the response is out.
        cleanUp()
        reject(tooLarge(limit))
        return
      }
      chunks.push(chunk)
    }
    const onEnd = (): void => {
      cleanUp()
      resolve(Buffer.concat(chunks, size))
    }
    const onError = (error: Error & { readonly code?: string }): void => {
      cleanUp()
      // The server cut the request off (a timeout, a malformed chunk) and answered it: report it under that answer.
      const answered = cutOffError(incoming.socket)
      if (answered !== undefined) reject(answered)
      // The connection closed mid-body ("aborted"): the client's doing, not a fault.
      else reject(error.code === "ECONNRESET" ? new ClientAborted() : error)
    }
    const cleanUp = (): void => {
      incoming.off("data", onData).off("end", onEnd).off("error", onError)
    }
    incoming.on("data", onData).on("end", onEnd).on("error", onError)
  })

/** The body of a web `Request` (in-process calls of `fetch`). */
const readStream = async (stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> => {
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
  return body
}

export const readBoundedBody = (limit: number): MiddlewareHandler<AppEnv> => async (c, next) => {
  // No other route reads a body; not touching the stream spares building a full web Request.
  if (!readsBody(c.req.method)) {
    c.set("body", EMPTY)
    return next()
  }
  if (declaresOver(c.req.header("Content-Length"), limit)) throw tooLarge(limit)
  const incoming = (c.env as AppEnv["Bindings"] | undefined)?.incoming
  c.set("body", incoming === undefined ? await readStream(c.req.raw.body, limit) : await readIncoming(incoming, limit))
  await next()
}

/** The body as text (UTF-8; invalid sequences become U+FFFD, as `Request.text()` does). */
export const bodyText = (c: Context<AppEnv>): string => new TextDecoder().decode(c.get("body") ?? new Uint8Array())
