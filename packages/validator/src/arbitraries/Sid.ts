/**
 * SIDs as Twilio issues them (lower-case hex) and their near misses.
 *
 * @since 0.1.0
 */
import type { AccountSid, PhoneNumberSid, ServiceSid, ShortCodeSid } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import type { LocalMiss, NearMiss } from "./NearMiss.js"

const HEX = "0123456789abcdef".split("")
const hexDigits = (length: number) => fc.string({ unit: fc.constantFrom(...HEX), minLength: length, maxLength: length })

const sid = <S extends string>(prefix: string): fc.Arbitrary<S> => hexDigits(32).map((hex) => `${prefix}${hex}` as S)

/**
 * Account SIDs: `AC` and 32 lower-case hex digits.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { accountSid } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(accountSid(), 1) // ["AC0f3a..."]
 * ```
 * @since 0.1.0
 */
export const accountSid = (): fc.Arbitrary<AccountSid> => sid<AccountSid>("AC")

/**
 * Messaging Service SIDs: `MG` and 32 lower-case hex digits.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { serviceSid } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(serviceSid(), 1) // ["MG5b2e..."]
 * ```
 * @since 0.1.0
 */
export const serviceSid = (): fc.Arbitrary<ServiceSid> => sid<ServiceSid>("MG")

/**
 * Short Code SIDs: `SC` and 32 lower-case hex digits.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { shortCodeSid } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(shortCodeSid(), 1) // ["SC9d41..."]
 * ```
 * @since 0.1.0
 */
export const shortCodeSid = (): fc.Arbitrary<ShortCodeSid> => sid<ShortCodeSid>("SC")

/** Characters that look like the letters of the prefixes: Cyrillic, Greek and full-width forms. */
const LOOK_ALIKES: Readonly<Record<string, ReadonlyArray<string>>> = {
  S: ["\u0405", "\uFF33"], // Cyrillic DZE, full-width S
  C: ["\u0421", "\u03F9", "\uFF23"], // Cyrillic ES, Greek lunate sigma, full-width C
  M: ["\u041C", "\u039C", "\uFF2D"], // Cyrillic EM, Greek MU, full-width M
  G: ["\u050C", "\uFF27"], // Cyrillic KOMI SJE, full-width G
  A: ["\u0410", "\u0391", "\uFF21"] // Cyrillic A, Greek ALPHA, full-width A
}

/** Not hexadecimal digits, and not whitespace: letters past f, punctuation, look-alikes of hex digits, NUL. */
const NON_HEX = [
  "g", "x", "z", "G", "O", "-", "_", ".", ":", "/", "%", "\u0000",
  "\u0430", "\u0435", "\u0441", // Cyrillic a, e, es: look like hex a, e, c
  "\uFF10", "\uFF11", "\uFF19", "\uFF41", // full-width 0, 1, 9, a
  "\u00E9", "\u0665" // é, Arabic-Indic five
]

/** Whitespace as JavaScript's `\s` sees it, including what hides in copied text. */
const WHITESPACE = [" ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u2028", "\uFEFF"]

const upper = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ".split(""))

const replaceAt = (text: string, index: number, by: string) => text.slice(0, index) + by + text.slice(index + 1)

/**
 * Near misses of a SID with `prefix`, without a path. `typeMisses` adds values of the wrong type; `nullable` says
 * whether `null` is allowed where the SID goes (then it is not a miss).
 */
