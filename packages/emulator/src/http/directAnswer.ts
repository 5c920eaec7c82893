/**
 * Twilio error answers written outside the Hono application: to requests node:http rejects before there is a
 * request (`clientError`), that have no Host header, or that `@hono/node-server` cannot turn into a URL. They carry
 * what every other answer of the emulator carries: a Twilio error body encoded by the schema package's codec, the
 * CORS headers and a `Twilio-Request-Id`; and they close the connection, since the request may not have been read.
 */
import { STATUS_CODES, type ServerResponse } from "node:http"
import type { Socket } from "node:net"
import { TwilioError } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import { newRequestId, REQUEST_ID_HEADER } from "./requestId.js"

/**
 * What to answer: a row of the schema package's `inputErrors` as `answerOf` fills it in (its status, its headers and
 * its Twilio error body), or an `ApiError`'s parts.
 */
export interface DirectAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: TwilioError
}

const encodeError = Schema.encodeSync(TwilioError)

/** The headers and the JSON body of `answer`. */
export const renderAnswer = (answer: DirectAnswer): { readonly headers: Record<string, string>; readonly body: string } => {
  const body = JSON.stringify(encodeError(answer.body))
  return {
    headers: {
      ...answer.headers,
      ...corsHeaders,
      "Content-Type": "application/json",
      [REQUEST_ID_HEADER]: newRequestId(),
      "Content-Length": String(Buffer.byteLength(body)),
      Connection: "close"
    },
    body
  }
}

/** `answer` as a web `Response`, for `@hono/node-server`'s error handler. */
export const answerResponse = (answer: DirectAnswer): Response => {
  const { headers, body } = renderAnswer(answer)
  return new Response(body, { status: answer.status, headers })
}

/** Sends `answer` on a node:http response. */
export const sendAnswer = (response: ServerResponse, answer: DirectAnswer): void => {
  const { headers, body } = renderAnswer(answer)
  response.writeHead(answer.status, headers).end(body)
}

/**
 * Writes `answer` as a whole HTTP/1.1 response straight onto `socket` (there is no response object in
 * `clientError`). The caller destroys the socket after.
 */
export const writeAnswer = (socket: Socket, answer: DirectAnswer): void => {
  const { headers, body } = renderAnswer(answer)
  const head = Object.entries({ ...headers, Date: new Date().toUTCString() }).map(([name, value]) => `${name}: ${value}\r\n`).join("")
  socket.write(`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ""}\r\n${head}\r\n${body}`)
}
