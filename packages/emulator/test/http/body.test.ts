import { request as httpRequest } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectCors, expectTwilioError, startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

const LIMIT = 65_536

/** A POST whose body is sent chunked (no Content-Length), so the server must count while reading. */
const postChunked = (path: string, headers: Record<string, string>, chunks: ReadonlyArray<string>) =>
  new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
    const req = httpRequest(`${t.url}${path}`, { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } }, (res) => {
      let text = ""
      res.setEncoding("utf8")
      res.on("data", (chunk: string) => (text += chunk))
      res.on("end", () => {
        const h = new Headers()
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") h.set(k, v)
        resolve({ status: res.statusCode ?? 0, headers: h, text })
      })
    })
    // The server may answer 413 and close before the whole body is written.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)))
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })

describe("body limit", () => {
  it("answers 413 (code 20001) from Content-Length alone, whatever the credentials", async () => {
    const answer = await t.request("POST", "/v1/Services", { body: "x".repeat(LIMIT + 1), headers: { "Content-Type": "application/x-www-form-urlencoded" } })
    const error = expectTwilioError(answer, 413, 20001)
    expect(error.message).toBe(`Request body too large: the limit is ${LIMIT} bytes`)
  })

  it("accepts a body of exactly the limit (then judges its content)", async () => {
    const a = await t.makeAccount(0)
    const name = "FriendlyName=ok&pad="
    const answer = await t.request("POST", "/v1/Services", {
      headers: {
        Authorization: `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded"
      },
      body: name + "x".repeat(LIMIT - name.length)
    })
    expect(answer.status, answer.text).toBe(201)
  })

  it("counts a chunked body while reading it and answers 413 once it passes the limit", async () => {
    const answer = await postChunked("/v1/Services", { "Content-Type": "application/x-www-form-urlencoded" }, Array.from({ length: 20 }, () => "y".repeat(4096)))
    expect(answer.status).toBe(413)
    expectCors(answer.headers)
    expect(JSON.parse(answer.text)).toMatchObject({ code: 20001, status: 413 })
  })

  it("reads a small chunked form normally", async () => {
    const a = await t.makeAccount(1)
    const answer = await postChunked(`/v1/Services/${a.serviceSid}/ShortCodes`, {
      Authorization: `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded"
    }, ["ShortCode", `Sid=${a.shortCodeSids[0]}`])
    expect(answer.status, answer.text).toBe(201)
  })
})
