/**
 * The database schema, as an ordered list of migrations. `PRAGMA user_version` records how many have been applied,
 * so opening an older file upgrades it and opening a newer one (from a later version of the app) is refused.
 */
import type Database from "better-sqlite3"
import { canonicalSid } from "../CanonicalSid.js"

export interface Migration {
  readonly version: number
  readonly description: string
  /** The statements of the migration, or */
  readonly sql?: string
  /** the migration as code, for what SQL alone cannot say; it runs inside the migration's transaction. */
  readonly run?: (db: Database.Database) => void
}

/** Every column that holds a SID, per table. */
const SID_COLUMNS: ReadonlyArray<{ readonly table: string; readonly columns: ReadonlyArray<string> }> = [
  { table: "accounts", columns: ["sid"] },
  { table: "services", columns: ["sid", "account_sid"] },
  { table: "short_codes", columns: ["sid", "account_sid"] },
  { table: "service_short_codes", columns: ["service_sid", "short_code_sid", "account_sid"] }
]

/** The tables whose `sid` is their identity: two rows whose SIDs differ only in case are then one row twice. */
const IDENTITY_TABLES = ["accounts", "services", "short_codes"] as const

/**
 * Version 2: the SID identity rule of `CanonicalSid.ts` (hex digits compared without regard to case, stored in
 * lower case) for files written before it, which may hold upper-case SIDs that the server would no longer find.
 * SIDs that differ only in case were two rows then and would be one now: there is no safe way to choose which one
 * to keep, so the file is refused, naming them, and left as it was.
 */
const canonicalizeSids = (db: Database.Database): void => {
  db.function("canonical_sid", { deterministic: true }, (sid: unknown) => (typeof sid === "string" ? canonicalSid(sid) : sid))
  const clashes = IDENTITY_TABLES.flatMap((table) =>
    (db.prepare(`SELECT group_concat(sid, ' and ') AS sids FROM (SELECT sid FROM ${table} ORDER BY sid) GROUP BY canonical_sid(sid) HAVING count(*) > 1`).all() as Array<{ sids: string }>)
      .map((row) => `${row.sids} (${table})`)
  )
  if (clashes.length > 0) {
    throw new Error(
      `it holds SIDs that differ only in letter case, which this version of the emulator treats as the same SID: ${clashes.join("; ")}. ` +
        "Delete all but one of each with the sqlite3 shell, or stop the emulator and delete the file to start over"
    )
  }
  // The SIDs of a parent and its children change in the same transaction: the foreign keys are checked at its end.
  db.pragma("defer_foreign_keys = ON")
  for (const { table, columns } of SID_COLUMNS) {
    db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = canonical_sid(${c})`).join(", ")} WHERE ${columns.map((c) => `${c} <> canonical_sid(${c})`).join(" OR ")}`).run()
  }
}

