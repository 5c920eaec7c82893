/**
 * The ShortCodes resource of a Messaging Service, as Twilio serves it: the handlers of the endpoints of
 * `ShortCodesApi` (`POST|GET /v1/Services/{ServiceSid}/ShortCodes`, `GET|DELETE .../ShortCodes/{Sid}`), the
 * sender collection of routes/members.ts over the store's short codes.
 */
import { type ShortCode, ShortCodeResource, shortCodeUrl } from "@shortcode-kit/schema"
import type { ShortCodesGroup } from "@shortcode-kit/schema/http"
import type { GroupHandlers } from "../api/deriveRoutes.js"
import type { Repository, ServiceShortCode } from "../store/Repository.js"
import { memberHandlers, memberPayloadError } from "./members.js"

export interface ShortCodeRoutesOptions {
  readonly repository: Repository
  readonly publicBaseUrl: string
}

/** The API resource of a membership. */
export const toShortCode = (record: ServiceShortCode, baseUrl: string): ShortCode => ({
  sid: record.sid,
  accountSid: record.accountSid,
  serviceSid: record.serviceSid,
  dateCreated: record.dateCreated,
  dateUpdated: record.dateUpdated,
  shortCode: record.shortCode,
  countryCode: record.countryCode,
  capabilities: record.capabilities,
  url: new URL(shortCodeUrl(baseUrl, record.serviceSid, record.sid))
})

/**
 * The store logic of each ShortCodes endpoint of the schema package's `ShortCodesApi`; paths, methods, inputs,
 * statuses and bodies come from the contract (src/api/deriveRoutes.ts).
 */
export const shortCodeHandlers = (options: ShortCodeRoutesOptions): GroupHandlers<typeof ShortCodesGroup> => {
  const { repository } = options
  return memberHandlers<typeof ShortCodesGroup, ServiceShortCode, ShortCode>(ShortCodeResource, {
    add: (account, service, sid) => {
      const outcome = repository.addShortCode(account, service, sid as ServiceShortCode["sid"])
      return outcome._tag === "Added" ? { _tag: "Added", row: outcome.shortCode } : outcome._tag === "ShortCodeNotFound" ? { _tag: "NotFound" } : outcome
    },
    list: repository.listServiceShortCodes,
    find: repository.findServiceShortCode,
    remove: repository.removeShortCode,
    // The account's short code resource in Twilio's REST API.
    inventoryPath: (account, sid) => `/2010-04-01/Accounts/${account}/SMS/ShortCodes/${sid}.json`,
    toResource: toShortCode
  }, options)
}

/** A create payload that does not decode, as Twilio answers it (21421 malformed, 20001 missing, empty or repeated). */
export const shortCodePayloadError = memberPayloadError(ShortCodeResource)
