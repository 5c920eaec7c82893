import { randomAccountSid, randomShortCodeSid } from "@shortcode-kit/schema"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ADMIN_TOKEN, expectTwilioError, startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

const TWILIO_LIMIT = 65_536
const ADMIN_LIMIT = 16 * 1024 * 1024

const seedOf = (shortCodes: number) => {
  const accountSid = randomAccountSid()
  return {
    accounts: [{ sid: accountSid, auth_token: "seeded-token" }],
    short_codes: Array.from({ length: shortCodes }, (_, i) => ({
      sid: randomShortCodeSid(),
      account_sid: accountSid,
      short_code: String(500_000 + i),
      capabilities: ["SMS", "MMS"]
    }))
  }
}

describe("the admin API's body limit", () => {
  it("loads a seed of 700 short codes (more than 64 KiB) in one request", async () => {
    const seed = seedOf(700)
    expect(JSON.stringify(seed).length).toBeGreaterThan(TWILIO_LIMIT)
    const answer = await t.admin("POST", "/admin/seed", seed)
    expect(answer.status, answer.text).toBe(200)
    expect(answer.json).toEqual({ accounts: 1, services: 0, short_codes: 700, phone_numbers: 0, memberships: 0 })
  })

  it("answers a body over the admin limit (16 MiB) with 413 20001 naming the limit", async () => {
    const answer = await t.request("POST", "/admin/seed", {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: " ".repeat(ADMIN_LIMIT + 1)
    })
    expect(expectTwilioError(answer, 413, 20001).message).toBe(`Request body too large: the limit is ${ADMIN_LIMIT} bytes`)
  })

  it("keeps the Twilio surface's 64 KiB, and grants the larger limit only to requests with the admin token", async () => {
    const body = JSON.stringify(seedOf(700))
    const twilio = await t.request("POST", "/v1/Services", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, body })
    expect(expectTwilioError(twilio, 413, 20001).message).toBe(`Request body too large: the limit is ${TWILIO_LIMIT} bytes`)
    for (const authorization of [undefined, "Bearer not-the-admin-token-at-all"]) {
      const anonymous = await t.request("POST", "/admin/seed", {
        headers: { "Content-Type": "application/json", ...(authorization === undefined ? {} : { Authorization: authorization }) },
        body
      })
      expect(expectTwilioError(anonymous, 413, 20001).message).toBe(`Request body too large: the limit is ${TWILIO_LIMIT} bytes`)
    }
  })

  it("follows the adminBodyLimitBytes option", async () => {
    const small = await startTestServer({ adminBodyLimitBytes: 100_000 })
    try {
      const answer = await small.request("POST", "/admin/seed", {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
        body: " ".repeat(100_001)
      })
      expect(expectTwilioError(answer, 413, 20001).message).toBe("Request body too large: the limit is 100000 bytes")
      expect((await small.admin("POST", "/admin/seed", seedOf(300))).status).toBe(200)
    } finally {
      await small.close()
    }
  })
})
