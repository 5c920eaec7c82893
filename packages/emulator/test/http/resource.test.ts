import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectTwilioError, startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

const SERVICE = `MG${"a".repeat(32)}`
const SHORT_CODE = `SC${"a".repeat(32)}`

describe("methods and paths", () => {
  it("answers 405 20004 with Allow for a method a known path does not have, before authentication", async () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ["PUT", "/v1/Services", "GET, HEAD, POST, OPTIONS"],
      ["DELETE", "/v1/Services", "GET, HEAD, POST, OPTIONS"],
      ["POST", `/v1/Services/${SERVICE}`, "GET, HEAD, DELETE, OPTIONS"],
      ["PATCH", `/v1/Services/${SERVICE}/ShortCodes`, "GET, HEAD, POST, OPTIONS"],
      ["DELETE", `/v1/Services/${SERVICE}/ShortCodes`, "GET, HEAD, POST, OPTIONS"],
      ["POST", `/v1/Services/${SERVICE}/ShortCodes/${SHORT_CODE}`, "GET, HEAD, DELETE, OPTIONS"],
      ["PUT", `/v1/Services/${SERVICE}/ShortCodes/${SHORT_CODE}`, "GET, HEAD, DELETE, OPTIONS"],
      ["GET", "/admin/accounts", "POST, OPTIONS"],
      ["POST", "/admin/dump", "GET, HEAD, OPTIONS"],
      ["POST", "/openapi.json", "GET, HEAD, OPTIONS"],
      ["DELETE", "/docs", "GET, HEAD, OPTIONS"]
    ]
    for (const [method, path, allow] of cases) {
      const answer = await t.request(method, path)
      const error = expectTwilioError(answer, 405, 20004)
      expect(answer.headers.get("allow"), `${method} ${path}`).toBe(allow)
      expect(error.message).toBe(`Method not allowed: ${method} is not supported on ${path}; allowed: ${allow}`)
    }
  })

  it("answers HEAD like GET without a body", async () => {
    const a = await t.makeAccount(0)
    const answer = await t.request("HEAD", `/v1/Services/${a.serviceSid}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64")}` }
    })
    expect(answer.status).toBe(200)
    expect(answer.text).toBe("")
  })

  it("answers 404 20404 naming the path for unknown paths, trailing slashes and other API versions", async () => {
    for (const path of ["/", "/v2/Services", "/v1/Services/", `/v1/Services/${SERVICE}/ShortCodes/`, `/v1/Services/${SERVICE}/PhoneNumbers/`, "/v1/services", "/admin", "/%E2%82%AC"]) {
      const error = expectTwilioError(await t.request("GET", path), 404, 20404)
      expect(error.message, path).toMatch(/^The requested resource \/.* was not found$/)
    }
  })
})
