/**
 * The emulator's store as the server opens it: the checked and migrated database, the durability of its writes,
 * and the repository guarded against storage faults.
 */
import { resolve } from "node:path"
import { type Database, isInMemory, openDatabase } from "./Database.js"
import { type Durability, makeDurability, type SyncFile } from "./Durability.js"
import { watchFileIdentity } from "./FileIdentity.js"
import { guardRepository } from "./GuardedRepository.js"
import type { IdSource } from "../controls/Ids.js"
import { makeRepository, type Repository } from "./Repository.js"

/** An open store; `close` waits for the sync in flight, then closes the database. */
export interface Store {
  readonly db: Database
  readonly durability: Durability
  readonly repository: Repository
  readonly close: () => Promise<void>
}

/** What a user whose database files vanished should do. */
const RESTART = "writes are refused, since they would be lost at the next start: restart the emulator"

/**
 * Opens the store at `path` (`:memory:` for none on disk).
 *
 * @param options.syncFile replaces `fdatasync` (for tests of a disk that refuses a sync, which no real file does on
 *   demand).
 */
export const openStore = (
  path: string,
  options: {
    readonly servicePoolLimit: number
    readonly syncFile?: SyncFile
    /** The clock of the rows' dates, in epoch milliseconds (default: the system clock). */
    readonly now?: () => number
    /** Where generated SIDs come from (default: random). */
    readonly ids?: IdSource
  }
): Store => {
  const db = openDatabase(path)
  let durability: Durability | undefined
  try {
    durability = makeDurability(db, options.syncFile)
    const file = resolve(path)
    const identity = isInMemory(path)
      ? undefined
      : watchFileIdentity(
        [
          { path: file, label: "the database file" },
          { path: `${file}-wal`, label: "the database's WAL file" }
        ],
        RESTART
      )
    const repository = guardRepository(makeRepository(db, {
      servicePoolLimit: options.servicePoolLimit,
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.ids === undefined ? {} : { ids: options.ids })
    }), {
      path: isInMemory(path) ? path : file,
      durability,
      identity
    })
    const durable = durability
    return {
      db,
      durability,
      repository,
      close: () =>
        durable.close().finally(() => {
          db.close()
        })
    }
  } catch (error) {
    void durability?.close()
    db.close()
    throw error
  }
}
