/**
 * The ShortCodes resource of a Messaging Service, as Twilio serves it:
 * `POST|GET /v1/Services/{ServiceSid}/ShortCodes` and `GET|DELETE /v1/Services/{ServiceSid}/ShortCodes/{Sid}`.
 */
import {
  CreateShortCodeParams,
  errorTable,
  ShortCode,
  ShortCodeInstanceParams,
  ShortCodePage,
  shortCodeUrl
} from "@shortcode-kit/schema"
import { toTwilioError, validateCreateShortCodeRequest } from "@shortcode-kit/validator"
import type { Hono, MiddlewareHandler } from "hono"
import { canonicalSid } from "../CanonicalSid.js"
import type { Repository, ServiceShortCode } from "../store/Repository.js"
import { ApiError, notFound } from "../http/ApiError.js"
import type { AppEnv } from "../http/AppEnv.js"
import { decodePathOr404 } from "../http/decode.js"
import { readFormBody } from "../http/form.js"
import { decodeListRequest, pageMeta } from "../http/listQuery.js"
import { resource } from "../http/resource.js"
import { respondWith } from "../http/respond.js"

export interface ShortCodeRoutesOptions {
  readonly repository: Repository
  readonly publicBaseUrl: string
  readonly auth: MiddlewareHandler<AppEnv>
}

/** The API resource of a membership. */
export const toShortCode = (record: ServiceShortCode, baseUrl: string): ShortCode => ({
  sid: record.sid,
  accountSid: record.accountSid,
  serviceSid: record.serviceSid,
  dateCreated: record.dateCreated,
  dateUpdated: record.dateUpdated,
  shortCode: record.shortCode,
  countryCode: record.countryCode,
  capabilities: record.capabilities,
  url: new URL(shortCodeUrl(baseUrl, record.serviceSid, record.sid))
})

const collectionPath = (serviceSid: string) => `/v1/Services/${serviceSid}/ShortCodes`

// The schema package's path codecs keep a SID as sent; the emulator then takes its canonical form (CanonicalSid.ts).
const decodeCollectionPath = decodePathOr404(CreateShortCodeParams)
const decodeInstancePath = decodePathOr404(ShortCodeInstanceParams)
const decodeCreateParams = (params: unknown, path: string): CreateShortCodeParams => {
  const { ServiceSid } = decodeCollectionPath(params, path)
  return { ServiceSid: canonicalSid(ServiceSid) }
}
const decodeInstanceParams = (params: unknown, path: string): ShortCodeInstanceParams => {
  const { ServiceSid, Sid } = decodeInstancePath(params, path)
  return { ServiceSid: canonicalSid(ServiceSid), Sid: canonicalSid(Sid) }
}

export const registerShortCodeRoutes = (app: Hono<AppEnv>, options: ShortCodeRoutesOptions): void => {
  const { repository, publicBaseUrl, auth } = options

  resource(app, "/v1/Services/:ServiceSid/ShortCodes", auth, {
    POST: (c) => {
      const account = c.get("account")
      const { ServiceSid } = decodeCreateParams(c.req.param(), c.req.path)
      // The collection exists only for an existing service of this account: 404 before the body is looked at.
      if (repository.findService(account.sid, ServiceSid) === undefined) throw notFound(c.req.path)
      // The validator package decodes the form with the schema package's CreateShortCodeForm and maps a failure
      // to Twilio's error (21421 for a malformed ShortCodeSid, 20001 for a missing, empty or repeated one), so the
      // emulator answers exactly what the validator's arbitraries and conformance checks expect.
      const validated = validateCreateShortCodeRequest({ serviceSid: ServiceSid, body: readFormBody(c, "ShortCodeSid") })
      if (!validated.ok) throw ApiError.fromWire(toTwilioError(validated))
      const shortCodeSid = canonicalSid(validated.value.shortCodeSid)
      const outcome = repository.addShortCode(account.sid, ServiceSid, shortCodeSid)
      switch (outcome._tag) {
        case "Added":
          return respondWith(c, ShortCode, toShortCode(outcome.shortCode, publicBaseUrl), 201)
        case "ServiceNotFound":
          throw notFound(c.req.path)
        case "ShortCodeNotFound":
          // The account's short code resource in Twilio's REST API; it does not exist for this account.
          throw notFound(`/2010-04-01/Accounts/${account.sid}/SMS/ShortCodes/${shortCodeSid}.json`)
        case "AlreadyInThisService":
          throw ApiError.of(21710)
        case "InAnotherService":
          throw ApiError.of(21712)
        case "PoolFull":
          throw ApiError.of(21714, undefined, outcome.limit === 400 ? {} : {
            message: `${errorTable[21714].message.replace(/\(400 /, `(${outcome.limit} `)}`
          })
      }
    },
    GET: (c) => {
      const account = c.get("account")
      const { ServiceSid } = decodeCreateParams(c.req.param(), c.req.path)
      const request = decodeListRequest(c, collectionPath(ServiceSid))
      const page = repository.listServiceShortCodes(account.sid, ServiceSid, request.cursor, request.query.pageSize)
      if (page === undefined) throw notFound(c.req.path)
      return respondWith(c, ShortCodePage, {
        shortCodes: page.rows.map((row) => toShortCode(row, publicBaseUrl)),
        meta: pageMeta({ baseUrl: publicBaseUrl, key: "short_codes", request, page })
      }, 200)
    }
  })

  resource(app, "/v1/Services/:ServiceSid/ShortCodes/:Sid", auth, {
    GET: (c) => {
      const account = c.get("account")
      const { ServiceSid, Sid } = decodeInstanceParams(c.req.param(), c.req.path)
      const found = repository.findServiceShortCode(account.sid, ServiceSid, Sid)
      if (found === undefined) throw notFound(c.req.path)
      return respondWith(c, ShortCode, toShortCode(found, publicBaseUrl), 200)
    },
    DELETE: (c) => {
      const account = c.get("account")
      const { ServiceSid, Sid } = decodeInstanceParams(c.req.param(), c.req.path)
      if (!repository.removeShortCode(account.sid, ServiceSid, Sid)) throw notFound(c.req.path)
      return c.body(null, 204)
    }
  })
}