export const sidMiss = (
  prefix: string,
  options: { readonly typeMisses?: boolean; readonly nullable?: boolean } = {}
): fc.Arbitrary<LocalMiss> => {
  const hex32 = hexDigits(32)
  const [p0, p1] = [prefix.charAt(0), prefix.charAt(1)]
  const misses: Array<fc.Arbitrary<LocalMiss>> = [
    fc.tuple(upper, upper, hex32)
      .filter(([a, b]) => a + b !== prefix)
      .map(([a, b, hex]) => ({ value: `${a}${b}${hex}`, rule: "sid.prefix" })),
    hex32.map((hex) => ({ value: `${prefix.toLowerCase()}${hex}`, rule: "sid.prefix" })),
    hex32.map((hex) => ({ value: `${p0}${p1.toLowerCase()}${hex}`, rule: "sid.prefix" })),
    fc.tuple(fc.constantFrom(0, 1), hex32).chain(([at, hex]) =>
      fc.constantFrom(...(LOOK_ALIKES[at === 0 ? p0 : p1] ?? ["\u0000"])).map((alike) => ({
        value: `${at === 0 ? alike + p1 : p0 + alike}${hex}`,
        rule: "sid.prefix"
      }))
    ),
    fc.constantFrom(31, 33).chain((n) => hexDigits(n)).map((hex) => ({ value: `${prefix}${hex}`, rule: "sid.length" })),
    fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 34, max: 64 }))
      .chain((n) => hexDigits(n))
      .map((hex) => ({ value: `${prefix}${hex}`, rule: "sid.length" })),
    fc.tuple(hex32, fc.nat(31), fc.constantFrom(...NON_HEX)).map(([hex, at, ch]) => ({
      value: `${prefix}${replaceAt(hex, at, ch)}`,
      rule: "sid.hex"
    })),
    fc.tuple(hex32, fc.constantFrom(...WHITESPACE), fc.constantFrom("leading", "trailing", "inner", "replacing")).chain(([hex, ws, where]) =>
      fc.nat(31).map((at) => {
        const valid = `${prefix}${hex}`
        const value = where === "leading" ? ws + valid
          : where === "trailing" ? valid + ws
          : where === "inner" ? valid.slice(0, 2 + at) + ws + valid.slice(2 + at)
          : `${prefix}${replaceAt(hex, at, ws)}`
        return { value, rule: "sid.whitespace" }
      })
    )
  ]
  if (options.typeMisses ?? true) {
    misses.push(
      fc.oneof(
        fc.integer(),
        fc.boolean(),
        hex32.map((hex) => [`${prefix}${hex}`]),
        hex32.map((hex) => ({ sid: `${prefix}${hex}` })),
        ...(options.nullable === true ? [] : [fc.constant(null)])
      ).map((value) => ({ value, rule: "type" }))
    )
  }
  return fc.oneof(...misses)
}

/** Near misses of a SID of `prefix` at the path `[]`. @internal */
export const topLevel = (prefix: string): fc.Arbitrary<NearMiss> => sidMiss(prefix).map(({ value, rule }) => ({ value, rule, path: [] }))

/**
 * Near misses of a Short Code SID, each with the one rule it breaks (`sid.whitespace`, `sid.prefix`, `sid.length`,
 * `sid.hex` or `type`) and the path `[]`: wrong or lower-case prefix, Cyrillic or full-width look-alikes, 31 or 33
 * hex digits, one non-hex character, surrounding or inner whitespace, a trailing newline, another type.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { isShortCodeSid } from "@shortcode-kit/validator"
 * import { invalidShortCodeSid } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.assert(fc.property(invalidShortCodeSid(), ({ value }) => !isShortCodeSid(value)))
 * ```
 * @since 0.1.0
 */
export const invalidShortCodeSid = (): fc.Arbitrary<NearMiss> => topLevel("SC")

/**
 * Near misses of a Messaging Service SID (see {@link invalidShortCodeSid}).
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { invalidServiceSid } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(invalidServiceSid(), 1) // [{ value: "mg3f...", rule: "sid.prefix", path: [] }]
 * ```
 * @since 0.1.0
 */
export const invalidServiceSid = (): fc.Arbitrary<NearMiss> => topLevel("MG")

/**
 * Near misses of an Account SID (see {@link invalidShortCodeSid}).
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { invalidAccountSid } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(invalidAccountSid(), 1) // [{ value: "AC3f...\n", rule: "sid.whitespace", path: [] }]
 * ```
 * @since 0.1.0
 */
export const invalidAccountSid = (): fc.Arbitrary<NearMiss> => topLevel("AC")

/**
 * Phone Number SIDs: `PN` and 32 lower-case hex digits.
 *
 * @since 0.2.0
 */
export const phoneNumberSid = (): fc.Arbitrary<PhoneNumberSid> => sid<PhoneNumberSid>("PN")

/**
 * Near misses of a Phone Number SID, each breaking one SID rule (path `[]`).
 *
 * @since 0.2.0
 */
export const invalidPhoneNumberSid = (): fc.Arbitrary<NearMiss> => topLevel("PN")
