/**
 * Validation of the AlphaSender resource and its create form, derived from its declaration (`AlphaSenderResource`)
 * by {@link resourceValidation}.
 *
 * @since 0.2.0
 */
import { AlphaSenderResource, AlphaSenderSid, AlphaSenderText, makeAlphaSenderStrict } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { resourceValidation } from "./ResourceValidation.js"

/** The functions below, as one value (the CLI's kinds read it). @internal */
export const alphaSenders = resourceValidation(AlphaSenderResource, (baseUrl) => makeAlphaSenderStrict({ baseUrl }), "validateAlphaSender")

/**
 * Validates the wire JSON of an AlphaSender (`spec`: what Twilio's schema allows; `strict`: every key, the text
 * rules on `alpha_sender`). Never throws for any input.
 *
 * @example
 * ```ts
 * import { validateAlphaSender } from "@shortcode-kit/validator"
 *
 * validateAlphaSender({ sid: "AIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", alpha_sender: "Twilio" }).ok // true
 * ```
 * @since 0.2.0
 */
export const validateAlphaSender = alphaSenders.validate

/** Whether `input` is a valid AlphaSender wire body under the profile. @since 0.2.0 */
export const isAlphaSender = alphaSenders.is

/** The decoded AlphaSender, or a `ValidationError` listing every issue. @since 0.2.0 */
export const assertAlphaSender = alphaSenders.assert

/**
 * Validates the form body of a create request: `AlphaSender` exactly once, non-empty, by the text rules (issues at
 * `["AlphaSender"]`, rules `required`, `form.repeated`, `alpha-sender.*`). Never throws; `toTwilioError`-style
 * answers come from the schema package's `answerOfIssue("form", issue)` (21709 for a broken rule).
 *
 * @example
 * ```ts
 * import { validateCreateAlphaSenderForm } from "@shortcode-kit/validator"
 *
 * const result = validateCreateAlphaSenderForm("AlphaSender=12345")
 * if (!result.ok) result.issues[0]?.rule // "alpha-sender.not-only-digits"
 * ```
 * @since 0.2.0
 */
export const validateCreateAlphaSenderForm = alphaSenders.validateCreateForm

/** Validates `{ serviceSid, body }` of `POST .../AlphaSenders`. @since 0.2.0 */
export const validateCreateAlphaSenderRequest = alphaSenders.validateCreateRequest

/**
 * The Twilio error body for a failed create request (21709 for an `AlphaSender` that breaks a rule, 20001 missing,
 * empty or repeated, 404 for a bad `ServiceSid`), from the schema package's `inputErrors`.
 *
 * @example
 * ```ts
 * import { alphaSenderTwilioError, validateCreateAlphaSenderRequest } from "@shortcode-kit/validator"
 *
 * const result = validateCreateAlphaSenderRequest({ serviceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", body: "AlphaSender=12345" })
 * if (!result.ok) alphaSenderTwilioError(result).code // 21709
 * ```
 * @since 0.2.0
 */
export const alphaSenderTwilioError = alphaSenders.toTwilioError

/**
 * Whether `input` is an AlphaSender SID: `AI` followed by 32 hexadecimal digits.
 *
 * @example
 * ```ts
 * import { isAlphaSenderSid } from "@shortcode-kit/validator"
 *
 * isAlphaSenderSid("AIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") // true
 * ```
 * @since 0.2.0
 */
export const isAlphaSenderSid = alphaSenders.isSid as (input: unknown) => input is AlphaSenderSid

/**
 * Whether `input` is an alpha sender text Twilio takes: 1 to 11 of A-Z, a-z, 0-9, space, `-`, `+`, `_`, `&`, not
 * only digits.
 *
 * @example
 * ```ts
 * import { isAlphaSenderText } from "@shortcode-kit/validator"
 *
 * isAlphaSenderText("Twilio") // true
 * isAlphaSenderText("12345") // false
 * ```
 * @since 0.2.0
 */
export const isAlphaSenderText: (input: unknown) => input is string = Schema.is(AlphaSenderText)
