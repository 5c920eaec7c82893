/**
 * A page of the list endpoint (`ListShortCodeResponse` in the official spec): `short_codes` and `meta`, derived from
 * the ShortCodes declaration.
 *
 * @since 0.1.0
 */
import { ShortCodeResource } from "./ShortCode.js"

export { PageMeta } from "./resource/PageMeta.js"

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
export const ShortCodePage = ShortCodeResource.page

/** @since 0.1.0 */
export type ShortCodePage = typeof ShortCodePage.Type
/** @since 0.1.0 */
export type ShortCodePageWire = typeof ShortCodePage.Encoded
