/**
 * The ShortCode resource (`messaging.v1.service.short_code` in Twilio's OpenAPI).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { DateFromTwilioString } from "./DateTime.js"
import { installFastPaths } from "./internal/fastPaths.js"
import { nullableField } from "./internal/nullableField.js"
import { wireKeysAnnotation } from "./internal/wireKeys.js"
import { AccountSid, ServiceSid, ShortCodeSid } from "./Sid.js"
import { UrlFromUriString } from "./Uri.js"

/** Wire (snake_case) name of each domain (camelCase) property, in Twilio's order. */
export const shortCodeWireKeys = {
  sid: "sid",
  accountSid: "account_sid",
  serviceSid: "service_sid",
  dateCreated: "date_created",
  dateUpdated: "date_updated",
  shortCode: "short_code",
  countryCode: "country_code",
  capabilities: "capabilities",
  url: "url"
} as const

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
export const ShortCode = Schema.Struct({
  sid: nullableField(ShortCodeSid),
  accountSid: nullableField(AccountSid),
  serviceSid: nullableField(ServiceSid),
  dateCreated: nullableField(DateFromTwilioString),
  dateUpdated: nullableField(DateFromTwilioString),
  shortCode: nullableField(Schema.String),
  countryCode: nullableField(Schema.String),
  capabilities: nullableField(Schema.Array(Schema.String)),
  url: nullableField(UrlFromUriString)
}).pipe(Schema.encodeKeys(shortCodeWireKeys)).annotate({
  identifier: "ShortCode",
  description: "A short code in a Messaging Service (messaging.v1.service.short_code)",
  ...wireKeysAnnotation(shortCodeWireKeys)
}).pipe(installFastPaths)

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
