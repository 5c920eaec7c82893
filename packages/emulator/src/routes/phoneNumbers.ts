/**
 * The PhoneNumbers resource of a Messaging Service (`POST|GET /v1/Services/{ServiceSid}/PhoneNumbers`,
 * `GET|DELETE .../PhoneNumbers/{Sid}`): the sender collection of routes/members.ts over the store's phone numbers,
 * which share the service's pool with its short codes.
 */
import { type PhoneNumber, PhoneNumberResource } from "@shortcode-kit/schema"
import type { PhoneNumbersGroup } from "@shortcode-kit/schema/http"
import type { GroupHandlers } from "../api/deriveRoutes.js"
import type { Repository, ServicePhoneNumber } from "../store/Repository.js"
import { PHONE_NUMBER } from "../store/SenderKinds.js"
import { memberHandlers, memberPayloadError, memberResource } from "./members.js"

/** The API resource of a phone number in a service. */
export const toPhoneNumber = (record: ServicePhoneNumber, baseUrl: string): PhoneNumber => memberResource(PhoneNumberResource, record, baseUrl)

/** The store logic of each PhoneNumbers endpoint of the schema package's `PhoneNumbersGroup`. */
export const phoneNumberHandlers = (options: { readonly repository: Repository; readonly publicBaseUrl: string }): GroupHandlers<typeof PhoneNumbersGroup> =>
  memberHandlers<typeof PhoneNumbersGroup>(PhoneNumberResource, PHONE_NUMBER, options)

/** A create payload that does not decode: 21421 for a malformed PhoneNumberSid, 20001 for a missing or repeated one. */
export const phoneNumberPayloadError = memberPayloadError(PhoneNumberResource)
