/**
 * Alpha senders as Twilio takes them, and near misses that break exactly one text rule each (labelled with the
 * rule id of `AlphaSenderText` in `@shortcode-kit/schema`); whole AlphaSender bodies. All derived from the rules'
 * generators and the declaration ({@link ruleArbitraries}, {@link resourceArbitraries}).
 *
 * @since 0.2.0
 */
import { AlphaSenderResource, type AlphaSenderSid, AlphaSenderText, type AlphaSenderWire, makeAlphaSenderStrict } from "@shortcode-kit/schema"
import type * as fc from "fast-check"
import type { NearMiss } from "./NearMiss.js"
import { resourceArbitraries } from "./Resource.js"
import { ruleArbitraries } from "./Rules.js"

const text = ruleArbitraries(AlphaSenderText, "alphaSenderText")
const resource = (caller: string, baseUrl?: string) => resourceArbitraries(AlphaSenderResource, (origin) => makeAlphaSenderStrict({ baseUrl: origin }), caller, { baseUrl })

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
export const alphaSenderText = (): fc.Arbitrary<string> => text.valid

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
export const invalidAlphaSenderText = (): fc.Arbitrary<NearMiss<string>> => text.nearMiss

/**
 * AlphaSender SIDs: `AI` and 32 lower-case hex digits.
 *
 * @since 0.2.0
 */
export const alphaSenderSid = (): fc.Arbitrary<AlphaSenderSid> => resource("alphaSenderSid").sid as fc.Arbitrary<AlphaSenderSid>

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
  resource("alphaSenderWire", options.baseUrl).wire as fc.Arbitrary<Required<AlphaSenderWire>>
