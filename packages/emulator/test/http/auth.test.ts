import { randomAccountSid } from "@shortcode-kit/schema"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { secretsEqual } from "../../src/http/auth.js"
import { ADMIN_TOKEN, expectTwilioError, startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

const b64 = (s: string) => Buffer.from(s).toString("base64")

describe("Twilio Basic auth", () => {
  it("answers 401 20003 with WWW-Authenticate for no, malformed or wrong credentials", async () => {
    const a = await t.makeAccount(0)
    const headers: ReadonlyArray<Record<string, string>> = [
      {},
      { Authorization: "" },
      { Authorization: `Bearer ${a.authToken}` },
      { Authorization: "Basic" },
      { Authorization: "Basic !!!" },
      { Authorization: `Basic ${b64(a.accountSid)}` },
      { Authorization: `Basic ${b64(`${a.accountSid}:wrong`)}` },
      { Authorization: `Basic ${b64(`${a.accountSid}:${a.authToken}x`)}` },
      { Authorization: `Basic ${b64(`${a.accountSid}:`)}` },
      { Authorization: `Basic ${b64(`${randomAccountSid()}:${a.authToken}`)}` },
      { Authorization: `Basic ${b64(`${a.accountSid.toLowerCase()}:${a.authToken}`)}` }
    ]
    for (const h of headers) {
      const answer = await t.request("GET", "/v1/Services", { headers: h })
      const error = expectTwilioError(answer, 401, 20003)
      expect(error.message).toBe("Authenticate")
      expect(answer.headers.get("www-authenticate"), JSON.stringify(h)).toBe('Basic realm="Twilio API"')
    }
  })

  it("accepts the right pair, with the scheme in any case", async () => {
    const a = await t.makeAccount(0)
    const answer = await t.request("GET", "/v1/Services", { headers: { Authorization: `basic ${b64(`${a.accountSid}:${a.authToken}`)}` } })
    expect(answer.status).toBe(200)
  })

  it("authenticates before looking at the path's resource or the body", async () => {
    const answer = await t.request("POST", `/v1/Services/MGbad/ShortCodes`, { headers: { "Content-Type": "text/plain" }, body: "x" })
    expectTwilioError(answer, 401, 20003)
  })
})

describe("admin bearer token", () => {
  it("answers 401 20003 without the admin token, and never accepts account credentials", async () => {
    const a = await t.makeAccount(0)
    for (const h of [{}, { Authorization: `Bearer ${ADMIN_TOKEN}x` }, { Authorization: `Basic ${b64(`${a.accountSid}:${a.authToken}`)}` }, { Authorization: ADMIN_TOKEN }]) {
      const answer = await t.request("GET", "/admin/dump", { headers: h })
      expectTwilioError(answer, 401, 20003)
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /)
    }
    expect((await t.admin("GET", "/admin/dump")).status).toBe(200)
  })
})

describe("secretsEqual", () => {
  it("compares secrets of any length", () => {
    expect(secretsEqual("abc", "abc")).toBe(true)
    expect(secretsEqual("abc", "abd")).toBe(false)
    expect(secretsEqual("abc", "abcd")).toBe(false)
    expect(secretsEqual("", "")).toBe(true)
  })
})
