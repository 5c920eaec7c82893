/**
 * `@shortcode-kit/schema/http`: the HTTP definition of the ShortCodes resource (`ShortCodesApi`), its OpenAPI 3.1
 * document, a self-contained docs page and a typed client. A subpath of its own, so that importing the schemas
 * (`@shortcode-kit/schema`) does not load `effect/http` or `effect/http-api`.
 *
 * @since 0.1.0
 */
export { AuthenticatedAccount, ShortCodesAuthorization } from "./http/Authorization.js"
export {
  type ResourceClientErrorClass,
  type ResourceClientErrorFields,
  type ResourceClientErrorReason,
  ResourceClientError,
  type ShortCodesClientErrorReason,
  ShortCodesClientError,
  type ShortCodesClientFailure,
  TwilioApiError
} from "./http/ClientError.js"
export { corsHeaderObjects, type CorsHeaderName, corsHeaders } from "./http/Cors.js"
export { type CollectionEndpoints, collectionEndpoints, collectionGroup } from "./http/collection.js"
export { docsLayer, type DocsLayerOptions } from "./http/Docs.js"
export { AlphaSendersGroup, MessagingApi, PhoneNumbersGroup } from "./http/MessagingApi.js"
export { openApiDocument, openApiDocumentText } from "./http/OpenApiDocument.js"
export { createService, deleteService, fetchService, listServices, ServicesGroup } from "./http/ServicesApi.js"
export {
  type ListAllPagingInput,
  makeResourceClient,
  makeResourceEffectClient,
  type PagingInput,
  type PathInput,
  type PayloadInput,
  type ResourceClient,
  type ResourceClientConfig,
  type ResourceClientOptions,
  type ResourceEffectClient
} from "./http/ResourceClient.js"
export {
  createShortCode,
  deleteShortCode,
  fetchShortCode,
  listShortCodes,
  ShortCodesApi,
  ShortCodesGroup
} from "./http/ShortCodesApi.js"
export {
  type CreateShortCodeInput,
  type ListAllShortCodesInput,
  type ListShortCodesInput,
  makeShortCodesClient,
  makeShortCodesEffectClient,
  type ShortCodeInstanceInput,
  type ShortCodesClient,
  type ShortCodesClientOptions,
  type ShortCodesEffectClient
} from "./http/ShortCodesClient.js"
export {
  inputErrorResponse,
  type InputErrorWithResponse,
  twilioErrorCodesOf,
  TwilioErrorMethodNotAllowed,
  twilioErrorResponse,
  type TwilioErrorStatus,
  TwilioErrorUnauthorized
} from "./http/TwilioErrorResponse.js"
