/**
 * Opening the SQLite database with the settings the app's guarantees rest on.
 */
import BetterSqlite3 from "better-sqlite3"
import { mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { migrate } from "./migrations.js"

export type Database = BetterSqlite3.Database

/** `true` for SQLite's in-memory database names, which need no folder and cannot use WAL. */
export const isInMemory = (path: string): boolean => path === ":memory:" || path === ""

/**
 * Opens (creating its folder if needed) and migrates the database. WAL lets readers run beside the writer;
 * `synchronous=NORMAL` writes every commit to the WAL file without waiting for the disk, and the server makes it
 * durable before answering with one shared sync for all the writes in flight (see `Durability.ts`), so a 201 still
 * means the row is on disk; `busy_timeout` makes a second process wait for the write lock instead of failing at once.
 */
export const openDatabase = (path: string): Database => {
  if (!isInMemory(path)) mkdirSync(dirname(resolve(path)), { recursive: true })
  const db = new BetterSqlite3(path)
  try {
    db.pragma("journal_mode = WAL")
    db.pragma("synchronous = NORMAL")
    db.pragma("foreign_keys = ON")
    db.pragma("busy_timeout = 5000")
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** The SQLite error codes better-sqlite3 puts on `error.code` for a violated UNIQUE or PRIMARY KEY constraint. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof BetterSqlite3.SqliteError &&
  (error.code === "SQLITE_CONSTRAINT_UNIQUE" || error.code === "SQLITE_CONSTRAINT_PRIMARYKEY")

/** A violated FOREIGN KEY constraint. */
export const isForeignKeyViolation = (error: unknown): boolean =>
  error instanceof BetterSqlite3.SqliteError && error.code === "SQLITE_CONSTRAINT_FOREIGNKEY"
