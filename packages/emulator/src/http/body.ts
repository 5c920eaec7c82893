/**
 * The request body, read once and bounded: over the limit is 413 without reading further (at once when
 * `Content-Length` says so). The envelope (envelope.ts) reads a POST's into the context; handlers get the bytes from
 * there, never from the stream. Only POST routes read a body; any other request's is left unread.
 */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http"
import type { Context } from "hono"
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

// What the application read of each node:http request's body: the bytes once read whole within the limit, and
// `undefined` from the moment reading starts (so a body cut off or over the limit stays `undefined`). The request
// journal takes its copy from here instead of listening to the stream a second time.
const bodiesRead = new WeakMap<IncomingMessage, Uint8Array | undefined>()

/**
 * What the application read of `incoming`'s body: `{ read: false }` when it never started reading it, else the
 * bytes, `undefined` when they did not arrive whole within the limit.
 */
export const bodyReadFrom = (incoming: IncomingMessage): { readonly read: false } | { readonly read: true; readonly bytes: Uint8Array | undefined } =>
  bodiesRead.has(incoming) ? { read: true, bytes: bodiesRead.get(incoming) } : { read: false }

/** The body of a node:http request, read from the socket directly: no web `Request` or stream is built. */
const readIncoming = (incoming: IncomingMessage, limit: number): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    bodiesRead.set(incoming, undefined)
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
      const body = Buffer.concat(chunks, size)
      bodiesRead.set(incoming, body)
      resolve(body)
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

/**
 * The body of `c`'s request, read within `limit` (413 when `Content-Length` alone says it is over, before reading):
 * from node:http's own request when it serves, else from the web `Request`'s stream.
 */
export const readBody = async (c: Context<AppEnv>, limit: number): Promise<Uint8Array> => {
  if (declaresOver(c.req.header("Content-Length"), limit)) throw tooLarge(limit)
  const incoming = (c.env as AppEnv["Bindings"] | undefined)?.incoming
  return incoming === undefined ? readStream(c.req.raw.body, limit) : readIncoming(incoming, limit)
}

// One decoder for every body: without `stream`, each `decode` call stands alone.
const utf8 = new TextDecoder()

/** `bytes` as text (UTF-8; invalid sequences become U+FFFD, as `Request.text()` does). */
export const utf8Text = (bytes: Uint8Array): string => utf8.decode(bytes)

/** The body as text (UTF-8; invalid sequences become U+FFFD, as `Request.text()` does). */
export const bodyText = (c: Context<AppEnv>): string => utf8Text(c.get("body") ?? new Uint8Array())
