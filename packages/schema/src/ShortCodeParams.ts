/**
 * Path parameters of the instance endpoints, `GET` and `DELETE /v1/Services/{ServiceSid}/ShortCodes/{Sid}`, derived
 * from the ShortCodes declaration.
 *
 * @since 0.1.0
 */
import { ShortCodeResource } from "./ShortCode.js"

/**
 * `ServiceSid` is a Messaging Service SID; `Sid` is any non-empty string, as in the official spec, which gives the
 * instance `Sid` no pattern (a malformed one simply names no resource: 404).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ShortCodeInstanceParams } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(ShortCodeInstanceParams)({
 *   ServiceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   Sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
 * })
 * ```
 * @since 0.1.0
 */
export const ShortCodeInstanceParams = ShortCodeResource.instanceParams

/** @since 0.1.0 */
export type ShortCodeInstanceParams = typeof ShortCodeInstanceParams.Type

/** Path parameters of `GET .../ShortCodes/{Sid}`. @since 0.1.0 */
export const FetchShortCodeParams = ShortCodeInstanceParams
/** Path parameters of `DELETE .../ShortCodes/{Sid}`. @since 0.1.0 */
export const DeleteShortCodeParams = ShortCodeInstanceParams
/** @since 0.1.0 */
export type FetchShortCodeParams = ShortCodeInstanceParams
/** @since 0.1.0 */
export type DeleteShortCodeParams = ShortCodeInstanceParams
