/**
 * The list endpoints' query (`PageSize`, `Page`, `PageToken`) and the `meta` of the page they answer with.
 */
import type { ListShortCodesQuery, PageMeta } from "@shortcode-kit/schema"
import { decodePageToken, encodePageToken, type KeysetPage, type PageCursor } from "../store/Paging.js"
import { invalidParameter } from "./decode.js"

/** The identity of the account's list at `path`, which its page tokens are bound to. */
export const listIdentity = (accountSid: string, path: string): string => `${accountSid} ${path}`

/** A decoded list request: the query as given, where the page starts, and which list it pages. */
export interface ListRequest {
  readonly query: ListShortCodesQuery
  readonly cursor: PageCursor
  /** The collection's path, such as `/v1/Services`, with its SIDs in canonical form. */
  readonly path: string
  /** The list's identity (the account and the path): what its page tokens are bound to. */
  readonly list: string
}

/**
 * Where the page of a decoded query starts (the route has decoded `PageSize` 1..1000, `Page` >= 0, each at most
 * once): a `PageToken` must be one this server issued for this list (the authenticated account's collection at
 * `path`). Without a token the page starts at `Page * PageSize`; with one, where the token says (`Page` is then, as
 * the spec puts it, "simply for client state").
 */
export const listRequest = (query: ListShortCodesQuery, accountSid: string, path: string): ListRequest => {
  const list = listIdentity(accountSid, path)
  if (query.pageToken === undefined) {
    return { query, path, list, cursor: { _tag: "Offset", offset: Math.min(query.page * query.pageSize, Number.MAX_SAFE_INTEGER) } }
  }
  const token = decodePageToken(query.pageToken, list)
  switch (token._tag) {
    case "Malformed":
      throw invalidParameter("PageToken", "PageToken must be a token from a next_page_url or previous_page_url of this server")
    case "OtherList":
      throw invalidParameter(
        "PageToken",
        `PageToken was issued for another list; it pages only the list whose next_page_url or previous_page_url it came from, not ${path}`
      )
    case "Cursor":
      return { query, path, list, cursor: token.cursor }
  }
}

/**
 * Twilio's `meta`: absolute URLs on the public base URL, each with the query that fetches it; `next_page_url` and
 * `previous_page_url` are `null` at the ends.
 */
export const pageMeta = (args: {
  readonly baseUrl: string
  readonly key: string
  readonly request: ListRequest
  readonly page: KeysetPage<unknown>
}): PageMeta => {
  const { query, path, list } = args.request
  const link = (page: number, token: string | undefined): URL => {
    const params = new URLSearchParams({ PageSize: String(query.pageSize), Page: String(page) })
    if (token !== undefined) params.set("PageToken", token)
    return new URL(`${path}?${params.toString()}`, args.baseUrl)
  }
  const { previous, next } = args.page
  return {
    page: query.page,
    pageSize: query.pageSize,
    firstPageUrl: link(0, undefined),
    previousPageUrl: previous === undefined || previous._tag === "Offset"
      ? null
      : link(Math.max(query.page - 1, 0), encodePageToken(previous, list)),
    url: link(query.page, query.pageToken),
    // `Page` is only client state, but the next link must still be one the query accepts: it stays at the largest.
    nextPageUrl: next === undefined || next._tag === "Offset"
      ? null
      : link(Math.min(query.page + 1, Number.MAX_SAFE_INTEGER), encodePageToken(next, list)),
    key: args.key
  }
}