export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    description: "accounts, Messaging Services, short-code inventory and service membership",
    // Times are milliseconds since the epoch. `position` columns are AUTOINCREMENT so a value is never reused: list
    // pages are keyed on them, and a removed row must not let a later one slip in behind a page token.
    // UNIQUE(short_code_sid) on the membership makes "a short code is in at most one service" a database fact, so
    // two concurrent adds (even from two processes) cannot both succeed. The composite foreign keys make it
    // impossible to put one account's short code into another account's service.
    sql: `
      CREATE TABLE accounts (
        sid TEXT PRIMARY KEY,
        auth_token TEXT NOT NULL,
        date_created INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE services (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        sid TEXT NOT NULL UNIQUE,
        account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
        friendly_name TEXT NOT NULL,
        date_created INTEGER NOT NULL,
        date_updated INTEGER NOT NULL,
        UNIQUE (sid, account_sid)
      ) STRICT;
      CREATE INDEX services_by_account ON services(account_sid, position);

      CREATE TABLE short_codes (
        sid TEXT PRIMARY KEY,
        account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
        short_code TEXT NOT NULL,
        country_code TEXT NOT NULL,
        capabilities TEXT NOT NULL,
        date_created INTEGER NOT NULL,
        date_updated INTEGER NOT NULL,
        UNIQUE (sid, account_sid),
        UNIQUE (country_code, short_code)
      ) STRICT;
      CREATE INDEX short_codes_by_account ON short_codes(account_sid);

      CREATE TABLE service_short_codes (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        service_sid TEXT NOT NULL,
        short_code_sid TEXT NOT NULL UNIQUE,
        account_sid TEXT NOT NULL,
        date_created INTEGER NOT NULL,
        date_updated INTEGER NOT NULL,
        FOREIGN KEY (service_sid, account_sid) REFERENCES services(sid, account_sid) ON DELETE CASCADE,
        FOREIGN KEY (short_code_sid, account_sid) REFERENCES short_codes(sid, account_sid) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX service_short_codes_by_service ON service_short_codes(service_sid, position);
    `
  },
  {
    version: 2,
    description: "SIDs in their canonical form (hex digits in lower case), refusing SIDs that differ only in case",
    run: canonicalizeSids
  },
  {
    version: 3,
    description: "phone-number inventory and service membership, and the alpha sender of a service",
    // The phone-number tables mirror the short-code ones of version 1, for the same reasons: UNIQUE(phone_number_sid)
    // keeps a number in at most one service across connections, the composite foreign keys keep it in its own
    // account's services, and AUTOINCREMENT positions key the list pages. UNIQUE(service_sid) on the alpha senders is
    // Twilio's rule of one alpha sender per service, as a database fact. SIDs arrive canonical (every boundary decodes
    // them so since version 2), so these tables need no step of their own for letter case.
    sql: `
      CREATE TABLE phone_numbers (
        sid TEXT PRIMARY KEY,
        account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
        phone_number TEXT NOT NULL UNIQUE,
        country_code TEXT NOT NULL,
        capabilities TEXT NOT NULL,
        date_created INTEGER NOT NULL,
        date_updated INTEGER NOT NULL,
        UNIQUE (sid, account_sid)
      ) STRICT;
      CREATE INDEX phone_numbers_by_account ON phone_numbers(account_sid);

      CREATE TABLE service_phone_numbers (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        service_sid TEXT NOT NULL,
        phone_number_sid TEXT NOT NULL UNIQUE,
        account_sid TEXT NOT NULL,
        date_created INTEGER NOT NULL,
        date_updated INTEGER NOT NULL,
        FOREIGN KEY (service_sid, account_sid) REFERENCES services(sid, account_sid) ON DELETE CASCADE,
        FOREIGN KEY (phone_number_sid, account_sid) REFERENCES phone_numbers(sid, account_sid) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX service_phone_numbers_by_service ON service_phone_numbers(service_sid, position);

      CREATE TABLE service_alpha_senders (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        sid TEXT NOT NULL UNIQUE,
        service_sid TEXT NOT NULL UNIQUE,
        account_sid TEXT NOT NULL,
        alpha_sender TEXT NOT NULL,
        capabilities TEXT NOT NULL,
        date_created INTEGER NOT NULL,
        date_updated INTEGER NOT NULL,
        FOREIGN KEY (service_sid, account_sid) REFERENCES services(sid, account_sid) ON DELETE CASCADE
      ) STRICT;
    `
  }
]

/** The schema version this build of the app writes. */
export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0)

/**
 * Brings the database to {@link latestVersion}, each migration in its own transaction with the version bump, so a
 * crash leaves the file at a whole version.
 */
export const migrate = (db: Database.Database): { readonly from: number; readonly to: number } => {
  const from = db.pragma("user_version", { simple: true }) as number
  if (from > latestVersion) {
    throw new Error(
      `The database is at schema version ${from}, newer than this app's ${latestVersion}: ` +
        "use a newer build of the emulator, or another DB file"
    )
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue
    db.transaction(() => {
      if (migration.sql !== undefined) db.exec(migration.sql)
      migration.run?.(db)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
  }
  return { from, to: latestVersion }
}
