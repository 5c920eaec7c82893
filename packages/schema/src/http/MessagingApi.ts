/**
 * The part of Twilio's Messaging v1 API this toolkit declares, as one `effect/http-api` definition: Services and
 * ShortCodes. `ShortCodesApi` stays the ShortCodes resource alone (its document is `openapi.json`).
 *
 * @since 0.2.0
 */
import { HttpApi } from "effect/http-api"
import { AlphaSendersGroup } from "./AlphaSendersApi.js"
import { apiAnnotations } from "./internal/openApiTransforms.js"
import { PhoneNumbersGroup } from "./PhoneNumbersApi.js"
import { ServicesGroup } from "./ServicesApi.js"
import { ShortCodesGroup } from "./ShortCodesApi.js"

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
