// Spike (A) of issue 13: `ShortCodesApi` implemented with `HttpApiBuilder` over the emulator's own store (an
// in-memory database with the demo data, through the Repository of `makeServer`), turned into a web handler with
// `HttpRouter.toWebHandler` and served on node:http by `@hono/node-server`. Only the four ShortCodes endpoints, with
// the CORS headers and the request id added by a router middleware; enough to measure and to check fidelity, not a
// product. Prints "listening <port>" once ready. Run after a build: node bench/spike/effectApi.mjs
import { randomUUID } from "node:crypto"
import { createServer } from "node:http"
import { getRequestListener } from "@hono/node-server"
import { makeTwilioError, shortCodeUrl } from "@shortcode-kit/schema"
import { AuthenticatedAccount, corsHeaders, ShortCodesApi, ShortCodesAuthorization } from "@shortcode-kit/schema/http"
import { Effect, Layer, Redacted } from "effect"
import { HttpRouter, HttpServer, HttpServerResponse } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import { makeServer } from "../../dist/index.mjs"

const emulator = makeServer({ database: ":memory:", log: false })
const { repository } = emulator
const SHORT_CODE = repository.kinds.find((kind) => kind.inventory === "short_codes")
const baseUrl = emulator.config.publicBaseUrl

const toShortCode = (row) => ({ ...row, url: new URL(shortCodeUrl(baseUrl, row.serviceSid, row.sid)) })
const notFound = (path) => Effect.fail(makeTwilioError(20404, path))

const Handlers = HttpApiBuilder.group(ShortCodesApi, "shortCodes", (handlers) =>
  handlers
    .handle("createShortCode", ({ params, payload, request }) =>
      Effect.gen(function*() {
        const { accountSid } = yield* AuthenticatedAccount
        const outcome = repository.addSender(SHORT_CODE, accountSid, params.ServiceSid, payload.shortCodeSid)
        switch (outcome._tag) {
          case "Added":
            return toShortCode(outcome.row)
          case "AlreadyInThisService":
            return yield* Effect.fail(makeTwilioError(21710))
          case "InAnotherService":
            return yield* Effect.fail(makeTwilioError(21712))
          case "PoolFull":
            return yield* Effect.fail(makeTwilioError(21714))
          default:
            return yield* notFound(new URL(request.url, baseUrl).pathname)
        }
      }))
    .handle("listShortCodes", () => Effect.die(new Error("not in the spike")))
    .handle("fetchShortCode", ({ params, request }) =>
      Effect.gen(function*() {
        const { accountSid } = yield* AuthenticatedAccount
        const found = repository.findServiceSender(SHORT_CODE, accountSid, params.ServiceSid, params.Sid)
        return found === undefined ? yield* notFound(new URL(request.url, baseUrl).pathname) : toShortCode(found)
      }))
    .handle("deleteShortCode", ({ params, request }) =>
      Effect.gen(function*() {
        const { accountSid } = yield* AuthenticatedAccount
        if (!repository.removeSender(SHORT_CODE, accountSid, params.ServiceSid, params.Sid)) {
          return yield* notFound(new URL(request.url, baseUrl).pathname)
        }
      })))

const Authorization = Layer.succeed(ShortCodesAuthorization, {
  accountSid_authToken: (handler, { credential }) => {
    const account = repository.findAccount(credential.username)
    return account !== undefined && account.authToken === Redacted.value(credential.password)
      ? Effect.provideService(handler, AuthenticatedAccount, { accountSid: account.sid })
      : Effect.fail(makeTwilioError(20003))
  }
})

// The headers every answer carries, as a global router middleware.
const Headers = HttpRouter.middleware((effect) =>
  Effect.map(effect, (response) =>
    HttpServerResponse.setHeaders(response, { ...corsHeaders, "Twilio-Request-Id": `RQ${randomUUID().replaceAll("-", "")}` })), { global: true })

const { handler } = HttpRouter.toWebHandler(
  HttpApiBuilder.layer(ShortCodesApi).pipe(
    Layer.provide(Handlers),
    Layer.provide(Authorization),
    Layer.provide(Headers),
    Layer.provide(HttpServer.layerServices)
  ),
  { disableLogger: true }
)

const server = createServer(getRequestListener(handler))
server.listen(0, "127.0.0.1", () => process.stdout.write(`listening ${server.address().port}\n`))
process.on("SIGTERM", () => {
  server.close()
  void emulator.close().then(() => process.exit(0))
})
