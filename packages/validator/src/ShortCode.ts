/**
 * Validation of a ShortCode resource body, as Twilio returns it from fetch and create.
 *
 * @since 0.1.0
 */
import { makeShortCodeStrict, ShortCode, type ShortCodeStrict } from "@shortcode-kit/schema"
import { makeValidator } from "./internal/decoder.js"
import { sdkKeyInWireIssues } from "./internal/sdkNames.js"
import { shortCodeDomainToWire } from "./internal/wireNames.js"
import { type ProfileOptions, resolveProfileOptions } from "./Profile.js"
import { getOrThrow, type ValidationResult } from "./ValidationResult.js"

const validateSpec = makeValidator(ShortCode, shortCodeDomainToWire)
const strictValidators = new Map<string, (input: unknown) => ValidationResult<ShortCodeStrict>>()

/** The strict validator for an origin, built once: building a schema costs far more than using it. */
export const strictShortCodeValidator = (baseUrl: string) => {
  let validate = strictValidators.get(baseUrl)
  if (validate === undefined) {
    validate = makeValidator(makeShortCodeStrict({ baseUrl }), shortCodeDomainToWire)
    strictValidators.set(baseUrl, validate)
  }
  return validate
}

/**
 * Validates the wire JSON of a ShortCode (snake_case, as Twilio sends it) and decodes it. Never throws for any
 * input; throws a TypeError only for malformed options. A property under the twilio SDK's camelCase name
 * (`accountSid` where `account_sid` is absent: an SDK instance's `toJSON()`) is an issue, `wire.sdk-key`, pointing to
 * `validateShortCodeInstance`, instead of an unknown key silently ignored.
 *
 * @example
 * ```ts
 * import { validateShortCode } from "@shortcode-kit/validator"
 *
 * const result = validateShortCode(
 *   { sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", date_created: "2015-07-30T20:12:31Z" },
 *   { profile: "spec" }
 * )
 * if (result.ok) result.value.dateCreated?.getUTCFullYear() // 2015
 * else for (const issue of result.issues) console.log(issue.path, issue.rule, issue.message)
 * ```
 * @since 0.1.0
 */
export function validateShortCode(input: unknown, options: ProfileOptions & { readonly profile: "strict" }): ValidationResult<ShortCodeStrict>
export function validateShortCode(input: unknown, options?: ProfileOptions): ValidationResult<ShortCode>
export function validateShortCode(input: unknown, options?: ProfileOptions): ValidationResult<ShortCode> {
  const { profile, baseUrl } = resolveProfileOptions("validateShortCode", options)
  const result = profile === "spec" ? validateSpec(input) : strictShortCodeValidator(baseUrl)(input)
  const sdkKeys = sdkKeyInWireIssues(input)
  return sdkKeys.length === 0 ? result : { ok: false, issues: [...(result.ok ? [] : result.issues), ...sdkKeys] }
}

/**
 * Whether `input` is a valid ShortCode wire body under the profile.
 *
 * @example
 * ```ts
 * import { isShortCode } from "@shortcode-kit/validator"
 *
 * isShortCode({ sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }) // true
 * isShortCode({ sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }, { profile: "strict" }) // false: keys missing
 * ```
 * @since 0.1.0
 */
export const isShortCode = (input: unknown, options?: ProfileOptions): boolean => validateShortCode(input, options).ok

/**
 * The decoded ShortCode, or a `ValidationError` listing every issue with its path.
 *
 * @example
 * ```ts
 * import { assertShortCode } from "@shortcode-kit/validator"
 *
 * const shortCode = assertShortCode(JSON.parse('{"sid":"SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","short_code":"12345"}'))
 * shortCode.shortCode // "12345"
 * ```
 * @since 0.1.0
 */
export function assertShortCode(input: unknown, options: ProfileOptions & { readonly profile: "strict" }): ShortCodeStrict
export function assertShortCode(input: unknown, options?: ProfileOptions): ShortCode
export function assertShortCode(input: unknown, options?: ProfileOptions): ShortCode {
  return getOrThrow("ShortCode", validateShortCode(input, options))
}
