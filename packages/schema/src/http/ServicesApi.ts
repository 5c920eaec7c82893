/**
 * The Services resource of Twilio's Messaging v1 API as `effect/http-api` endpoints, derived from its declaration
 * (`MessagingServiceResource`) by http/collection.ts.
 *
 * @since 0.2.0
 */
import { MessagingServiceResource } from "../MessagingService.js"
import { collectionEndpoints, collectionGroup } from "./collection.js"

const endpoints = collectionEndpoints(MessagingServiceResource)

/** `POST /v1/Services` with the form body `FriendlyName=...`: `201`, the new service. @since 0.2.0 */
export const createService = endpoints.create
/** `GET /v1/Services?PageSize=&Page=&PageToken=`: one page of the account's services. @since 0.2.0 */
export const listServices = endpoints.list
/** `GET /v1/Services/{Sid}`: one service of the account. @since 0.2.0 */
export const fetchService = endpoints.fetch
/** `DELETE /v1/Services/{Sid}`: removes the service; `204`, no body. @since 0.2.0 */
export const deleteService = endpoints.delete

/**
 * The group of the four endpoints (`services`), behind the account's credentials.
 *
 * @example
 * ```ts
 * import { ServicesGroup } from "@shortcode-kit/schema/http"
 *
 * Object.keys(ServicesGroup.endpoints) // ["createService", "listServices", "fetchService", "deleteService"]
 * ```
 * @since 0.2.0
 */
export const ServicesGroup = collectionGroup(MessagingServiceResource, endpoints)
