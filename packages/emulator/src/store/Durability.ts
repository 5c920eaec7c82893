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
 * every write is refused until the server is restarted. The commits the failed sync (and any queued after it) should
 * have made durable were never acknowledged, so they are undone (`UndoLog.ts`): what is served and counted from then
 * on is what was acknowledged. What the file holds at the next start is up to the disk (it may or may not have
 * written those pages); nothing acknowledged is missing, as far as the disk told the truth about the earlier syncs.
 */
import { closeSync, fdatasync, fdatasyncSync, openSync } from "node:fs"
import { resolve } from "node:path"
import type { Database } from "./Database.js"
import { isInMemory } from "./Database.js"
import { StorageFault } from "./StorageFault.js"
import { makeUndoLog } from "./UndoLog.js"

export interface Durability {
  /**
   * Resolves once every commit made before the call is on the disk; rejects when the disk refused a sync (this
   * time or earlier).
   */
  readonly flush: () => Promise<void>
  /** The same, blocking the thread: for start-up, before anything listens. */
  readonly flushSync: () => void
  /**
   * The sync in flight or queued, which covers every commit made so far, or `undefined` when every commit is
   * acknowledged: a read waits for it before answering, so it never shows a row that could still be undone.
   */
  readonly pending: () => Promise<void> | undefined
  /**
   * Why writes are refused, once a sync failed; `undone` says whether the unacknowledged commits were taken back
   * (if not, even reads may show rows the disk refused).
   */
  readonly failure: () => { readonly error: StorageFault; readonly undone: boolean } | undefined
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
  pending: () => undefined,
  failure: () => undefined,
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

  const undoLog = makeUndoLog(db)
  let broken: StorageFault | undefined
  let undone = false
  let syncs = 0
  // The sync in flight, and the one that starts when it ends, shared by every write that asked meanwhile: a sync
  // covers only what was written before it started.
  let running: Promise<void> | undefined
  let queued: Promise<void> | undefined

  /** Marks the store broken for good and takes back what was not acknowledged; returns the error to answer with. */
  const fail = (cause: unknown): StorageFault => {
    if (broken !== undefined) return broken
    broken = new StorageFault(
      `the disk refused to sync ${walPath}; writes are no longer acknowledged, restart the server: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause }
    )
    try {
      undoLog.undoAll()
      undone = true
    } catch (error) {
      process.stderr.write(`could not undo the writes the disk refused: ${error instanceof Error ? error.message : String(error)}\n`)
    }
    return broken
  }

  const start = (): Promise<void> => {
    if (broken !== undefined) return Promise.reject(broken)
    if (fd === undefined) return Promise.reject(new Error("the database is closed: the write cannot be made durable"))
    const current = fd
    // Everything logged so far was committed before the sync starts, so the sync covers it.
    const mark = undoLog.mark()
    const sync = new Promise<void>((resolve, reject) => {
      syncFile(current, (error) => {
        if (error === null) {
          syncs++
          undoLog.forget(mark)
          resolve()
        } else {
          reject(fail(error))
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
      const mark = undoLog.mark()
      try {
        fdatasyncSync(fd)
      } catch (error) {
        throw fail(error)
      }
      syncs++
      undoLog.forget(mark)
    },
    pending: () => queued ?? running,
    failure: () => (broken === undefined ? undefined : { error: broken, undone }),
    syncCount: () => syncs,
    close: async () => {
      await Promise.allSettled([running, queued])
      if (fd !== undefined) closeSync(fd)
      fd = undefined
    }
  }
}
