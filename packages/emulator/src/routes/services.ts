/**
 * Messaging Services, enough for an SDK user to set one up: the handlers of the endpoints of the schema package's
 * `ServicesGroup` (`POST|GET /v1/Services`, `GET|DELETE /v1/Services/{Sid}`).
 */
import { AlphaSenderResource, MessagingServiceResource, PhoneNumberResource, ServiceSid, ShortCodeResource } from "@shortcode-kit/schema"
import type { ServicesGroup } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import type { GroupHandlers } from "../api/deriveRoutes.js"
import { type MessagingService, undeclaredServiceLinks } from "../MessagingService.js"
import type { Repository, ServiceRecord } from "../store/Repository.js"
import { notFound } from "../http/ApiError.js"
import { listRequest, pageMeta } from "../http/listQuery.js"

export interface ServiceRoutesOptions {
  readonly repository: Repository
  readonly publicBaseUrl: string
}

// A service links the collections declared under it by their page keys, to their own last path segment (Twilio's
// order: phone numbers, short codes, alpha senders), then the sub-resources the emulator does not serve.
const serviceLinks: ReadonlyArray<readonly [string, string]> = [
  ...[PhoneNumberResource, ShortCodeResource, AlphaSenderResource].map((resource) =>
    [resource.declaration.pageKey, resource.collectionPath.slice(resource.collectionPath.lastIndexOf("/") + 1)] as const
  ),
  ...Object.entries(undeclaredServiceLinks)
]

// The contract takes any non-empty instance `Sid` (Twilio's document gives it no pattern); one that is not a
// Service SID names no service. A well-formed one arrives canonical (deriveRoutes.ts), as the store holds it.
const isServiceSid = Schema.is(ServiceSid)

/**
 * The API resource of a stored service. The emulator stores only the friendly name; every messaging setting is
 * reported as Twilio documents its default for a new service, and `inbound_request_url`, `fallback_url` and
 * `status_callback` as unset (`null`).
 */
export const toMessagingService = (record: ServiceRecord, baseUrl: string): MessagingService => {
  const url = new URL(MessagingServiceResource.instanceUrl(baseUrl, { Sid: record.sid }))
  const links: Record<string, URL> = {}
  for (const [key, segment] of serviceLinks) links[key] = new URL(`${url.pathname}/${segment}`, baseUrl)
  return {
    accountSid: record.accountSid,
    sid: record.sid,
    dateCreated: record.dateCreated,
    dateUpdated: record.dateUpdated,
    friendlyName: record.friendlyName,
    inboundRequestUrl: null,
    inboundMethod: "POST",
    fallbackUrl: null,
    fallbackMethod: "POST",
    statusCallback: null,
    stickySender: true,
    mmsConverter: true,
    smartEncoding: true,
    scanMessageContent: "inherit",
    fallbackToLongCode: true,
    areaCodeGeomatch: true,
    validityPeriod: 36000,
    synchronousValidation: true,
    usecase: "undeclared",
    usAppToPersonRegistered: false,
    useInboundWebhookOnNumber: false,
    links,
    url
  }
}

/** The store logic of each Services endpoint; inputs, statuses and bodies come from the contract (ServicesGroup). */
export const serviceHandlers = (options: ServiceRoutesOptions): GroupHandlers<typeof ServicesGroup> => {
  const { repository, publicBaseUrl } = options
  return {
    createService: ({ account, payload }) => {
      const outcome = repository.insertService({ accountSid: account.sid, friendlyName: payload().friendlyName })
      if (outcome._tag !== "Inserted") {
        // A random 128-bit SID collided, or the account vanished mid-request: not the client's doing.
        throw new Error(`could not create a service: ${outcome._tag === "Conflict" ? outcome.reason : "account not found"}`)
      }
      return toMessagingService(outcome.value, publicBaseUrl)
    },
    listServices: ({ account, resourcePath, query }) => {
      const request = listRequest(query, account.sid, resourcePath)
      const page = repository.listServices(account.sid, request.cursor, request.query.pageSize)
      return {
        [MessagingServiceResource.pageItemsKey]: page.rows.map((row) => toMessagingService(row, publicBaseUrl)),
        meta: pageMeta({ baseUrl: publicBaseUrl, key: MessagingServiceResource.declaration.pageKey, request, page })
      }
    },
    fetchService: ({ account, path, params }) => {
      const found = isServiceSid(params.Sid) ? repository.findService(account.sid, params.Sid) : undefined
      if (found === undefined) throw notFound(path)
      return toMessagingService(found, publicBaseUrl)
    },
    deleteService: ({ account, path, params }) => {
      if (!isServiceSid(params.Sid) || !repository.deleteService(account.sid, params.Sid)) throw notFound(path)
    }
  }
}
