/**
 * The ShortCodes resource of Twilio's Messaging v1 API as an `effect/http-api` definition: four endpoints, their
 * inputs, success and error bodies, and HTTP Basic security. Servers (`HttpApiBuilder`), the typed client
 * (`HttpApiClient`), the OpenAPI document (`OpenApi.fromApi`) and the docs page are all derived from it.
 *
 * @since 0.1.0
 */
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "effect/http-api"
import { CreateShortCodeParams, CreateShortCodeRequest } from "../CreateShortCode.js"
import { ListShortCodesQuery } from "../ListShortCodesQuery.js"
import { ShortCode } from "../ShortCode.js"
import { ShortCodeInstanceParams } from "../ShortCodeParams.js"
import { ShortCodePage } from "../ShortCodePage.js"
import { shortCodeInstancePath, shortCodesCollectionPath } from "../ShortCodePaths.js"
import { TWILIO_MESSAGING_BASE_URL } from "../ShortCodeStrict.js"
import { ShortCodesAuthorization } from "./Authorization.js"
import { describeParameters, documentTransform } from "./internal/openApiTransforms.js"
import { twilioErrorResponse } from "./TwilioErrorResponse.js"

// Parameter descriptions as Twilio's OpenAPI document words them (twilio/twilio-oai, MIT).
const serviceSid = (what: string) => `The SID of the Messaging Service ${what}. A malformed SID names no Service: 404.`
const paging = {
  PageSize: "How many resources to return in each list page. The default is 50, and the maximum is 1000.",
  Page: "The page index. This value is simply for client state.",
  PageToken: "The page token. This is provided by the API."
}

const ServiceNotFound = twilioErrorResponse(404, "Not found: no such Messaging Service in this account", [20404])
const ShortCodeNotFound = twilioErrorResponse(
  404,
  "Not found: no such Messaging Service, or no such short code in it",
  [20404]
)

/**
 * `POST /v1/Services/{ServiceSid}/ShortCodes` with the form body `ShortCodeSid=SC...`: adds a short code of the
 * account to the Messaging Service and answers `201` with it.
 *
 * @example
 * ```ts
 * import { createShortCode } from "@shortcode-kit/schema/http"
 *
 * createShortCode.path // "/v1/Services/:ServiceSid/ShortCodes"
 * ```
 * @since 0.1.0
 */
export const createShortCode = HttpApiEndpoint.post("createShortCode", shortCodesCollectionPath, {
  params: CreateShortCodeParams,
  payload: CreateShortCodeRequest.pipe(HttpApiSchema.asFormUrlEncoded()),
  success: ShortCode.pipe(HttpApiSchema.status(201)).annotate({ description: "Created: the short code, now in the Messaging Service" }),
  error: [
    twilioErrorResponse(400, "Bad request: ShortCodeSid is missing, empty, repeated or malformed, or the pool is full", [
      20001,
      21421,
      21714
    ]),
    ServiceNotFound,
    twilioErrorResponse(409, "Conflict: the short code is already in this or another Messaging Service", [21710, 21712]),
    twilioErrorResponse(413, "Payload too large: the form body exceeds what the server accepts", [])
  ]
}).annotateMerge(OpenApi.annotations({
  identifier: "CreateShortCode",
  summary: "Add a short code to a Messaging Service",
  transform: describeParameters({ ServiceSid: serviceSid("to create the resource under") })
}))

/**
 * `GET /v1/Services/{ServiceSid}/ShortCodes?PageSize=&Page=&PageToken=`: one page of the service's short codes.
 *
 * @example
 * ```ts
 * import { listShortCodes } from "@shortcode-kit/schema/http"
 *
 * listShortCodes.method // "GET"
 * ```
 * @since 0.1.0
 */
export const listShortCodes = HttpApiEndpoint.get("listShortCodes", shortCodesCollectionPath, {
  params: CreateShortCodeParams,
  query: ListShortCodesQuery,
  success: ShortCodePage.annotate({ description: "OK: one page of the service's short codes" }),
  error: [
    twilioErrorResponse(400, "Bad request: PageSize or Page is not a whole number in range", [20001]),
    ServiceNotFound
  ]
}).annotateMerge(OpenApi.annotations({
  identifier: "ListShortCode",
  summary: "List the short codes of a Messaging Service",
  transform: describeParameters({ ServiceSid: serviceSid("to read the resources from"), ...paging })
}))

