import { corsHeaders } from "@shortcode-kit/schema/http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectCors, startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

describe("CORS", () => {
  it("answers a preflight with 204, the five headers and no body, on any path and without credentials", async () => {
    for (const path of ["/v1/Services", `/v1/Services/MG${"a".repeat(32)}/ShortCodes`, "/admin/dump", "/nowhere"]) {
      const answer = await t.request("OPTIONS", path, {
        headers: { Origin: "http://app.test", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type" }
      })
      expect(answer.status, path).toBe(204)
      expect(answer.text).toBe("")
      expect(answer.headers.get("access-control-max-age")).toBe("600")
    }
  })

  it("puts the five headers on successes and on every kind of error", async () => {
    const a = await t.makeAccount(1)
    const auth = { Authorization: `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64")}` }
    // t.request checks the headers on every answer; the statuses show which kinds were covered.
    const answers = [
      await t.twilio(a, "POST", `/v1/Services/${a.serviceSid}/ShortCodes`, { ShortCodeSid: a.shortCodeSids[0] as string }),
      await t.twilio(a, "GET", `/v1/Services/${a.serviceSid}/ShortCodes`),
      await t.twilio(a, "DELETE", `/v1/Services/${a.serviceSid}/ShortCodes/${a.shortCodeSids[0]}`),
      await t.twilio(a, "POST", `/v1/Services/${a.serviceSid}/ShortCodes`, { ShortCodeSid: "bad" }),
      await t.request("GET", "/v1/Services"),
      await t.request("GET", "/nowhere"),
      await t.request("PUT", "/v1/Services", { headers: auth }),
      await t.request("POST", "/v1/Services", { headers: auth, body: "x".repeat(70_000) }),
      await t.request("GET", "/openapi.json"),
      await t.request("HEAD", `/v1/Services/${a.serviceSid}`, { headers: auth })
    ]
    expect(answers.map((answer) => answer.status)).toEqual([201, 200, 204, 400, 401, 404, 405, 413, 200, 200])
    // Each with one request id of its own (a second one set on the way out would read "RQ..., RQ...").
    const ids = answers.map((answer) => answer.headers.get("twilio-request-id") ?? "")
    for (const id of ids) expect(id).toMatch(/^RQ[0-9a-f]{32}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("uses the values the schema package defines for this API", async () => {
    const answer = await fetch(`${t.url}/nowhere`)
    expectCors(answer.headers)
    expect(answer.headers.get("access-control-allow-origin")).toBe(corsHeaders["Access-Control-Allow-Origin"])
  })
})
