/**
 * Hostile clients at the connection level (issue 11): raw TCP against a real server on 127.0.0.1, and the log as
 * `node dist/main.mjs` writes it.
 */
import { maxHeaderSize } from "node:http"
import { connect, type Socket } from "node:net"
import { TwilioError } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import { afterEach, describe, expect, it, vi } from "vitest"
import { configFromEnv, DEFAULT_BODY_LIMIT_BYTES, type ServerOptions } from "../src/Config.js"
import { type RunningServer, startServer } from "../src/Server.js"
import { spawnEmulator } from "./support/child.js"

const DEMO_AUTH = `Basic ${Buffer.from("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:demo-auth-token").toString("base64")}`
const DEMO_SERVICE = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
const ISO = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`
const MS = String.raw`\d+\.\dms`

let server: RunningServer | undefined
let lines: Array<string> = []
afterEach(async () => {
  await server?.close({ graceMs: 0 })
  server = undefined
  lines = []
  vi.restoreAllMocks()
})

const start = async (options: ServerOptions = {}): Promise<RunningServer> => {
  server = await startServer({ port: 0, database: ":memory:", log: (line) => lines.push(line), ...options })
  return server
}

/** Opens a connection and resolves once it is connected. */
const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket)).once("error", reject)
  })

/** Everything the server sends on `socket` until it closes the connection. */
const received = (socket: Socket): Promise<string> =>
  new Promise((resolve) => {
    let text = ""
    socket.setEncoding("latin1").on("data", (chunk: string) => (text += chunk))
    socket.on("error", () => undefined).on("close", () => resolve(text))
  })

/** Sends `bytes` and returns all the server answers before it closes the connection. */
const exchange = async (port: number, bytes: string): Promise<string> => {
  const socket = await open(port)
  const answer = received(socket)
  socket.write(bytes, "latin1")
  return answer
}

/** Waits until the log has `count` lines (the lines are written as the requests end). */
const logged = async (count: number): Promise<ReadonlyArray<string>> => {
  await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(count), { timeout: 10_000, interval: 10 })
  return lines
}

/** The status, headers (lower-cased names) and Twilio error body of one raw response. */
const parseTwilioAnswer = (text: string) => {
  const [head = "", body = ""] = text.split("\r\n\r\n", 2)
  const [statusLine = "", ...headerLines] = head.split("\r\n")
  const headers = new Map(headerLines.map((line) => {
    const colon = line.indexOf(":")
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const
  }))
  return { statusLine, headers, error: Schema.decodeUnknownSync(TwilioError)(JSON.parse(body)), rest: text.slice(head.length + 4 + Buffer.byteLength(body)) }
}

/** Checks a raw answer: status line, CORS headers, `Connection: close`, and the Twilio error 20001 with `message`. */
const expectTwilioAnswer = (text: string, status: number, message: string): void => {
  const answer = parseTwilioAnswer(text)
  expect(answer.statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
  for (const [name, value] of Object.entries(corsHeaders)) expect(answer.headers.get(name.toLowerCase()), name).toBe(value)
  expect(answer.headers.get("content-type")).toBe("application/json")
  expect(answer.headers.get("twilio-request-id")).toMatch(/^RQ[0-9a-f]{32}$/)
  expect({ code: answer.error.code, status: answer.error.status, message: answer.error.message }).toEqual({ code: 20001, status, message })
}

describe("the request log cannot be forged", () => {
  it("escapes a percent-encoded CR/LF in the path: one line per request, the control characters as \\x0d\\x0a", async () => {
    const { port } = await start()
    const forged = "%0D%0A2025-01-01T00:00:00.000Z%20GET%20/admin/dump%20200%201.0ms"
    await exchange(port, `GET /v1/Services${forged} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
    const [line, ...more] = await logged(1)
    expect(more).toEqual([])
    expect(line).toMatch(new RegExp(`^${ISO} GET /v1/Services\\\\x0d\\\\x0a2025-01-01T00:00:00\\.000Z\\\\x20GET\\\\x20/admin/dump\\\\x20200\\\\x201\\.0ms 404 ${MS}$`))
  })

  it("escapes other controls, Unicode line separators, bidi overrides and backslashes", async () => {
    const { port } = await start()
    await exchange(port, "GET /v1/a%1B%5B2Jb%E2%80%A8c%E2%80%AEd%5Cx0a HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    expect(await logged(1)).toEqual([expect.stringMatching(new RegExp(`^${ISO} GET /v1/a\\\\x1b\\[2Jb\\\\u2028c\\\\u202ed\\\\\\\\x0a 404 ${MS}$`))])
  })

  it("logs a request that cannot be turned into a URL once, escaped", async () => {
    const { port } = await start()
    const text = await exchange(port, "GET /v1\\Services HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    expectTwilioAnswer(text, 400, "Invalid request: the request target or Host header is malformed")
    expect(await logged(1)).toEqual([expect.stringMatching(new RegExp(`^${ISO} GET /v1\\\\\\\\Services 400 ${MS}$`))])
  })

  it("holds for node dist/main.mjs: stdout has exactly the escaped line, stderr nothing", async () => {
    const child = await spawnEmulator({ DB: ":memory:" })
    let stderr = ""
    child.process.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    try {
      const port = Number(new URL(child.url).port)
      const before = child.output().length
      await exchange(port, "GET /v1/Services%0A2025-01-01T00:00:00.000Z%20DELETE%20/v1/Services/MG1%20204%201.0ms HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
      await vi.waitFor(() => expect(child.output().slice(before)).toMatch(/\n$/), { timeout: 10_000 })
      expect(child.output().slice(before)).toMatch(new RegExp(`^${ISO} GET /v1/Services\\\\x0a2025-01-01T00:00:00\\.000Z\\\\x20DELETE\\\\x20/v1/Services/MG1\\\\x20204\\\\x201\\.0ms 404 ${MS}\n$`))
      expect(stderr).toBe("")
    } finally {
      child.process.kill("SIGTERM")
      await child.exited
    }
  })
})

describe("a client that drops its POST mid-body", () => {
  it("is logged once as aborted by the client, with no stack and no 500", async () => {
    const stderr = vi.spyOn(process.stderr, "write")
    const { port } = await start()
    const socket = await open(port)
    const closed = received(socket)
    socket.write(`POST /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nFriendlyNa`)
    await vi.waitFor(() => expect(socket.bytesWritten).toBeGreaterThan(0))
    socket.destroy()
    await closed
    const [line, ...more] = await logged(1)
    expect(line).toMatch(new RegExp(`^${ISO} POST /v1/Services aborted by the client after ${MS}$`))
    // Nothing else comes: no second line, no fault report.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(more).toEqual([])
    expect(lines).toHaveLength(1)
    expect(stderr).not.toHaveBeenCalled()
  })
})

describe("node:http's own rejections are Twilio errors with the CORS headers", () => {
  it("answers headers over node's limit 431", async () => {
    const { port } = await start()
    const text = await exchange(port, `GET /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(maxHeaderSize)}\r\n\r\n`)
    expectTwilioAnswer(text, 431, `Request header fields too large: the request line and headers may take up to ${maxHeaderSize} bytes`)
    expect(parseTwilioAnswer(text).headers.get("connection")).toBe("close")
    expect(await logged(1)).toEqual([expect.stringMatching(new RegExp(`^${ISO} - - 431 HPE_HEADER_OVERFLOW$`))])
  })

  it("answers Content-Length together with Transfer-Encoding 400", async () => {
    const { port } = await start()
    const text = await exchange(port, "POST /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
    expectTwilioAnswer(text, 400, "Invalid request: not a valid HTTP/1.1 request (Transfer-Encoding can't be present with Content-Length)")
    expect(await logged(1)).toEqual([expect.stringMatching(new RegExp(`^${ISO} - - 400 HPE_INVALID_TRANSFER_ENCODING$`))])
  })

  it("answers bytes that are not HTTP 400 with the parser's reason", async () => {
    const { port } = await start()
    const text = await exchange(port, "GARBAGE\r\n\r\n")
    expectTwilioAnswer(text, 400, "Invalid request: not a valid HTTP/1.1 request (Invalid method encountered)")
    expect(await logged(1)).toEqual([expect.stringMatching(new RegExp(`^${ISO} - - 400 HPE_INVALID_METHOD$`))])
  })

  it("answers headers that do not arrive in time 408", async () => {
    const { port } = await start({ requestTimeoutMs: 200 })
    const text = await exchange(port, "GET /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    expectTwilioAnswer(text, 408, "Request timeout: the request headers did not arrive in full within 200 ms")
    expect(await logged(1)).toEqual([expect.stringMatching(new RegExp(`^${ISO} - - 408 ERR_HTTP_REQUEST_TIMEOUT$`))])
  })
})

describe("slow clients and many connections", () => {
  it("cuts off a body trickled byte by byte after requestTimeoutMs with a Twilio 408", async () => {
    const { port } = await start({ requestTimeoutMs: 300 })
    const socket = await open(port)
    const answer = received(socket)
    socket.write(`POST /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n`)
    const trickle = setInterval(() => socket.writable && socket.write("x"), 50)
    const text = await answer.finally(() => clearInterval(trickle))
    expectTwilioAnswer(text, 408, "Request timeout: the request did not arrive in full within 300 ms")
    // The application logs the request it was reading, once, under the status the client got.
    expect(await logged(1)).toEqual([expect.stringMatching(new RegExp(`^${ISO} POST /v1/Services 408 ${MS}$`))])
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(lines).toHaveLength(1)
  })

  it("closes a connection whose answered request's unread body never comes, without a second answer", async () => {
    const { port } = await start({ requestTimeoutMs: 300 })
    const text = await exchange(port, `DELETE /v1/Services/${DEMO_SERVICE} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nabc`)
    expect(text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(["HTTP/1.1 401"])
    expect(await logged(1)).toEqual([expect.stringMatching(new RegExp(`^${ISO} DELETE /v1/Services/${DEMO_SERVICE} 401 ${MS}$`))])
    expect(lines).toHaveLength(1)
  })

  it("defaults to a 60 s request timeout and 1024 connections, and reads MAX_CONNECTIONS", async () => {
    const { emulator } = await start()
    expect({ requestTimeoutMs: emulator.config.requestTimeoutMs, maxConnections: emulator.config.maxConnections }).toEqual({ requestTimeoutMs: 60_000, maxConnections: 1024 })
    expect(configFromEnv({ MAX_CONNECTIONS: "3" }, ":memory:").options.maxConnections).toBe(3)
    expect(() => configFromEnv({ MAX_CONNECTIONS: "0" }, ":memory:")).toThrow("shortcode-kit emulator: MAX_CONNECTIONS must be a positive whole number, received \"0\"")
    await expect(startServer({ port: 0, log: false, maxConnections: 1.5 })).rejects.toThrow("shortcode-kit emulator: maxConnections must be a positive integer, received 1.5")
    await expect(startServer({ port: 0, log: false, requestTimeoutMs: 0 })).rejects.toThrow("shortcode-kit emulator: requestTimeoutMs must be a positive integer, received 0")
  })

  it("holds maxConnections: a connection over the cap is closed unanswered, the others are served", async () => {
    const { port } = await start({ maxConnections: 3 })
    const held = await Promise.all([open(port), open(port), open(port)])
    const answers = held.map(received)
    const over = await open(port)
    expect(await received(over)).toBe("")
    for (const socket of held) socket.write("GET /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    for (const text of await Promise.all(answers)) expect(text).toMatch(/^HTTP\/1\.1 401 /)
    expect(lines.filter((line) => line.includes("refused"))).toEqual([
      expect.stringMatching(new RegExp(`^${ISO} - - refused a connection from 127\\.0\\.0\\.1: 3 connections are open \\(maxConnections\\)$`))
    ])
    // Once those are closed, there is room again (the server notices a closed connection a moment later).
    await vi.waitFor(async () => {
      expect(await exchange(port, "GET /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 401 /)
    }, { timeout: 10_000, interval: 50 })
  })
})

describe("bodies that are never read", () => {
  it("answers Expect: 100-continue with an oversized Content-Length 413 at once, without 100 Continue", async () => {
    const { port } = await start()
    const text = await exchange(port, `POST /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${DEFAULT_BODY_LIMIT_BYTES + 1}\r\nExpect: 100-continue\r\n\r\n`)
    expect(text).not.toContain("100 Continue")
    expectTwilioAnswer(text, 413, `Request body too large: the limit is ${DEFAULT_BODY_LIMIT_BYTES} bytes`)
    expect(parseTwilioAnswer(text).headers.get("connection")).toBe("close")
  })

  it("still sends 100 Continue to a normal-sized body and serves it", async () => {
    const { port } = await start()
    const socket = await open(port)
    const body = "FriendlyName=continued"
    let text = ""
    socket.setEncoding("latin1").on("data", (chunk: string) => {
      text += chunk
      if (text === "HTTP/1.1 100 Continue\r\n\r\n") socket.write(body)
    })
    const closed = new Promise((resolve) => socket.on("close", resolve))
    socket.write(`POST /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`)
    await closed
    expect(text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 201 /)
    expect(JSON.parse(text.split("\r\n\r\n")[2] ?? "")).toMatchObject({ friendly_name: "continued" })
  })

  it("answers a DELETE with a large body normally, its body discarded", async () => {
    const { port } = await start()
    const text = await exchange(port, `DELETE /v1/Services/${DEMO_SERVICE} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Length: ${DEFAULT_BODY_LIMIT_BYTES * 2}\r\nConnection: close\r\n\r\n${"z".repeat(DEFAULT_BODY_LIMIT_BYTES * 2)}`)
    expect(text).toMatch(/^HTTP\/1\.1 204 /)
    const after = await exchange(port, `GET /v1/Services/${DEMO_SERVICE} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${DEMO_AUTH}\r\nConnection: close\r\n\r\n`)
    expect(after).toMatch(/^HTTP\/1\.1 404 /)
  })

  it("answers a GET with a large body normally", async () => {
    const { port } = await start()
    const text = await exchange(port, `GET /v1/Services/${DEMO_SERVICE} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Length: ${DEFAULT_BODY_LIMIT_BYTES + 1}\r\nConnection: close\r\n\r\n${"z".repeat(DEFAULT_BODY_LIMIT_BYTES + 1)}`)
    expect(text).toMatch(/^HTTP\/1\.1 200 /)
  })
})

describe("a request with two Host headers", () => {
  it("is answered 400 saying so, whichever host comes first", async () => {
    const { port } = await start()
    const text = await exchange(port, `GET /v1/Services HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: example.com\r\nAuthorization: ${DEMO_AUTH}\r\nConnection: close\r\n\r\n`)
    expectTwilioAnswer(text, 400, "Invalid request: the request has more than one Host header")
    expect(await logged(1)).toEqual([expect.stringMatching(new RegExp(`^${ISO} GET /v1/Services 400 ${MS}$`))])
  })
})

describe("a request without Host", () => {
  for (const version of ["1.0", "1.1"]) {
    it(`is answered 400 saying the Host header is required (HTTP/${version})`, async () => {
      const { port } = await start()
      const text = await exchange(port, `GET /v1/Services HTTP/${version}\r\nConnection: close\r\n\r\n`)
      expectTwilioAnswer(text, 400, "Invalid request: the Host header is required")
      expect(await logged(1)).toEqual([expect.stringMatching(new RegExp(`^${ISO} GET /v1/Services 400 ${MS}$`))])
    })
  }
})
