/**
 * A page of the list endpoint (`ListShortCodeResponse` in the official spec): `short_codes` and `meta`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { installFastPaths } from "./internal/fastPaths.js"
import { Integer } from "./internal/integer.js"
import { wireKeysAnnotation } from "./internal/wireKeys.js"
import { ShortCode } from "./ShortCode.js"
import { UrlFromUriString } from "./Uri.js"

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

// Given to encodeKeys and recorded on the codec, so issues of its items' decoded side name `short_codes`.
const pageWireKeys = { shortCodes: "short_codes", meta: "meta" } as const

/**
 * The list page codec.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ShortCodePage } from "@shortcode-kit/schema"
 *
 * const page = Schema.decodeUnknownSync(ShortCodePage)({ short_codes: [], meta: { key: "short_codes", page: 0 } })
 * page.shortCodes?.length // 0
 * ```
 * @since 0.1.0
 */
export const ShortCodePage = Schema.Struct({
  shortCodes: Schema.optionalKey(Schema.Array(ShortCode)),
  meta: Schema.optionalKey(PageMeta)
}).pipe(Schema.encodeKeys(pageWireKeys)).annotate({ identifier: "ShortCodePage", ...wireKeysAnnotation(pageWireKeys) }).pipe(
  installFastPaths
)

/** @since 0.1.0 */
export type ShortCodePage = typeof ShortCodePage.Type
/** @since 0.1.0 */
export type ShortCodePageWire = typeof ShortCodePage.Encoded
