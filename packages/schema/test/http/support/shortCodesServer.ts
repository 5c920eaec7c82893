// A test fixture, not the product: a small server of ShortCodesApi over in-memory Maps, built with HttpApiBuilder
// from the same definition as the client, served by node:http on 127.0.0.1, port 0.
import { createServer, type IncomingMessage, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect, Layer, Redacted } from "effect"
import { HttpRouter, HttpServer } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import {
  type AccountSid,
  makeTwilioError,
  type ServiceSid,
  type ShortCode,
  shortCodeUrl,
  type ShortCodeSid
} from "@shortcode-kit/schema"
import { AuthenticatedAccount, ShortCodesApi, ShortCodesAuthorization } from "@shortcode-kit/schema/http"

export interface FixtureOptions {
  readonly accountSid: AccountSid
  readonly authToken: string
  readonly services: ReadonlyArray<ServiceSid>
  /** Answers a request before the API does, to serve what a correct server never would. */
  readonly intercept?: (request: Request) => Response | undefined
}

export interface Fixture {
  readonly url: string
  /** The Authorization header of every request the server received, in order. */
  readonly authorizations: Array<string | null>
  /** Every request line the server received, in order: "GET /v1/...". */
  readonly requests: Array<string>
  /** The HTTP status of every response, in order. */
  readonly statuses: Array<number>
  readonly shortCodes: Map<ServiceSid, Map<string, ShortCode>>
  readonly close: () => Promise<void>
}

const readBody = async (message: IncomingMessage): Promise<Buffer> => {
  const chunks: Array<Buffer> = []
  for await (const chunk of message) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export const startShortCodesServer = async (options: FixtureOptions): Promise<Fixture> => {
  const shortCodes = new Map<ServiceSid, Map<string, ShortCode>>(options.services.map((sid) => [sid, new Map()]))
  let baseUrl = ""

  const serviceOf = (accountSid: AccountSid, serviceSid: ServiceSid) => {
    const codes = shortCodes.get(serviceSid)
    return accountSid === options.accountSid && codes !== undefined
      ? Effect.succeed(codes)
      : Effect.fail(makeTwilioError(20404, `/v1/Services/${serviceSid}`))
  }

  const Handlers = HttpApiBuilder.group(ShortCodesApi, "shortCodes", (handlers) =>
    handlers
      .handle("createShortCode", ({ params, payload }) =>
        Effect.gen(function*() {
          const { accountSid } = yield* AuthenticatedAccount
          const codes = yield* serviceOf(accountSid, params.ServiceSid)
          if (codes.has(payload.shortCodeSid)) return yield* Effect.fail(makeTwilioError(21710))
          const now = new Date(Math.floor(Date.now() / 1000) * 1000)
          const shortCode: ShortCode = {
            sid: payload.shortCodeSid,
            accountSid,
            serviceSid: params.ServiceSid,
            dateCreated: now,
            dateUpdated: now,
            shortCode: String(10000 + codes.size),
            countryCode: "US",
            capabilities: ["SMS"],
            url: new URL(shortCodeUrl(baseUrl, params.ServiceSid, payload.shortCodeSid))
          }
          codes.set(payload.shortCodeSid, shortCode)
          return shortCode
        }))
      .handle("listShortCodes", ({ params, query }) =>
        Effect.gen(function*() {
          const { accountSid } = yield* AuthenticatedAccount
          const codes = [...(yield* serviceOf(accountSid, params.ServiceSid)).values()]
          const list = `${baseUrl}/v1/Services/${params.ServiceSid}/ShortCodes`
          const pageUrl = (page: number) => new URL(`${list}?PageSize=${query.pageSize}&Page=${page}&PageToken=PT${page}`)
          const start = query.page * query.pageSize
          const hasNext = start + query.pageSize < codes.length
          return {
            shortCodes: codes.slice(start, start + query.pageSize),
            meta: {
              page: query.page,
              pageSize: query.pageSize,
              firstPageUrl: new URL(`${list}?PageSize=${query.pageSize}&Page=0`),
              previousPageUrl: query.page === 0 ? null : pageUrl(query.page - 1),
              url: pageUrl(query.page),
              nextPageUrl: hasNext ? pageUrl(query.page + 1) : null,
              key: "short_codes"
            }
          }
        }))
      .handle("fetchShortCode", ({ params }) =>
        Effect.gen(function*() {
          const { accountSid } = yield* AuthenticatedAccount
          const found = (yield* serviceOf(accountSid, params.ServiceSid)).get(params.Sid)
          return found ?? (yield* Effect.fail(makeTwilioError(20404, `/v1/Services/${params.ServiceSid}/ShortCodes/${params.Sid}`)))
        }))
      .handle("deleteShortCode", ({ params }) =>
        Effect.gen(function*() {
          const { accountSid } = yield* AuthenticatedAccount
          const codes = yield* serviceOf(accountSid, params.ServiceSid)
          if (!codes.delete(params.Sid)) {
            return yield* Effect.fail(makeTwilioError(20404, `/v1/Services/${params.ServiceSid}/ShortCodes/${params.Sid}`))
          }
        })))

  const Authorization = Layer.succeed(ShortCodesAuthorization, {
    accountSid_authToken: (handler, { credential }) =>
      credential.username === options.accountSid && Redacted.value(credential.password) === options.authToken
        ? Effect.provideService(handler, AuthenticatedAccount, { accountSid: options.accountSid })
        : Effect.fail(makeTwilioError(20003))
  })

  const { handler, dispose } = HttpRouter.toWebHandler(
    HttpApiBuilder.layer(ShortCodesApi).pipe(
      Layer.provide(Handlers),
      Layer.provide(Authorization),
      Layer.provide(HttpServer.layerServices)
    ),
    { disableLogger: true }
  )

  const authorizations: Array<string | null> = []
  const requests: Array<string> = []
  const statuses: Array<number> = []
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const body = await readBody(incoming)
      const headers = new Headers()
      for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
        headers.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string)
      }
      const request = new Request(new URL(incoming.url ?? "/", baseUrl), {
        method: incoming.method ?? "GET",
        headers,
        ...(body.length > 0 ? { body } : {})
      })
      authorizations.push(request.headers.get("authorization"))
      requests.push(`${request.method} ${incoming.url}`)
      const response = options.intercept?.(request) ?? (await handler(request))
      statuses.push(response.status)
      outgoing.writeHead(response.status, Object.fromEntries(response.headers))
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    })().catch((error: unknown) => {
      outgoing.writeHead(500, { "content-type": "text/plain" })
      outgoing.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: baseUrl,
    authorizations,
    requests,
    statuses,
    shortCodes,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
      await dispose()
    }
  }
}

/** A fresh, well-formed Short Code SID for the n-th code of a test. */
export const shortCodeSidOf = (n: number): ShortCodeSid =>
  `SC${n.toString(16).padStart(32, "0")}` as ShortCodeSid
