/**
 * A copy of a request's body for the journal, taken without changing how the application reads it. In-process
 * (`emulator.fetch`) the web `Request` is cloned, which tees its stream. Under node:http the application reads the
 * body from node's request directly (no web stream is built) and keeps what it read (http/body.ts): the copy is
 * that, and nothing listens to the stream a second time. A POST body the application did not read at all (a fault
 * rule answered first, say) is read by the tap once the answer is ready, so the journal shows what was sent whoever
 * answered, as it does in-process; a body that `Content-Length` already puts over the limit (answered 413 unread)
 * is not.
 */
import type { IncomingMessage } from "node:http"
import { bodyReadFrom, readsBody, refusedFromHeaders } from "../http/body.js"

/** Returns the body once the answer is ready, or `undefined` when it was not read whole or exceeded `limit`. */
export type BodyCopy = () => Promise<Uint8Array | undefined>

const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/** Reads the body nobody read, until its end, `limit`, or the connection closing. */
const readUnread = (incoming: IncomingMessage, limit: number): Promise<Uint8Array | undefined> =>
  new Promise((resolve) => {
    const chunks: Array<Uint8Array> = []
    let size = 0
    const done = (): void => {
      incoming.off("data", onData).off("end", onEnd).off("close", done).off("error", done)
      resolve(incoming.readableEnded && size <= limit ? concat(chunks, size) : undefined)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength
      if (size <= limit) chunks.push(chunk)
      else done()
    }
    const onEnd = (): void => done()
    incoming.once("close", done).once("error", done)
    incoming.on("data", onData).once("end", onEnd)
  })

const tapIncoming = (incoming: IncomingMessage, limit: number): BodyCopy => async () => {
  const read = bodyReadFrom(incoming)
  if (read.read) return read.bytes
  const unread = !incoming.readableEnded && readsBody(incoming.method) && !refusedFromHeaders(incoming.method, incoming.headers, limit)
  return unread ? readUnread(incoming, limit) : undefined
}

const tapRequest = (request: Request, limit: number): BodyCopy => {
  const copy = request.clone().body
  return async () => {
    if (copy === null) return new Uint8Array(0)
    const chunks: Array<Uint8Array> = []
    let size = 0
    const reader = copy.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return concat(chunks, size)
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => undefined)
        return undefined
      }
      chunks.push(value)
    }
  }
}

/** Starts copying the body of `request` (from `incoming` when node:http serves it), up to `limit` bytes. */
export const tapBody = (request: Request, incoming: IncomingMessage | undefined, limit: number): BodyCopy =>
  incoming === undefined ? tapRequest(request, limit) : tapIncoming(incoming, limit)
