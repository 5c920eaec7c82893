/**
 * The log of the writes that are committed but not yet acknowledged, to take them back if the disk refuses them.
 *
 * In WAL mode with `synchronous=NORMAL`, a commit is visible at once, before the `fdatasync` that makes it durable
 * (`Durability.ts`). When that sync fails, the rows the disk may not hold are already in the database: served to
 * readers, counted against a service's pool, and in the way of a retry (which would get 409 for a row nobody was
 * told exists). Holding each transaction open until its sync returns would serialize the writes behind one sync
 * each and lose group commit; so instead every change to a table of the main database is recorded, by TEMP
 * triggers, in a TEMP table (memory only: `temp_store=MEMORY`, and never in the WAL), with what is needed to undo
 * it. A successful sync forgets the entries it covered; a failed one undoes the rest, newest first, which brings
 * what this process serves back to exactly what it acknowledged.
 *
 * The triggers are part of the writing transaction, so a rolled-back write leaves no entry; they fire for rows that
 * foreign-key cascades delete too. `sqlite_sequence` is not restored: AUTOINCREMENT then never reuses the position
 * of an undone row, as it never reuses a deleted one.
 */
import type { Database } from "./Database.js"

export interface UndoLog {
  /** The newest entry so far (0 when none): a sync started now covers the entries up to it. */
  readonly mark: () => number
  /** Drops the entries up to `mark`, whose writes are durable now. */
  readonly forget: (mark: number) => void
  /** Undoes every entry left, newest first, in one transaction, and stops recording. */
  readonly undoAll: () => void
}

const LOG = "temp.shortcode_kit_unacknowledged"

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`

interface Column { readonly name: string; readonly pk: number; readonly type: string }

/** Starts recording the changes to every table of the main database. Call it after the migrations. */
export const makeUndoLog = (db: Database): UndoLog => {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS shortcode_kit_unacknowledged (
    id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, rid INTEGER, old TEXT)`)
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all()
    .map((t) => t.name)
  const triggers: Array<string> = []
  const undoers = new Map<string, { readonly insert: string; readonly update: string }>()
  for (const table of tables) {
    const columns = db.prepare<[], Column>(`PRAGMA main.table_info(${quote(table)})`).all()
    // A table whose INTEGER PRIMARY KEY is the rowid restores it with that column; any other keeps its rowid apart.
    const keys = columns.filter((c) => c.pk > 0)
    const aliasesRowid = keys.length === 1 && keys[0]?.type.toUpperCase() === "INTEGER"
    const names = [...(aliasesRowid ? [] : ["rowid"]), ...columns.map((c) => c.name)]
    const oldRow = `json_object(${names.map((n) => `${literal(n)}, OLD.${quote(n)}`).join(", ")})`
    const fromJson = (n: string) => `json_extract(old, ${literal(`$."${n}"`)})`
    const t = quote(table)
    const name = (op: string) => quote(`shortcode_kit_undo_${table}_${op}`)
    triggers.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS ${name("insert")} AFTER INSERT ON main.${t} BEGIN ` +
        `INSERT INTO ${LOG} (tbl, op, rid) VALUES (${literal(table)}, 'insert', NEW.rowid); END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS ${name("delete")} AFTER DELETE ON main.${t} BEGIN ` +
        `INSERT INTO ${LOG} (tbl, op, old) VALUES (${literal(table)}, 'delete', ${oldRow}); END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS ${name("update")} AFTER UPDATE ON main.${t} BEGIN ` +
        `INSERT INTO ${LOG} (tbl, op, rid, old) VALUES (${literal(table)}, 'update', NEW.rowid, ${oldRow}); END`
    )
    undoers.set(table, {
      insert: `INSERT INTO main.${t} (${names.map(quote).join(", ")}) SELECT ${names.map(fromJson).join(", ")} FROM ${LOG} WHERE id = ?`,
      update: `UPDATE main.${t} SET (${names.map(quote).join(", ")}) = (SELECT ${names.map(fromJson).join(", ")} FROM ${LOG} WHERE id = ?) WHERE rowid = ?`
    })
  }
  for (const trigger of triggers) db.exec(trigger)

  const newest = db.prepare<[], number | null>(`SELECT max(id) FROM ${LOG}`).pluck()
  const forget = db.prepare(`DELETE FROM ${LOG} WHERE id <= ?`)
  const entries = db.prepare<[], { id: number; tbl: string; op: string; rid: number | null }>(
    `SELECT id, tbl, op, rid FROM ${LOG} ORDER BY id DESC`
  )

  return {
    mark: () => newest.get() ?? 0,
    forget: (mark) => {
      forget.run(mark)
    },
    undoAll: () => {
      // Undoing must not record itself, nor cascade into the log: the triggers go first, for good (no write is
      // taken after a failed sync).
      for (const table of tables) for (const op of ["insert", "delete", "update"]) {
        db.exec(`DROP TRIGGER IF EXISTS temp.${quote(`shortcode_kit_undo_${table}_${op}`)}`)
      }
      db.transaction(() => {
        // Restoring newest first can pass through states the foreign keys forbid (a membership back before its
        // service); they are checked once, at the commit.
        db.pragma("defer_foreign_keys = ON")
        for (const entry of entries.all()) {
          const undo = undoers.get(entry.tbl)
          if (undo === undefined) continue
          if (entry.op === "insert") db.prepare(`DELETE FROM main.${quote(entry.tbl)} WHERE rowid = ?`).run(entry.rid)
          else if (entry.op === "delete") db.prepare(undo.insert).run(entry.id)
          else db.prepare(undo.update).run(entry.id, entry.rid)
        }
        db.prepare(`DELETE FROM ${LOG}`).run()
      }).immediate()
    }
  }
}
