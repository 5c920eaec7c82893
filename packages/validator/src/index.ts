/**
 * @shortcode-kit/validator: validation of Twilio's Messaging ShortCodes resource without Effect in your code.
 * Arbitraries for property tests live at `@shortcode-kit/validator/arbitraries`; the `shortcode-kit` CLI is the
 * package's bin.
 *
 * @since 0.1.0
 */
export {
  formatIssue,
  formatPath,
  type PathSegment,
  ValidationError,
  type ValidationFailure,
  type ValidationIssue,
  type ValidationResult,
  type ValidationSuccess
} from "./ValidationResult.js"
export type { Profile, ProfileOptions } from "./Profile.js"
export { isAccountSid, isServiceSid, isShortCodeSid } from "./Sid.js"
export { assertShortCode, isShortCode, validateShortCode } from "./ShortCode.js"
export { assertShortCodePage, validateShortCodePage } from "./ShortCodePage.js"
export { assertTwilioError, validateTwilioError } from "./TwilioError.js"
export {
  assertCreateShortCodeRequest,
  type CreateShortCodeInput,
  type CreateShortCodeRequestInput,
  type FormBodyInput,
  validateCreateShortCodeForm,
  validateCreateShortCodeRequest
} from "./CreateShortCode.js"
export { validateListShortCodesQuery } from "./ListShortCodesQuery.js"
export { toTwilioError } from "./ToTwilioError.js"
export {
  isPhoneNumberSid,
  phoneNumberTwilioError,
  validateCreatePhoneNumberForm,
  validateCreatePhoneNumberRequest,
  validatePhoneNumber,
  validatePhoneNumberPage
} from "./PhoneNumber.js"
export { resourceValidation, type ResourceValidation } from "./ResourceValidation.js"
export {
  expectedCreatedResponse,
  type ExpectedResponse,
  expectedFaultResponses,
  type HttpFault,
  MAX_FORM_BODY_BYTES
} from "./FaultResponses.js"
export {
  assertAlphaSender,
  isAlphaSender,
  isAlphaSenderSid,
  isAlphaSenderText,
  alphaSenderTwilioError,
  validateAlphaSender,
  validateCreateAlphaSenderForm,
  validateCreateAlphaSenderRequest
} from "./AlphaSender.js"
export { assertShortCodeInstance, validateShortCodeInstance } from "./ShortCodeInstance.js"
export {
  type ShortCodeResponseKind,
  ShortCodeResponseError,
  type ShortCodeResponseReport,
  type ShortCodeValidationOptions,
  type TwilioRequestClientLike,
  type TwilioRequestLike,
  type TwilioResponseLike,
  withShortCodeValidation
} from "./ValidatingHttpClient.js"
