/**
 * Messaging Services, enough for an SDK user to set one up: `POST|GET /v1/Services`, `GET|DELETE /v1/Services/{Sid}`.
 */
import { Result, Schema } from "effect"
import type { Hono, MiddlewareHandler } from "hono"
import {
  CreateServiceForm,
  MessagingService,
  MessagingServicePage,
  serviceLinkPaths
} from "../MessagingService.js"
import { CanonicalServiceSid } from "../CanonicalSid.js"
import type { Repository, ServiceRecord } from "../store/Repository.js"
import { notFound } from "../http/ApiError.js"
import type { AppEnv } from "../http/AppEnv.js"
import { decodePathOr404, decodeWith, invalidParameter } from "../http/decode.js"
import { readFormBody } from "../http/form.js"
import { decodeListRequest, pageMeta } from "../http/listQuery.js"
import { resource } from "../http/resource.js"
import { respondWith } from "../http/respond.js"

export interface ServiceRoutesOptions {
  readonly repository: Repository
  readonly publicBaseUrl: string
  readonly auth: MiddlewareHandler<AppEnv>
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

const decodeServiceSid = decodePathOr404(Schema.Struct({ Sid: CanonicalServiceSid }))
const decodeCreateForm = decodeWith(CreateServiceForm)

export const registerServiceRoutes = (app: Hono<AppEnv>, options: ServiceRoutesOptions): void => {
  const { repository, publicBaseUrl, auth } = options

  resource(app, "/v1/Services", auth, {
    POST: (c) => {
      const account = c.get("account")
      const form = decodeCreateForm(readFormBody(c, "FriendlyName"))
      if (Result.isFailure(form)) throw invalidParameter("FriendlyName", form.failure[0]?.message ?? "FriendlyName is required")
      const outcome = repository.insertService({ accountSid: account.sid, friendlyName: form.success.friendlyName })
      if (outcome._tag !== "Inserted") {
        // A random 128-bit SID collided, or the account vanished mid-request: not the client's doing.
        throw new Error(`could not create a service: ${outcome._tag === "Conflict" ? outcome.reason : "account not found"}`)
      }
      return respondWith(c, MessagingService, toMessagingService(outcome.value, publicBaseUrl), 201)
    },
    GET: (c) => {
      const account = c.get("account")
      const request = decodeListRequest(c, "/v1/Services")
      const page = repository.listServices(account.sid, request.cursor, request.query.pageSize)
      return respondWith(c, MessagingServicePage, {
        services: page.rows.map((row) => toMessagingService(row, publicBaseUrl)),
        meta: pageMeta({ baseUrl: publicBaseUrl, key: "services", request, page })
      }, 200)
    }
  })

  resource(app, "/v1/Services/:Sid", auth, {
    GET: (c) => {
      const account = c.get("account")
      const { Sid } = decodeServiceSid(c.req.param(), c.req.path)
      const found = repository.findService(account.sid, Sid)
      if (found === undefined) throw notFound(c.req.path)
      return respondWith(c, MessagingService, toMessagingService(found, publicBaseUrl), 200)
    },
    DELETE: (c) => {
      const account = c.get("account")
      const { Sid } = decodeServiceSid(c.req.param(), c.req.path)
      if (!repository.deleteService(account.sid, Sid)) throw notFound(c.req.path)
      return c.body(null, 204)
    }
  })
}
