/**
 * The HTTP application: the envelope every request meets (http/envelope.ts), then the routes. Built on Hono; the server
 * module decides where it listens.
 */
import { MessagingApi } from "@shortcode-kit/schema/http"
import { type Context, Hono } from "hono"
import { HTTPException } from "hono/http-exception"
import { registerApi } from "./api/deriveRoutes.js"
import type { ServerConfig } from "./Config.js"
import { ApiError, internalError, notFound } from "./http/ApiError.js"
import type { AppEnv } from "./http/AppEnv.js"
import { adminAuth, isAdminAuthorization, twilioAuth } from "./http/auth.js"
import { envelope } from "./http/envelope.js"
import { respondWithError } from "./http/respond.js"
import { registerAdminRoutes } from "./routes/admin.js"
import { registerDocsRoutes } from "./routes/docs.js"
import { phoneNumberHandlers, phoneNumberPayloadError } from "./routes/phoneNumbers.js"
import { serviceHandlers } from "./routes/services.js"
import { shortCodeHandlers, shortCodePayloadError } from "./routes/shortCodes.js"
import { alphaSenderHandlers, alphaSenderPayloadError } from "./routes/alphaSenders.js"
import { type Durability, nothingToSync } from "./store/Durability.js"
import type { Repository } from "./store/Repository.js"

/** Where server faults (bugs) are reported, with their stack; clients only ever see a Twilio error body. */
export type FaultSink = (error: unknown, request: Request) => void

export const reportFaultToStderr: FaultSink = (error, request) => {
  const url = new URL(request.url)
  process.stderr.write(`${new Date().toISOString()} fault in ${request.method} ${url.pathname}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
}

/** The application and what it holds that must be released on shutdown. */
export interface App {
  readonly app: Hono<AppEnv>
  readonly dispose: () => Promise<void>
}

export interface AppOptions {
  /** Makes writes durable before they are acknowledged. Default: nothing to sync (an in-memory database). */
  readonly durability?: Durability
  readonly reportFault?: FaultSink
}

export const makeApp = (config: ServerConfig, repository: Repository, options: AppOptions = {}): App => {
  const { durability = nothingToSync, reportFault = reportFaultToStderr } = options
  const app = new Hono<AppEnv>({ strict: true })

  const answerError = (error: unknown, c: Context<AppEnv>): Response => {
    if (error instanceof ApiError) return respondWithError(c, error)
    // Hono's own client errors (a body that cannot be read, ...) are the client's, not a fault of the server.
    if (error instanceof HTTPException && error.status < 500) {
      return respondWithError(c, ApiError.answer("request.invalid", { reason: error.message }, { status: error.status }))
    }
    reportFault(error, c.req.raw)
    return respondWithError(c, internalError(error))
  }
  app.use(envelope({
    log: config.log,
    requestId: config.ids.requestId,
    // The admin API takes whole seeds, hence its larger limit; it is granted only to requests that carry the admin
    // token, so that no one else can make the server hold more than the Twilio surface's limit.
    bodyLimit: (c) =>
      c.req.path.startsWith("/admin/") && isAdminAuthorization(c.req.header("Authorization"), config.adminToken)
        ? config.adminBodyLimitBytes
        : config.bodyLimitBytes,
    changes: repository.changeCount,
    durability,
    answerError
  }))
  app.onError((error, c) => answerError(error, c))
  app.notFound((c) => respondWithError(c, notFound(c.req.path)))

  // The Twilio routes, derived from the schema package's contract (src/api/deriveRoutes.ts); the handlers hold the
  // store logic.
  const auth = twilioAuth(repository)
  const stores = { repository, publicBaseUrl: config.publicBaseUrl }
  registerApi(app, MessagingApi, {
    services: serviceHandlers(stores),
    shortCodes: shortCodeHandlers(stores),
    phoneNumbers: phoneNumberHandlers(stores),
    alphaSenders: alphaSenderHandlers(stores)
  }, {
    auth,
    payloadError: { shortCodes: shortCodePayloadError, phoneNumbers: phoneNumberPayloadError, alphaSenders: alphaSenderPayloadError }
  })
  registerAdminRoutes(app, { repository, auth: adminAuth(config.adminToken), newAuthToken: config.ids.authToken })
  const docs = registerDocsRoutes(app)
  return { app, dispose: docs.dispose }
}
