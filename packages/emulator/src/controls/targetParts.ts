/**
 * The journal's `path` and `query` of a request target read without a `URL` parse, for the kept answers on
 * node:http, where building the `URL` was about a tenth of an answer's cost. Only targets whose reading by the URL
 * parser is known in advance take this way: an origin-form path of characters the parser keeps as they are (no
 * segment starting with a dot, which it may resolve away), and a query of printable ASCII without a fragment (which
 * the parser may percent-encode, and `URLSearchParams` decodes back to the same values). Anything else gets
 * `undefined`, and the caller parses the URL as before.
 */
import { decodeParameters, type Parameters } from "./Journal.js"

// Unreserved, sub-delimiters, ":", "@", "/" and percent signs: what the URL parser's path state copies unchanged.
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/
// A "." or "%2e" starting a segment may be a dot segment, which the parser resolves.
const DOT_SEGMENT = /\/(?:\.|%2e)/i
// Printable ASCII but "#".
const PLAIN_QUERY = /^[\x21\x22\x24-\x7e]*$/

/** What the journal records of a request's target. */
export interface TargetParts {
  /** The path as sent, without the query. */
  readonly path: string
  /** The decoded query parameters. */
  readonly query: Parameters
}

/**
 * The `path` and `query` that `new URL(<origin> + target)` gives for `target`, when they can be read off directly;
 * `undefined` when the URL must be parsed.
 *
 * @example
 * ```ts
 * plainTargetParts("/v1/Services?PageSize=2") // { path: "/v1/Services", query: { PageSize: "2" } }
 * plainTargetParts("/v1/../Services") // undefined
 * ```
 */
export const plainTargetParts = (target: string): TargetParts | undefined => {
  const mark = target.indexOf("?")
  const path = mark < 0 ? target : target.slice(0, mark)
  if (!PLAIN_PATH.test(path) || DOT_SEGMENT.test(path)) return undefined
  if (mark < 0) return { path, query: {} }
  const query = target.slice(mark)
  if (!PLAIN_QUERY.test(query)) return undefined
  // With its "?": `URLSearchParams` drops one leading "?", which would otherwise eat a second one ("/??").
  return { path, query: decodeParameters(new URLSearchParams(query)) }
}

/** The `path` and `query` of a parsed request URL (what the full path journals). */
export const urlTargetParts = (url: URL): TargetParts => ({ path: url.pathname, query: decodeParameters(url.searchParams) })
