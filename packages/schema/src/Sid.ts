/**
 * Twilio SIDs: a two-letter prefix naming the resource type followed by 32 hexadecimal digits
 * (Twilio glossary, "What is a SID"). The official OpenAPI patterns (`^SC[0-9a-fA-F]{32}$`, ...) accept both hex
 * cases, so both are accepted here and a value is never rewritten; Twilio itself issues lower-case hex.
 *
 * @since 0.1.0
 */
import { Schema, SchemaAST } from "effect"
import { declareFastChecks } from "./internal/compile/fastLeaf.js"
import { ruleCheck } from "./internal/rule.js"

const HEX_DIGITS = 32
// The annotation that records a SID schema's prefix (read by sidPrefixOf).
const SID_PREFIX = "shortcode-kit/sidPrefix"

const SID_LENGTH = 2 + HEX_DIGITS
const WHITESPACE = /\s/u
const HEX = /^[0-9a-fA-F]*$/

// After a two-character prefix, which callers compare first.
const HEX_AFTER_PREFIX = /^..[0-9a-fA-F]{32}$/

// For the rules' generators: what Twilio issues (lower-case hex), and characters that are neither hex nor whitespace.
const LOWER_HEX = "0123456789abcdef".split("")
const NOT_HEX = ["g", "x", "z", "G", "O", "-", "_", ".", ":", "/", "%", "\u0000", "\u0430", "\uFF11", "\u00E9"]
const SPACES = [" ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u2028", "\uFEFF"]
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("")

/**
 * Whether `text` is a SID with `prefix`: exactly what the four rules of {@link sidString} accept together, in one
 * pass over the characters (the compiled decoders use it; the rules stay the source of every message).
 */
export const isSidWithPrefix = (prefix: string, text: string): boolean =>
  text.length === SID_LENGTH && text.charCodeAt(0) === prefix.charCodeAt(0) && text.charCodeAt(1) === prefix.charCodeAt(1) &&
  HEX_AFTER_PREFIX.test(text)

/**
 * The one definition of a SID with the given prefix, as an unbranded string schema. Its checks run in order and
 * stop at the first failure, so every malformed SID is reported under exactly one rule:
 * `sid.whitespace`, `sid.prefix`, `sid.length`, `sid.hex`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { sidString } from "@shortcode-kit/schema"
 *
 * const PhoneNumberSid = sidString("PN")
 * Schema.is(PhoneNumberSid)("PN" + "0".repeat(32)) // true
 * ```
 * @since 0.1.0
 */
export const sidString = <const Prefix extends string>(prefix: Prefix) => {
  if (!/^[A-Z]{2}$/.test(prefix)) {
    throw new Error(`sidString: prefix must be two upper-case ASCII letters, received ${JSON.stringify(prefix)}`)
  }
  const shape = `"${prefix}" followed by ${HEX_DIGITS} hexadecimal digits`
  const schema = Schema.String.check(
    ruleCheck<string>("sid.whitespace", (s) => !WHITESPACE.test(s), {
      message: `must not contain whitespace; a ${prefix} SID is ${shape}`,
      expected: shape
    }, {
      generators: {
        breaking: (fc, sid) =>
          fc.tuple(fc.constantFrom(...SPACES), fc.nat(sid.length)).map(([space, at]) => sid.slice(0, at) + space + sid.slice(at))
      }
    }),
    ruleCheck<string>("sid.prefix", (s) => s.startsWith(prefix), {
      message: `must start with "${prefix}" (upper case); a ${prefix} SID is ${shape}`,
      expected: shape
    }, {
      generators: {
        breaking: (fc, sid) =>
          fc.oneof(
            fc.constantFrom(prefix.toLowerCase(), prefix.charAt(0) + prefix.charAt(1).toLowerCase()),
            fc.tuple(fc.constantFrom(...UPPER), fc.constantFrom(...UPPER)).map(([a, b]) => a + b).filter((other) => other !== prefix)
          ).map((other) => other + sid.slice(2))
      }
    }),
    ruleCheck<string>("sid.length", (s) => s.length === SID_LENGTH, {
      message: `must be exactly ${SID_LENGTH} characters long: "${prefix}" followed by ${HEX_DIGITS} hexadecimal digits`,
      expected: shape
    }, {
      generators: {
        breaking: (fc) =>
          fc.oneof(fc.integer({ min: 0, max: HEX_DIGITS - 1 }), fc.integer({ min: HEX_DIGITS + 1, max: 2 * HEX_DIGITS }))
            .chain((n) => fc.string({ unit: fc.constantFrom(...LOWER_HEX), minLength: n, maxLength: n }))
            .map((hex) => prefix + hex)
      }
    }),
    ruleCheck<string>("sid.hex", (s) => HEX.test(s.slice(2)), {
      message: `must contain only hexadecimal digits (0-9, a-f, A-F) after "${prefix}"`,
      expected: shape
    }, {
      generators: {
        valid: (fc) => fc.string({ unit: fc.constantFrom(...LOWER_HEX), minLength: HEX_DIGITS, maxLength: HEX_DIGITS }).map((hex) => prefix + hex),
        breaking: (fc, sid) =>
          fc.tuple(fc.integer({ min: 2, max: SID_LENGTH - 1 }), fc.constantFrom(...NOT_HEX)).map(([at, bad]) => sid.slice(0, at) + bad + sid.slice(at + 1))
      }
    })
  ).annotate({
    [SID_PREFIX]: prefix,
    description: `A Twilio SID: ${shape}`,
    examples: [`${prefix}${"a".repeat(HEX_DIGITS)}`],
    // The JSON Schema and OpenAPI forms carry the official spec's own constraints.
    toJsonSchema: () => ({ type: "string", minLength: SID_LENGTH, maxLength: SID_LENGTH, pattern: `^${prefix}[0-9a-fA-F]{${HEX_DIGITS}}$` })
  })
  // The four rules in one pass, for the compiled paths (internal/compile).
  return declareFastChecks(schema, (text: string) => isSidWithPrefix(prefix, text))
}

