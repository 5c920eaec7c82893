/**
 * Keyset paging over a table with an AUTOINCREMENT `position` column. A page is named by where it starts (an
 * offset from the beginning for the first request, or "after position p" / "before position p" for the pages the
 * server links to), never by an offset into a list that may have changed since: walking `next_page_url` therefore
 * returns every item that stays in the list exactly once, whatever is added or removed between requests.
 */
import { hash } from "node:crypto"
import type { Statement } from "better-sqlite3"
import type { Database } from "./Database.js"

// Preparing a statement costs more than running it: each database keeps the few paging statements it has used.
const statements = new WeakMap<Database, Map<string, Statement>>()
const prepared = (db: Database, sql: string): Statement => {
  let cache = statements.get(db)
  if (cache === undefined) statements.set(db, (cache = new Map()))
  let statement = cache.get(sql)
  if (statement === undefined) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}

/** Where a page starts. */
export type PageCursor =
  | { readonly _tag: "Offset"; readonly offset: number }
  | { readonly _tag: "After"; readonly position: number }
  | { readonly _tag: "Before"; readonly position: number }

/** A page of rows and the cursors of its neighbours (`undefined` at the ends). */
export interface KeysetPage<Row> {
  readonly rows: ReadonlyArray<Row>
  readonly previous: PageCursor | undefined
  readonly next: PageCursor | undefined
}

/** A table (or join) to page over: `from` and `where` are fixed SQL, `args` bind the `where` placeholders. */
export interface KeysetSource {
  readonly select: string
  readonly from: string
  readonly where: string
  /** The qualified position column, such as `m.position`. */
  readonly position: string
}

/**
 * Reads one page. `rows` must carry the position under the column alias `position`.
 */
export const readKeysetPage = <Row extends { readonly position: number }>(
  db: Database,
  source: KeysetSource,
  args: ReadonlyArray<unknown>,
  cursor: PageCursor,
  limit: number
): KeysetPage<Row> => {
  const base = `SELECT ${source.select} FROM ${source.from} WHERE ${source.where}`
  let rows: Array<Row>
  switch (cursor._tag) {
    case "Offset":
      rows = prepared(db, `${base} ORDER BY ${source.position} ASC LIMIT ? OFFSET ?`).all(...args, limit, cursor.offset) as Array<Row>
      break
    case "After":
      rows = prepared(db, `${base} AND ${source.position} > ? ORDER BY ${source.position} ASC LIMIT ?`).all(...args, cursor.position, limit) as Array<Row>
      break
    case "Before":
      rows = (prepared(db, `${base} AND ${source.position} < ? ORDER BY ${source.position} DESC LIMIT ?`).all(...args, cursor.position, limit) as Array<Row>).reverse()
      break
  }
  const exists = (comparison: "<" | ">", position: number): boolean =>
    prepared(db, `SELECT 1 FROM ${source.from} WHERE ${source.where} AND ${source.position} ${comparison} ? LIMIT 1`).get(...args, position) !== undefined
  // The neighbours' bounds: around the rows read, or, for an empty page, around the place the cursor points at.
  const first = rows[0]?.position
  const last = rows[rows.length - 1]?.position
  let before: number
  let after: number
  if (first !== undefined && last !== undefined) {
    before = first
    after = last
  } else {
    switch (cursor._tag) {
      case "Offset":
        // An offset past the end: the previous page is the last one that has items.
        before = cursor.offset > 0 ? Number.MAX_SAFE_INTEGER : 0
        after = Number.MAX_SAFE_INTEGER
        break
      // Positions start at 1 (AUTOINCREMENT), so "after 0" is the whole list and "before the largest safe integer"
      // reaches every row there can be: clamping keeps every neighbour a cursor that a token can carry.
      case "After":
        before = Math.min(cursor.position + 1, Number.MAX_SAFE_INTEGER)
        after = cursor.position
        break
      case "Before":
        before = cursor.position
        after = Math.max(cursor.position - 1, 0)
        break
    }
  }
  return {
    rows,
    previous: exists("<", before) ? { _tag: "Before", position: before } : undefined,
    next: exists(">", after) ? { _tag: "After", position: after } : undefined
  }
}

/** A cursor that a `PageToken` carries: a position and a direction. */
export type TokenCursor = Exclude<PageCursor, { readonly _tag: "Offset" }>

// A token is "PA" (after) or "PB" (before), then the position in 16 hex digits, then
// 16 hex digits naming the list it was issued for: 32 hex digits, shaped like Twilio's own `PA...` tokens.
const POSITION_DIGITS = 16
const TOKEN = /^P([AB])([0-9a-f]{16})([0-9a-f]{16})$/

/**
 * The tag of a list, from its identity (whose list, which collection): a token carries it, so a token used on another
 * list is recognised and refused instead of silently paging that list from an unrelated position.
 */
const listTag = (list: string): string => hash("sha256", list, "hex").slice(0, 16)

/**
 * The `PageToken` of a cursor of the list `list` (an identity such as `"AC... /v1/Services"`). Clients treat it as
 * opaque.
 */
export const encodePageToken = (cursor: TokenCursor, list: string): string => {
  if (!Number.isSafeInteger(cursor.position) || cursor.position < 0) {
    throw new Error(`a page token needs a position from 0 to ${Number.MAX_SAFE_INTEGER}, received ${cursor.position}`)
  }
  return `${cursor._tag === "After" ? "PA" : "PB"}${cursor.position.toString(16).padStart(POSITION_DIGITS, "0")}${listTag(list)}`
}

/** What a `PageToken` says on a given list: its cursor, or why it cannot be used there. */
export type DecodedPageToken =
  | { readonly _tag: "Cursor"; readonly cursor: TokenCursor }
  | { readonly _tag: "Malformed" }
  | { readonly _tag: "OtherList" }

/** Reads a `PageToken` presented to the list `list`: only a token this server issued for that very list has a cursor. */
export const decodePageToken = (token: string, list: string): DecodedPageToken => {
  const m = TOKEN.exec(token)
  if (m === null) return { _tag: "Malformed" }
  const position = Number.parseInt(m[2] as string, 16)
  if (!Number.isSafeInteger(position)) return { _tag: "Malformed" }
  if (m[3] !== listTag(list)) return { _tag: "OtherList" }
  return { _tag: "Cursor", cursor: m[1] === "A" ? { _tag: "After", position } : { _tag: "Before", position } }
}
