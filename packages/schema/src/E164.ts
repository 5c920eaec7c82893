/**
 * E.164 phone numbers (ITU-T E.164), a primitive of every Twilio API that takes or answers a phone number, like
 * CountryCode.ts: the PhoneNumbers resource's `phone_number` is one.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { ruleCheck } from "./internal/rule.js"

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
