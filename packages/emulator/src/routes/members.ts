/**
 * The handlers of a sender collection of a Messaging Service (ShortCodes, PhoneNumbers): one service's pool of
 * senders from the account's inventory. Every such collection answers the same outcomes with the same Twilio codes;
 * what differs (the store's methods, the resource body, where an unknown SID lives) is given per resource.
 */
import { type AccountSid, answerOfIssue, errorTable, type ServiceSid, type ValidationIssue } from "@shortcode-kit/schema"
import type { GroupHandlers } from "../api/deriveRoutes.js"
import { canonicalSid } from "../CanonicalSid.js"
import { ApiError, notFound } from "../http/ApiError.js"
import { listRequest, pageMeta } from "../http/listQuery.js"
import type { KeysetPage, PageCursor } from "../store/Paging.js"
import type { AccountRecord, AddSenderRefusal } from "../store/Repository.js"

type Sid = AccountSid
type ServiceSidOf = ServiceSid

/** The store's methods for one kind of sender, and how its rows become the API resource. */
export interface MemberStore<Row, Resource> {
  /** Adds the sender `sid` of the account's inventory to the service. */
  readonly add: (accountSid: Sid, serviceSid: ServiceSidOf, sid: string) => { readonly _tag: "Added"; readonly row: Row } | AddSenderRefusal<"NotFound">
  readonly list: (accountSid: Sid, serviceSid: ServiceSidOf, cursor: PageCursor, pageSize: number) => KeysetPage<Row> | undefined
  readonly find: (accountSid: Sid, serviceSid: ServiceSidOf, sid: string) => Row | undefined
  readonly remove: (accountSid: Sid, serviceSid: ServiceSidOf, sid: string) => boolean
  /** The account's own resource of a sender SID in Twilio's REST API, which the 404 of an unknown one names. */
  readonly inventoryPath: (accountSid: Sid, sid: string) => string
  readonly toResource: (row: Row, baseUrl: string) => Resource
}

/** What a sender collection's declaration gives the handlers: its names, its page key and its create parameter. */
export interface MemberDeclaration {
  readonly declaration: {
    readonly singular: string
    readonly plural: string
    readonly pageKey: string
    readonly create: Readonly<Record<string, { readonly wire: string }>>
  }
  readonly pageItemsKey: string
}

/** The message of 21714 for a pool limit other than Twilio's 400. */
const poolFull = (limit: number): ApiError =>
  ApiError.of(21714, undefined, limit === 400 ? {} : { message: errorTable[21714].message.replace(/\(400 /, `(${limit} `) })

/**
 * The four handlers of the sender collection `resource` (`create<Singular>`, `list<Plural>`, `fetch<Singular>`,
 * `delete<Singular>`): 404 for a service that is not the account's, then the store's outcome: 21710 already in
 * this service, 21712 in another, 21714 the pool is full, 404 naming the account's resource for an unknown SID.
 */
export const memberHandlers = <G, Row, Resource>(
  resource: MemberDeclaration,
  store: MemberStore<Row, Resource>,
  options: { readonly repository: { readonly findService: (account: Sid, service: ServiceSidOf) => unknown }; readonly publicBaseUrl: string }
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
      const outcome = store.add(account.sid, params.ServiceSid, sid)
      switch (outcome._tag) {
        case "Added":
          return store.toResource(outcome.row, publicBaseUrl)
        case "ServiceNotFound":
          throw notFound(path)
        case "NotFound":
          throw notFound(store.inventoryPath(account.sid, sid))
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
      const page = store.list(account.sid, params.ServiceSid, request.cursor, request.query.pageSize)
      if (page === undefined) throw notFound(path)
      return {
        [resource.pageItemsKey]: page.rows.map((row) => store.toResource(row, publicBaseUrl)),
        meta: pageMeta({ baseUrl: publicBaseUrl, key: pageKey, request, page })
      }
    },
    [`fetch${singular}`]: ({ account, path, params }) => {
      const found = store.find(account.sid, params.ServiceSid, params.Sid)
      if (found === undefined) throw notFound(path)
      return store.toResource(found, publicBaseUrl)
    },
    [`delete${singular}`]: ({ account, path, params }) => {
      if (!store.remove(account.sid, params.ServiceSid, params.Sid)) throw notFound(path)
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
