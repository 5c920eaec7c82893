/**
 * Alpha senders as Twilio takes them, and near misses that break exactly one text rule each (labelled with the
 * rule id of `AlphaSenderText` in `@shortcode-kit/schema`); whole AlphaSender bodies.
 *
 * @since 0.2.0
 */
import {
  ALPHA_SENDER_MAX_LENGTH,
  AlphaSenderResource,
  type AlphaSenderSid,
  type AlphaSenderWire,
  formatTwilioDate,
  TWILIO_MESSAGING_BASE_URL
} from "@shortcode-kit/schema"
import * as fc from "fast-check"
import { datePair } from "./DateTime.js"
import type { NearMiss } from "./NearMiss.js"
import { accountSid, serviceSid } from "./Sid.js"

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".split("")
const ALLOWED = [...LETTERS, ..."0123456789 -+_&".split("")]
// Characters outside the allowed set that people do try: punctuation, accents, look-alikes, whitespace.
const FORBIDDEN = [".", "!", "@", "#", "'", ",", "é", "ß", "\u0410", "\t", "\n", "\u00A0"]

const letter = fc.constantFrom(...LETTERS)
const allowedText = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...ALLOWED), minLength: min, maxLength: max })

/** `text` with `char` put in at the position `at` picks. */
const insertAt = (text: string, char: string, at: number) => {
  const i = at % (text.length + 1)
  return text.slice(0, i) + char + text.slice(i)
}

/**
 * Valid alpha senders: 1 to 11 allowed characters with at least one letter.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { alphaSenderText } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(alphaSenderText(), 2) // ["Acme", "x-9 &B"]
 * ```
 * @since 0.2.0
 */
export const alphaSenderText = (): fc.Arbitrary<string> =>
  fc.tuple(allowedText(0, ALPHA_SENDER_MAX_LENGTH - 1), letter, fc.nat()).map(([rest, l, at]) => insertAt(rest, l, at))

/**
 * Alpha senders that break exactly one rule, `{ value, rule, path: [] }`: too long (`alpha-sender.length`), a
 * character outside the set (`alpha-sender.characters`), only digits (`alpha-sender.not-only-digits`). The empty text
 * breaks `alpha-sender.length` in the codec; a form reports it as `required`.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { invalidAlphaSenderText } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(invalidAlphaSenderText(), 1) // [{ value: "12345", rule: "alpha-sender.not-only-digits", path: [] }]
 * ```
 * @since 0.2.0
 */
export const invalidAlphaSenderText = (): fc.Arbitrary<NearMiss<string>> =>
  fc.oneof(
    fc.tuple(letter, allowedText(ALPHA_SENDER_MAX_LENGTH, ALPHA_SENDER_MAX_LENGTH + 5))
      .map(([l, more]) => ({ value: l + more, rule: "alpha-sender.length" })),
    fc.tuple(allowedText(0, ALPHA_SENDER_MAX_LENGTH - 1), fc.constantFrom(...FORBIDDEN), fc.nat())
      .map(([rest, bad, at]) => ({ value: insertAt(rest, bad, at), rule: "alpha-sender.characters" })),
    fc.stringMatching(new RegExp(`^[0-9]{1,${ALPHA_SENDER_MAX_LENGTH}}$`)).map((digits) => ({ value: digits, rule: "alpha-sender.not-only-digits" }))
  ).map((miss) => ({ ...miss, path: [] }))

/**
 * AlphaSender SIDs: `AI` and 32 lower-case hex digits.
 *
 * @since 0.2.0
 */
export const alphaSenderSid = (): fc.Arbitrary<AlphaSenderSid> =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef".split("")), minLength: 32, maxLength: 32 }).map((hex) => `AI${hex}` as AlphaSenderSid)

/**
 * Wire AlphaSender bodies as Twilio sends them: every key, a valid text, `SMS`, the canonical `url` under `baseUrl`
 * (default Twilio's origin); valid in both profiles.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { alphaSenderWire } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(alphaSenderWire(), 1)[0]?.alpha_sender // "Acme"
 * ```
 * @since 0.2.0
 */
export const alphaSenderWire = (options: { readonly baseUrl?: string } = {}): fc.Arbitrary<Required<AlphaSenderWire>> =>
  fc.record({ sid: alphaSenderSid(), accountSid: accountSid(), serviceSid: serviceSid(), dates: datePair(), text: alphaSenderText() }).map((v) => ({
    sid: v.sid,
    account_sid: v.accountSid,
    service_sid: v.serviceSid,
    date_created: formatTwilioDate(v.dates[0]),
    date_updated: formatTwilioDate(v.dates[1]),
    alpha_sender: v.text,
    capabilities: ["SMS"],
    url: AlphaSenderResource.instanceUrl(options.baseUrl ?? TWILIO_MESSAGING_BASE_URL, { ServiceSid: v.serviceSid, Sid: v.sid })
  }))
