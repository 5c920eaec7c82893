import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { randomAccountSid, randomServiceSid, randomShortCodeSid } from "@shortcode-kit/schema"
import { afterAll, describe, expect, it } from "vitest"
import { spawnEmulator } from "./support/child.js"

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-durability-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

describe("durability", () => {
  it("keeps every add that was answered 201 when the process is killed with SIGKILL mid-stream", async () => {
    const database = join(folder, "killed.sqlite")
    const accountSid = randomAccountSid()
    const serviceSid = randomServiceSid()
    const sids = Array.from({ length: 300 }, () => randomShortCodeSid())
    const seedFile = join(folder, "seed.json")
    writeFileSync(seedFile, JSON.stringify({
      accounts: [{ sid: accountSid, auth_token: "durable" }],
      services: [{ sid: serviceSid, account_sid: accountSid, friendly_name: "durable" }],
      short_codes: sids.map((sid, i) => ({ sid, account_sid: accountSid, short_code: String(20_000 + i) }))
    }))
    const env = { DB: database, SEED_FILE: seedFile, ADMIN_TOKEN: "0123456789abcdef0123" }
    const auth = `Basic ${Buffer.from(`${accountSid}:durable`).toString("base64")}`
    const child = await spawnEmulator(env)

    // Four writers add short codes one after another; the process dies while they are at it.
    const acknowledged: Array<string> = []
    let next = 0
    const writer = async () => {
      for (;;) {
        const sid = sids[next++]
        if (sid === undefined) return
        try {
          const response = await fetch(`${child.url}/v1/Services/${serviceSid}/ShortCodes`, {
            method: "POST",
            headers: { Authorization: auth, "Content-Type": "application/x-www-form-urlencoded" },
            body: `ShortCodeSid=${sid}`
          })
          if (response.status === 201) acknowledged.push(sid)
          else throw new Error(`unexpected ${response.status}: ${await response.text()}`)
        } catch (error) {
          if (error instanceof Error && error.message.startsWith("unexpected")) throw error
          return // the connection died with the process
        }
      }
    }
    const writers = Promise.all([writer(), writer(), writer(), writer()])
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 2))
    child.process.kill("SIGKILL")
    await writers
    expect(await child.exited).toBe("SIGKILL")
    expect(acknowledged.length).toBeGreaterThanOrEqual(60)
    expect(acknowledged.length).toBeLessThan(sids.length)

    const restarted = await spawnEmulator(env)
    try {
      const listed: Array<string> = []
      let url: string | null = `${restarted.url}/v1/Services/${serviceSid}/ShortCodes?PageSize=100`
      while (url !== null) {
        const page = (await (await fetch(url, { headers: { Authorization: auth } })).json()) as {
          short_codes: Array<{ sid: string }>
          meta: { next_page_url: string | null }
        }
        listed.push(...page.short_codes.map((s) => s.sid))
        url = page.meta.next_page_url === null ? null : page.meta.next_page_url.replace("https://messaging.twilio.com", restarted.url)
      }
      for (const sid of acknowledged) expect(listed).toContain(sid)
      expect(new Set(listed).size).toBe(listed.length)
    } finally {
      restarted.process.kill("SIGTERM")
      await restarted.exited
    }
  })
})
