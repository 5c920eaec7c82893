/**
 * The AlphaSenders resource of a Messaging Service: the handlers of the endpoints of the schema package's
 * `AlphaSendersGroup` (`POST|GET /v1/Services/{ServiceSid}/AlphaSenders`, `GET|DELETE .../AlphaSenders/{Sid}`).
 * Paths, inputs, statuses and bodies come from the contract (src/api/deriveRoutes.ts).
 */
import { type AlphaSender, AlphaSenderResource, answerOfIssue, errorTable, type ValidationIssue } from "@shortcode-kit/schema"
import type { AlphaSendersGroup } from "@shortcode-kit/schema/http"
import type { GroupHandlers } from "../api/deriveRoutes.js"
import { ApiError, notFound } from "../http/ApiError.js"
import { listRequest, pageMeta } from "../http/listQuery.js"
import type { Repository, ServiceAlphaSender } from "../store/Repository.js"
import { memberResource } from "./members.js"

export interface AlphaSenderRoutesOptions {
  readonly repository: Repository
  readonly publicBaseUrl: string
}

/** The API resource of a service's alpha sender. */
export const toAlphaSender = (record: ServiceAlphaSender, baseUrl: string): AlphaSender => memberResource(AlphaSenderResource, record, baseUrl)

/** The store logic of each AlphaSenders endpoint. */
export const alphaSenderHandlers = (options: AlphaSenderRoutesOptions): GroupHandlers<typeof AlphaSendersGroup> => {
  const { repository, publicBaseUrl } = options
  return {
    createAlphaSender: ({ account, path, params, payload }) => {
      // The collection exists only for an existing service of this account: 404 before the body is looked at.
      if (repository.findService(account.sid, params.ServiceSid) === undefined) throw notFound(path)
      const outcome = repository.addAlphaSender(account.sid, params.ServiceSid, payload())
      switch (outcome._tag) {
        case "Added":
          return toAlphaSender(outcome.alphaSender, publicBaseUrl)
        case "ServiceNotFound":
          throw notFound(path)
        case "AlreadyHasAlphaSender":
          // Twilio: "Each Messaging Service may only have one alpha sender"; the code is the project's choice (errorTable).
          throw ApiError.of(21709, undefined, {
            message: `${errorTable[21709].message}: the Messaging Service already has the alpha sender ` +
              `${JSON.stringify(outcome.alphaSender.alphaSender)} (${outcome.alphaSender.sid}); delete it first`
          })
        case "PoolFull":
          throw ApiError.of(21714)
      }
    },
    listAlphaSenders: ({ account, path, resourcePath, params, query }) => {
      const request = listRequest(query, account.sid, resourcePath)
      const page = repository.listServiceAlphaSenders(account.sid, params.ServiceSid, request.cursor, request.query.pageSize)
      if (page === undefined) throw notFound(path)
      return {
        alphaSenders: page.rows.map((row) => toAlphaSender(row, publicBaseUrl)),
        meta: pageMeta({ baseUrl: publicBaseUrl, key: AlphaSenderResource.declaration.pageKey, request, page })
      }
    },
    fetchAlphaSender: ({ account, path, params }) => {
      const found = repository.findServiceAlphaSender(account.sid, params.ServiceSid, params.Sid)
      if (found === undefined) throw notFound(path)
      return toAlphaSender(found, publicBaseUrl)
    },
    deleteAlphaSender: ({ account, path, params }) => {
      if (!repository.removeAlphaSender(account.sid, params.ServiceSid, params.Sid)) throw notFound(path)
    }
  }
}

/** A create payload that does not decode: the schema package's `inputErrors` row of its first issue (21709 for a broken rule). */
export const alphaSenderPayloadError = (issues: ReadonlyArray<ValidationIssue>): ApiError => {
  const [issue] = issues
  if (issue === undefined) return ApiError.answer("form.unreadable", { reason: "the body could not be read" })
  const { body, headers } = answerOfIssue("form", issue)
  return new ApiError(body, headers)
}
