import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { randomAccountSid, randomServiceSid, randomShortCodeSid } from "@shortcode-kit/schema"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import BetterSqlite3 from "better-sqlite3"
import { startServer } from "../src/Server.js"
import { spawnEmulator } from "./support/child.js"
import { expectTwilioError, startTestServer, type TestServer } from "./support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

describe("concurrent adds of the same short code", () => {
  it("100 at once: exactly one 201, 99 times 409 21710, one row", async () => {
    const a = await t.makeAccount(1)
    const sid = a.shortCodeSids[0] as string
    const answers = await Promise.all(Array.from({ length: 100 }, () =>
      t.twilio(a, "POST", `/v1/Services/${a.serviceSid}/ShortCodes`, { ShortCodeSid: sid })
    ))
    expect(answers.filter((x) => x.status === 201)).toHaveLength(1)
    for (const conflict of answers.filter((x) => x.status !== 201)) expectTwilioError(conflict, 409, 21710)
    const db = new BetterSqlite3(t.databasePath, { readonly: true })
    expect(db.prepare("SELECT count(*) AS n FROM service_short_codes WHERE short_code_sid = ?").get(sid)).toEqual({ n: 1 })
    db.close()
  })

  it("100 at once spread over two processes on one database file: still exactly one 201", async () => {
    const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-two-processes-"))
    const database = join(folder, "shared.sqlite")
    const accountSid = randomAccountSid()
    const serviceSid = randomServiceSid()
    const sid = randomShortCodeSid()
    const seedFile = join(folder, "seed.json")
    writeFileSync(seedFile, JSON.stringify({
      accounts: [{ sid: accountSid, auth_token: "two-processes" }],
      services: [{ sid: serviceSid, account_sid: accountSid, friendly_name: "shared" }],
      short_codes: [{ sid, account_sid: accountSid, short_code: "31337" }]
    }))
    const child = await spawnEmulator({ DB: database, SEED_FILE: seedFile, ADMIN_TOKEN: "0123456789abcdef0123" })
    const local = await startServer({ port: 0, database, log: false, demo: false })
    try {
      const auth = `Basic ${Buffer.from(`${accountSid}:two-processes`).toString("base64")}`
      const answers = await Promise.all(Array.from({ length: 100 }, (_, i) =>
        fetch(`${i % 2 === 0 ? child.url : local.url}/v1/Services/${serviceSid}/ShortCodes`, {
          method: "POST",
          headers: { Authorization: auth, "Content-Type": "application/x-www-form-urlencoded" },
          body: `ShortCodeSid=${sid}`
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: number } }))
      ))
      expect(answers.filter((x) => x.status === 201)).toHaveLength(1)
      expect(answers.filter((x) => x.status === 409 && x.body.code === 21710)).toHaveLength(99)
    } finally {
      await local.close()
      child.process.kill("SIGTERM")
      expect(await child.exited).toBe(0)
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
