/**
 * The strict profile's schemas of two ShortCode fields: the short code number and its capabilities.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { RuleAnnotation, ruleCheck } from "./internal/rule.js"

/**
 * A short code number: 3 to 8 ASCII digits (US short codes are 5 or 6). Rule `short_code.digits`.
 *
 * @since 0.1.0
 */
export const ShortCodeNumber = Schema.String.check(
  ruleCheck<string>("short_code.digits", (s) => /^[0-9]{3,8}$/.test(s), {
    message: "must be 3 to 8 digits (0-9) with nothing else, such as 12345",
    expected: "3 to 8 digits"
  }, {
    jsonSchema: { type: "string", pattern: "^[0-9]{3,8}$" },
    generators: {
      // US short codes, as most of Twilio's are: 5 or 6 digits.
      valid: (fc) => fc.integer({ min: 10_000, max: 999_999 }).map(String),
      // Too short or long, a letter, full-width digits, spacing, a sign or a decimal point.
      breaking: (fc, code) =>
        fc.constantFrom("12", "123456789", `${code.slice(0, 2)}a${code.slice(3)}`, "\uFF11\uFF12\uFF13\uFF14\uFF15", ` ${code}`, `${code}\n`, `+${code}`, "", `${code.charAt(0)} ${code.slice(1)}`, `${code}.0`)
    }
  })
)

/**
 * A short code capability.
 *
 * @since 0.1.0
 */
export const Capability = Schema.Literals(["SMS", "MMS"])

/** A duplicate-free list of capabilities. Rule `capabilities.unique`. */
export const Capabilities = Schema.Array(Capability).check(
  Schema.makeFilter((items: ReadonlyArray<string>) => {
    const seen = new Set<string>()
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as string
      if (seen.has(item)) return { path: [i], issue: `must not repeat ${JSON.stringify(item)}: each capability is listed once` }
      seen.add(item)
    }
    return undefined
  }, {
    expected: "capabilities without duplicates",
    [RuleAnnotation]: "capabilities.unique",
    // The same rule in the JSON Schema of the strict profile, so that a validator of the document refuses a repeat too.
    toJsonSchema: () => ({ uniqueItems: true })
  })
)
