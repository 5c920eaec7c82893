/**
 * Faults of the storage itself (a full disk, a failed sync, a damaged or deleted database file), told apart from
 * bugs: their message says what happened to which file, in words a user can act on, and the HTTP layer passes it on
 * in the Twilio error body instead of "the emulator hit a bug".
 */
import BetterSqlite3 from "better-sqlite3"

/** A storage fault with a message meant for the user (what happened, to which file, what to do). */
export class StorageFault extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options)
    this.name = "StorageFault"
  }
}

/** What an SQLite error code family means, in words; the code itself is kept in the message for searching. */
const meaning = (code: string): string | undefined => {
  if (code === "SQLITE_FULL") return "the disk is full"
  if (code.startsWith("SQLITE_IOERR")) return "the disk failed"
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return "the database file is damaged"
  if (code.startsWith("SQLITE_READONLY")) return "the database file cannot be written"
  if (code.startsWith("SQLITE_CANTOPEN")) return "the database file cannot be opened"
  return undefined
}

/**
 * The storage fault an error of SQLite on the database at `path` stands for, or `undefined` for any other error
 * (a bug, a constraint the code should have handled).
 */
export const toStorageFault = (error: unknown, path: string): StorageFault | undefined => {
  if (error instanceof StorageFault) return error
  if (!(error instanceof BetterSqlite3.SqliteError)) return undefined
  const what = meaning(error.code)
  if (what === undefined) return undefined
  const advice = error.code === "SQLITE_FULL"
    ? "free some space: reads are still served, and writes work again once there is room"
    : "reads may still be served; check the disk and the file, then restart the emulator"
  const doing = error.code === "SQLITE_FULL" ? "writing" : "using"
  return new StorageFault(`${what} (${error.code}: ${error.message}) ${doing} ${path}; ${advice}`, { cause: error })
}
