/**
 * The emulator answers every row of the schema package's `inputErrors` exactly as the table says: for each row, a
 * request that meets it is sent to a real server on 127.0.0.1 (over fetch, or raw TCP for what node:http rejects
 * itself), and the status, the row's headers, the CORS headers and the Twilio error body must be the row's,
 * its placeholders filled with the request's values.
 */
import { maxHeaderSize } from "node:http"
import { connect } from "node:net"
import { rmSync } from "node:fs"
import {
  answerOf,
  FORM_BODY_LIMIT_BYTES,
  type InputError,
  inputErrorOf,
  issueValues,
  TwilioError,
  type ValidationIssue
} from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { validateCreateAlphaSenderForm, validateCreateShortCodeForm } from "@shortcode-kit/validator"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"

/** What came back: status, headers (lower-cased names) and the body text. */
interface Reply {
  readonly status: number
  readonly headers: ReadonlyMap<string, string>
  readonly text: string
}

/** A request that meets a row, and the values its answer's placeholders take. */
interface Case {
  readonly send: () => Promise<Reply>
  /** Read after the request is sent (some values are known only then). */
  readonly values: () => Readonly<Record<string, string | number>>
}

let t: TestServer
let account: TestAccount
let authorization: string

beforeAll(async () => {
  t = await startTestServer()
  account = await t.makeAccount(1)
  authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`
})
afterAll(async () => {
  await t.close()
})

const viaFetch = async (server: TestServer, method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> => {
  // Bytes, so that fetch adds no Content-Type of its own: the headers are exactly the case's.
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: init.headers ?? {},
    ...(init.body === undefined ? {} : { body: Buffer.from(init.body) })
  })
  return { status: response.status, headers: new Map(response.headers), text: await response.text() }
}

/** Sends `bytes` on a new connection and parses what the server sends before it closes the connection. */
const viaSocket = (server: TestServer, bytes: string): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(server.url).port), "127.0.0.1", () => socket.write(bytes, "latin1"))
    let text = ""
    socket.setEncoding("latin1").on("data", (chunk: string) => (text += chunk)).on("error", () => undefined).on("close", () => {
      const [head = "", body = ""] = text.split("\r\n\r\n", 2)
      const [statusLine = "", ...lines] = head.split("\r\n")
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1]
      if (status === undefined) return reject(new Error(`not an HTTP answer: ${JSON.stringify(text)}`))
      const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]))
      resolve({ status: Number(status), headers, text: body })
    })
  })

const createPath = () => `/v1/Services/${account.serviceSid}/ShortCodes`
const create = (body: string, headers: Record<string, string> = { authorization, "content-type": "application/x-www-form-urlencoded" }) => viaFetch(t, "POST", createPath(), { headers, body })

/** The one issue the validator finds in a form body, checked to be one the table answers with `kind`. */
const formIssue = (body: string, kind: InputError): ValidationIssue => {
  const result = validateCreateShortCodeForm(body)
  const issue = result.ok ? undefined : result.issues[0]
  if (issue === undefined) throw new Error(`expected an invalid form: ${body}`)
  expect(inputErrorOf("form", issue)).toBe(kind)
  return issue
}

/** A server of its own, for the cases that need other options or break it. */
const withServer = async <A>(options: Parameters<typeof startTestServer>[0], run: (server: TestServer) => Promise<A>): Promise<A> => {
  const server = await startTestServer(options)
  try {
    return await run(server)
  } finally {
    await server.close()
  }
}

const malformedPath = "/v1/Services/MG1/ShortCodes"
let deletedDatabase = ""

/** One case per row (the type requires it), or why the emulator cannot meet the row. */
const cases: Record<InputError, Case | { readonly unreachable: string }> = {
  "resource.not-found": {
    send: () => viaFetch(t, "GET", malformedPath, { headers: { authorization } }),
    values: () => ({ param: malformedPath })
  },
  "form.missing": { send: () => create("FriendlyName=x"), values: () => issueValues(formIssue("FriendlyName=x", "form.missing")) },
  "form.repeated": {
    send: () => create(`ShortCodeSid=${account.shortCodeSids[0]}&ShortCodeSid=${account.shortCodeSids[0]}`),
    values: () => issueValues(formIssue(`ShortCodeSid=${account.shortCodeSids[0]}&ShortCodeSid=x`, "form.repeated"))
  },
  "form.malformed-sid": { send: () => create("ShortCodeSid=SC1"), values: () => issueValues(formIssue("ShortCodeSid=SC1", "form.malformed-sid")) },
  "form.invalid-alpha-sender": {
    send: () => viaFetch(t, "POST", `/v1/Services/${account.serviceSid}/AlphaSenders`, {
      headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
      body: "AlphaSender=12345"
    }),
    values: () => {
      const result = validateCreateAlphaSenderForm("AlphaSender=12345")
      const issue = result.ok ? undefined : result.issues[0]
      if (issue === undefined) throw new Error("expected an invalid alpha sender")
      expect(inputErrorOf("form", issue)).toBe("form.invalid-alpha-sender")
      return issueValues(issue)
    }
  },
  "parameter.invalid": {
    send: () => viaFetch(t, "GET", `${createPath()}?PageSize=1&PageSize=2`, { headers: { authorization } }),
    values: () => ({ param: "PageSize", reason: "PageSize must be given once; it was given 2 times" })
  },
  "form.unreadable": {
    unreachable: "the emulator hands the validator the body as text, which always parses as a form; " +
      "the validator's toTwilioError test covers the row"
  },
  "content-type": {
    send: () => create("ShortCodeSid=SC1", { authorization }),
    values: () => ({ param: "ShortCodeSid", found: "the request has no Content-Type" })
  },
  "body.too-large": { send: () => create("a".repeat(FORM_BODY_LIMIT_BYTES + 1)), values: () => ({ limit: FORM_BODY_LIMIT_BYTES }) },
  "request.invalid": {
    send: () => viaSocket(t, "POST /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
    values: () => ({ reason: "not a valid HTTP/1.1 request (Transfer-Encoding can't be present with Content-Length)" })
  },
  "request.headers-too-large": {
    send: () => viaSocket(t, `GET /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(maxHeaderSize)}\r\n\r\n`),
    values: () => ({ limit: maxHeaderSize })
  },
  "request.chunk-extensions-too-large": {
    send: () => viaSocket(t, `POST /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n1;${"a".repeat(20_000)}\r\n`),
    values: () => ({})
  },
  "request.timeout": {
    send: () => withServer({ requestTimeoutMs: 200 }, (server) => viaSocket(server, "GET /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\n")),
    values: () => ({ part: "the request headers", ms: 200 })
  },
  credentials: { send: () => viaFetch(t, "GET", "/v1/Services"), values: () => ({}) },
  "method.not-allowed": {
    send: () => viaFetch(t, "PUT", "/v1/Services"),
    values: () => ({ method: "PUT", path: "/v1/Services", allow: "GET, HEAD, POST, OPTIONS" })
  },
  "server.fault": {
    send: () =>
      withServer({}, async (server) => {
        const own = await server.makeAccount(1)
        deletedDatabase = server.databasePath
        rmSync(server.databasePath)
        return server.twilio(own, "POST", `/v1/Services/${own.serviceSid}/ShortCodes`, { ShortCodeSid: own.shortCodeSids[0] as string })
          .then((answer) => ({ status: answer.status, headers: new Map(answer.headers), text: answer.text }))
      }),
    values: () => ({
      reason: `the database file ${deletedDatabase} was deleted while the emulator was running; ` +
        "writes are refused, since they would be lost at the next start: restart the emulator"
    })
  },
  preflight: { send: () => viaFetch(t, "OPTIONS", createPath()), values: () => ({}) }
}

const wire = Schema.encodeSync(TwilioError)

describe("every row of inputErrors", () => {
  it.each(Object.entries(cases).filter((entry): entry is [InputError, Case] => "send" in entry[1]))(
    "%s: the emulator answers what the table says",
    async (kind, { send, values }) => {
      const reply = await send()
      const expected = answerOf(kind, values())
      expect(reply.status, reply.text).toBe(expected.status)
      for (const [name, value] of Object.entries({ ...corsHeaders, ...expected.headers })) {
        expect(reply.headers.get(name.toLowerCase()), name).toBe(value)
      }
      if (expected.body === undefined) expect(reply.text).toBe("")
      else expect(JSON.parse(reply.text)).toStrictEqual(wire(expected.body))
    }
  )

  it("leaves out only rows the emulator cannot meet, each saying why", () => {
    const unreachable = Object.entries(cases).filter(([, c]) => "unreachable" in c).map(([kind]) => kind)
    expect(unreachable).toStrictEqual(["form.unreadable"])
  })
})
