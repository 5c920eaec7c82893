/**
 * The create endpoint's inputs: `POST /v1/Services/{ServiceSid}/ShortCodes` with an
 * `application/x-www-form-urlencoded` body carrying `ShortCodeSid`, derived from the ShortCodes declaration.
 *
 * @since 0.1.0
 */
import { ShortCodeResource } from "./ShortCode.js"

export { FormBody } from "./resource/form.js"

/**
 * The path parameters of the create (and list) endpoint, under their wire names.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CreateShortCodeParams } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(CreateShortCodeParams)({ ServiceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
 * ```
 * @since 0.1.0
 */
export const CreateShortCodeParams = ShortCodeResource.collectionParams

/** @since 0.1.0 */
export type CreateShortCodeParams = typeof CreateShortCodeParams.Type

/**
 * The create request's body as the spec's `CreateShortCodeRequest` object (`{ ShortCodeSid }`), decoded to
 * `{ shortCodeSid }`.
 *
 * @since 0.1.0
 */
export const CreateShortCodeRequest = ShortCodeResource.createRequest

/** @since 0.1.0 */
export type CreateShortCodeRequest = typeof CreateShortCodeRequest.Type

/**
 * The codec from an `application/x-www-form-urlencoded` body (a string or `URLSearchParams`) to
 * `{ shortCodeSid }`, and back to the body text. `ShortCodeSid` must be present exactly once and non-empty: a
 * repeated parameter is an error, never first-wins. Other parameters are ignored, as Twilio ignores them.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CreateShortCodeForm } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(CreateShortCodeForm)("ShortCodeSid=SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").shortCodeSid
 * Schema.encodeSync(CreateShortCodeForm)({ shortCodeSid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" as any })
 * // "ShortCodeSid=SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
 * ```
 * @since 0.1.0
 */
export const CreateShortCodeForm = ShortCodeResource.createForm

/** @since 0.1.0 */
export type CreateShortCodeForm = typeof CreateShortCodeForm.Type
