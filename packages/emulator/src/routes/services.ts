/**
 * Messaging Services, enough for an SDK user to set one up: the handlers of the endpoints of ServicesApi
 * (`POST|GET /v1/Services`, `GET|DELETE /v1/Services/{Sid}`).
 */
import type { GroupHandlers } from "../api/deriveRoutes.js"
import type { ServicesGroup } from "../api/ServicesApi.js"
import { type MessagingService, serviceLinkPaths } from "../MessagingService.js"
import type { Repository, ServiceRecord } from "../store/Repository.js"
import { notFound } from "../http/ApiError.js"
import { listRequest, pageMeta } from "../http/listQuery.js"

export interface ServiceRoutesOptions {
  readonly repository: Repository
  readonly publicBaseUrl: string
}

const servicePath = (sid: string) => `/v1/Services/${sid}`

/**
 * The API resource of a stored service. The emulator stores only the friendly name; every messaging setting is
 * reported as Twilio documents its default for a new service, and `inbound_request_url`, `fallback_url` and
 * `status_callback` as unset (`null`).
 */
export const toMessagingService = (record: ServiceRecord, baseUrl: string): MessagingService => {
  const url = new URL(servicePath(record.sid), baseUrl)
  const links: Record<string, URL> = {}
  for (const [key, segment] of Object.entries(serviceLinkPaths)) links[key] = new URL(`${url.pathname}/${segment}`, baseUrl)
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

/** The store logic of each Services endpoint; inputs, statuses and bodies come from the contract (ServicesApi). */
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
        services: page.rows.map((row) => toMessagingService(row, publicBaseUrl)),
        meta: pageMeta({ baseUrl: publicBaseUrl, key: "services", request, page })
      }
    },
    fetchService: ({ account, path, params }) => {
      const found = repository.findService(account.sid, params.Sid)
      if (found === undefined) throw notFound(path)
      return toMessagingService(found, publicBaseUrl)
    },
    deleteService: ({ account, path, params }) => {
      if (!repository.deleteService(account.sid, params.Sid)) throw notFound(path)
    }
  }
}
