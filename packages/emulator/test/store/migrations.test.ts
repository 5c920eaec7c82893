import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import BetterSqlite3 from "better-sqlite3"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openDatabase } from "../../src/store/Database.js"
import { latestVersion, migrations } from "../../src/store/migrations.js"

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
