/**
 * The ShortCode resource (`messaging.v1.service.short_code` in Twilio's OpenAPI), declared once: every schema of the
 * resource, and its `HttpApi` endpoints (http/ShortCodesApi.ts), are derived from {@link ShortCodeResource}.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CountryCode } from "./CountryCode.js"
import { DateFromTwilioString } from "./DateTime.js"
import { field } from "./resource/Field.js"
import { messagingServiceParent } from "./MessagingService.js"
import { defineResource } from "./resource/Resource.js"
import { Capabilities, ShortCodeNumber } from "./ShortCodeNumber.js"
import { AccountSid, ServiceSid, ShortCodeSid } from "./Sid.js"
import { UrlFromUriString } from "./Uri.js"

/**
 * The declaration of the ShortCodes resource: fields, paths, create parameters and the answers of its create
 * operation; the texts of its four operations are derived from its words (resource/operationTexts.ts).
 *
 * @since 0.2.0
 */
export const ShortCodeResource = defineResource({
  identifier: "ShortCode",
  singular: "ShortCode",
  plural: "ShortCodes",
  openApiName: "messaging.v1.service.short_code",
  description: "A short code in a Messaging Service",
  sid: ShortCodeSid,
  presence: "optional",
  fields: {
    sid: field("sid", ShortCodeSid, { strict: { nullable: false } }),
    accountSid: field("account_sid", AccountSid, { strict: { nullable: false } }),
    serviceSid: field("service_sid", ServiceSid, { strict: { nullable: false } }),
    dateCreated: field("date_created", DateFromTwilioString, { strict: { nullable: false } }),
    dateUpdated: field("date_updated", DateFromTwilioString, { strict: { nullable: false } }),
    shortCode: field("short_code", Schema.String, { strict: { schema: ShortCodeNumber } }),
    countryCode: field("country_code", Schema.String, { strict: { schema: CountryCode } }),
    capabilities: field("capabilities", Schema.Array(Schema.String), {
      strict: { schema: Capabilities },
      examples: [[], ["SMS"], ["MMS"], ["SMS", "MMS"], ["MMS", "SMS"]]
    }),
    url: field("url", UrlFromUriString, { strict: { nullable: false } })
  },
  collectionPath: "/v1/Services/:ServiceSid/ShortCodes",
  pathParams: { ServiceSid },
  pageKey: "short_codes",
  create: { shortCodeSid: { wire: "ShortCodeSid", schema: ShortCodeSid, empty: { expected: "a ShortCode SID" } } },
  parent: messagingServiceParent,
  operations: {
    create: {
      errors: [
        { summary: "Bad request: ShortCodeSid is missing, empty, repeated or malformed, or the pool is full", codes: [20001, 21421, 21714] },
        { summary: "Conflict: the short code is already in this or another Messaging Service", codes: [21710, 21712] }
      ]
    },
    list: {},
    fetch: {},
    delete: {}
  },
  groupDescription: "A Messaging Service resource to add, fetch or remove short code numbers from a Messaging Service."
})

/** Wire (snake_case) name of each domain (camelCase) property, in Twilio's order. */
export const shortCodeWireKeys = ShortCodeResource.wireKeys

/**
 * The codec between the wire JSON of a ShortCode and its domain value. It accepts exactly what Twilio's schema
 * accepts: every property nullable, none required (absent decodes as `null`), unknown properties dropped. Encoding
 * writes every key, dates in Twilio's form (`2015-07-30T20:12:31Z`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ShortCode } from "@shortcode-kit/schema"
 *
 * const shortCode = Schema.decodeUnknownSync(ShortCode)({
 *   sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   short_code: "12345",
 *   date_created: "2015-07-30T20:12:31Z"
 * })
 * shortCode.shortCode // "12345"
 * shortCode.accountSid // null
 * ```
 * @since 0.1.0
 */
export const ShortCode = ShortCodeResource.codec

/**
 * The domain value: camelCase, branded SIDs, `Date`s and a `URL`, `null` where Twilio sent nothing.
 *
 * @since 0.1.0
 */
export type ShortCode = typeof ShortCode.Type

/**
 * The wire JSON as Twilio sends it (snake_case strings).
 *
 * @since 0.1.0
 */
export type ShortCodeWire = typeof ShortCode.Encoded
