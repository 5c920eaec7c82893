/**
 * PhoneNumber documents that look like Twilio's (strict profile, so valid under both), and near misses of them
 * that break exactly one rule.
 *
 * @since 0.2.0
 */
import { assignedCountryCodes, formatTwilioDate, type PhoneNumberWire, PhoneNumberResource, phoneNumberUrl, TWILIO_MESSAGING_BASE_URL } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import { datePair, dateRangeMiss, dateTextMiss } from "./DateTime.js"
import type { LocalMiss, NearMiss } from "./NearMiss.js"
import { accountSid, phoneNumberSid, serviceSid, sidMiss } from "./Sid.js"

/** What {@link phoneNumber} takes: SIDs to fix, and the origin of `url`. @since 0.2.0 */
export interface PhoneNumberArbitraryOptions {
  readonly accountSid?: string | undefined
  readonly serviceSid?: string | undefined
  readonly phoneNumberSid?: string | undefined
  /** The origin of every `url` (default Twilio's). */
  readonly baseUrl?: string | undefined
}

type Wire = { -readonly [K in keyof PhoneNumberWire]-?: NonNullable<PhoneNumberWire[K]> }

const fixed = (given: string | undefined, prefix: string, random: () => fc.Arbitrary<string>) => {
  if (given === undefined) return random()
  if (!new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(given)) throw new TypeError(`phoneNumber: ${JSON.stringify(given)} is not a ${prefix} SID`)
  return fc.constant(given)
}

// North American numbers: +1, an area code and exchange not starting with 0 or 1, four digits.
const e164 = fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }))
  .map(([area, exchange, line]) => `+1${area}${exchange}${String(line).padStart(4, "0")}`)

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
export const phoneNumber = (options: PhoneNumberArbitraryOptions = {}): fc.Arbitrary<Wire> => {
  const baseUrl = options.baseUrl ?? TWILIO_MESSAGING_BASE_URL
  return fc.record({
    sid: fixed(options.phoneNumberSid, "PN", phoneNumberSid),
    account_sid: fixed(options.accountSid, "AC", accountSid),
    service_sid: fixed(options.serviceSid, "MG", serviceSid),
    dates: datePair(),
    phone_number: e164,
    country_code: fc.oneof({ weight: 3, arbitrary: fc.constant("US") }, { weight: 1, arbitrary: fc.constantFrom(...assignedCountryCodes) }),
    capabilities: fc.shuffledSubarray(["SMS", "MMS", "Voice"], { minLength: 1 })
  }).map(({ dates, ...r }) => ({
    sid: r.sid,
    account_sid: r.account_sid,
    service_sid: r.service_sid,
    date_created: formatTwilioDate(dates[0]),
    date_updated: formatTwilioDate(dates[1]),
    phone_number: r.phone_number,
    country_code: r.country_code,
    capabilities: r.capabilities,
    url: phoneNumberUrl(baseUrl, r.service_sid, r.sid)
  }))
}

const misses = (field: keyof Wire, doc: Wire, baseUrl: string): fc.Arbitrary<LocalMiss> => {
  const type = (...values: ReadonlyArray<unknown>) => fc.constantFrom(...values).map((value) => ({ value, rule: "type" }))
  switch (field) {
    case "sid":
      return sidMiss("PN")
    case "account_sid":
      return sidMiss("AC")
    case "service_sid":
      return sidMiss("MG")
    case "date_created":
      return fc.oneof(dateTextMiss(), dateRangeMiss(), type(1438287151))
    case "date_updated": {
      const created = Date.parse(doc.date_created)
      const before = fc.integer({ min: 1, max: 315_576_000 }).map((back) => ({ value: formatTwilioDate(new Date(created - back * 1000)), rule: "dates.order" }))
      return fc.oneof(dateTextMiss(), dateRangeMiss(), before)
    }
    case "phone_number":
      return fc.oneof(
        fc.constantFrom("14155552671", "+04155552671", "+1415555267123456", "+1 415 555 2671", "+1", "", "+1-415-555-2671", "+\uFF11415")
          .map((value) => ({ value, rule: "phone_number.e164" })),
        type(14155552671)
      )
    case "country_code":
      return fc.oneof(fc.constantFrom("us", "USA", "ZZ", "").map((value) => ({ value, rule: "country_code.assigned" })), type(1))
    case "capabilities":
      return type("SMS", { SMS: true })
    case "url": {
      const canonical = phoneNumberUrl(baseUrl, doc.service_sid, doc.sid)
      return fc.oneof(
        fc.constantFrom("/v1/Services", "", "https://").map((value) => ({ value, rule: "format.uri" })),
        fc.constantFrom(canonical.replace("/PhoneNumbers/", "/ShortCodes/"), `${canonical}/`, canonical.replace(/^https?:/, "ftp:"))
          .map((value) => ({ value, rule: "url.canonical" }))
      )
    }
  }
}

const FIELDS = Object.values(PhoneNumberResource.wireKeys) as ReadonlyArray<keyof Wire>

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
export const invalidPhoneNumber = (options: PhoneNumberArbitraryOptions = {}): fc.Arbitrary<NearMiss> => {
  const baseUrl = options.baseUrl ?? TWILIO_MESSAGING_BASE_URL
  const base = phoneNumber(options)
  const field = fc.tuple(base, fc.constantFrom(...FIELDS)).chain(([doc, key]) =>
    misses(key, doc, baseUrl).map((miss): NearMiss => ({ value: { ...doc, [key]: miss.value }, rule: miss.rule, path: [key, ...(miss.subPath ?? [])] })))
  const missing = fc.tuple(base, fc.constantFrom(...FIELDS)).map(([doc, key]): NearMiss => {
    const { [key]: _removed, ...rest } = doc
    return { value: rest, rule: "required", path: [key] }
  })
  return fc.oneof(field, field, field, missing)
}
