import BetterSqlite3 from "better-sqlite3"
import twilio from "twilio"
import { describe, expect, it } from "vitest"
import { makeTestClock } from "../../src/controls/Clock.js"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_PHONE_NUMBER_SIDS, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS, demoSeed } from "../../src/Demo.js"
import { Seed } from "../../src/Seed.js"
import { startServer } from "../../src/Server.js"
import { makeTwilioHttpClient } from "../../src/TwilioHttpClient.js"
import { Schema } from "effect"
import { ADMIN_TOKEN, expectTwilioError, startTestServer } from "../support/testServer.js"

const demo = { accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN }
const demoCounts = { accounts: 1, services: 1, short_codes: 3, phone_numbers: 3, memberships: 1 }

describe("POST /admin/reset", () => {
  it("puts the demo data back after changes through Twilio's API, empties the journal, and survives a restart", async () => {
    const t = await startTestServer({ demo: true })
    let reopened: Awaited<ReturnType<typeof startServer>> | undefined
    try {
      const client = twilio(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, { httpClient: makeTwilioHttpClient(t.url) })
      const created = await client.messaging.v1.services.create({ friendlyName: "made by a test" })
      await client.messaging.v1.services(DEMO_SERVICE_SID).shortCodes.create({ shortCodeSid: DEMO_SHORT_CODE_SIDS[0] })
      await client.messaging.v1.services(created.sid).shortCodes.create({ shortCodeSid: DEMO_SHORT_CODE_SIDS[1] })
      const extra = await t.makeAccount(2)
      expect(t.server.requests().length).toBeGreaterThan(0)

      const reset = await t.admin("POST", "/admin/reset")
      expect(reset.status, reset.text).toBe(200)
      expect(reset.json).toEqual(demoCounts)

      // What the test made is gone; the demo data is there as at start.
      expect((await t.twilio(demo, "GET", `/v1/Services/${created.sid}`)).status).toBe(404)
      expect((await t.twilio(extra, "GET", "/v1/Services")).status).toBe(401)
      const services = await client.messaging.v1.services.list()
      expect(services.map((s) => s.sid)).toEqual([DEMO_SERVICE_SID])
      expect(await client.messaging.v1.services(DEMO_SERVICE_SID).shortCodes.list()).toEqual([])
      const dump = await t.admin("GET", "/admin/dump")
      expect((dump.json as { short_codes: Array<{ service_sid: unknown }> }).short_codes.map((s) => s.service_sid)).toEqual([null, null, null])
      // Only the requests made after the reset are in the journal.
      expect(t.server.requests().map((e) => e.path)).toEqual([
        `/v1/Services/${created.sid}`,
        "/v1/Services",
        "/v1/Services",
        `/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`
      ])

      // The reset is in the SQLite file: read by another connection, and after a restart.
      await t.server.close()
      const db = new BetterSqlite3(t.databasePath, { readonly: true })
      try {
        expect(db.prepare("SELECT count(*) AS n FROM services").get()).toEqual({ n: 1 })
        expect(db.prepare("SELECT count(*) AS n FROM service_short_codes").get()).toEqual({ n: 0 })
        expect(db.prepare("SELECT count(*) AS n FROM accounts").get()).toEqual({ n: 1 })
      } finally {
        db.close()
      }
      reopened = await startServer({ port: 0, database: t.databasePath, log: false, demo: false, adminToken: ADMIN_TOKEN })
      expect(reopened.emulator.repository.allServices().map((s) => s.sid)).toEqual([DEMO_SERVICE_SID])
    } finally {
      await reopened?.close()
      await t.close()
    }
  })

  it("puts the demo phone numbers back: the one of the demo service in it again, one added since gone", async () => {
    const t = await startTestServer({ demo: true })
    try {
      const demoNumbers = (await t.admin("GET", "/admin/dump")).json as { phone_numbers: Array<{ sid: string; service_sid: string | null }> }
      // The dump lists the numbers in no service first, then the members in the order they joined.
      expect(demoNumbers.phone_numbers.map((p) => [p.sid, p.service_sid]).sort()).toEqual([
        [DEMO_PHONE_NUMBER_SIDS[0], DEMO_SERVICE_SID],
        [DEMO_PHONE_NUMBER_SIDS[1], null],
        [DEMO_PHONE_NUMBER_SIDS[2], null]
      ])
      // Deleting the demo service returns its phone number to the inventory; an added number joins the dump.
      const client = twilio(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, { httpClient: makeTwilioHttpClient(t.url) })
      await client.messaging.v1.services(DEMO_SERVICE_SID).remove()
      const added = await t.admin("POST", "/admin/phone-numbers", { account_sid: DEMO_ACCOUNT_SID, phone_number: "+12025550199" })
      expect(added.status, added.text).toBe(201)
      const changed = (await t.admin("GET", "/admin/dump")).json as { phone_numbers: Array<{ sid: string; service_sid: string | null }> }
      expect(changed.phone_numbers.map((p) => p.service_sid)).toEqual([null, null, null, null])

      const reset = await t.admin("POST", "/admin/reset")
      expect(reset.json, reset.text).toEqual(demoCounts)
      const restored = await t.admin("GET", "/admin/dump")
      const bySid = (list: ReadonlyArray<{ readonly sid: string }> | undefined) => [...(list ?? [])].sort((a, b) => a.sid.localeCompare(b.sid))
      expect(bySid((restored.json as { phone_numbers: Array<{ sid: string }> }).phone_numbers)).toEqual(bySid(Schema.encodeSync(Seed)(demoSeed).phone_numbers))
      expect(demoNumbers.phone_numbers).toEqual((restored.json as { phone_numbers: unknown }).phone_numbers)
    } finally {
      await t.close()
    }
  })

  it("restores the start seed (not an empty database) and restarts list positions, so page tokens repeat", async () => {
    const seed = Schema.decodeUnknownSync(Seed)({
      accounts: [{ sid: "AC11111111111111111111111111111111", auth_token: "seed-token" }],
      services: [{ sid: "MG11111111111111111111111111111111", account_sid: "AC11111111111111111111111111111111", friendly_name: "Seeded" }],
      short_codes: [{ sid: "SC11111111111111111111111111111111", account_sid: "AC11111111111111111111111111111111", short_code: "55501", service_sid: "MG11111111111111111111111111111111" }]
    })
    // A clock that stands still: the reloaded seed gets the dates it got at start.
    const t = await startTestServer({ seed, clock: makeTestClock("2024-05-01T12:00:00Z").now })
    try {
      const account = { accountSid: "AC11111111111111111111111111111111", authToken: "seed-token" }
      const pageOf = async () => {
        const page = await t.twilio(account, "GET", "/v1/Services?PageSize=1")
        return (page.json as { meta: { next_page_url: string | null; key: string }; services: Array<{ sid: string }> })
      }
      // A second service makes a next page, whose token carries the first one's position.
      await t.twilio(account, "POST", "/v1/Services", { FriendlyName: "second" })
      const before = await pageOf()
      expect(before.meta.next_page_url).toMatch(/PageToken=PA0{15}1[0-9a-f]{16}$/)
      await t.twilio(account, "DELETE", "/v1/Services/MG11111111111111111111111111111111")
      expect((await t.server.reset())).toEqual({ accounts: 1, services: 1, shortCodes: 1, phoneNumbers: 0, memberships: 1 })
      await t.twilio(account, "POST", "/v1/Services", { FriendlyName: "second" })
      expect(await pageOf()).toEqual(before)
      const member = await t.twilio(account, "GET", "/v1/Services/MG11111111111111111111111111111111/ShortCodes/SC11111111111111111111111111111111")
      expect(member.status, member.text).toBe(200)
    } finally {
      await t.close()
    }
  })

  it("runs the hooks registered with onReset after the store is restored, until they are unregistered", async () => {
    const t = await startTestServer({ demo: true })
    try {
      const seen: Array<number> = []
      const off = t.server.emulator.onReset(() => {
        seen.push(t.server.emulator.repository.allAccounts().length)
      })
      await t.makeAccount(0)
      await t.admin("POST", "/admin/reset")
      off()
      await t.admin("POST", "/admin/reset")
      expect(seen).toEqual([1])
    } finally {
      await t.close()
    }
  })

  it("refuses a query or a body (options it does not have) with a 400 naming them, and resets nothing", async () => {
    const t = await startTestServer({ demo: true })
    try {
      await t.makeAccount(0)
      const query = expectTwilioError(await t.admin("POST", "/admin/reset?seed=other.json"), 400, 20001)
      expect(query.message).toBe("Invalid parameter: seed. POST /admin/reset takes no parameters: it restores what the emulator started with")
      const json = expectTwilioError(await t.admin("POST", "/admin/reset", { seed: { accounts: [] } }), 400, 20001)
      expect(json.message).toBe("Invalid parameter: body. POST /admin/reset takes no body: it restores what the emulator started with (POST /admin/seed adds data)")
      // A large body is refused the same way, from its headers, unread.
      const large = await t.request("POST", "/admin/reset", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` }, body: "a".repeat(2_000_000) })
      expect(expectTwilioError(large, 400, 20001).message).toBe(json.message)
      expect(t.server.emulator.repository.allAccounts()).toHaveLength(2)
      // An empty POST (curl -X POST, fetch without a body) is the reset.
      const empty = await t.request("POST", "/admin/reset", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Length": "0" } })
      expect(empty.status, empty.text).toBe(200)
      expect(t.server.emulator.repository.allAccounts()).toHaveLength(1)
    } finally {
      await t.close()
    }
  })

  it("needs the admin token and POST", async () => {
    const t = await startTestServer({ demo: true })
    try {
      await t.makeAccount(0)
      const anonymous = await t.request("POST", "/admin/reset")
      expect(expectTwilioError(anonymous, 401, 20003).message).toBe("Authenticate: the admin API needs Authorization: Bearer <ADMIN_TOKEN>")
      const get = await t.admin("GET", "/admin/reset")
      expect(expectTwilioError(get, 405, 20004).message).toBe("Method not allowed: GET is not supported on /admin/reset; allowed: POST, OPTIONS")
      expect(get.headers.get("Allow")).toBe("POST, OPTIONS")
      // Neither reset anything.
      expect(t.server.emulator.repository.allAccounts()).toHaveLength(2)
    } finally {
      await t.close()
    }
  })
})
