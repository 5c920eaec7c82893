/**
 * The text of an Alphanumeric Sender ID, with the rules Twilio's OpenAPI document states for the `AlphaSender`
 * create parameter: "Can be up to 11 characters long. Valid characters are A-Z, a-z, 0-9, space, hyphen -, plus +,
 * underscore _ and ampersand &. This value cannot contain only numbers." (CreateAlphaSenderRequest, twilio-oai).
 * Each rule is a check of its own, checked in order and stopping at the first failure, so that a text is reported
 * under the one rule it breaks.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { ruleCheck, type RuleGenerators } from "./internal/rule.js"

/** The longest alpha sender Twilio takes, in characters. @since 0.2.0 */
export const ALPHA_SENDER_MAX_LENGTH = 11

/** The prefix of every rule id of the alpha sender text; the error mapping (InputErrors.ts) reads it. @since 0.2.0 */
export const ALPHA_SENDER_RULE_PREFIX = "alpha-sender."

const CHARACTERS = "A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand &"
const ALLOWED = /^[A-Za-z0-9 +\-_&]*$/
const ONLY_DIGITS = /^[0-9]+$/

// For the rules' generators: the allowed characters (those of ALLOWED), and characters outside them that people do
// try: punctuation, accents, look-alikes, whitespace.
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".split("")
const ALLOWED_CHARACTERS = [...LETTERS, ..."0123456789 -+_&".split("")]
const FORBIDDEN = [".", "!", "@", "#", "'", ",", "\u00E9", "\u00DF", "\u0410", "\t", "\n", "\u00A0"]

type FastCheck = Parameters<NonNullable<RuleGenerators<string>["valid"]>>[0]

/** `text` with `char` put in at the position `at` picks. */
const insertAt = (text: string, char: string, at: number) => {
  const i = at % (text.length + 1)
  return text.slice(0, i) + char + text.slice(i)
}

/** Texts of 1 to `max` allowed characters with at least one letter: they keep every rule. */
const validText = (fc: FastCheck, max: number) =>
  fc.tuple(fc.string({ unit: fc.constantFrom(...ALLOWED_CHARACTERS), maxLength: max - 1 }), fc.constantFrom(...LETTERS), fc.nat())
    .map(([rest, letter, at]) => insertAt(rest, letter, at))

/**
 * The alpha sender text: 1 to 11 characters of A-Z, a-z, 0-9, space, `-`, `+`, `_`, `&`, not only digits. Rules,
 * in order: `alpha-sender.length`, `alpha-sender.characters`, `alpha-sender.not-only-digits`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { AlphaSenderText } from "@shortcode-kit/schema"
 *
 * Schema.is(AlphaSenderText)("Twilio") // true
 * Schema.is(AlphaSenderText)("12345") // false: only digits
 * ```
 * @since 0.2.0
 */
export const AlphaSenderText = Schema.String.check(
  ruleCheck<string>(`${ALPHA_SENDER_RULE_PREFIX}length`, (s) => s.length >= 1 && s.length <= ALPHA_SENDER_MAX_LENGTH, {
    message: `must be 1 to ${ALPHA_SENDER_MAX_LENGTH} characters long`,
    expected: `1 to ${ALPHA_SENDER_MAX_LENGTH} characters`
  }, {
    jsonSchema: { minLength: 1, maxLength: ALPHA_SENDER_MAX_LENGTH },
    generators: {
      // Too long by 1 to 5 characters, keeping the other rules.
      breaking: (fc) =>
        fc.tuple(validText(fc, ALPHA_SENDER_MAX_LENGTH), fc.string({ unit: fc.constantFrom(...ALLOWED_CHARACTERS), minLength: 1, maxLength: 5 }))
          .map(([text, more]) => (text + more).padEnd(ALPHA_SENDER_MAX_LENGTH + 1, "A"))
    }
  }),
  ruleCheck<string>(`${ALPHA_SENDER_RULE_PREFIX}characters`, (s) => ALLOWED.test(s), {
    message: `must contain only ${CHARACTERS}`,
    expected: CHARACTERS
  }, {
    jsonSchema: { pattern: ALLOWED.source },
    generators: {
      breaking: (fc) =>
        fc.tuple(validText(fc, ALPHA_SENDER_MAX_LENGTH - 1), fc.constantFrom(...FORBIDDEN), fc.nat()).map(([text, bad, at]) => insertAt(text, bad, at))
    }
  }),
  ruleCheck<string>(`${ALPHA_SENDER_RULE_PREFIX}not-only-digits`, (s) => !ONLY_DIGITS.test(s), {
    message: "must not contain only digits: an alpha sender needs at least one letter or symbol",
    expected: "at least one character that is not a digit"
  }, {
    jsonSchema: { not: { pattern: ONLY_DIGITS.source } },
    generators: {
      valid: (fc) => validText(fc, ALPHA_SENDER_MAX_LENGTH),
      breaking: (fc) => fc.string({ unit: fc.constantFrom(..."0123456789".split("")), minLength: 1, maxLength: ALPHA_SENDER_MAX_LENGTH })
    }
  })
).annotate({
  identifier: "AlphaSenderText",
  description: `An Alphanumeric Sender ID: 1 to ${ALPHA_SENDER_MAX_LENGTH} characters of ${CHARACTERS}, not only digits`,
  examples: ["Twilio"]
})
