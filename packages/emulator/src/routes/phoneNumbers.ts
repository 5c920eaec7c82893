/**
 * The PhoneNumbers resource of a Messaging Service (`POST|GET /v1/Services/{ServiceSid}/PhoneNumbers`,
 * `GET|DELETE .../PhoneNumbers/{Sid}`): the sender collection of routes/members.ts over the store's phone numbers,
 * which share the service's pool with its short codes.
 */
import { type PhoneNumber, PhoneNumberResource, phoneNumberUrl } from "@shortcode-kit/schema"
import type { PhoneNumbersGroup } from "@shortcode-kit/schema/http"
import type { GroupHandlers } from "../api/deriveRoutes.js"
import type { Repository, ServicePhoneNumber } from "../store/Repository.js"
import { memberHandlers, memberPayloadError } from "./members.js"

/** The API resource of a phone number in a service. */
export const toPhoneNumber = (record: ServicePhoneNumber, baseUrl: string): PhoneNumber => ({
  sid: record.sid,
  accountSid: record.accountSid,
  serviceSid: record.serviceSid,
  dateCreated: record.dateCreated,
  dateUpdated: record.dateUpdated,
  phoneNumber: record.phoneNumber,
  countryCode: record.countryCode,
  capabilities: record.capabilities,
  url: new URL(phoneNumberUrl(baseUrl, record.serviceSid, record.sid))
})

/** The store logic of each PhoneNumbers endpoint of the schema package's `PhoneNumbersGroup`. */
export const phoneNumberHandlers = (options: { readonly repository: Repository; readonly publicBaseUrl: string }): GroupHandlers<typeof PhoneNumbersGroup> => {
  const { repository } = options
  return memberHandlers<typeof PhoneNumbersGroup, ServicePhoneNumber, PhoneNumber>(PhoneNumberResource, {
    add: (account, service, sid) => {
      const outcome = repository.addPhoneNumber(account, service, sid as ServicePhoneNumber["sid"])
      return outcome._tag === "Added" ? { _tag: "Added", row: outcome.phoneNumber } : outcome._tag === "PhoneNumberNotFound" ? { _tag: "NotFound" } : outcome
    },
    list: repository.listServicePhoneNumbers,
    find: repository.findServicePhoneNumber,
    remove: repository.removePhoneNumber,
    // The account's phone number resource in Twilio's REST API.
    inventoryPath: (account, sid) => `/2010-04-01/Accounts/${account}/IncomingPhoneNumbers/${sid}.json`,
    toResource: toPhoneNumber
  }, options)
}

/** A create payload that does not decode: 21421 for a malformed PhoneNumberSid, 20001 for a missing or repeated one. */
export const phoneNumberPayloadError = memberPayloadError(PhoneNumberResource)
