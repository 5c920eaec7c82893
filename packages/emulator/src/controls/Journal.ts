/**
 * The request journal: what a test asserts its code sent to the emulator. A bounded list, oldest first; when it is
 * full the oldest entry is dropped. Entries never hold secrets: no headers, so neither the `Authorization` header
 * nor an auth token; the form values are the API's parameters.
 */
import { Schema } from "effect"
import { PATH_WILDCARD } from "../faults/FaultRule.js"

/** A decoded query or form: one string per name, or every value in order when the name was repeated. */
export const Parameters = Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Array(Schema.String)]))
/** A decoded query or form. */
export type Parameters = typeof Parameters.Type

/**
 * One request the emulator answered. The field names are those of `GET /admin/requests`, so an entry read over HTTP
 * and one read from `server.requests()` compare equal.
 */
export const JournalEntry = Schema.Struct({
  method: Schema.String,
  /** The path as sent (percent-encoding kept), without the query. */
  path: Schema.String,
  /** The decoded query parameters. */
  query: Parameters,
  /** The decoded form parameters of an `application/x-www-form-urlencoded` body; `{}` for any other body or none. */
  form: Parameters,
  /** The account whose Basic credentials were valid, or `null` (none, or wrong ones). */
  account_sid: Schema.NullOr(Schema.String),
  /** The answer's status; `null` for a connection a fault rule dropped (no answer was sent). */
  status: Schema.NullOr(Schema.Int),
  /** The Twilio error code of an error answer, else `null`. */
  code: Schema.NullOr(Schema.Int),
  /** From the request reaching the emulator to its answer being ready, in milliseconds. */
  duration_ms: Schema.Finite,
  /** When the request arrived (ISO 8601, from the emulator's clock). */
  at: Schema.String
})
/** One request the emulator answered (see the schema of the same name). */
export type JournalEntry = typeof JournalEntry.Type

/** The body of `GET /admin/requests`. */
export const JournalBody = Schema.Struct({ requests: Schema.Array(JournalEntry) })

/**
 * Which entries to return. `method` matches exactly, in any letter case. `path` matches exactly, where a `*`
 * segment stands for exactly one path segment, as in a fault rule (`/v1/Services/*\/ShortCodes`), and a final `*`
 * for any rest (`/v1/Services/*` is every path under `/v1/Services/`).
 */
export interface JournalFilter {
  readonly method?: string
  readonly path?: string
}

/** Entries kept by default; more drops the oldest. */
export const DEFAULT_JOURNAL_LIMIT = 1000

/** A bounded journal. */
export interface Journal {
  readonly limit: number
  readonly record: (entry: JournalEntry) => void
  readonly entries: (filter?: JournalFilter) => ReadonlyArray<JournalEntry>
  readonly clear: () => void
  readonly size: () => number
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

const pathMatcher = (pattern: string | undefined): ((path: string) => boolean) => {
  if (pattern === undefined) return () => true
  const segments = pattern.split("/")
  const last = segments.length - 1
  const source = segments
    .map((segment, i) => {
      if (i === last && segment.endsWith(PATH_WILDCARD)) return `${escapeRegExp(segment.slice(0, -1))}.*`
      return segment === PATH_WILDCARD ? "[^/]+" : escapeRegExp(segment)
    })
    .join("/")
  const regExp = new RegExp(`^${source}$`)
  return (path) => regExp.test(path)
}

/** The parameters of a query string or form body, repeated names kept as a list. */
export const decodeParameters = (params: URLSearchParams): Parameters => {
  const out: Record<string, string | Array<string>> = {}
  for (const [name, value] of params) {
    const seen = out[name]
    if (seen === undefined) out[name] = value
    else if (typeof seen === "string") out[name] = [seen, value]
    else seen.push(value)
  }
  return out
}

/**
 * A journal of at most `limit` entries (0 keeps none).
 *
 * @example
 * ```ts
 * const journal = makeJournal(2) // keeps the last two requests
 * journal.entries({ method: "POST", path: "/v1/Services*" })
 * ```
 */
export const makeJournal = (limit: number = DEFAULT_JOURNAL_LIMIT): Journal => {
  // A ring buffer: recording stays O(1) when full, as it will be in a long test run.
  const ring: Array<JournalEntry | undefined> = new Array<JournalEntry | undefined>(limit)
  let start = 0
  let count = 0
  const ordered = (): Array<JournalEntry> => {
    const out: Array<JournalEntry> = []
    for (let i = 0; i < count; i++) out.push(ring[(start + i) % limit] as JournalEntry)
    return out
  }
  return {
    limit,
    record: (entry) => {
      if (limit === 0) return
      if (count < limit) {
        ring[(start + count) % limit] = entry
        count++
      } else {
        ring[start] = entry
        start = (start + 1) % limit
      }
    },
    entries: (filter = {}) => {
      const method = filter.method?.toUpperCase()
      const matchesPath = pathMatcher(filter.path)
      return ordered().filter((e) => (method === undefined || e.method.toUpperCase() === method) && matchesPath(e.path))
    },
    clear: () => {
      ring.fill(undefined)
      start = 0
      count = 0
    },
    size: () => count
  }
}
