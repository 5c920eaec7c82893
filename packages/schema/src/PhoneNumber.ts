/**
 * The PhoneNumbers resource (`messaging.v1.service.phone_number` in Twilio's OpenAPI), declared once: every schema
 * of the resource and its `HttpApi` endpoints (http/MessagingApi.ts) are derived from {@link PhoneNumberResource}.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { CountryCode } from "./CountryCode.js"
import { DateFromTwilioString } from "./DateTime.js"
import { PhoneNumberE164 } from "./E164.js"
import { messagingServiceParent } from "./MessagingService.js"
import { field } from "./resource/Field.js"
import { memberStrictMaker, memberUrl } from "./resource/memberStrict.js"
import { defineResource } from "./resource/Resource.js"
import { AccountSid, ServiceSid, sid } from "./Sid.js"
import { UrlFromUriString } from "./Uri.js"

/** A Phone Number SID: `PN` followed by 32 hexadecimal digits (the form's `^PN[0-9a-fA-F]{32}$`). @since 0.2.0 */
export const PhoneNumberSid = sid("PN", "PhoneNumberSid")

/** @since 0.2.0 */
export type PhoneNumberSid = typeof PhoneNumberSid.Type

/**
 * The declaration of the PhoneNumbers resource: fields (Twilio's order), paths, the create parameter
 * `PhoneNumberSid` and the answers of its create operation (those of ShortCodes: 21421 covers a Phone Number SID);
 * the texts of its operations are derived from its words.
 *
 * @since 0.2.0
 */
export const PhoneNumberResource = defineResource({
  identifier: "PhoneNumber",
  singular: "PhoneNumber",
  plural: "PhoneNumbers",
  openApiName: "messaging.v1.service.phone_number",
  description: "A phone number in a Messaging Service",
  sid: PhoneNumberSid,
  presence: "optional",
  fields: {
    sid: field("sid", PhoneNumberSid, { strict: { nullable: false } }),
    accountSid: field("account_sid", AccountSid, { strict: { nullable: false } }),
    serviceSid: field("service_sid", ServiceSid, { strict: { nullable: false } }),
    dateCreated: field("date_created", DateFromTwilioString, { strict: { nullable: false } }),
    dateUpdated: field("date_updated", DateFromTwilioString, { strict: { nullable: false } }),
    phoneNumber: field("phone_number", Schema.String, { strict: { schema: PhoneNumberE164 } }),
    countryCode: field("country_code", Schema.String, { strict: { schema: CountryCode } }),
    capabilities: field("capabilities", Schema.Array(Schema.String), {
      examples: [["SMS"], ["SMS", "MMS"], ["SMS", "MMS", "Voice"], ["Voice"], ["MMS", "SMS"]]
    }),
    url: field("url", UrlFromUriString, { strict: { nullable: false } })
  },
  collectionPath: "/v1/Services/:ServiceSid/PhoneNumbers",
  pathParams: { ServiceSid },
  pageKey: "phone_numbers",
  create: { phoneNumberSid: { wire: "PhoneNumberSid", schema: PhoneNumberSid, empty: { expected: "a PhoneNumber SID" } } },
  parent: messagingServiceParent,
  operations: {
    create: {
      errors: [
        { summary: "Bad request: PhoneNumberSid is missing, empty, repeated or malformed, or the pool is full", codes: [20001, 21421, 21714] },
        { summary: "Conflict: the phone number is already in this or another Messaging Service", codes: [21710, 21712] }
      ]
    },
    list: {},
    fetch: {},
    delete: {}
  },
  groupDescription: "A Messaging Service resource to add, fetch or remove phone numbers from a Messaging Service."
})

/** Wire JSON <-> domain value; accepts exactly what `messaging.v1.service.phone_number` accepts. @since 0.2.0 */
export const PhoneNumber = PhoneNumberResource.codec
/** @since 0.2.0 */
export type PhoneNumber = typeof PhoneNumber.Type
/** The wire JSON as Twilio sends it. @since 0.2.0 */
export type PhoneNumberWire = typeof PhoneNumber.Encoded

/** A page of `GET .../PhoneNumbers` (`phone_numbers` + `meta`). @since 0.2.0 */
export const PhoneNumberPage = PhoneNumberResource.page
/** @since 0.2.0 */
export type PhoneNumberPage = typeof PhoneNumberPage.Type

/** The create path's `{ ServiceSid }`. @since 0.2.0 */
export const CreatePhoneNumberParams = PhoneNumberResource.collectionParams
/** The create body as the spec's `CreatePhoneNumberRequest` object, to `{ phoneNumberSid }`. @since 0.2.0 */
export const CreatePhoneNumberRequest = PhoneNumberResource.createRequest
/** The create form body: `PhoneNumberSid` required, once, a `PN` SID. @since 0.2.0 */
export const CreatePhoneNumberForm = PhoneNumberResource.createForm
/** `{ ServiceSid, Sid }` of the instance paths. @since 0.2.0 */
export const PhoneNumberInstanceParams = PhoneNumberResource.instanceParams

/** The canonical URL of a phone number of a service under `baseUrl`. @since 0.2.0 */
export const phoneNumberUrl = (baseUrl: string, serviceSid: string, sid: string): string =>
  memberUrl(PhoneNumberResource.instancePath, baseUrl, serviceSid, sid)

/**
 * The strict profile for phone numbers served under `baseUrl` (default Twilio's origin): every key present, SIDs,
 * dates and `url` non-null, `phone_number` in E.164, an assigned `country_code`, `url` the resource's own,
 * `date_updated >= date_created`.
 *
 * @since 0.2.0
 */
export const makePhoneNumberStrict = memberStrictMaker(PhoneNumberResource)

/** The strict profile against Twilio's own origin. @since 0.2.0 */
export const PhoneNumberStrict = makePhoneNumberStrict()
/** @since 0.2.0 */
export type PhoneNumberStrict = typeof PhoneNumberStrict.Type
