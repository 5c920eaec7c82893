/**
 * A copy of a request's body for the journal, taken without changing how the application reads it. In-process
 * (`emulator.fetch`) the web `Request` is cloned, which tees its stream. Under node:http the application reads the
 * body from node's request directly (no web stream is built); the tap then adds its own `data` listener at the moment
 * the application adds its first one, so both see every chunk and the stream starts flowing exactly when it did
 * without the tap. A POST body the application did not read at all (a fault rule answered first, say) is read by the
 * tap once the answer is ready, so the journal shows what was sent whoever answered, as it does in-process; a body
 * that `Content-Length` already puts over the limit (answered 413 unread) is not.
 */
import type { IncomingMessage } from "node:http"
import { readsBody, refusedFromHeaders } from "../http/body.js"

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

const tapIncoming = (incoming: IncomingMessage, limit: number): BodyCopy => {
  const chunks: Array<Uint8Array> = []
  let size = 0
  let ended = false
  let tapped = false
  let settle: (() => void) | undefined
  const onData = (chunk: Buffer): void => {
    size += chunk.byteLength
    if (size <= limit) chunks.push(chunk)
    else settle?.()
  }
  const onEnd = (): void => {
    ended = true
    settle?.()
  }
  const onNewListener = (event: string | symbol): void => {
    if (event !== "data") return
    tapped = true
    incoming.off("newListener", onNewListener)
    incoming.on("data", onData).once("end", onEnd)
  }
  incoming.on("newListener", onNewListener)
  /** Reads the body nobody read, until its end, the limit, or the connection closing. */
  const readUnread = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const done = (): void => {
        incoming.off("close", done).off("error", done)
        resolve()
      }
      settle = done
      incoming.once("close", done).once("error", done)
      incoming.on("data", onData).once("end", onEnd)
    })
  return async () => {
    incoming.off("newListener", onNewListener)
    const unread = !tapped && !incoming.readableEnded && readsBody(incoming.method) && !refusedFromHeaders(incoming.method, incoming.headers, limit)
    if (unread) await readUnread()
    incoming.off("data", onData).off("end", onEnd)
    return ended && size <= limit ? concat(chunks, size) : undefined
  }
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
