/**
 * @shortcode-kit/schema: Effect Schema codecs for Twilio's Messaging ShortCodes resource.
 *
 * The HTTP API definition and typed client live at `@shortcode-kit/schema/http`, so that importing the schemas
 * does not load the HTTP modules.
 *
 * @since 0.1.0
 */
export { AccountSid, randomAccountSid, randomServiceSid, randomShortCodeSid, ServiceSid, ShortCodeSid, sid, sidPrefixOf, sidString } from "./Sid.js"
export { DateFromTwilioString, DateTimeString, formatTwilioDate, parseRfc3339, TwilioDate } from "./DateTime.js"
export { isRfc3986Uri, UriString, UrlFromUriString } from "./Uri.js"
export { assignedCountryCodes, CountryCode } from "./CountryCode.js"
export { PhoneNumberE164 } from "./E164.js"
export { ShortCode, ShortCodeResource, shortCodeWireKeys, type ShortCodeWire } from "./ShortCode.js"
export {
  CreatePhoneNumberForm,
  CreatePhoneNumberParams,
  CreatePhoneNumberRequest,
  makePhoneNumberStrict,
  PhoneNumber,
  PhoneNumberInstanceParams,
  PhoneNumberPage,
  PhoneNumberResource,
  PhoneNumberSid,
  PhoneNumberStrict,
  phoneNumberUrl,
  type PhoneNumberWire
} from "./PhoneNumber.js"
export { memberChecks, memberStrictMaker, memberUrl } from "./resource/memberStrict.js"
export {
  CreateServiceForm,
  CreateServiceRequest,
  FRIENDLY_NAME_MAX_LENGTH,
  FriendlyName,
  MessagingService,
  MessagingServicePage,
  MessagingServiceResource,
  messagingServiceParent,
  serviceNotFound
} from "./MessagingService.js"
export {
  type AnyResource,
  type CodecOf,
  defineResource,
  type ErrorAnswer,
  type OperationDeclaration,
  type Operations,
  type PageOf,
  type Resource,
  type ResourceDeclaration,
  type StrictOf,
  type WireKeysOf
} from "./resource/Resource.js"
export { field, type Field, type FieldCodec, type Fields, type Presence, type StrictField, type StrictFieldCodec } from "./resource/Field.js"
export { type FormParameter, type FormParameters, type RequestStruct } from "./resource/form.js"
export { listQueryDescriptions } from "./resource/listQuery.js"
export { type OperationInput, type OperationsInput, operationTexts, type ParentDeclaration } from "./resource/operationTexts.js"
export {
  Capability,
  makeShortCodeStrict,
  ShortCodeNumber,
  ShortCodeStrict,
  shortCodeUrl,
  TWILIO_MESSAGING_BASE_URL
} from "./ShortCodeStrict.js"
export { CreateShortCodeForm, CreateShortCodeParams, CreateShortCodeRequest, FormBody } from "./CreateShortCode.js"
export {
  DeleteShortCodeParams,
  FetchShortCodeParams,
  ShortCodeInstanceParams
} from "./ShortCodeParams.js"
export { shortCodeInstancePath, shortCodesCollectionPath } from "./ShortCodePaths.js"
export { DEFAULT_PAGE_SIZE, ListShortCodesQuery, MAX_PAGE_SIZE } from "./ListShortCodesQuery.js"
export { PageMeta, ShortCodePage, type ShortCodePageWire } from "./ShortCodePage.js"
export {
  AlphaSender,
  AlphaSenderInstanceParams,
  AlphaSenderPage,
  AlphaSenderResource,
  AlphaSenderSid,
  AlphaSenderStrict,
  type AlphaSenderWire,
  CreateAlphaSenderForm,
  CreateAlphaSenderParams,
  CreateAlphaSenderRequest,
  makeAlphaSenderStrict
} from "./AlphaSender.js"
export { ALPHA_SENDER_MAX_LENGTH, ALPHA_SENDER_RULE_PREFIX, AlphaSenderText } from "./AlphaSenderText.js"
export { type ErrorCode, errorTable, type ErrorTableEntry, moreInfoUrl } from "./ErrorTable.js"
export { type CollectionOperation, collectionOperations } from "./resource/collectionOperations.js"
export { makeTwilioError, TwilioError, type TwilioErrorWire } from "./TwilioError.js"
export {
  answerOf,
  answerOfIssue,
  FORM_BODY_LIMIT_BYTES,
  type InputError,
  type InputErrorAnswer,
  inputErrorOf,
  type InputErrorRow,
  inputErrors,
  issueValues,
  type RequestPart
} from "./InputErrors.js"
export { describeReceived, type PathSegment, toValidationIssues, type ValidationIssue } from "./Issue.js"
export { validationDecoder } from "./ValidationDecoder.js"
export { standardSchemas } from "./StandardSchema.js"
export { toJsonSchema, toStandaloneJsonSchema, type WireSchemaName, wireSchemaNames } from "./JsonSchema.js"
export {
  generatorsOfCheck,
  type RecordedGenerators,
  RuleAnnotation,
  type RuleGenerators,
  RuleGeneratorsAnnotation
} from "./internal/rule.js"
