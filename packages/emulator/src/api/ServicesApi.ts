/**
 * The emulator's Messaging Services resource as an `effect/http-api` contract, the same way the schema package
 * declares ShortCodes: `POST|GET /v1/Services`, `GET|DELETE /v1/Services/{Sid}`. The emulator's routes are derived
 * from it (deriveRoutes.ts). It is local until the schema package declares Services; then the routes take that one.
 */
import { ListShortCodesQuery } from "@shortcode-kit/schema"
import { ShortCodesAuthorization, twilioErrorResponse } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiSchema } from "effect/http-api"
import { CanonicalServiceSid } from "../CanonicalSid.js"
import { CreateServiceRequest, MessagingService, MessagingServicePage } from "../MessagingService.js"

const collectionPath = "/v1/Services"
const instancePath = `${collectionPath}/:Sid` as const
const ServiceParams = Schema.Struct({ Sid: CanonicalServiceSid })
const ServiceNotFound = twilioErrorResponse(404, "Not found: no such Messaging Service in this account", [20404])

/** The four Services endpoints, behind the Twilio Basic authentication of the ShortCodes contract. */
export const ServicesGroup = HttpApiGroup.make("services")
  .add(
    HttpApiEndpoint.post("createService", collectionPath, {
      payload: CreateServiceRequest.pipe(HttpApiSchema.asFormUrlEncoded()),
      success: MessagingService.pipe(HttpApiSchema.status(201)),
      error: twilioErrorResponse(400, "Bad request: FriendlyName is missing, repeated or not 1 to 64 characters", [20001])
    }),
    HttpApiEndpoint.get("listServices", collectionPath, {
      query: ListShortCodesQuery,
      success: MessagingServicePage,
      error: twilioErrorResponse(400, "Bad request: PageSize, Page or PageToken is malformed", [20001])
    }),
    HttpApiEndpoint.get("fetchService", instancePath, { params: ServiceParams, success: MessagingService, error: ServiceNotFound }),
    HttpApiEndpoint.delete("deleteService", instancePath, {
      params: ServiceParams,
      success: HttpApiSchema.NoContent,
      error: ServiceNotFound
    })
  )
  .middleware(ShortCodesAuthorization)

/** The Services contract as an API of one group. */
export const ServicesApi = HttpApi.make("ServicesApi").add(ServicesGroup)
