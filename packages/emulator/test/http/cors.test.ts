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
    const statuses = [
      (await t.twilio(a, "POST", `/v1/Services/${a.serviceSid}/ShortCodes`, { ShortCodeSid: a.shortCodeSids[0] as string })).status,
      (await t.twilio(a, "GET", `/v1/Services/${a.serviceSid}/ShortCodes`)).status,
      (await t.twilio(a, "DELETE", `/v1/Services/${a.serviceSid}/ShortCodes/${a.shortCodeSids[0]}`)).status,
      (await t.twilio(a, "POST", `/v1/Services/${a.serviceSid}/ShortCodes`, { ShortCodeSid: "bad" })).status,
      (await t.request("GET", "/v1/Services")).status,
      (await t.request("GET", "/nowhere")).status,
      (await t.request("PUT", "/v1/Services", { headers: auth })).status,
      (await t.request("POST", "/v1/Services", { headers: auth, body: "x".repeat(70_000) })).status,
      (await t.request("GET", "/openapi.json")).status
    ]
    expect(statuses).toEqual([201, 200, 204, 400, 401, 404, 405, 413, 200])
  })

  it("uses the values the schema package defines for this API", async () => {
    const answer = await fetch(`${t.url}/nowhere`)
    expectCors(answer.headers)
    expect(answer.headers.get("access-control-allow-origin")).toBe(corsHeaders["Access-Control-Allow-Origin"])
  })
})
