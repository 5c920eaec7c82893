/**
 * The ShortCodes resource of a Messaging Service, as Twilio serves it: the handlers of the endpoints of
 * `ShortCodesApi` (`POST|GET /v1/Services/{ServiceSid}/ShortCodes`, `GET|DELETE .../ShortCodes/{Sid}`), the
 * sender collection of routes/members.ts over the store's short codes.
 */
import { type ShortCode, ShortCodeResource } from "@shortcode-kit/schema"
import type { ShortCodesGroup } from "@shortcode-kit/schema/http"
import type { GroupHandlers } from "../api/deriveRoutes.js"
import type { Repository, ServiceShortCode } from "../store/Repository.js"
import { SHORT_CODE } from "../store/SenderKinds.js"
import { memberHandlers, memberPayloadError, memberResource } from "./members.js"

export interface ShortCodeRoutesOptions {
  readonly repository: Repository
  readonly publicBaseUrl: string
}

/** The API resource of a membership. */
export const toShortCode = (record: ServiceShortCode, baseUrl: string): ShortCode => memberResource(ShortCodeResource, record, baseUrl)

/**
 * The store logic of each ShortCodes endpoint of the schema package's `ShortCodesApi`; paths, methods, inputs,
 * statuses and bodies come from the contract (src/api/deriveRoutes.ts).
 */
export const shortCodeHandlers = (options: ShortCodeRoutesOptions): GroupHandlers<typeof ShortCodesGroup> =>
  memberHandlers<typeof ShortCodesGroup>(ShortCodeResource, SHORT_CODE, options)

/** A create payload that does not decode, as Twilio answers it (21421 malformed, 20001 missing, empty or repeated). */
export const shortCodePayloadError = memberPayloadError(ShortCodeResource)
