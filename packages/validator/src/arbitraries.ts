/**
 * fast-check arbitraries for Twilio's Messaging ShortCodes resource: valid data that looks like Twilio's, near
 * misses that each break one named rule (`{ value, rule, path }`), and whole HTTP requests to the create endpoint.
 * Built from fast-check combinators, so failures shrink to small cases. fast-check is a peer dependency.
 *
 * @since 0.1.0
 */
export type { NearMiss } from "./arbitraries/NearMiss.js"
export type { ShortCodeArbitraryOptions } from "./arbitraries/Options.js"
export type { SidOverrides } from "./arbitraries/Overrides.js"
export {
  accountSid,
  invalidAccountSid,
  invalidServiceSid,
  invalidPhoneNumberSid,
  invalidShortCodeSid,
  phoneNumberSid,
  serviceSid,
  shortCodeSid
} from "./arbitraries/Sid.js"
export { invalidPhoneNumber, phoneNumber, type PhoneNumberArbitraryOptions } from "./arbitraries/PhoneNumber.js"
export { invalidShortCodeWire, shortCode, shortCodeWire } from "./arbitraries/ShortCode.js"
export { invalidShortCodePage, shortCodePage, type ShortCodePageArbitraryOptions } from "./arbitraries/ShortCodePage.js"
export { invalidTwilioError, twilioError, type TwilioErrorArbitraryOptions } from "./arbitraries/TwilioError.js"
export {
  type CreateShortCodeArbitraryOptions,
  createShortCodeRequest,
  type CreateShortCodeRequestSample,
  invalidCreateShortCodeRequest
} from "./arbitraries/CreateShortCode.js"
export {
  createShortCodeHttpRequest,
  type HttpRequestArbitraryOptions,
  type HttpRequestSample,
  invalidCreateShortCodeHttpRequest
} from "./arbitraries/HttpRequest.js"
export {
  type ResourceArbitraries,
  resourceArbitraries,
  type ResourceArbitraryOptions,
  type RuleNearMisses
} from "./arbitraries/Resource.js"
export { ruleArbitraries } from "./arbitraries/Rules.js"
export { alphaSenderSid, alphaSenderText, alphaSenderWire, invalidAlphaSenderText } from "./arbitraries/AlphaSender.js"
export {
  expectedCreatedResponse,
  type ExpectedResponse,
  expectedFaultResponses,
  type HttpFault,
  MAX_FORM_BODY_BYTES
} from "./FaultResponses.js"
