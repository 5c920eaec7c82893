import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { request as httpRequest } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import BetterSqlite3 from "better-sqlite3"
import { afterAll, describe, expect, it } from "vitest"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../src/Demo.js"
import { spawnEmulator } from "./support/child.js"

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-main-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

/** The parts of the curl command the banner prints. */
const curlOf = (banner: string) => {
  const url = /curl --request POST '([^']+)'/.exec(banner)?.[1]
  const user = /--user "([^"]+)"/.exec(banner)?.[1]
  const contentType = /--header "Content-Type: ([^"]+)"/.exec(banner)?.[1]
  const data = /--data '([^']+)'/.exec(banner)?.[1]
  if (url === undefined || user === undefined || contentType === undefined || data === undefined) throw new Error(`no curl in:\n${banner}`)
  return { url, user, contentType, data }
}

describe("node dist/main.mjs", () => {
  it("seeds and prints the demo data on first start; the printed curl answers 201, then 409 21710", async () => {
    const database = join(folder, "demo.sqlite")
    const child = await spawnEmulator({ DB: database })
    try {
      await new Promise((r) => setTimeout(r, 100))
      const banner = child.output()
      expect(banner).toContain(`database      ${database}`)
      expect(banner).toMatch(/admin token   [0-9a-f]{64}  \(generated/)
      for (const value of [DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, ...DEMO_SHORT_CODE_SIDS]) expect(banner).toContain(value)
      const curl = curlOf(banner)
      expect(curl).toEqual({
        url: `${child.url}/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`,
        user: `${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`,
        contentType: "application/x-www-form-urlencoded",
        data: `ShortCodeSid=${DEMO_SHORT_CODE_SIDS[0]}`
      })
      const send = () =>
        fetch(curl.url, {
          method: "POST",
          headers: { Authorization: `Basic ${Buffer.from(curl.user).toString("base64")}`, "Content-Type": curl.contentType },
          body: curl.data
        })
      const first = await send()
      expect(first.status).toBe(201)
      expect(await first.json()).toMatchObject({ sid: DEMO_SHORT_CODE_SIDS[0], short_code: "12345", country_code: "US", capabilities: ["SMS"] })
      const second = await send()
      expect(second.status).toBe(409)
      expect(await second.json()).toMatchObject({ code: 21710 })
    } finally {
      child.process.kill("SIGTERM")
      expect(await child.exited).toBe(0)
    }
    // Second start: nothing is seeded twice, and the banner shows where the demo short code now is.
    const again = await spawnEmulator({ DB: database, ADMIN_TOKEN: "fixed-admin-token-0001" })
    try {
      await new Promise((r) => setTimeout(r, 100))
      expect(again.output()).toContain(`${DEMO_SHORT_CODE_SIDS[0]}  12345 US SMS  in service ${DEMO_SERVICE_SID}`)
      expect(again.output()).toContain("admin token   fixed-admin-token-0001  (from ADMIN_TOKEN)")
      const dump = await (await fetch(`${again.url}/admin/dump`, { headers: { Authorization: "Bearer fixed-admin-token-0001" } })).json() as { accounts: Array<unknown>; short_codes: Array<unknown> }
      expect(dump.accounts).toHaveLength(1)
      expect(dump.short_codes).toHaveLength(3)
    } finally {
      again.process.kill("SIGINT")
      expect(await again.exited).toBe(0)
    }
  })

  it("on SIGTERM stops accepting, finishes the request in flight, closes the database and exits 0", async () => {
    const database = join(folder, "graceful.sqlite")
    const child = await spawnEmulator({ DB: database })
    const { port, hostname } = new URL(child.url)
    const body = `ShortCodeSid=${DEMO_SHORT_CODE_SIDS[1]}`
    // A request whose body arrives in two parts, with the signal in between.
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest({
        host: hostname,
        port,
        method: "POST",
        path: `/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`,
        headers: {
          Authorization: `Basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(Buffer.byteLength(body))
        }
      }, (res) => {
        let text = ""
        res.setEncoding("utf8").on("data", (c: string) => (text += c)).on("end", () => resolve({ status: res.statusCode ?? 0, text }))
      })
      req.on("error", reject)
      req.write(body.slice(0, 10))
      setTimeout(() => {
        child.process.kill("SIGTERM")
        setTimeout(() => {
          // The listening socket is closed by now: a new connection is refused while the old one still works.
          fetch(`${child.url}/openapi.json`).then(
            () => reject(new Error("a new connection was accepted after SIGTERM")),
            () => req.end(body.slice(10))
          )
        }, 300)
      }, 200)
    })
    const answer = await inFlight
    expect(answer.status, answer.text).toBe(201)
    expect(await child.exited).toBe(0)
    expect(child.output()).toContain("SIGTERM: no new connections; finishing requests in flight, then closing the database")
    expect(child.output()).toContain("stopped")
    // A cleanly closed WAL database has checkpointed and removed its -wal file.
    expect(existsSync(`${database}-wal`)).toBe(false)
    const db = new BetterSqlite3(database, { readonly: true })
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok")
    expect(db.prepare("SELECT count(*) AS n FROM service_short_codes WHERE short_code_sid = ?").get(DEMO_SHORT_CODE_SIDS[1])).toEqual({ n: 1 })
    db.close()
  })

  it("exits 1 with a clear message for bad configuration", async () => {
    await expect(spawnEmulator({ PORT: "not-a-port" })).rejects.toThrow(/exited \(1\)[\s\S]*PORT must be a number from 0 to 65535/)
  })
})
