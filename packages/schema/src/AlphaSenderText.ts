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
import { ruleCheck } from "./internal/rule.js"

/** The longest alpha sender Twilio takes, in characters. @since 0.2.0 */
export const ALPHA_SENDER_MAX_LENGTH = 11

/** The prefix of every rule id of the alpha sender text; the error mapping (InputErrors.ts) reads it. @since 0.2.0 */
export const ALPHA_SENDER_RULE_PREFIX = "alpha-sender."

const CHARACTERS = "A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand &"
const ALLOWED = /^[A-Za-z0-9 +\-_&]*$/
const ONLY_DIGITS = /^[0-9]+$/

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
  }, { jsonSchema: { minLength: 1, maxLength: ALPHA_SENDER_MAX_LENGTH } }),
  ruleCheck<string>(`${ALPHA_SENDER_RULE_PREFIX}characters`, (s) => ALLOWED.test(s), {
    message: `must contain only ${CHARACTERS}`,
    expected: CHARACTERS
  }, { jsonSchema: { pattern: ALLOWED.source } }),
  ruleCheck<string>(`${ALPHA_SENDER_RULE_PREFIX}not-only-digits`, (s) => !ONLY_DIGITS.test(s), {
    message: "must not contain only digits: an alpha sender needs at least one letter or symbol",
    expected: "at least one character that is not a digit"
  }, { jsonSchema: { not: { pattern: ONLY_DIGITS.source } } })
).annotate({
  identifier: "AlphaSenderText",
  description: `An Alphanumeric Sender ID: 1 to ${ALPHA_SENDER_MAX_LENGTH} characters of ${CHARACTERS}, not only digits`,
  examples: ["Twilio"]
})
