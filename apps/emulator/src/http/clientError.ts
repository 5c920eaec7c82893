/**
 * node:http's `clientError`: bytes it rejects itself (headers over its size limit, `Content-Length` together with
 * `Transfer-Encoding`, a request line that is not HTTP, ...) and requests that did not arrive in time. Node's own
 * answers to these are bare (no Twilio body, no CORS headers); this handler writes a Twilio error instead, where a
 * response can still be written, and closes the connection.
 */
import { maxHeaderSize, type ServerResponse } from "node:http"
import type { Socket } from "node:net"
import { type DirectAnswer, writeAnswer } from "./directAnswer.js"
import { type LogSink, rejectedLine } from "./requestLog.js"

/** The error node:http passes: its `code`, and for parse errors llhttp's `reason`. */
export type ClientError = Error & { readonly code?: string; readonly reason?: string }

/** The response of the request each socket carries now (set by the server's request listener). */
const responses = new WeakMap<Socket, ServerResponse>()

/** What this handler answered on a socket whose request the application was still working on. */
const cutOff = new WeakMap<Socket, DirectAnswer>()

/** Records `response` as the answer in progress on its socket, so a later client error knows a request is in flight. */
export const noteResponse = (socket: Socket, response: ServerResponse): void => {
  responses.set(socket, response)
}

/**
 * What was answered on `socket` when its request was cut off mid-body (a timeout, a malformed chunk), for the body
 * reader to report it under that status rather than as the client's abort.
 */
export const cutOffAnswer = (socket: Socket | null): DirectAnswer | undefined => (socket === null ? undefined : cutOff.get(socket))

export interface ClientErrorOptions {
  readonly log: LogSink
  readonly requestTimeoutMs: number
  readonly headersTimeoutMs: number
}

/**
 * The answer to `error`, or `undefined` when the client has gone (a reset connection, or one it closed mid-request),
 * which gets none. Any other parse error is answered 400 with llhttp's reason (for `Content-Length` together with
 * `Transfer-Encoding`: "Transfer-Encoding can't be present with Content-Length").
 * `inFlight` tells a request timeout (the body was late) from a headers timeout.
 */
export const clientErrorAnswer = (error: ClientError, inFlight: boolean, options: ClientErrorOptions): DirectAnswer | undefined => {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, message: `Request header fields too large: the request line and headers may take up to ${maxHeaderSize} bytes` }
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return { status: 413, message: "Request body too large: the chunk extensions of the body are too large" }
    case "HPE_INVALID_EOF_STATE":
      // The client closed its side mid-request: there is no one to answer (the body reader logs it as aborted).
      return undefined
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return inFlight
        ? { status: 408, message: `Request timeout: the request did not arrive in full within ${options.requestTimeoutMs} ms` }
        : { status: 408, message: `Request timeout: the request headers did not arrive in full within ${options.headersTimeoutMs} ms` }
    default:
      return error.code?.startsWith("HPE_") === true
        ? { status: 400, message: `Invalid request: not a valid HTTP/1.1 request (${error.reason ?? error.code})` }
        : undefined
  }
}

/** The `clientError` listener: answer (when the socket can still take one), log, close. */
export const makeClientErrorHandler = (options: ClientErrorOptions) => (error: ClientError, socket: Socket): void => {
  const response = responses.get(socket)
  const inFlight = response !== undefined && !response.writableEnded
  const answer = clientErrorAnswer(error, inFlight, options)
  // An answer already started cannot be replaced: the client gets a cut connection, as from Node itself.
  if (answer !== undefined && socket.writable && !(inFlight && response.headersSent)) {
    writeAnswer(socket, answer)
    // The application logs a request in flight (under this status); bytes that never became a request are logged here.
    if (inFlight) cutOff.set(socket, answer)
    else options.log?.(rejectedLine(answer.status, error.code ?? "unknown"))
  }
  socket.destroy()
}
