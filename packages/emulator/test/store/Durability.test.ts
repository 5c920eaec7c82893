import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openDatabase } from "../../src/store/Database.js"
import { makeDurability, type SyncFile } from "../../src/store/Durability.js"

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "shortcode-kit-durability-unit-"))
})
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

/** A sync that completes only when the test says so, recording each call. */
const manualSync = () => {
  const pending: Array<(error: Error | null) => void> = []
  const syncFile: SyncFile = (_fd, done) => {
    pending.push(done)
  }
  const complete = (error: Error | null = null) => {
    const done = pending.shift()
    if (done === undefined) throw new Error("no sync is in flight")
    done(error)
  }
  return { syncFile, pending, complete }
}

const settled = async <A>(promise: Promise<A>): Promise<boolean> => {
  let done = false
  promise.then(() => (done = true), () => (done = true))
  await new Promise((resolve) => setImmediate(resolve))
  return done
}

describe("makeDurability", () => {
  it("syncs a real WAL file with fdatasync and counts the syncs", async () => {
    const db = openDatabase(join(folder, "real.sqlite"))
    const durability = makeDurability(db)
    db.prepare("INSERT INTO accounts (sid, auth_token, date_created) VALUES ('AC1', 't', 0)").run()
    await durability.flush()
    durability.flushSync()
    expect(durability.syncCount()).toBe(2)
    await durability.close()
    await expect(durability.flush()).rejects.toThrow("the database is closed: the write cannot be made durable")
    db.close()
  })

  it("groups the flushes asked for while a sync is in flight into one next sync", async () => {
    const db = openDatabase(join(folder, "grouped.sqlite"))
    const sync = manualSync()
    const durability = makeDurability(db, sync.syncFile)
    const first = durability.flush()
    expect(sync.pending).toHaveLength(1)
    // Five writes commit while the first sync runs: the first sync may have started before them, so they wait for
    // one more sync, all five the same one.
    const later = Array.from({ length: 5 }, () => durability.flush())
    expect(sync.pending).toHaveLength(1)
    expect(await settled(first)).toBe(false)
    sync.complete()
    await first
    expect(await settled(Promise.all(later))).toBe(false)
    expect(sync.pending).toHaveLength(1)
    sync.complete()
    await Promise.all(later)
    expect(durability.syncCount()).toBe(2)
    // Nothing in flight: the next flush starts a sync at once.
    const alone = durability.flush()
    expect(sync.pending).toHaveLength(1)
    sync.complete()
    await alone
    expect(durability.syncCount()).toBe(3)
    await durability.close()
    db.close()
  })

  it("fails every flush after a failed sync, without syncing again", async () => {
    const db = openDatabase(join(folder, "failing.sqlite"))
    const sync = manualSync()
    const durability = makeDurability(db, sync.syncFile)
    const first = durability.flush()
    const queued = durability.flush()
    sync.complete(new Error("EIO: i/o error, fdatasync"))
    const message = `the disk refused to sync ${join(folder, "failing.sqlite")}-wal; writes are no longer acknowledged, restart the server: EIO: i/o error, fdatasync`
    await expect(first).rejects.toThrow(message)
    await expect(queued).rejects.toThrow(message)
    await expect(durability.flush()).rejects.toThrow(message)
    expect(() => durability.flushSync()).toThrow(message)
    expect(sync.pending).toHaveLength(0)
    expect(durability.syncCount()).toBe(0)
    await durability.close()
    db.close()
  })

  it("has nothing to sync for an in-memory database", async () => {
    const db = openDatabase(":memory:")
    const durability = makeDurability(db, () => {
      throw new Error("an in-memory database must not be synced")
    })
    await durability.flush()
    durability.flushSync()
    expect(durability.syncCount()).toBe(0)
    db.close()
  })
})
