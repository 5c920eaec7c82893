/**
 * PhoneNumber documents that look like Twilio's (strict profile, so valid under both), and near misses of them
 * that break exactly one rule: both derived from the declaration by {@link resourceArbitraries}.
 *
 * @since 0.2.0
 */
import { makePhoneNumberStrict, PhoneNumberResource, type PhoneNumberWire } from "@shortcode-kit/schema"
import type * as fc from "fast-check"
import type { NearMiss } from "./NearMiss.js"
import { resourceArbitraries } from "./Resource.js"

/** What {@link phoneNumber} takes: SIDs to fix, and the origin of `url`. @since 0.2.0 */
export interface PhoneNumberArbitraryOptions {
  readonly accountSid?: string | undefined
  readonly serviceSid?: string | undefined
  readonly phoneNumberSid?: string | undefined
  /** The origin of every `url` (default Twilio's). */
  readonly baseUrl?: string | undefined
}

type Wire = { -readonly [K in keyof PhoneNumberWire]-?: NonNullable<PhoneNumberWire[K]> }

const arbitraries = (caller: string, options: PhoneNumberArbitraryOptions) =>
  resourceArbitraries(PhoneNumberResource, (baseUrl) => makePhoneNumberStrict({ baseUrl }), caller, {
    accountSid: options.accountSid,
    serviceSid: options.serviceSid,
    sid: options.phoneNumberSid,
    baseUrl: options.baseUrl
  })

/**
 * The wire JSON of a PhoneNumber of a service: every key present, lower-case hex SIDs, E.164 numbers, assigned
 * country codes, `date_updated >= date_created`, `url` the resource's own under `baseUrl`.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { validatePhoneNumber } from "@shortcode-kit/validator"
 * import { phoneNumber } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.assert(fc.property(phoneNumber(), (wire) => validatePhoneNumber(wire, { profile: "strict" }).ok))
 * ```
 * @since 0.2.0
 */
export const phoneNumber = (options: PhoneNumberArbitraryOptions = {}): fc.Arbitrary<Wire> =>
  arbitraries("phoneNumber", options).wire as fc.Arbitrary<Wire>

/**
 * Near misses of a PhoneNumber's wire JSON (strict profile): a valid {@link phoneNumber} with exactly one defect,
 * announced as `{ rule, path }`: a SID near miss, a number that is not E.164, an unassigned country, an update
 * before the creation, a URL that is not the resource's own, a wrong type, or a missing key.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { validatePhoneNumber } from "@shortcode-kit/validator"
 * import { invalidPhoneNumber } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.assert(fc.property(invalidPhoneNumber(), ({ value, rule }) => {
 *   const result = validatePhoneNumber(value, { profile: "strict" })
 *   return !result.ok && result.issues.length === 1 && result.issues[0]!.rule === rule
 * }))
 * ```
 * @since 0.2.0
 */
export const invalidPhoneNumber = (options: PhoneNumberArbitraryOptions = {}): fc.Arbitrary<NearMiss> =>
  arbitraries("invalidPhoneNumber", options).nearMiss
