/**
 * A full disk is answered with what happened, to which file (not "the emulator hit a bug"); reads go on, and writes
 * work again once there is room. Always: SQLite's `max_page_count` makes the database full deterministically. As
 * root, where `mount` works, also a real full filesystem (a small tmpfs) under the emulator as `startServer` runs it.
 */
import { execFileSync } from "node:child_process"
import { appendFileSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { startServer } from "../src/Server.js"
import { expectTwilioError } from "./support/testServer.js"
import { startStoreServer } from "./store/storeServer.js"

const full = (path: string) =>
  `Internal Server Error: the disk is full (SQLITE_FULL: database or disk is full) writing ${path}; ` +
  "free some space: reads are still served, and writes work again once there is room"

/** A folder on a 1 MiB tmpfs, or `undefined` where mounting is not allowed. */
const smallDisk = ((): string | undefined => {
  if (process.getuid?.() !== 0) return undefined
  const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-full-disk-"))
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder], { stdio: "ignore" })
    return folder
  } catch {
    rmSync(folder, { recursive: true, force: true })
    return undefined
  }
})()
afterAll(() => {
  if (smallDisk === undefined) return
  execFileSync("umount", [smallDisk])
  rmSync(smallDisk, { recursive: true, force: true })
})

describe("a full disk", () => {
  it("answers the write that does not fit with SQLITE_FULL and the file, serves reads, and recovers with room", async () => {
    const server = await startStoreServer()
    try {
      const account = server.makeAccount(1)
      const { db } = server.store
      // No page more than the database has now: the next write that needs a page cannot have it.
      const pages = db.pragma("page_count", { simple: true }) as number
      db.pragma(`max_page_count = ${pages}`)
      let answer = await server.admin("POST", "/admin/short-codes", { account_sid: account.accountSid, short_code: "10000" })
      for (let i = 1; answer.status === 201 && i < 1000; i++) {
        answer = await server.admin("POST", "/admin/short-codes", { account_sid: account.accountSid, short_code: String(10_000 + i) })
      }
      expect(expectTwilioError(answer, 500, 20500).message).toBe(full(server.databasePath))
      const read = await server.twilio(account, "GET", `/v1/Services/${account.serviceSid}`)
      expect(read.status, read.text).toBe(200)

      db.pragma(`max_page_count = ${pages + 100}`)
      const again = await server.admin("POST", "/admin/short-codes", { account_sid: account.accountSid, short_code: "99999" })
      expect(again.status, again.text).toBe(201)
    } finally {
      await server.close()
    }
  })

  it.skipIf(smallDisk === undefined)("answers SQLITE_FULL on a really full filesystem and recovers when space is freed", async () => {
    const folder = smallDisk as string
    const database = join(folder, "emulator.sqlite")
    const server = await startServer({ port: 0, host: "127.0.0.1", database, log: false, adminToken: "full-disk-admin-token-01", demo: false })
    const admin = async (body: unknown) => {
      const response = await fetch(`${server.url}/admin/accounts`, {
        method: "POST",
        headers: { Authorization: "Bearer full-disk-admin-token-01", "Content-Type": "application/json" },
        body: JSON.stringify(body)
      })
      const text = await response.text()
      return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as unknown }
    }
    const filler = join(folder, "filler")
    try {
      // Take every free block, in 4 KiB steps until the filesystem says no.
      const block = Buffer.alloc(4096, 1)
      for (;;) {
        try {
          appendFileSync(filler, block)
        } catch {
          break
        }
      }
      let answer = await admin({})
      for (let i = 0; answer.status === 201 && i < 1000; i++) answer = await admin({})
      expect(expectTwilioError(answer, 500, 20500).message).toBe(full(database))
      const dump = await fetch(`${server.url}/admin/dump`, { headers: { Authorization: "Bearer full-disk-admin-token-01" } })
      expect(dump.status).toBe(200)

      rmSync(filler)
      expect((await admin({})).status).toBe(201)
    } finally {
      rmSync(filler, { force: true })
      await server.close()
    }
  })
})
