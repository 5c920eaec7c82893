/**
 * Durable acknowledgements with group commit.
 *
 * The database commits with `synchronous=NORMAL` in WAL mode: a commit is written to the WAL file (so it survives
 * the process dying) but not forced to the disk. Before a write is acknowledged, `flush()` forces every commit made
 * so far to the disk with one `fdatasync` of the WAL file, run on libuv's thread pool so that the event loop keeps
 * serving meanwhile. Writes that commit while a flush is in flight share the next flush: one disk sync acknowledges
 * all of them (group commit), where `synchronous=FULL` would block the thread for one sync per commit.
 *
 * Why one sync of the WAL covers everything: every commit of this connection and of any other is appended to the
 * WAL file. A commit that was checkpointed out of the WAL before the flush is in the database file, which SQLite
 * syncs at the end of every checkpoint in NORMAL mode, before the WAL can be reused. The WAL is deleted only when
 * the last connection closes, and this one stays open until `close`.
 *
 * A failed sync is not retried: after an `fdatasync` error the kernel may have dropped the pages it could not
 * write, so a later successful sync would prove nothing. Every flush after a failure fails with the same cause, and
 * every write is answered 500 until the server is restarted.
 */
import { closeSync, fdatasync, fdatasyncSync, openSync } from "node:fs"
import { resolve } from "node:path"
import type { Database } from "./Database.js"
import { isInMemory } from "./Database.js"

export interface Durability {
  /**
   * Resolves once every commit made before the call is on the disk; rejects when the disk refused a sync (this
   * time or earlier).
   */
  readonly flush: () => Promise<void>
  /** The same, blocking the thread: for start-up, before anything listens. */
  readonly flushSync: () => void
  /** How many syncs reached the disk (for tests: group commit needs fewer syncs than writes). */
  readonly syncCount: () => number
  /** Waits for the flush in flight, then releases the WAL file. Flushing after `close` fails. */
  readonly close: () => Promise<void>
}

/** A way to force a file's data to the disk: `fdatasync(2)` unless a test injects a failure or a delay. */
export type SyncFile = (fd: number, done: (error: Error | null) => void) => void

const syncWithFdatasync: SyncFile = (fd, done) => fdatasync(fd, done)

/** An in-memory database has nothing to make durable. */
export const nothingToSync: Durability = {
  flush: () => Promise.resolve(),
  flushSync: () => undefined,
  syncCount: () => 0,
  close: () => Promise.resolve()
}

/**
 * The durability of `db`, an open WAL database. Must be made before the first write is acknowledged and closed
 * before the database.
 */
export const makeDurability = (db: Database, syncFile: SyncFile = syncWithFdatasync): Durability => {
  if (isInMemory(db.name)) return nothingToSync
  // Reading makes SQLite open (and create) the WAL file, so that it is there to be opened here.
  db.prepare("SELECT count(*) FROM sqlite_schema").get()
  const walPath = `${resolve(db.name)}-wal`
  let fd: number | undefined
  try {
    fd = openSync(walPath, "r")
  } catch (error) {
    throw new Error(`cannot open the WAL file ${walPath} to make writes durable: ${error instanceof Error ? error.message : String(error)}`)
  }

  let broken: Error | undefined
  let syncs = 0
  // The sync in flight, and the one that starts when it ends, shared by every write that asked meanwhile: a sync
  // covers only what was written before it started.
  let running: Promise<void> | undefined
  let queued: Promise<void> | undefined

  const brokenError = (cause: unknown): Error =>
    new Error(
      `the disk refused to sync ${walPath}; writes are no longer acknowledged, restart the server: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause }
    )

  const start = (): Promise<void> => {
    if (broken !== undefined) return Promise.reject(broken)
    if (fd === undefined) return Promise.reject(new Error("the database is closed: the write cannot be made durable"))
    const current = fd
    const sync = new Promise<void>((resolve, reject) => {
      syncFile(current, (error) => {
        if (error === null) {
          syncs++
          resolve()
        } else {
          broken ??= brokenError(error)
          reject(broken)
        }
      })
    })
    running = sync
    const clear = () => {
      if (running === sync) running = undefined
    }
    sync.then(clear, clear)
    return sync
  }

  const flush = (): Promise<void> => {
    if (running === undefined) return start()
    if (queued === undefined) {
      const next = (): Promise<void> => {
        queued = undefined
        return start()
      }
      queued = running.then(next, next)
    }
    return queued
  }

  return {
    flush,
    flushSync: () => {
      if (broken !== undefined) throw broken
      if (fd === undefined) throw new Error("the database is closed: the write cannot be made durable")
      try {
        fdatasyncSync(fd)
        syncs++
      } catch (error) {
        broken ??= brokenError(error)
        throw broken
      }
    },
    syncCount: () => syncs,
    close: async () => {
      await Promise.allSettled([running, queued])
      if (fd !== undefined) closeSync(fd)
      fd = undefined
    }
  }
}
