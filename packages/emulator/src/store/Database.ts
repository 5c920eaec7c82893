/**
 * Opening the SQLite database with the settings the app's guarantees rest on.
 */
import BetterSqlite3 from "better-sqlite3"
import { existsSync, mkdirSync, statSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { migrate } from "./migrations.js"

export type Database = BetterSqlite3.Database

/**
 * Makes `folder` and its missing parents, one level at a time: Node 20's `mkdirSync(..., { recursive: true })` never
 * returns for a folder under /proc, where the kernel refuses it. A folder another process makes meanwhile is taken.
 */
const makeFolder = (folder: string): void => {
  const missing: Array<string> = []
  let existing = folder
  for (; !existsSync(existing) && dirname(existing) !== existing; existing = dirname(existing)) missing.unshift(existing)
  // A file where a folder should be: Node's own error says which (EEXIST or ENOTDIR), at once.
  if (existsSync(existing) && !statSync(existing).isDirectory()) {
    mkdirSync(folder, { recursive: true })
    return
  }
  for (const level of missing) {
    try {
      mkdirSync(level)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !statSync(level).isDirectory()) throw error
    }
  }
}

/** `true` for SQLite's in-memory database names, which need no folder and cannot use WAL. */
export const isInMemory = (path: string): boolean => path === ":memory:" || path === ""

const reason = (error: unknown): string =>
  error instanceof BetterSqlite3.SqliteError
    ? `${error.message} (${error.code})`
    : error instanceof Error ? error.message : String(error)

/** How many of `PRAGMA quick_check`'s findings the start-up error lists (a damaged file can yield thousands). */
const FINDINGS_SHOWN = 5

/**
 * Refuses a damaged file at start, naming it and what is wrong, rather than starting and answering 500 to whichever
 * request first reads the damaged page. `quick_check` reads every page (but skips the slower index-content checks
 * of `integrity_check`), which costs milliseconds for the sizes an emulator holds.
 */
const checkIntegrity = (db: Database, path: string): void => {
  let findings: Array<{ quick_check: string }>
  try {
    findings = db.pragma("quick_check", { simple: false }) as Array<{ quick_check: string }>
  } catch (error) {
    // Damage bad enough stops the check itself (SQLITE_CORRUPT): that is its finding.
    if (!(error instanceof BetterSqlite3.SqliteError)) throw error
    findings = [{ quick_check: reason(error) }]
  }
  // SQLite reports its findings as rows, or as one row of several lines, depending on the damage.
  const problems = findings.flatMap((row) => row.quick_check.split("\n")).filter((line) => line !== "ok" && line !== "" && !line.startsWith("***"))
  if (problems.length === 0) return
  const more = problems.length > FINDINGS_SHOWN ? `; and ${problems.length - FINDINGS_SHOWN} more` : ""
  throw new Error(`the database file ${path} is damaged (PRAGMA quick_check: ${problems.slice(0, FINDINGS_SHOWN).join("; ")}${more}): restore it from a copy, or stop the emulator and delete it to start over`)
}

/**
 * Opens (creating its folder if needed), checks and migrates the database. WAL lets readers run beside the writer;
 * `synchronous=NORMAL` writes every commit to the WAL file without waiting for the disk, and the server makes it
 * durable before answering with one shared sync for all the writes in flight (see `Durability.ts`), so a 201 still
 * means the row is on disk; `busy_timeout` makes a second process wait for the write lock instead of failing at once.
 * `temp_store=MEMORY` keeps the log of unacknowledged writes (`UndoLog.ts`) off the disk.
 *
 * Any failure (a file that is not a database, a folder that cannot be made, a damaged page) throws an Error whose
 * message names the file and the cause, for the command line to print.
 */
export const openDatabase = (path: string): Database => {
  const shown = isInMemory(path) ? path : resolve(path)
  if (!isInMemory(path)) {
    try {
      makeFolder(dirname(shown))
    } catch (error) {
      // EEXIST or ENOTDIR: a file stands where the folder (or one of its parents) should be.
      throw new Error(`cannot open the database file ${shown}: its folder ${dirname(shown)} cannot be made (${reason(error)})`, { cause: error })
    }
  }
  let db: Database
  try {
    db = new BetterSqlite3(path)
  } catch (error) {
    throw new Error(`cannot open the database file ${shown}: ${reason(error)}`, { cause: error })
  }
  try {
    db.pragma("busy_timeout = 5000")
    db.pragma("journal_mode = WAL")
    db.pragma("synchronous = NORMAL")
    db.pragma("foreign_keys = ON")
    db.pragma("temp_store = MEMORY")
    checkIntegrity(db, shown)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    if (error instanceof Error && error.message.includes(shown)) throw error
    throw new Error(`cannot use the database file ${shown}: ${reason(error)}`, { cause: error })
  }
}

/** The SQLite error codes better-sqlite3 puts on `error.code` for a violated UNIQUE or PRIMARY KEY constraint. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof BetterSqlite3.SqliteError &&
  (error.code === "SQLITE_CONSTRAINT_UNIQUE" || error.code === "SQLITE_CONSTRAINT_PRIMARYKEY")

/** A violated FOREIGN KEY constraint. */
export const isForeignKeyViolation = (error: unknown): boolean =>
  error instanceof BetterSqlite3.SqliteError && error.code === "SQLITE_CONSTRAINT_FOREIGNKEY"
