import { randomAccountSid } from "@shortcode-kit/schema"
import { spawnSync } from "node:child_process"
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

/** Changes the account's auth token from another process, on the same SQLite file; returns the new token. */
const changeTokenElsewhere = (a: { readonly accountSid: string; readonly authToken: string }): string => {
  const changed = `${a.authToken.slice(0, -1)}${a.authToken.endsWith("0") ? "1" : "0"}`
  const script = [
    "const Database = require('better-sqlite3')",
    "const db = new Database(process.argv[1])",
    "db.prepare('UPDATE accounts SET auth_token = ? WHERE sid = ?').run(process.argv[2], process.argv[3])",
    "db.close()"
  ].join(";")
  const written = spawnSync(process.execPath, ["-e", script, t.databasePath, changed, a.accountSid], { encoding: "utf8" })
  expect(written.stderr).toBe("")
  expect(written.status).toBe(0)
  return changed
}

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

  it("never accepts a token another process changed in the same SQLite file, and accepts the new one at once", async () => {
    const a = await t.makeAccount(0)
    const as = (token: string) => t.request("GET", "/v1/Services", { headers: { Authorization: `Basic ${b64(`${a.accountSid}:${token}`)}` } })
    // Twice: the second is a kept answer of the response cache; and the token's digest is known from the first.
    expect((await as(a.authToken)).status).toBe(200)
    expect((await as(a.authToken)).status).toBe(200)
    const changed = changeTokenElsewhere(a)
    for (let i = 0; i < 2; i++) {
      const old = await as(a.authToken)
      expect(expectTwilioError(old, 401, 20003).message).toBe("Authenticate")
      expect((await as(changed)).status).toBe(200)
    }
  })

  it("refuses a header that authenticated before once another process changed the token, on writes too", async () => {
    const a = await t.makeAccount(0)
    // A DELETE is never a kept answer: each one is checked by the application (404: no such service of the account).
    const path = `/v1/Services/MG${"0".repeat(32)}/ShortCodes/SC${"0".repeat(32)}`
    const as = (token: string) => t.request("DELETE", path, { headers: { Authorization: `Basic ${b64(`${a.accountSid}:${token}`)}` } })
    for (let i = 0; i < 3; i++) expectTwilioError(await as(a.authToken), 404, 20404)
    const changed = changeTokenElsewhere(a)
    for (let i = 0; i < 2; i++) {
      expect(expectTwilioError(await as(a.authToken), 401, 20003).message).toBe("Authenticate")
      expectTwilioError(await as(changed), 404, 20404)
    }
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
