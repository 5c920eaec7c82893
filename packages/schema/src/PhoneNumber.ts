/**
 * The PhoneNumbers resource (`messaging.v1.service.phone_number` in Twilio's OpenAPI), declared once: every schema
 * of the resource and its `HttpApi` endpoints (http/MessagingApi.ts) are derived from {@link PhoneNumberResource}.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { CountryCode } from "./CountryCode.js"
import { DateFromTwilioString } from "./DateTime.js"
import { ruleCheck } from "./internal/rule.js"
import { messagingServiceParent } from "./MessagingService.js"
import { field } from "./resource/Field.js"
import { memberChecks, memberUrl, strictBaseUrl } from "./resource/memberStrict.js"
import { defineResource } from "./resource/Resource.js"
import { AccountSid, ServiceSid, sid } from "./Sid.js"
import { UrlFromUriString } from "./Uri.js"

/** A Phone Number SID: `PN` followed by 32 hexadecimal digits (the form's `^PN[0-9a-fA-F]{32}$`). @since 0.2.0 */
export const PhoneNumberSid = sid("PN", "PhoneNumberSid")

/** @since 0.2.0 */
export type PhoneNumberSid = typeof PhoneNumberSid.Type

// E.164: at most 15 digits after the +.
const E164_MAX_DIGITS = 15
const E164 = new RegExp(`^\\+[1-9][0-9]{1,${E164_MAX_DIGITS - 1}}$`)

/**
 * A phone number in E.164 (ITU-T E.164: `+`, a country code that does not start with 0, at most 15 digits), as the
 * official schema's `format: phone-number` describes `phone_number`. Rule `phone_number.e164`.
 *
 * @since 0.2.0
 */
export const PhoneNumberE164 = Schema.String.check(
  ruleCheck<string>("phone_number.e164", (s) => E164.test(s), {
    message: `must be an E.164 phone number: + and 2 to ${E164_MAX_DIGITS} digits (0-9), the first not 0, such as +14155552671`,
    expected: "an E.164 phone number"
  }, {
    jsonSchema: { type: "string", pattern: E164.source },
    generators: {
      // Mostly North American numbers, as most of Twilio's are: +1, an area code and an exchange that do not start
      // with 0 or 1, four digits; else any country code and length E.164 allows.
      valid: (fc) => {
        const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."0123456789".split("")), minLength: min, maxLength: max })
        const nanp = fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), digits(4, 4))
          .map(([area, exchange, line]) => `+1${area}${exchange}${line}`)
        const any = fc.tuple(fc.integer({ min: 1, max: 9 }), digits(1, E164_MAX_DIGITS - 1)).map(([first, rest]) => `+${first}${rest}`)
        return fc.oneof({ weight: 3, arbitrary: nanp }, { weight: 1, arbitrary: any })
      },
      breaking: (fc, number) =>
        fc.oneof(
          fc.constantFrom(
            number.slice(1), // no +
            `+0${number.slice(2)}`, // a country code starting with 0
            number + "0".repeat(E164_MAX_DIGITS + 1 - (number.length - 1)), // too many digits
            "+1",
            "+",
            "",
            `+\uFF11${number.slice(2)}` // a full-width digit
          ),
          fc.tuple(fc.constantFrom(" ", "-", ".", "(", "\n"), fc.integer({ min: 2, max: number.length - 1 }))
            .map(([separator, at]) => number.slice(0, at) + separator + number.slice(at))
        )
    }
  })
)

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
export const makePhoneNumberStrict = (options: { readonly baseUrl?: string } = {}) =>
  PhoneNumberResource.strict({
    identifier: "PhoneNumberStrict",
    description: "A PhoneNumber as a real one looks (strict profile)",
    checks: memberChecks(PhoneNumberResource.instancePath, strictBaseUrl("makePhoneNumberStrict", options.baseUrl))
  })

/** The strict profile against Twilio's own origin. @since 0.2.0 */
export const PhoneNumberStrict = makePhoneNumberStrict()
/** @since 0.2.0 */
export type PhoneNumberStrict = typeof PhoneNumberStrict.Type
