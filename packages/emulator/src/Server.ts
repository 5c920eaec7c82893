/**
 * The emulator as a value: `makeServer` opens the database, seeds it and builds the HTTP handler; `startServer`
 * also listens and knows how to shut down gracefully.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { getRequestListener } from "@hono/node-server"
import { makeTwilioError, TwilioError } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import type { Hono } from "hono"
import { makeApp } from "./App.js"
import { resolveConfig, type ServerConfig, type ServerOptions } from "./Config.js"
import { demoSeed } from "./Demo.js"
import type { AppEnv } from "./http/AppEnv.js"
import { makeFastFetch } from "./http/fastFetch.js"
import { loadSeed, type SeedReport } from "./Seeding.js"
import { openDatabase } from "./store/Database.js"
import { type Durability, makeDurability } from "./store/Durability.js"
import { makeRepository, type Repository } from "./store/Repository.js"

/** The Hono application behind each emulator, for `startServer` to pass it node:http's own request. */
const applications = new WeakMap<Emulator, Hono<AppEnv>>()

/** An emulator that is not listening: its web handler, its store, and `close` to release the database. */
export interface Emulator {
  readonly config: ServerConfig
  /** The web-standard handler: drive it in-process, or serve it with any server. */
  readonly fetch: (request: Request) => Promise<Response>
  readonly repository: Repository
  /** What the demo data and the seed added at start (`undefined` when not loaded). */
  readonly seeded: { readonly demo: SeedReport | undefined; readonly seed: SeedReport | undefined }
  readonly close: () => Promise<void>
}

/**
 * Builds the emulator: opens (and migrates) the database, loads the demo data and the seed, makes the HTTP handler.
 *
 * @example
 * ```ts
 * import { makeServer } from "@shortcode-kit/emulator"
 *
 * const emulator = makeServer({ database: ":memory:", log: false })
 * const response = await emulator.fetch(new Request("http://local/v1/Services"))
 * response.status // 401: no credentials
 * await emulator.close()
 * ```
 */
export const makeServer = (options: ServerOptions = {}): Emulator => {
  const config = resolveConfig(options)
  const db = openDatabase(config.database)
  let durability: Durability | undefined
  try {
    durability = makeDurability(db)
    const repository = makeRepository(db, { servicePoolLimit: config.servicePoolLimit })
    const seeded = {
      demo: config.demo ? loadSeed(repository, demoSeed) : undefined,
      seed: config.seed === undefined ? undefined : loadSeed(repository, config.seed)
    }
    // What the seeding wrote is on the disk before anything is served.
    durability.flushSync()
    const { app, dispose } = makeApp(config, repository, { durability })
    const durable = durability
    let closed: Promise<void> | undefined
    const emulator: Emulator = {
      config,
      fetch: async (request) => app.fetch(request),
      repository,
      seeded,
      close: () =>
        (closed ??= dispose()
          .finally(() => durable.close())
          .finally(() => {
            db.close()
          }))
    }
    applications.set(emulator, app)
    return emulator
  } catch (error) {
    void durability?.close()
    db.close()
    throw error
  }
}

/** A listening emulator. */
export interface RunningServer {
  /** `http://host:port`, the base URL to point clients at. */
  readonly url: string
  readonly port: number
  readonly host: string
  /** The bearer token of `/admin/...`. */
  readonly adminToken: string
  readonly emulator: Emulator
  /**
   * Stops accepting connections, lets requests in flight finish (up to `graceMs`, default 10 s, after which the
   * remaining connections are cut), then closes the database. Calling it again returns the same promise.
   */
  readonly close: (options?: { readonly graceMs?: number }) => Promise<void>
}

// Requests Node cannot even turn into a URL (a malformed Host header, a backslash in the path) never reach the
// application; they still get a Twilio error body and the CORS headers.
const malformedRequest = (): Response => {
  const body = Schema.encodeSync(TwilioError)(makeTwilioError(20001, undefined, {
    message: "Invalid request: the request target or Host header is malformed"
  }))
  return new Response(JSON.stringify(body), {
    status: 400,
    headers: { "Content-Type": "application/json", ...corsHeaders }
  })
}

/**
 * The emulator's application as a node:http listener (what answers every request the fast lane declines). The
 * node:http request goes along as `incoming`: a body is then read from it without building web streams.
 */
export const appListener = (emulator: Emulator) => {
  const application = applications.get(emulator)
  if (application === undefined) throw new Error("appListener needs an emulator made by makeServer")
  return getRequestListener((request, env) => application.fetch(request, env), {
    overrideGlobalObjects: emulator.config.lightweightWebGlobals,
    errorHandler: malformedRequest
  })
}

/**
 * Builds the emulator and serves it on `host:port` (`port: 0` picks a free port).
 *
 * @example
 * ```ts
 * import { startServer } from "@shortcode-kit/emulator"
 *
 * const server = await startServer({ port: 0, database: ":memory:", log: false })
 * // point the twilio SDK at server.url with makeTwilioHttpClient(server.url)
 * await server.close()
 * ```
 */
export const startServer = async (options: ServerOptions = {}): Promise<RunningServer> => {
  const emulator = makeServer(options)
  const { host, port: wantedPort } = emulator.config
  const app = appListener(emulator)
  const fastFetch = makeFastFetch({
    repository: emulator.repository,
    publicBaseUrl: emulator.config.publicBaseUrl,
    log: emulator.config.log
  })
  const server = createServer((request, response) => {
    if (!fastFetch(request, response)) void app(request, response)
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(wantedPort, host, () => {
        server.off("error", reject)
        resolve()
      })
    })
  } catch (error) {
    await emulator.close()
    throw error
  }
  const port = (server.address() as AddressInfo).port
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`

  let closing: Promise<void> | undefined
  const close = (closeOptions: { readonly graceMs?: number } = {}): Promise<void> =>
    (closing ??= new Promise<void>((resolve, reject) => {
      // Keep-alive connections that are idle, or become idle once their response is sent, are closed as soon as
      // they are; a connection still busy after the grace period is cut.
      const sweep = setInterval(() => server.closeIdleConnections(), 25)
      const cut = setTimeout(() => server.closeAllConnections(), closeOptions.graceMs ?? 10_000)
      server.close((error) => {
        clearInterval(sweep)
        clearTimeout(cut)
        emulator.close().then(() => (error === undefined ? resolve() : reject(error)), reject)
      })
      server.closeIdleConnections()
    }))

  return { url, port, host, adminToken: emulator.config.adminToken, emulator, close }
}
