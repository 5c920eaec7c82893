/**
 * The query of `GET /v1/Services/{ServiceSid}/ShortCodes`: the list query every collection shares
 * (resource/listQuery.ts), under its ShortCodes identifier.
 *
 * @since 0.1.0
 */
import { ShortCodeResource } from "./ShortCode.js"

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./resource/listQuery.js"

/**
 * Decodes the string-valued query (as from `URLSearchParams`) to `{ pageSize, page, pageToken }`: `PageSize` 1 to
 * 1000 (default 50), `Page` >= 0 (default 0), `PageToken` opaque.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ListShortCodesQuery } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(ListShortCodesQuery)({ PageSize: "20" }) // { pageSize: 20, page: 0 }
 * ```
 * @since 0.1.0
 */
export const ListShortCodesQuery = ShortCodeResource.listQuery

/** @since 0.1.0 */
export type ListShortCodesQuery = typeof ListShortCodesQuery.Type
