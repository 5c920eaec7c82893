/**
 * The ShortCodes resource of Twilio's Messaging v1 API as an `effect/http-api` definition: four endpoints, their
 * inputs, success and error bodies, and HTTP Basic security, all derived from the ShortCodes declaration
 * (`ShortCodeResource`) by http/collection.ts. Servers (`HttpApiBuilder`), the typed client (`HttpApiClient`), the
 * OpenAPI document (`OpenApi.fromApi`) and the docs page are all derived from it.
 *
 * @since 0.1.0
 */
import { HttpApi } from "effect/http-api"
import { ShortCodeResource } from "../ShortCode.js"
import { collectionEndpoints, collectionGroup } from "./collection.js"
import { apiAnnotations } from "./internal/openApiTransforms.js"

const endpoints = collectionEndpoints(ShortCodeResource)

/**
 * `POST /v1/Services/{ServiceSid}/ShortCodes` with the form body `ShortCodeSid=SC...`: adds a short code of the
 * account to the Messaging Service and answers `201` with it.
 *
 * @example
 * ```ts
 * import { createShortCode } from "@shortcode-kit/schema/http"
 *
 * createShortCode.path // "/v1/Services/:ServiceSid/ShortCodes"
 * ```
 * @since 0.1.0
 */
export const createShortCode = endpoints.create

/**
 * `GET /v1/Services/{ServiceSid}/ShortCodes?PageSize=&Page=&PageToken=`: one page of the service's short codes.
 *
 * @example
 * ```ts
 * import { listShortCodes } from "@shortcode-kit/schema/http"
 *
 * listShortCodes.method // "GET"
 * ```
 * @since 0.1.0
 */
export const listShortCodes = endpoints.list

/**
 * `GET /v1/Services/{ServiceSid}/ShortCodes/{Sid}`: one short code of the service.
 *
 * @example
 * ```ts
 * import { fetchShortCode } from "@shortcode-kit/schema/http"
 *
 * fetchShortCode.path // "/v1/Services/:ServiceSid/ShortCodes/:Sid"
 * ```
 * @since 0.1.0
 */
export const fetchShortCode = endpoints.fetch

/**
 * `DELETE /v1/Services/{ServiceSid}/ShortCodes/{Sid}`: removes the short code from the service; `204`, no body.
 *
 * @example
 * ```ts
 * import { deleteShortCode } from "@shortcode-kit/schema/http"
 *
 * deleteShortCode.method // "DELETE"
 * ```
 * @since 0.1.0
 */
export const deleteShortCode = endpoints.delete

/**
 * The group of the four endpoints, all behind `ShortCodesAuthorization`. Its identifier, `shortCodes`, is
 * the client's namespace (`client.shortCodes.createShortCode(...)`) and the OpenAPI tag.
 *
 * @example
 * ```ts
 * import { ShortCodesGroup } from "@shortcode-kit/schema/http"
 *
 * Object.keys(ShortCodesGroup.endpoints) // ["createShortCode", "listShortCodes", "fetchShortCode", "deleteShortCode"]
 * ```
 * @since 0.1.0
 */
export const ShortCodesGroup = collectionGroup(ShortCodeResource, endpoints)

/**
 * The ShortCodes API of Twilio Messaging v1, server `https://messaging.twilio.com`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FetchHttpClient } from "effect/http"
 * import { HttpApiClient } from "effect/http-api"
 * import { ShortCodesApi } from "@shortcode-kit/schema/http"
 *
 * const client = HttpApiClient.make(ShortCodesApi, { baseUrl: "http://127.0.0.1:3000" }).pipe(
 *   Effect.provide(FetchHttpClient.layer)
 * )
 * ```
 * @since 0.1.0
 */
export const ShortCodesApi = HttpApi.make("ShortCodesApi")
  .add(ShortCodesGroup)
  .annotateMerge(apiAnnotations(
    "Twilio Messaging v1: ShortCodes",
    "The ShortCodes resource of Twilio's Messaging v1 API, as described by @shortcode-kit/schema. "
  ))

/** @since 0.1.0 */
export type ShortCodesApi = typeof ShortCodesApi
