import { errorTable, randomAccountSid, randomServiceSid } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Seed } from "../src/Seed.js"
import { expectTwilioError, startTestServer } from "./support/testServer.js"

// Alpha senders through a real server: the seed gives them, the dump returns them, a reset brings them back.
describe("alpha senders in the seed, the dump and the reset", () => {
  it("dumps the seed's alpha sender, brings it back on reset after a DELETE, and refuses a second one in a service", async () => {
    const account = { accountSid: randomAccountSid(), authToken: "alpha-seed-token" }
    const serviceSid = randomServiceSid()
    const alphaSid = `AI${"c".repeat(32)}`
    const wire = {
      accounts: [{ sid: account.accountSid, auth_token: account.authToken }],
      services: [{ sid: serviceSid, account_sid: account.accountSid, friendly_name: "Alpha" }],
      alpha_senders: [{ sid: alphaSid, service_sid: serviceSid, alpha_sender: "Shop-Co" }]
    }
    const t = await startTestServer({ demo: false, seed: Schema.decodeUnknownSync(Seed)(wire) })
    try {
      const path = `/v1/Services/${serviceSid}/AlphaSenders/${alphaSid}`
      const dump = (await t.admin("GET", "/admin/dump")).json as { alpha_senders: unknown }
      expect(dump.alpha_senders).toEqual(wire.alpha_senders)

      expect((await t.twilio(account, "DELETE", path)).status).toBe(204)
      expect((await t.twilio(account, "GET", path)).status).toBe(404)
      expect((await t.admin("POST", "/admin/reset")).json).toEqual({ accounts: 1, services: 1, short_codes: 0, phone_numbers: 0, memberships: 1 })
      const back = await t.twilio(account, "GET", path)
      expect(back.status, back.text).toBe(200)
      expect(back.json).toMatchObject({ sid: alphaSid, service_sid: serviceSid, alpha_sender: "Shop-Co", account_sid: account.accountSid })

      const second = await t.admin("POST", "/admin/seed", { alpha_senders: [{ service_sid: serviceSid, alpha_sender: "Other" }, { service_sid: serviceSid, alpha_sender: "Third" }] })
      const error = expectTwilioError(second, 409, 20001)
      expect(error.message).toContain(
        `alpha_senders[1]: ${errorTable[21709].message}: service ${serviceSid} already has the alpha sender of alpha_senders[0], ` +
          "and a Messaging Service may have only one"
      )
      expect(((await t.admin("GET", "/admin/dump")).json as { alpha_senders: unknown }).alpha_senders).toEqual(wire.alpha_senders)
    } finally {
      await t.close()
    }
  })
})
