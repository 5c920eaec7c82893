/**
 * The PhoneNumbers resource as the harness tests it: its `HttpApiGroup` and its strict profile; the create form's
 * faults are the ones every one-SID form has (FormFaults.ts).
 *
 * @since 0.2.0
 */
import { makePhoneNumberStrict } from "@shortcode-kit/schema"
import { PhoneNumbersGroup } from "@shortcode-kit/schema/http"
import { conformanceTarget, type ConformanceTarget } from "./Membership.js"

/**
 * The phone numbers of a Messaging Service, for `runConformance({ target: phoneNumbersTarget, memberSids: [...] })`.
 *
 * @example
 * ```ts
 * import { phoneNumbersTarget } from "@shortcode-kit/validator/conformance"
 *
 * phoneNumbersTarget.member.field // "PhoneNumberSid"
 * ```
 * @since 0.2.0
 */
export const phoneNumbersTarget: ConformanceTarget = conformanceTarget(PhoneNumbersGroup, {
  strict: (baseUrl) => makePhoneNumberStrict({ baseUrl })
})