/**
 * A branded SID schema: {@link sidString} with `prefix`, the brand `brand`, and `brand` as its identifier (its name
 * in OpenAPI and JSON Schema).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { sid } from "@shortcode-kit/schema"
 *
 * const PhoneNumberSid = sid("PN", "PhoneNumberSid")
 * type PhoneNumberSid = typeof PhoneNumberSid.Type // string & Brand<"PhoneNumberSid">
 * ```
 * @since 0.2.0
 */
export const sid = <const Prefix extends string, const Brand extends string>(
  prefix: Prefix,
  brand: Brand & Parameters<typeof Schema.brand<Brand>>[0]
) => sidString(prefix).pipe(Schema.brand<Brand>(brand)).annotate({ identifier: brand, [SID_PREFIX]: prefix })

/**
 * The prefix of the SIDs `schema` takes (`"PN"` for `PhoneNumberSid`), as {@link sidString} and {@link sid} record
 * it, or `undefined` for a schema that is not a SID.
 *
 * @example
 * ```ts
 * import { PhoneNumberSid, sidPrefixOf } from "@shortcode-kit/schema"
 *
 * sidPrefixOf(PhoneNumberSid) // "PN"
 * ```
 * @since 0.2.0
 */
export const sidPrefixOf = (schema: Schema.Top): string | undefined => SchemaAST.resolveAt<string>(SID_PREFIX)(schema.ast)

/**
 * An Account SID (`AC` + 32 hex digits).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { AccountSid } from "@shortcode-kit/schema"
 *
 * const sid: AccountSid = Schema.decodeUnknownSync(AccountSid)("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
 * ```
 * @since 0.1.0
 */
export const AccountSid = sid("AC", "AccountSid")
/** @since 0.1.0 */
export type AccountSid = typeof AccountSid.Type

/**
 * A Messaging Service SID (`MG` + 32 hex digits).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ServiceSid } from "@shortcode-kit/schema"
 *
 * Schema.is(ServiceSid)("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") // true
 * ```
 * @since 0.1.0
 */
export const ServiceSid = sid("MG", "ServiceSid")
/** @since 0.1.0 */
export type ServiceSid = typeof ServiceSid.Type

/**
 * A Short Code SID (`SC` + 32 hex digits).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ShortCodeSid } from "@shortcode-kit/schema"
 *
 * Schema.is(ShortCodeSid)("SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") // true
 * ```
 * @since 0.1.0
 */
export const ShortCodeSid = sid("SC", "ShortCodeSid")
/** @since 0.1.0 */
export type ShortCodeSid = typeof ShortCodeSid.Type

const randomHex = (): string => {
  const bytes = new Uint8Array(HEX_DIGITS / 2)
  globalThis.crypto.getRandomValues(bytes)
  let out = ""
  for (const b of bytes) out += b.toString(16).padStart(2, "0")
  return out
}

/**
 * A new Account SID from the platform's cryptographically secure random source, in lower-case hex as Twilio issues.
 *
 * @example
 * ```ts
 * import { randomAccountSid } from "@shortcode-kit/schema"
 *
 * const sid = randomAccountSid() // "AC3f9c..."
 * ```
 * @since 0.1.0
 */
export const randomAccountSid = (): AccountSid => `AC${randomHex()}` as AccountSid
/**
 * A new Messaging Service SID, cryptographically random, lower-case hex.
 *
 * @example
 * ```ts
 * import { randomServiceSid } from "@shortcode-kit/schema"
 *
 * const sid = randomServiceSid() // "MG..."
 * ```
 * @since 0.1.0
 */
export const randomServiceSid = (): ServiceSid => `MG${randomHex()}` as ServiceSid
/**
 * A new Short Code SID, cryptographically random, lower-case hex.
 *
 * @example
 * ```ts
 * import { randomShortCodeSid } from "@shortcode-kit/schema"
 *
 * const sid = randomShortCodeSid() // "SC..."
 * ```
 * @since 0.1.0
 */
export const randomShortCodeSid = (): ShortCodeSid => `SC${randomHex()}` as ShortCodeSid
