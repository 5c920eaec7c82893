/**
 * The two URL paths of the ShortCodes resource, as `effect/http-api` path templates, from the declaration. The HTTP
 * API definition uses them, and code that must recognise the resource's URLs without loading the HTTP modules (a
 * validating twilio `httpClient`) matches against them.
 *
 * @since 0.1.0
 */
import { ShortCodeResource } from "./ShortCode.js"

/**
 * The collection: `POST` adds a short code (`201`, a ShortCode), `GET` lists a page (`200`, a ShortCodePage).
 *
 * @example
 * ```ts
 * import { shortCodesCollectionPath } from "@shortcode-kit/schema"
 *
 * shortCodesCollectionPath // "/v1/Services/:ServiceSid/ShortCodes"
 * ```
 * @since 0.1.0
 */
export const shortCodesCollectionPath = ShortCodeResource.collectionPath

/**
 * One short code: `GET` fetches it (`200`, a ShortCode), `DELETE` removes it (`204`, no body).
 *
 * @example
 * ```ts
 * import { shortCodeInstancePath } from "@shortcode-kit/schema"
 *
 * shortCodeInstancePath // "/v1/Services/:ServiceSid/ShortCodes/:Sid"
 * ```
 * @since 0.1.0
 */
export const shortCodeInstancePath = ShortCodeResource.instancePath