/**
 * `GET /v1/Services/{ServiceSid}/ShortCodes/{Sid}`: one short code of the service.
 *
 * @example
 * ```ts
 * import { fetchShortCode } from "@shortcode-kit/schema/http"
 *
 * fetchShortCode.path // "/v1/Services/:ServiceSid/ShortCodes/:Sid"
 * ```
 * @since 0.1.0
 */
export const fetchShortCode = HttpApiEndpoint.get("fetchShortCode", shortCodeInstancePath, {
  params: ShortCodeInstanceParams,
  success: ShortCode.annotate({ description: "OK: the short code" }),
  error: ShortCodeNotFound
}).annotateMerge(OpenApi.annotations({
  identifier: "FetchShortCode",
  summary: "Fetch a short code of a Messaging Service",
  transform: describeParameters({
    ServiceSid: serviceSid("to fetch the resource from"),
    Sid: "The SID of the ShortCode resource to fetch."
  })
}))

/**
 * `DELETE /v1/Services/{ServiceSid}/ShortCodes/{Sid}`: removes the short code from the service; `204`, no body.
 *
 * @example
 * ```ts
 * import { deleteShortCode } from "@shortcode-kit/schema/http"
 *
 * deleteShortCode.method // "DELETE"
 * ```
 * @since 0.1.0
 */
export const deleteShortCode = HttpApiEndpoint.delete("deleteShortCode", shortCodeInstancePath, {
  params: ShortCodeInstanceParams,
  success: HttpApiSchema.NoContent.annotate({ description: "The resource was deleted successfully." }),
  error: ShortCodeNotFound
}).annotateMerge(OpenApi.annotations({
  identifier: "DeleteShortCode",
  summary: "Remove a short code from a Messaging Service",
  transform: describeParameters({
    ServiceSid: serviceSid("to delete the resource from"),
    Sid: "The SID of the ShortCode resource to delete."
  })
}))

/**
 * The group of the four endpoints, all behind {@link ShortCodesAuthorization}. Its identifier, `shortCodes`, is
 * the client's namespace (`client.shortCodes.createShortCode(...)`) and the OpenAPI tag.
 *
 * @example
 * ```ts
 * import { ShortCodesGroup } from "@shortcode-kit/schema/http"
 *
 * Object.keys(ShortCodesGroup.endpoints) // ["createShortCode", "listShortCodes", "fetchShortCode", "deleteShortCode"]
 * ```
 * @since 0.1.0
 */
export const ShortCodesGroup = HttpApiGroup.make("shortCodes")
  .add(createShortCode, listShortCodes, fetchShortCode, deleteShortCode)
  .middleware(ShortCodesAuthorization)
  .annotateMerge(OpenApi.annotations({
    description: "A Messaging Service resource to add, fetch or remove short code numbers from a Messaging Service."
  }))

/**
 * The ShortCodes API of Twilio Messaging v1, server `https://messaging.twilio.com`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FetchHttpClient } from "effect/http"
 * import { HttpApiClient } from "effect/http-api"
 * import { ShortCodesApi } from "@shortcode-kit/schema/http"
 *
 * const client = HttpApiClient.make(ShortCodesApi, { baseUrl: "http://127.0.0.1:3000" }).pipe(
 *   Effect.provide(FetchHttpClient.layer)
 * )
 * ```
 * @since 0.1.0
 */
export const ShortCodesApi = HttpApi.make("ShortCodesApi")
  .add(ShortCodesGroup)
  .annotateMerge(OpenApi.annotations({
    title: "Twilio Messaging v1: ShortCodes",
    version: "1.0.0",
    description: "The ShortCodes resource of Twilio's Messaging v1 API, as described by @shortcode-kit/schema. " +
      "Every response carries the CORS headers; error bodies are Twilio's { code, message, more_info, status }. " +
      "A method a path does not support is answered 405 with Twilio error 20004.",
    servers: [{ url: TWILIO_MESSAGING_BASE_URL, description: "Twilio" }],
    transform: documentTransform
  }))

/** @since 0.1.0 */
export type ShortCodesApi = typeof ShortCodesApi
