/**
 * The emulator as a value: `makeServer` opens the database, seeds it and builds the HTTP handler; `startServer`
 * also listens and knows how to shut down gracefully.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { getRequestListener, type HttpBindings } from "@hono/node-server"
import { answerOf } from "@shortcode-kit/schema"
import { makeApp } from "./App.js"
import { HEADERS_TIMEOUT_MS, resolveConfig, type ServerConfig, type ServerOptions } from "./Config.js"
import { attachControls, type ControlsHandle } from "./controls/attach.js"
import type { Handler } from "./controls/Controls.js"
import { demoSeed } from "./Demo.js"
import { refusedFromHeaders } from "./http/body.js"
import { makeClientErrorHandler, noteRequest } from "./http/clientError.js"
import { answerResponse, type DirectAnswer, sendAnswer } from "./http/directAnswer.js"
import type { Faults } from "./faults/Faults.js"
import { installFaults } from "./faults/install.js"
import { ConnectionDropped, type FetchHandler } from "./faults/withFaults.js"
import { makeResponseCache, SEVERAL, soleHostOfRaw } from "./http/responseCache.js"
import { logLine, refusedConnectionLine } from "./http/requestLog.js"
import { loadSeed, type SeedReport } from "./Seeding.js"
import type { Repository } from "./store/Repository.js"
import { openStore } from "./store/Store.js"

/**
 * What node:http's listener needs of each emulator: the handler (the application inside its wrappers), given
 * node:http's own request, and the door of the response cache that answers before a web request is built.
 */
interface NodeEntry {
  readonly handler: Handler
  /**
   * `true` when a kept answer was sent (the request is done), `false` when it must take the full path;
   * `oncePerTurn` as the response cache's `answerNode` takes it.
   */
  readonly answerKept: (incoming: IncomingMessage, outgoing: ServerResponse, oncePerTurn: boolean) => boolean
}
const handlers = new WeakMap<Emulator, NodeEntry>()

/**
 * An emulator that is not listening: its web handler, its store, `close` to release the database, and the controls
 * (`reset`, `requests`, `clearRequests`, `onReset`).
 */
export interface Emulator extends ControlsHandle {
  readonly config: ServerConfig
  /** The web-standard handler: drive it in-process, or serve it with any server. */
  readonly fetch: (request: Request) => Promise<Response>
  readonly repository: Repository
  /** Fault injection: the rules of `/admin/faults`, typed (`add`, `clear`, `list`). */
  readonly faults: Faults
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
  const store = openStore(config.database, {
    servicePoolLimit: config.servicePoolLimit,
    now: () => config.clock().getTime(),
    ids: config.ids
  })
  try {
    const { durability, repository } = store
    const seeded = {
      demo: config.demo ? loadSeed(repository, demoSeed) : undefined,
      seed: config.seed === undefined ? undefined : loadSeed(repository, config.seed)
    }
    // What the seeding wrote is on the disk before anything is served.
    durability.flushSync()
    const { app, dispose } = makeApp(config, repository, { durability })
    // Fault injection (src/faults): /admin/faults on the app, and its `(fetch) => fetch` wrapper around it.
    const faults = installFaults(app, config)
    // GET answers are kept while the database does not change (http/responseCache.ts), inside the fault rules and
    // the journal, which see every request; while a disk sync is in flight every read goes to the application.
    const cache = makeResponseCache({
      othersVersion: repository.othersVersion,
      ownChanges: repository.changeCount,
      bypass: () => durability.pending() !== undefined,
      requestId: config.ids.requestId,
      log: config.log,
      adapterResponses: config.lightweightWebGlobals
    })
    const cached = cache.wrap((request: Request, env?: HttpBindings) => app.fetch(request, env))
    const faulted: FetchHandler = faults.wrap(async (request, env) => cached(request, env as HttpBindings | undefined))
    // Controls (health, reset, request journal; src/controls/) around that: the journal sees faulted requests too.
    const controls = attachControls({
      config,
      repository,
      durability,
      startSeeds: [...(config.demo ? [demoSeed] : []), ...(config.seed === undefined ? [] : [config.seed])],
      handler: (request, env) => faulted(request, env as HttpBindings | undefined)
    })
    // A reset also clears the fault rules.
    controls.handle.onReset(() => faults.store.clear())
    const handler = controls.handler
    let closed: Promise<void> | undefined
    // After close the database is gone: a call says so instead of failing inside SQLite.
    const isClosed = (what: string): Error | undefined =>
      closed === undefined ? undefined : new Error(`${what}: the emulator is closed (close() was called); make a new one with makeServer or startServer`)
    const emulator: Emulator = {
      ...controls.handle,
      reset: async () => {
        const refused = isClosed("reset")
        if (refused !== undefined) throw refused
        return controls.handle.reset()
      },
      config,
      fetch: async (request) => {
        const refused = isClosed("fetch")
        if (refused !== undefined) throw refused
        return handler(request)
      },
      repository,
      faults: faults.handle,
      seeded,
      close: () => (closed ??= dispose().finally(() => store.close()))
    }
    handlers.set(emulator, {
      handler,
      // On node:http a kept answer goes out before any web request is built, journaled as the controls would; a
      // fault rule may answer, delay or drop any request, so while one is installed every request goes the full way.
      answerKept: (incoming, outgoing, oncePerTurn) => {
        if (faults.store.hasRules()) return false
        const started = performance.now()
        return cache.answerNode(incoming, outgoing, started, (hit) => controls.journalHit(hit, started), oncePerTurn)
      }
    })
    return emulator
  } catch (error) {
    void store.close()
    throw error
  }
}

