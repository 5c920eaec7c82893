/**
 * Validation of a page of the list endpoint (`{ short_codes, meta }`).
 *
 * @since 0.1.0
 */
import { makeShortCodeStrict, PageMeta, ShortCodePage } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { makeValidator } from "./internal/decoder.js"
import { shortCodePageDomainToWire } from "./internal/wireNames.js"
import { type ProfileOptions, resolveProfileOptions } from "./Profile.js"
import { getOrThrow, type ValidationResult } from "./ValidationResult.js"

const validateSpec = makeValidator(ShortCodePage, shortCodePageDomainToWire)

/** The page with strict items; the page envelope itself has no stricter form in Twilio's contract. */
const makeStrictPage = (baseUrl: string) =>
  Schema.Struct({
    shortCodes: Schema.optionalKey(Schema.Array(makeShortCodeStrict({ baseUrl }))),
    meta: Schema.optionalKey(PageMeta)
  }).pipe(Schema.encodeKeys({ shortCodes: "short_codes", meta: "meta" }))

const strictValidators = new Map<string, (input: unknown) => ValidationResult<ShortCodePage>>()

/**
 * Validates a list page as Twilio sends it and decodes it. With `profile: "strict"` every item must pass the
 * strict ShortCode profile. Never throws for any input.
 *
 * @example
 * ```ts
 * import { validateShortCodePage } from "@shortcode-kit/validator"
 *
 * const result = validateShortCodePage({ short_codes: [], meta: { page: 0, page_size: 50, key: "short_codes" } })
 * result.ok // true
 * ```
 * @since 0.1.0
 */
export const validateShortCodePage = (input: unknown, options?: ProfileOptions): ValidationResult<ShortCodePage> => {
  const { profile, baseUrl } = resolveProfileOptions("validateShortCodePage", options)
  if (profile === "spec") return validateSpec(input)
  let validate = strictValidators.get(baseUrl)
  if (validate === undefined) {
    validate = makeValidator(makeStrictPage(baseUrl), shortCodePageDomainToWire)
    strictValidators.set(baseUrl, validate)
  }
  return validate(input)
}

/**
 * The decoded page, or a `ValidationError` listing every issue with its path.
 *
 * @example
 * ```ts
 * import { assertShortCodePage } from "@shortcode-kit/validator"
 *
 * assertShortCodePage({ short_codes: [] }).shortCodes?.length // 0
 * ```
 * @since 0.1.0
 */
export const assertShortCodePage = (input: unknown, options?: ProfileOptions): ShortCodePage =>
  getOrThrow("ShortCodePage", validateShortCodePage(input, options))
