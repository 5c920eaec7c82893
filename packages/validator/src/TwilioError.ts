/**
 * Validation of a Twilio error body (`{ code, message, more_info, status }`).
 *
 * @since 0.1.0
 */
import { TwilioError } from "@shortcode-kit/schema"
import { makeValidator } from "./internal/decoder.js"
import { getOrThrow, type ValidationResult } from "./ValidationResult.js"

const validate = makeValidator(TwilioError)

/**
 * Validates a Twilio error body and decodes it (`more_info` becomes `moreInfo`, a `URL`). Never throws.
 *
 * @example
 * ```ts
 * import { validateTwilioError } from "@shortcode-kit/validator"
 *
 * const result = validateTwilioError({
 *   code: 20404,
 *   message: "The requested resource /v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ShortCodes was not found",
 *   more_info: "https://www.twilio.com/docs/errors/20404",
 *   status: 404
 * })
 * if (result.ok) result.value.moreInfo.href // "https://www.twilio.com/docs/errors/20404"
 * ```
 * @since 0.1.0
 */
export const validateTwilioError = (input: unknown): ValidationResult<TwilioError> => validate(input)

/**
 * The decoded error body, or a `ValidationError` listing every issue with its path.
 *
 * @example
 * ```ts
 * import { assertTwilioError } from "@shortcode-kit/validator"
 *
 * assertTwilioError({ code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 }).code // 20003
 * ```
 * @since 0.1.0
 */
export const assertTwilioError = (input: unknown): TwilioError => getOrThrow("TwilioError", validate(input))