/** A listening emulator, with the controls of its emulator at hand (`reset`, `requests`, `clearRequests`, `onReset`). */
export interface RunningServer extends ControlsHandle {
  /** `http://host:port`, the base URL to point clients at. */
  readonly url: string
  readonly port: number
  readonly host: string
  /** The bearer token of `/admin/...`. */
  readonly adminToken: string
  readonly emulator: Emulator
  /** The emulator's fault rules (the same as `emulator.faults`). */
  readonly faults: Faults
  /**
   * Stops accepting connections, lets requests in flight finish (up to `graceMs`, default 10 s, after which the
   * remaining connections are cut), then closes the database. Calling it again returns the same promise.
   */
  readonly close: (options?: { readonly graceMs?: number }) => Promise<void>
}

// Requests Node cannot even turn into a URL (a malformed Host header, a backslash in the path) never reach the
// application; they still get a Twilio error body and the CORS headers.
const MALFORMED_REQUEST: DirectAnswer = answerOf("request.invalid", { reason: "the request target or Host header is malformed" })

// HTTP/1.1 requires a Host header (RFC 9112, section 3.2); an HTTP/1.0 request without one is refused the same way
// rather than served under a guessed name, so that every request's URLs name the host its client used.
const MISSING_HOST: DirectAnswer = answerOf("request.invalid", { reason: "the Host header is required" })

// More than one Host line names no single host (RFC 9112, section 3.2, asks a server for 400 here too).
const SEVERAL_HOSTS: DirectAnswer = answerOf("request.invalid", { reason: "the request has more than one Host header" })

/**
 * Up to how many open connections the response cache reads other connections' version once per turn of the event
 * loop (http/responseCache.ts), in a process that is the emulator's own (`lightweightWebGlobals`): half of libuv's
 * 1,024 events per wait, leaving the rest to the process's few other descriptors (its listening socket, stdio, its
 * signal and wake-up handles). In any other process its other sockets are unknown, so it is never read that way.
 */
const ONCE_PER_TURN_CONNECTIONS = 512

/** The path of a request target, without its query (which the log leaves out). */
const pathOf = (target: string | undefined): string => (target ?? "").split("?", 1)[0] ?? ""

