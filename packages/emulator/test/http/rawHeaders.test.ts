/**
 * The response cache reads node's raw headers instead of `IncomingMessage.headers` (which node builds on first
 * use): for any request node:http accepts, `hostOfRaw` is what `headers.host` says and `announcesBody` whether
 * `headers` has a `content-length` or a `transfer-encoding`, repeated and in any letter case.
 */
import { createServer, type IncomingMessage } from "node:http"
import { connect, type AddressInfo } from "node:net"
import { fc, test } from "@fast-check/vitest"
import { afterAll, beforeAll, expect } from "vitest"
import { announcesBody, hostOfRaw } from "../../src/http/responseCache.js"

const seen: Array<{ readonly ours: unknown; readonly node: unknown }> = []
let port = 0
const server = createServer({ requireHostHeader: false }, (request: IncomingMessage, response) => {
  seen.push({
    ours: { host: hostOfRaw(request.rawHeaders), body: announcesBody(request.rawHeaders) },
    node: { host: request.headers.host, body: request.headers["content-length"] !== undefined || request.headers["transfer-encoding"] !== undefined }
  })
  request.resume()
  request.on("end", () => response.end())
})
beforeAll(async () => {
  port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)))
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

/** Sends `head` (the header lines) and the body it announces on a fresh connection; resolves when answered. */
const exchange = (head: ReadonlyArray<string>, body: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(`GET /x HTTP/1.1\r\n${head.map((line) => `${line}\r\n`).join("")}\r\n${body}`))
    let answer = ""
    socket.setEncoding("utf8").on("data", (chunk: string) => (answer += chunk)).on("end", () => resolve(answer)).on("error", reject)
  })

const name = (text: string) => fc.constantFrom(text, text.toUpperCase(), text.toLowerCase())
const line = fc.oneof(
  fc.tuple(name("Host"), fc.constantFrom("a.example", "b.example:80", "", "127.0.0.1")).map(([n, v]) => `${n}: ${v}`),
  fc.tuple(name("Authorization"), fc.constantFrom("Basic a", "Bearer b")).map(([n, v]) => `${n}: ${v}`),
  fc.tuple(name("X-Other"), fc.constantFrom("1", "host")).map(([n, v]) => `${n}: ${v}`),
  name("Hosts").map((n) => `${n}: c.example`)
)
const bodyKind = fc.constantFrom("none", "length", "chunked")

test.prop([fc.array(line, { maxLength: 6 }), bodyKind, fc.boolean()], { numRuns: 150 })(
  "reads Host and a body's announcement from the raw headers exactly as node's parsed headers do",
  async (lines, kind, lengthName) => {
    const head = [...lines]
    if (kind === "length") head.push(`${lengthName ? "Content-Length" : "content-length"}: 2`)
    if (kind === "chunked") head.push(`${lengthName ? "Transfer-Encoding" : "transfer-encoding"}: chunked`)
    const before = seen.length
    const answer = await exchange(head, kind === "length" ? "ok" : kind === "chunked" ? "2\r\nok\r\n0\r\n\r\n" : "")
    // node:http answers 400 itself to a request it refuses (none of these should be): then there is nothing to compare.
    expect(answer.startsWith("HTTP/1.1 200"), answer).toBe(true)
    expect(seen.length).toBe(before + 1)
    const { ours, node } = seen[before] as { ours: unknown; node: unknown }
    expect(ours).toEqual(node)
  }
)
