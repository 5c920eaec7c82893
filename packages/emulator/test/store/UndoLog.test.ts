import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { type Database, openDatabase } from "../../src/store/Database.js"
import { makeUndoLog } from "../../src/store/UndoLog.js"

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-undo-log-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

/** Every row of every table, with its rowid, in a stable order. */
const contents = (db: Database) =>
  Object.fromEntries(
    ["accounts", "services", "short_codes", "service_short_codes"].map((t) => [t, db.prepare(`SELECT rowid AS r, * FROM ${t} ORDER BY rowid`).all()])
  )

describe("makeUndoLog", () => {
  it("takes back inserts, deletes (with their cascades) and updates made after the mark, and keeps those before", () => {
    const db = openDatabase(join(folder, "undo.sqlite"))
    const log = makeUndoLog(db)
    db.exec(`
      INSERT INTO accounts VALUES ('AC1', 't1', 1);
      INSERT INTO services (sid, account_sid, friendly_name, date_created, date_updated) VALUES ('MG1', 'AC1', 'one', 1, 1);
      INSERT INTO short_codes VALUES ('SC1', 'AC1', '12345', 'US', '["SMS"]', 1, 1);
      INSERT INTO service_short_codes (service_sid, short_code_sid, account_sid, date_created, date_updated) VALUES ('MG1', 'SC1', 'AC1', 1, 1);
    `)
    log.forget(log.mark())
    const acknowledged = contents(db)

    db.exec(`
      DELETE FROM services WHERE sid = 'MG1';
      INSERT INTO accounts VALUES ('AC2', 't2', 2);
      DELETE FROM accounts WHERE sid = 'AC2';
      INSERT INTO accounts VALUES ('AC2', 't3', 3);
      UPDATE short_codes SET short_code = '99999' WHERE sid = 'SC1';
      INSERT INTO short_codes VALUES ('SC2', 'AC1', '23456', 'US', '["MMS"]', 2, 2);
    `)
    expect(contents(db)).not.toEqual(acknowledged)
    log.undoAll()
    expect(contents(db)).toEqual(acknowledged)
    // It stopped recording: later changes stay, and leave nothing to undo.
    db.exec("INSERT INTO accounts VALUES ('AC9', 't9', 9)")
    expect(log.mark()).toBe(0)
    db.close()
  })

  it("records nothing for a transaction that rolled back", () => {
    const db = openDatabase(join(folder, "rollback.sqlite"))
    const log = makeUndoLog(db)
    expect(() =>
      db.transaction(() => {
        db.exec("INSERT INTO accounts VALUES ('AC1', 't1', 1)")
        throw new Error("changed my mind")
      })()
    ).toThrow("changed my mind")
    expect(log.mark()).toBe(0)
    db.close()
  })
})
