/**
 * The ShortCodes resource of a Messaging Service, as Twilio serves it: the handlers of the endpoints of
 * `ShortCodesApi` (`POST|GET /v1/Services/{ServiceSid}/ShortCodes`, `GET|DELETE .../ShortCodes/{Sid}`).
 */
import { errorTable, type ShortCode, shortCodeUrl, type ValidationIssue } from "@shortcode-kit/schema"
import type { ShortCodesGroup } from "@shortcode-kit/schema/http"
import { toTwilioError } from "@shortcode-kit/validator"
import type { GroupHandlers } from "../api/deriveRoutes.js"
import { canonicalSid } from "../CanonicalSid.js"
import type { Repository, ServiceShortCode } from "../store/Repository.js"
import { ApiError, notFound } from "../http/ApiError.js"
import { listRequest, pageMeta } from "../http/listQuery.js"

export interface ShortCodeRoutesOptions {
  readonly repository: Repository
  readonly publicBaseUrl: string
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

/**
 * The store logic of each ShortCodes endpoint of the schema package's `ShortCodesApi`; paths, methods, inputs,
 * statuses and bodies come from the contract (src/api/deriveRoutes.ts).
 */
export const shortCodeHandlers = (options: ShortCodeRoutesOptions): GroupHandlers<typeof ShortCodesGroup> => {
  const { repository, publicBaseUrl } = options
  return {
    createShortCode: ({ account, path, params, payload }) => {
      // The collection exists only for an existing service of this account: 404 before the body is looked at.
      if (repository.findService(account.sid, params.ServiceSid) === undefined) throw notFound(path)
      const shortCodeSid = canonicalSid(payload().shortCodeSid)
      const outcome = repository.addShortCode(account.sid, params.ServiceSid, shortCodeSid)
      switch (outcome._tag) {
        case "Added":
          return toShortCode(outcome.shortCode, publicBaseUrl)
        case "ServiceNotFound":
          throw notFound(path)
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
    listShortCodes: ({ account, path, resourcePath, params, query }) => {
      const request = listRequest(query, account.sid, resourcePath)
      const page = repository.listServiceShortCodes(account.sid, params.ServiceSid, request.cursor, request.query.pageSize)
      if (page === undefined) throw notFound(path)
      return {
        shortCodes: page.rows.map((row) => toShortCode(row, publicBaseUrl)),
        meta: pageMeta({ baseUrl: publicBaseUrl, key: "short_codes", request, page })
      }
    },
    fetchShortCode: ({ account, path, params }) => {
      const found = repository.findServiceShortCode(account.sid, params.ServiceSid, params.Sid)
      if (found === undefined) throw notFound(path)
      return toShortCode(found, publicBaseUrl)
    },
    deleteShortCode: ({ account, path, params }) => {
      if (!repository.removeShortCode(account.sid, params.ServiceSid, params.Sid)) throw notFound(path)
    }
  }
}

/**
 * A create payload that does not decode, as Twilio answers it: the validator package's mapping (21421 for a
 * malformed ShortCodeSid, 20001 for a missing or empty one), the one the validator's arbitraries and conformance
 * checks expect.
 */
export const shortCodePayloadError = (issues: ReadonlyArray<ValidationIssue>): ApiError =>
  ApiError.fromWire(toTwilioError({ ok: false, issues }))
