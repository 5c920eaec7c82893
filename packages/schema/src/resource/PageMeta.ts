/**
 * The paging metadata of every list page of Twilio's v1 APIs (`meta` of `ListShortCodeResponse`,
 * `ListServiceResponse`...).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Integer } from "../internal/integer.js"
import { UrlFromUriString } from "../Uri.js"

/**
 * Paging metadata. As in the official spec no property is required; the page URLs are absolute URIs and
 * `previous_page_url` / `next_page_url` are `null` at the ends.
 *
 * @since 0.1.0
 */
export const PageMeta = Schema.Struct({
  page: Schema.optionalKey(Integer),
  pageSize: Schema.optionalKey(Integer),
  firstPageUrl: Schema.optionalKey(UrlFromUriString),
  previousPageUrl: Schema.optionalKey(Schema.NullOr(UrlFromUriString)),
  url: Schema.optionalKey(UrlFromUriString),
  nextPageUrl: Schema.optionalKey(Schema.NullOr(UrlFromUriString)),
  key: Schema.optionalKey(Schema.String)
}).pipe(
  Schema.encodeKeys({
    page: "page",
    pageSize: "page_size",
    firstPageUrl: "first_page_url",
    previousPageUrl: "previous_page_url",
    url: "url",
    nextPageUrl: "next_page_url",
    key: "key"
  })
).annotate({ identifier: "PageMeta" })

/** @since 0.1.0 */
export type PageMeta = typeof PageMeta.Type
