/**
 * The part of Twilio's Messaging v1 API this toolkit declares, as one `effect/http-api` definition: Services and
 * their sender collections. `ShortCodesApi` stays the ShortCodes resource alone (its document is `openapi.json`).
 * A collection without named endpoint exports (PhoneNumbers, AlphaSenders) has its group derived here from its
 * declaration, so that a new resource needs no file of its own.
 *
 * @since 0.2.0
 */
import { HttpApi } from "effect/http-api"
import { AlphaSenderResource } from "../AlphaSender.js"
import { PhoneNumberResource } from "../PhoneNumber.js"
import { collectionEndpoints, collectionGroup } from "./collection.js"
import { apiAnnotations } from "./internal/openApiTransforms.js"
import { ServicesGroup } from "./ServicesApi.js"
import { ShortCodesGroup } from "./ShortCodesApi.js"

/**
 * The group `phoneNumbers`: `createPhoneNumber`, `listPhoneNumbers`, `fetchPhoneNumber`, `deletePhoneNumber`.
 *
 * @since 0.2.0
 */
export const PhoneNumbersGroup = collectionGroup(PhoneNumberResource, collectionEndpoints(PhoneNumberResource))

/**
 * The group `alphaSenders`: `createAlphaSender`, `listAlphaSenders`, `fetchAlphaSender`, `deleteAlphaSender`.
 *
 * @example
 * ```ts
 * import { AlphaSendersGroup } from "@shortcode-kit/schema/http"
 *
 * Object.keys(AlphaSendersGroup.endpoints) // ["createAlphaSender", "listAlphaSenders", ...]
 * ```
 * @since 0.2.0
 */
export const AlphaSendersGroup = collectionGroup(AlphaSenderResource, collectionEndpoints(AlphaSenderResource))

/**
 * Services and their ShortCodes and PhoneNumbers, server `https://messaging.twilio.com`.
 *
 * @example
 * ```ts
 * import { OpenApi } from "effect/http-api"
 * import { MessagingApi } from "@shortcode-kit/schema/http"
 *
 * Object.keys(OpenApi.fromApi(MessagingApi).paths) // ["/v1/Services", "/v1/Services/{Sid}", ".../ShortCodes", ...]
 * ```
 * @since 0.2.0
 */
export const MessagingApi = HttpApi.make("MessagingApi")
  .add(ServicesGroup)
  .add(ShortCodesGroup)
  .add(PhoneNumbersGroup)
  .add(AlphaSendersGroup)
  .annotateMerge(apiAnnotations(
    "Twilio Messaging v1: Services and ShortCodes",
    "The Services and ShortCodes resources of Twilio's Messaging v1 API, as described by @shortcode-kit/schema. "
  ))

/** @since 0.2.0 */
export type MessagingApi = typeof MessagingApi
