/**
 * The handlers of a sender collection of a Messaging Service (ShortCodes, PhoneNumbers): one service's pool of
 * senders from the account's inventory. Every such collection answers the same outcomes with the same Twilio codes;
 * what differs is the resource's declaration (schema package) and its sender kind's row (store/SenderKinds.ts).
 */
import { answerOfIssue, errorTable, type ValidationIssue } from "@shortcode-kit/schema"
import type { GroupHandlers } from "../api/deriveRoutes.js"
import { canonicalSid } from "../CanonicalSid.js"
import { ApiError, notFound } from "../http/ApiError.js"
import { listRequest, pageMeta } from "../http/listQuery.js"
import type { AccountRecord, Repository } from "../store/Repository.js"
import type { AnyInventoryKind } from "../store/SenderKinds.js"

/** What a sender collection's declaration gives the handlers: its names, its page key, its create parameter and URLs. */
export interface MemberDeclaration {
  readonly declaration: {
    readonly singular: string
    readonly plural: string
    readonly pageKey: string
    readonly create: Readonly<Record<string, { readonly wire: string }>>
  }
  readonly pageItemsKey: string
  readonly instanceUrl: (baseUrl: string, values: Readonly<Record<string, string>>) => string
}

/** The API resource of a service's sender (a membership, an alpha sender): the store's record and its URL. */
export const memberResource = <Resource>(resource: Pick<MemberDeclaration, "instanceUrl">, record: { readonly sid: string; readonly serviceSid: string }, baseUrl: string): Resource =>
  ({ ...record, url: new URL(resource.instanceUrl(baseUrl, { ServiceSid: record.serviceSid, Sid: record.sid })) }) as Resource

/** The message of 21714 for a pool limit other than Twilio's 400. */
const poolFull = (limit: number): ApiError =>
  ApiError.of(21714, undefined, limit === 400 ? {} : { message: errorTable[21714].message.replace(/\(400 /, `(${limit} `) })

/**
 * The four handlers of the sender collection `resource` (`create<Singular>`, `list<Plural>`, `fetch<Singular>`,
 * `delete<Singular>`) over the store's senders of `kind`: 404 for a service that is not the account's, then the
 * store's outcome: 21710 already in this service, 21712 in another, 21714 the pool is full, 404 naming the account's
 * resource for an unknown SID.
 */
export const memberHandlers = <G>(
  resource: MemberDeclaration,
  kind: AnyInventoryKind,
  options: { readonly repository: Repository; readonly publicBaseUrl: string }
): GroupHandlers<G> => {
  const { singular, plural, pageKey, create } = resource.declaration
  const [payloadKey] = Object.keys(create) as [string]
  const { repository, publicBaseUrl } = options
  type Input = { account: AccountRecord; path: string; resourcePath: string; params: any; query: any; payload: () => any }
  const handlers: Record<string, (input: Input) => unknown> = {
    [`create${singular}`]: ({ account, path, params, payload }) => {
      // The collection exists only for an existing service of this account: 404 before the body is looked at.
      if (repository.findService(account.sid, params.ServiceSid) === undefined) throw notFound(path)
      const sid = canonicalSid(payload()[payloadKey] as string)
      const outcome = repository.addSender(kind, account.sid, params.ServiceSid, sid)
      switch (outcome._tag) {
        case "Added":
          return memberResource(resource, outcome.row, publicBaseUrl)
        case "ServiceNotFound":
          throw notFound(path)
        case "NotFound":
          throw notFound(kind.twilioPath(account.sid, sid))
        case "AlreadyInThisService":
          throw ApiError.of(21710)
        case "InAnotherService":
          throw ApiError.of(21712)
        case "PoolFull":
          throw poolFull(outcome.limit)
      }
    },
    [`list${plural}`]: ({ account, path, resourcePath, params, query }) => {
      const request = listRequest(query, account.sid, resourcePath)
      const page = repository.listServiceSenders(kind, account.sid, params.ServiceSid, request.cursor, request.query.pageSize)
      if (page === undefined) throw notFound(path)
      return {
        [resource.pageItemsKey]: page.rows.map((row) => memberResource(resource, row, publicBaseUrl)),
        meta: pageMeta({ baseUrl: publicBaseUrl, key: pageKey, request, page })
      }
    },
    [`fetch${singular}`]: ({ account, path, params }) => {
      const found = repository.findServiceSender(kind, account.sid, params.ServiceSid, params.Sid)
      if (found === undefined) throw notFound(path)
      return memberResource(resource, found, publicBaseUrl)
    },
    [`delete${singular}`]: ({ account, path, params }) => {
      if (!repository.removeSender(kind, account.sid, params.ServiceSid, params.Sid)) throw notFound(path)
    }
  }
  return handlers as unknown as GroupHandlers<G>
}

/**
 * A create payload of `resource` that does not decode, as Twilio answers it: the schema package's `inputErrors` row
 * of the issue at the create parameter (21421 for a malformed SID, 20001 for a missing, empty or repeated one), or
 * else of the first issue.
 */
export const memberPayloadError = (resource: MemberDeclaration) => {
  const wire = Object.values(resource.declaration.create)[0]?.wire
  return (issues: ReadonlyArray<ValidationIssue>): ApiError => {
    const decisive = issues.find((issue) => issue.path[0] === wire && issue.path.length === 1) ?? issues[0]
    if (decisive === undefined) return ApiError.answer("form.unreadable", { reason: "malformed" })
    const { body, headers } = answerOfIssue("form", decisive)
    return new ApiError(body, headers)
  }
}
