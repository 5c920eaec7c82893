/**
 * After the disk refuses a sync, nothing it may not hold is served or counted: the writes that sync should have
 * made durable are undone, a retry gets the failure again (not 409 for a row nobody was told exists), and a read
 * made while the failing sync was in flight answers with the failure rather than the row.
 *
 * No real file fails `fdatasync` on demand, so the store's sync function is replaced (the one seam Durability has
 * for this); everything else is the real application over a real SQLite file, on a real HTTP server.
 */
import { fdatasync } from "node:fs"
import { afterEach, describe, expect, it } from "vitest"
import type { SyncFile } from "../src/store/Durability.js"
import { expectTwilioError } from "./support/testServer.js"
import { startStoreServer, type StoreServer } from "./store/storeServer.js"

let server: StoreServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** `fdatasync`, until `fail()` or `hold()`: then the next sync fails, or waits for `release(error)`. */
const controllableSync = () => {
  let mode: "sync" | "fail" | "hold" = "sync"
  let held: ((error: Error | null) => void) | undefined
  const syncFile: SyncFile = (fd, done) => {
    if (mode === "sync") return fdatasync(fd, done)
    if (mode === "fail") return done(new Error("EIO: i/o error, fdatasync"))
    held = done
  }
  return {
    syncFile,
    fail: () => (mode = "fail"),
    hold: () => (mode = "hold"),
    isHeld: () => held !== undefined,
    release: (error: Error) => {
      mode = "fail"
      held?.(error)
    }
  }
}

const refused = (databasePath: string) =>
  `Internal Server Error: the disk refused to sync ${databasePath}-wal; writes are no longer acknowledged, restart the server: EIO: i/o error, fdatasync`

interface ShortCodePage { readonly short_codes: ReadonlyArray<{ readonly sid: string }> }

describe("a sync the disk refuses", () => {
  it("undoes the writes it did not acknowledge, and a retry gets the failure, not 409", async () => {
    const sync = controllableSync()
    server = await startStoreServer({ syncFile: sync.syncFile })
    const account = server.makeAccount(2)
    const [kept, lost] = account.shortCodeSids as [string, string]
    const path = `/v1/Services/${account.serviceSid}/ShortCodes`
    expect((await server.twilio(account, "POST", path, { ShortCodeSid: kept })).status).toBe(201)

    sync.fail()
    const add = await server.twilio(account, "POST", path, { ShortCodeSid: lost })
    expect(expectTwilioError(add, 500, 20500).message).toBe(refused(server.databasePath))

    // Not served: neither fetched nor listed.
    expectTwilioError(await server.twilio(account, "GET", `${path}/${lost}`), 404, 20404)
    const list = await server.twilio(account, "GET", path)
    expect(list.status, list.text).toBe(200)
    expect((list.json as ShortCodePage).short_codes.map((s) => s.sid)).toEqual([kept])
    // What was acknowledged is still there.
    expect((await server.twilio(account, "GET", `${path}/${kept}`)).status).toBe(200)

    const retry = await server.twilio(account, "POST", path, { ShortCodeSid: lost })
    expect(expectTwilioError(retry, 500, 20500).message).toBe(refused(server.databasePath))
    const remove = await server.twilio(account, "DELETE", `${path}/${kept}`)
    expect(expectTwilioError(remove, 500, 20500).message).toBe(refused(server.databasePath))
    expect((await server.twilio(account, "GET", `${path}/${kept}`)).status).toBe(200)
  })

  it("undoes a delete it did not acknowledge, with what its cascade removed", async () => {
    const sync = controllableSync()
    server = await startStoreServer({ syncFile: sync.syncFile })
    const account = server.makeAccount(2)
    const path = `/v1/Services/${account.serviceSid}/ShortCodes`
    for (const sid of account.shortCodeSids) expect((await server.twilio(account, "POST", path, { ShortCodeSid: sid })).status).toBe(201)
    const before = await server.admin("GET", "/admin/dump")

    sync.fail()
    const deleted = await server.twilio(account, "DELETE", `/v1/Services/${account.serviceSid}`)
    expect(expectTwilioError(deleted, 500, 20500).message).toBe(refused(server.databasePath))

    const after = await server.admin("GET", "/admin/dump")
    expect(after.status, after.text).toBe(200)
    expect(after.json).toEqual(before.json)
  })

  it("answers a read made while the failing sync was in flight with the failure, not the row", async () => {
    const sync = controllableSync()
    server = await startStoreServer({ syncFile: sync.syncFile })
    const account = server.makeAccount(1)
    const sid = account.shortCodeSids[0] as string
    const path = `/v1/Services/${account.serviceSid}/ShortCodes`

    sync.hold()
    const add = server.twilio(account, "POST", path, { ShortCodeSid: sid })
    while (!sync.isHeld()) await new Promise((resolve) => setTimeout(resolve, 5))
    // The row is committed and its sync is in flight: the read sees it, and must wait for the verdict.
    const read = server.twilio(account, "GET", `${path}/${sid}`)
    const list = server.twilio(account, "GET", path)
    await new Promise((resolve) => setTimeout(resolve, 100))
    sync.release(new Error("EIO: i/o error, fdatasync"))

    expect(expectTwilioError(await add, 500, 20500).message).toBe(refused(server.databasePath))
    expect(expectTwilioError(await read, 500, 20500).message).toBe(refused(server.databasePath))
    expect(expectTwilioError(await list, 500, 20500).message).toBe(refused(server.databasePath))
    // Later reads show the state that was acknowledged.
    expectTwilioError(await server.twilio(account, "GET", `${path}/${sid}`), 404, 20404)
  })
})
