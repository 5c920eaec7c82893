/**
 * Validation of the PhoneNumbers resource (`/v1/Services/{ServiceSid}/PhoneNumbers`), all derived from its
 * declaration by ResourceValidation.ts.
 *
 * @since 0.2.0
 */
import { makePhoneNumberStrict, PhoneNumberResource, type PhoneNumberSid } from "@shortcode-kit/schema"
import { resourceValidation } from "./ResourceValidation.js"

/** The functions below, as one value (the CLI's kinds read it). @internal */
export const phoneNumbers = resourceValidation(PhoneNumberResource, (baseUrl) => makePhoneNumberStrict({ baseUrl }), "validatePhoneNumber")

/**
 * Validates the wire JSON of a PhoneNumber and decodes it (`{ profile: "strict" }`: E.164 `phone_number`, every key,
 * the resource's own `url`). Never throws for any input.
 *
 * @example
 * ```ts
 * import { validatePhoneNumber } from "@shortcode-kit/validator"
 *
 * validatePhoneNumber({ sid: "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", phone_number: "+14155552671" }).ok // true
 * ```
 * @since 0.2.0
 */
export const validatePhoneNumber = phoneNumbers.validate

/** Validates a page of `GET .../PhoneNumbers` (`phone_numbers` + `meta`), its items under the profile. @since 0.2.0 */
export const validatePhoneNumberPage = phoneNumbers.validatePage

/** Validates a create form body: `PhoneNumberSid` exactly once, a `PN` SID. @since 0.2.0 */
export const validateCreatePhoneNumberForm = phoneNumbers.validateCreateForm

/** Validates `{ serviceSid, body }` of `POST .../PhoneNumbers`. @since 0.2.0 */
export const validateCreatePhoneNumberRequest = phoneNumbers.validateCreateRequest

/**
 * The Twilio error body for a failed create request (21421 malformed `PhoneNumberSid`, 20001 missing, empty or
 * repeated, 404 for a bad `ServiceSid`), from the schema package's `inputErrors`.
 *
 * @example
 * ```ts
 * import { phoneNumberTwilioError, validateCreatePhoneNumberRequest } from "@shortcode-kit/validator"
 *
 * const result = validateCreatePhoneNumberRequest({ serviceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", body: "PhoneNumberSid=PN1" })
 * if (!result.ok) phoneNumberTwilioError(result).code // 21421
 * ```
 * @since 0.2.0
 */
export const phoneNumberTwilioError = phoneNumbers.toTwilioError

/**
 * Whether `input` is a Phone Number SID: `PN` followed by 32 hexadecimal digits.
 *
 * @example
 * ```ts
 * import { isPhoneNumberSid } from "@shortcode-kit/validator"
 *
 * isPhoneNumberSid("PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") // true
 * ```
 * @since 0.2.0
 */
export const isPhoneNumberSid = phoneNumbers.isSid as (input: unknown) => input is PhoneNumberSid