/**
 * The emulator's application as a node:http listener. A GET whose answer the response cache keeps is answered
 * from node's own request; every other request goes to the web handler with the node:http request along as
 * `incoming`: a body is then read from it without building web streams.
 */
export const appListener = (emulator: Emulator, oncePerTurn: () => boolean = () => false) => {
  const entry = handlers.get(emulator)
  if (entry === undefined) throw new Error("appListener needs an emulator made by makeServer")
  const { handler, answerKept } = entry
  const { log } = emulator.config
  // `@hono/node-server` calls its error handler synchronously, inside the listener call, for a request it cannot
  // turn into a URL; the request is then the one being handled, so its log line can name it.
  let current: { readonly request: IncomingMessage; readonly started: number } | undefined
  // node:http's createServer is HTTP/1: the bindings are never HTTP/2's.
  const listener = getRequestListener((request, env) => handler(request, env as HttpBindings), {
    overrideGlobalObjects: emulator.config.lightweightWebGlobals,
    errorHandler: (error) => {
      // A connection a fault rule dropped gets no answer at all.
      if (error instanceof ConnectionDropped) return undefined
      if (current !== undefined) log?.(logLine(current.request.method ?? "", pathOf(current.request.url), MALFORMED_REQUEST.status, current.started))
      return answerResponse(MALFORMED_REQUEST)
    }
  })
  return (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (answerKept(request, response, oncePerTurn())) return Promise.resolve()
    current = { request, started: performance.now() }
    try {
      return listener(request, response)
    } finally {
      current = undefined
    }
  }
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
  // Open connections, for the response cache: in a process of its own, while fewer than ONCE_PER_TURN_CONNECTIONS are
  // open, this process cannot have the 1,024 descriptors ready at once that would make libuv wait twice in one turn.
  let openConnections = 0
  const ownProcess = emulator.config.lightweightWebGlobals
  const app = appListener(emulator, () => ownProcess && openConnections < ONCE_PER_TURN_CONNECTIONS)
  const { log, requestTimeoutMs, maxConnections, bodyLimitBytes } = emulator.config
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    noteRequest(request, response)
    const host = soleHostOfRaw(request.rawHeaders)
    if (host === SEVERAL || !host) {
      const started = performance.now()
      const answer = host === SEVERAL ? SEVERAL_HOSTS : MISSING_HOST
      sendAnswer(response, answer)
      log?.(logLine(request.method ?? "", pathOf(request.url), answer.status, started))
      return
    }
    void app(request, response)
  }
  const headersTimeoutMs = Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs)
  const server = createServer({
    requestTimeout: requestTimeoutMs,
    headersTimeout: headersTimeoutMs,
    // How often Node looks for late requests (its default is 30 s): often enough that a timeout is kept to within
    // a quarter of itself, or a second.
    connectionsCheckingInterval: Math.max(1, Math.min(1_000, Math.floor(requestTimeoutMs / 4))),
    // A request without Host is answered by `handle`, with a Twilio error rather than Node's bare 400.
    requireHostHeader: false
  }, handle)
  server.maxConnections = maxConnections
  server.on("connection", (socket: Socket) => {
    openConnections++
    socket.once("close", () => openConnections--)
  })
  server.on("drop", (data?: { readonly remoteAddress?: string }) => log?.(refusedConnectionLine(data?.remoteAddress, maxConnections)))
  server.on("clientError", makeClientErrorHandler({ log, requestTimeoutMs, headersTimeoutMs }))
  // `Expect: 100-continue`: a body that would be refused unread is not invited; the application answers 413.
  server.on("checkContinue", (request: IncomingMessage, response: ServerResponse) => {
    if (!refusedFromHeaders(request.method, request.headers, bodyLimitBytes)) response.writeContinue()
    handle(request, response)
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

  const { reset, requests, clearRequests, onReset } = emulator
  return { url, port, host, adminToken: emulator.config.adminToken, emulator, faults: emulator.faults, close, reset, requests, clearRequests, onReset }
}
