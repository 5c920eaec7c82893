/**
 * node:http's `clientError`: bytes it rejects itself (headers over its size limit, `Content-Length` together with
 * `Transfer-Encoding`, a request line that is not HTTP, ...) and requests that did not arrive in time. Node's own
 * answers to these are bare (no Twilio body, no CORS headers); this handler writes a Twilio error instead, where a
 * response can still be written, and closes the connection.
 */
import { type IncomingMessage, maxHeaderSize, type ServerResponse } from "node:http"
import type { Socket } from "node:net"
import { ApiError } from "./ApiError.js"
import { type DirectAnswer, writeAnswer } from "./directAnswer.js"
import { type LogSink, rejectedLine } from "./requestLog.js"

/** The error node:http passes: its `code`, and for parse errors llhttp's `reason`. */
export type ClientError = Error & { readonly code?: string; readonly reason?: string }

/** The latest request each socket carried, and its response (set by the server's request listener). */
const exchanges = new WeakMap<Socket, { readonly request: IncomingMessage; readonly response: ServerResponse }>()

/** What this handler answered on a socket whose request the application was still working on. */
const cutOff = new WeakMap<Socket, ApiError>()

/** Records the request on its socket, so that a later client error knows whether it is still arriving. */
export const noteRequest = (request: IncomingMessage, response: ServerResponse): void => {
  exchanges.set(request.socket, { request, response })
}

/**
 * What was answered on `socket` when its request was cut off mid-body (a timeout, a malformed chunk), for the body
 * reader to report it under that status rather than as the client's abort.
 */
export const cutOffAnswer = (socket: Socket | null): DirectAnswer | undefined => {
  const error = cutOffError(socket)
  return error === undefined ? undefined : directAnswerOf(error)
}

/** {@link cutOffAnswer} as the error the body reader rejects with, so the request is reported under that answer. */
export const cutOffError = (socket: Socket | null): ApiError | undefined => (socket === null ? undefined : cutOff.get(socket))

export interface ClientErrorOptions {
  readonly log: LogSink
  readonly requestTimeoutMs: number
  readonly headersTimeoutMs: number
}

/** The rows of the schema package's `inputErrors` for what node:http rejects (all of code 20001, as direct answers are). */
type ClientErrorRow = "request.headers-too-large" | "request.chunk-extensions-too-large" | "request.timeout" | "request.invalid"

const directAnswerOf = (error: ApiError): DirectAnswer => ({ status: error.body.status, headers: error.headers, body: error.body })

const direct = (kind: ClientErrorRow, values: Readonly<Record<string, string | number>> = {}): ApiError => ApiError.answer(kind, values)

/**
 * The answer to `error`, or `undefined` when the client has gone (a reset connection, or one it closed mid-request),
 * which gets none. Any other parse error is answered 400 with llhttp's reason (for `Content-Length` together with
 * `Transfer-Encoding`: "Transfer-Encoding can't be present with Content-Length").
 * `arriving` (a request whose body is still coming) tells a request timeout from a headers timeout.
 */
export const clientErrorAnswer = (error: ClientError, arriving: boolean, options: ClientErrorOptions): DirectAnswer | undefined => {
  const reply = clientErrorReply(error, arriving, options)
  return reply === undefined ? undefined : directAnswerOf(reply)
}

/** {@link clientErrorAnswer} as the error it is, with its Twilio body. */
const clientErrorReply = (error: ClientError, arriving: boolean, options: ClientErrorOptions): ApiError | undefined => {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return direct("request.headers-too-large", { limit: maxHeaderSize })
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return direct("request.chunk-extensions-too-large")
    case "HPE_INVALID_EOF_STATE":
      // The client closed its side mid-request: there is no one to answer (the body reader logs it as aborted).
      return undefined
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return arriving
        ? direct("request.timeout", { part: "the request", ms: options.requestTimeoutMs })
        : direct("request.timeout", { part: "the request headers", ms: options.headersTimeoutMs })
    default:
      return error.code?.startsWith("HPE_") === true
        ? direct("request.invalid", { reason: `not a valid HTTP/1.1 request (${error.reason ?? error.code})` })
        : undefined
  }
}

/** The `clientError` listener: answer (when the socket can still take one), log, close. */
export const makeClientErrorHandler = (options: ClientErrorOptions) => (error: ClientError, socket: Socket): void => {
  const exchange = exchanges.get(socket)
  // Otherwise the error is about bytes after the last whole request: the next request's headers.
  const arriving = exchange !== undefined && !exchange.request.complete
  const reply = clientErrorReply(error, arriving, options)
  // A request already answered (its unread body still coming), or whose answer has begun, gets no second one:
  // the connection is just closed, as Node itself does.
  if (reply !== undefined && socket.writable && !(arriving && exchange.response.headersSent)) {
    const answer = directAnswerOf(reply)
    writeAnswer(socket, answer)
    // The application logs the request it is working on (under this status); bytes that never became a request
    // are logged here.
    if (arriving) cutOff.set(socket, reply)
    else options.log?.(rejectedLine(answer.status, error.code ?? "unknown"))
  }
  socket.destroy()
}
