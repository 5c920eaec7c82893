import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { AccountSid, ServiceSid, ShortCodeSid } from "@shortcode-kit/schema"
import BetterSqlite3 from "better-sqlite3"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openDatabase } from "../../src/store/Database.js"
import { latestVersion, migrations } from "../../src/store/migrations.js"
import { makeRepository } from "../../src/store/Repository.js"
import { PHONE_NUMBER, SHORT_CODE } from "../../src/store/SenderKinds.js"

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "shortcode-kit-migrations-"))
})
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

describe("openDatabase", () => {
  it("creates the folder, migrates to the latest version and sets WAL, NORMAL sync (the server syncs before it answers), foreign keys and a busy timeout", () => {
    const path = join(folder, "nested", "deeper", "a.sqlite")
    const db = openDatabase(path)
    expect(db.pragma("user_version", { simple: true })).toBe(latestVersion)
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal")
    expect(db.pragma("synchronous", { simple: true })).toBe(1)
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1)
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000)
    db.close()
    // Opening again applies nothing twice.
    const again = openDatabase(path)
    expect(again.pragma("user_version", { simple: true })).toBe(latestVersion)
    again.close()
  })

  it("numbers migrations 1, 2, ... without gaps", () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
  })

  it("refuses a database written by a newer version of the app, and leaves it untouched", () => {
    const path = join(folder, "newer.sqlite")
    const raw = new BetterSqlite3(path)
    raw.pragma(`user_version = ${latestVersion + 1}`)
    raw.close()
    expect(() => openDatabase(path)).toThrow(`The database is at schema version ${latestVersion + 1}, newer than this app's ${latestVersion}`)
    const check = new BetterSqlite3(path)
    expect(check.pragma("user_version", { simple: true })).toBe(latestVersion + 1)
    check.close()
  })
})

describe("migration 3: phone numbers and alpha senders", () => {
  const ACCOUNT = `AC${"1".repeat(32)}` as AccountSid
  const SERVICE = `MG${"2".repeat(32)}` as ServiceSid
  const SHORT_CODE_SID = `SC${"3".repeat(32)}` as ShortCodeSid
  const OLD_TABLES = ["accounts", "services", "short_codes", "service_short_codes"] as const
  const rowsOf = (db: BetterSqlite3.Database) => Object.fromEntries(OLD_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]))

  it("upgrades a file at version 2 (as the version before it wrote) without losing or changing a row, and then holds phone numbers", () => {
    const path = join(folder, "version-2.sqlite")
    const old = new BetterSqlite3(path)
    old.pragma("foreign_keys = ON")
    for (const m of migrations.filter((m) => m.version <= 2)) {
      if (m.sql !== undefined) old.exec(m.sql)
      m.run?.(old)
    }
    old.pragma("user_version = 2")
    old.exec(`
      INSERT INTO accounts VALUES ('${ACCOUNT}', 'old-token', 1000);
      INSERT INTO services (sid, account_sid, friendly_name, date_created, date_updated) VALUES ('${SERVICE}', '${ACCOUNT}', 'Old', 2000, 3000);
      INSERT INTO short_codes VALUES ('${SHORT_CODE_SID}', '${ACCOUNT}', '61000', 'US', '["SMS","MMS"]', 4000, 5000);
      INSERT INTO service_short_codes (service_sid, short_code_sid, account_sid, date_created, date_updated) VALUES ('${SERVICE}', '${SHORT_CODE_SID}', '${ACCOUNT}', 6000, 7000);
    `)
    const before = rowsOf(old)
    old.close()

    const db = openDatabase(path)
    expect(db.pragma("user_version", { simple: true })).toBe(3)
    expect(rowsOf(db)).toEqual(before)
    expect(db.pragma("foreign_key_check")).toEqual([])
    const repository = makeRepository(db, { servicePoolLimit: 2 })
    expect(repository.findAnySender(SHORT_CODE, SHORT_CODE_SID)).toMatchObject({ serviceSid: SERVICE, capabilities: ["SMS", "MMS"] })
    const number = repository.insertSender(PHONE_NUMBER, { accountSid: ACCOUNT, phoneNumber: "+15005550006", countryCode: "US", capabilities: ["SMS"] })
    if (number._tag !== "Inserted") throw new Error(JSON.stringify(number))
    // The short code that was already there counts in the pool the phone numbers now share.
    expect(repository.addSender(PHONE_NUMBER, ACCOUNT, SERVICE, number.value.sid)._tag).toBe("Added")
    const second = repository.insertSender(PHONE_NUMBER, { accountSid: ACCOUNT, phoneNumber: "+15005550007", countryCode: "US", capabilities: ["SMS"] })
    if (second._tag !== "Inserted") throw new Error(JSON.stringify(second))
    expect(repository.addSender(PHONE_NUMBER, ACCOUNT, SERVICE, second.value.sid)).toEqual({ _tag: "PoolFull", limit: 2 })
    db.close()
  })
})
