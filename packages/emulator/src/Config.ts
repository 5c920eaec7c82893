/**
 * The emulator's configuration: the options of `makeServer`/`startServer`, their defaults and checks, and how the
 * command line entry reads them from the environment.
 */
import { randomBytes } from "node:crypto"
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { FORM_BODY_LIMIT_BYTES, toValidationIssues, TWILIO_MESSAGING_BASE_URL } from "@shortcode-kit/schema"
import { Result, Schema } from "effect"
import { type Clock, systemClock } from "./controls/Clock.js"
import { type IdSource, randomIds, seededIds } from "./controls/Ids.js"
import { DEFAULT_JOURNAL_LIMIT } from "./controls/Journal.js"
import { stdoutLines } from "./http/logBuffer.js"
import { type Seed as SeedType, Seed } from "./Seed.js"

/** Options of {@link makeServer}; every one has a default. */
export interface ServerOptions {
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string
  /** Port; `0` picks a free one. Default `4010`. */
  readonly port?: number
  /** SQLite file, or `:memory:`. Default `:memory:` (the command line entry defaults to a file). */
  readonly database?: string
  /** Origin used in every resource `url` and paging URL. Default `https://messaging.twilio.com`, what Twilio returns. */
  readonly publicBaseUrl?: string
  /** Bearer token of the admin surface. Default: a random one (read it back from the running server). */
  readonly adminToken?: string
  /** Seed to load at start (idempotently). */
  readonly seed?: SeedType
  /** Load the demo account, service and short codes. Default `true`. */
  readonly demo?: boolean
  /** Senders a Messaging Service's pool may hold, phone numbers and short codes together. Default 400, Twilio's pool limit. */
  readonly servicePoolLimit?: number
  /** Largest request body in bytes; more is answered 413 before it is read. Default 65536. */
  readonly bodyLimitBytes?: number
  /**
   * Largest body of an admin API request (`/admin/...` with the admin token), such as a whole seed. Default 16 MiB.
   * Requests without the admin token keep `bodyLimitBytes`.
   */
  readonly adminBodyLimitBytes?: number
  /** Where the one-line-per-request log goes; `false` for none. Default stdout. */
  readonly log?: ((line: string) => void) | false
  /**
   * Time in milliseconds a request has to arrive in full (headers and body); a slower one is answered 408 and its
   * connection closed. The headers alone have at most 20 s of it (`HEADERS_TIMEOUT_MS`). Default 60000.
   */
  readonly requestTimeoutMs?: number
  /** Connections open at once; more are closed as soon as they are accepted. Default 1024. */
  readonly maxConnections?: number
  /**
   * Let `@hono/node-server` replace the global `Request` and `Response` with its lighter ones (its own default),
   * which makes every answer of the Hono application about a quarter cheaper (no web stream to read back).
   * Default `false`: `startServer` leaves the globals of your process alone. The command line entry, which owns its
   * process, turns it on. It also tells `startServer` that the process is the emulator's own (no other sockets or
   * servers in it), so that while fewer than 512 connections are open a kept GET may read SQLite's data version once
   * per turn of the event loop (see the README's "Speed").
   */
  readonly lightweightWebGlobals?: boolean
  /**
   * Makes every generated SID, auth token and request id a seeded sequence instead of random: two emulators with the
   * same seed (and the same `clock`) answer the same request sequence with the same bodies. A safe integer.
   */
  readonly sidSeed?: number
  /** Where dates come from (`date_created`, `date_updated`, the journal's `at`). Default the system clock; see `makeTestClock`. */
  readonly clock?: Clock
  /** Requests the journal (`GET /admin/requests`) keeps; more drops the oldest, `0` keeps none. Default 1000. */
  readonly journalLimit?: number
}

/** The options with every default filled in and every value checked. */
export interface ServerConfig {
  readonly host: string
  readonly port: number
  readonly database: string
  readonly publicBaseUrl: string
  readonly adminToken: string
  readonly seed: SeedType | undefined
  readonly demo: boolean
  readonly servicePoolLimit: number
  readonly bodyLimitBytes: number
  readonly adminBodyLimitBytes: number
  readonly log: ((line: string) => void) | undefined
  readonly requestTimeoutMs: number
  readonly maxConnections: number
  readonly lightweightWebGlobals: boolean
  readonly sidSeed: number | undefined
  /** The generated identifiers: random, or seeded by `sidSeed`. */
  readonly ids: IdSource
  readonly clock: Clock
  readonly journalLimit: number
}

export const DEFAULT_HOST = "127.0.0.1"
export const DEFAULT_PORT = 4010
export const DEFAULT_POOL_LIMIT = 400
/** The form body limit of the schema package's `inputErrors` (its row `body.too-large`). */
export const DEFAULT_BODY_LIMIT_BYTES = FORM_BODY_LIMIT_BYTES
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000
/** The most time the request line and headers may take (less when `requestTimeoutMs` is less): they are small. */
export const HEADERS_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_CONNECTIONS = 1024
/** The admin API's default body limit, 16 MiB: a seed of tens of thousands of short codes fits in one request. */
export const DEFAULT_ADMIN_BODY_LIMIT_BYTES = 16 * 1024 * 1024
const MIN_ADMIN_TOKEN_LENGTH = 16

/** A new admin token: 32 random bytes, hex. */
export const randomAdminToken = (): string => randomBytes(32).toString("hex")

const fail = (message: string): never => {
  throw new Error(`shortcode-kit emulator: ${message}`)
}

/**
 * Fills in the defaults and checks every option, throwing at once with what is wrong.
 *
 * @example
 * ```ts
 * import { resolveConfig } from "@shortcode-kit/emulator"
 *
 * resolveConfig({ port: 0 }).publicBaseUrl // "https://messaging.twilio.com"
 * resolveConfig({ port: 70000 }) // throws: port must be an integer from 0 to 65535, received 70000
 * ```
 */
export const resolveConfig = (options: ServerOptions = {}): ServerConfig => {
  const port = options.port ?? DEFAULT_PORT
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`port must be an integer from 0 to 65535, received ${String(port)}`)
  const publicBaseUrl = (options.publicBaseUrl ?? TWILIO_MESSAGING_BASE_URL).replace(/\/+$/, "")
  if (!/^https?:\/\/[^/?#\s]+$/.test(publicBaseUrl)) {
    fail(`publicBaseUrl must be an http(s) origin without a path, such as https://messaging.twilio.com, received ${JSON.stringify(options.publicBaseUrl)}`)
  }
  const adminToken = options.adminToken ?? randomAdminToken()
  if (adminToken.length < MIN_ADMIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(adminToken)) {
    fail(`the admin token must be at least ${MIN_ADMIN_TOKEN_LENGTH} visible ASCII characters without spaces`)
  }
  const servicePoolLimit = options.servicePoolLimit ?? DEFAULT_POOL_LIMIT
  if (!Number.isSafeInteger(servicePoolLimit) || servicePoolLimit < 1) fail(`servicePoolLimit must be a positive integer, received ${String(servicePoolLimit)}`)
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES
  if (!Number.isSafeInteger(bodyLimitBytes) || bodyLimitBytes < 1) fail(`bodyLimitBytes must be a positive integer, received ${String(bodyLimitBytes)}`)
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  if (!Number.isSafeInteger(requestTimeoutMs) || requestTimeoutMs < 1) fail(`requestTimeoutMs must be a positive integer, received ${String(requestTimeoutMs)}`)
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS
  if (!Number.isSafeInteger(maxConnections) || maxConnections < 1) fail(`maxConnections must be a positive integer, received ${String(maxConnections)}`)
  const adminBodyLimitBytes = options.adminBodyLimitBytes ?? DEFAULT_ADMIN_BODY_LIMIT_BYTES
  if (!Number.isSafeInteger(adminBodyLimitBytes) || adminBodyLimitBytes < 1) {
    fail(`adminBodyLimitBytes must be a positive integer, received ${String(adminBodyLimitBytes)}`)
  }
  const host = options.host ?? DEFAULT_HOST
  if (host === "") fail("host must not be empty")
  const sidSeed = options.sidSeed
  if (sidSeed !== undefined && !Number.isSafeInteger(sidSeed)) fail(`sidSeed must be a safe integer, received ${String(sidSeed)}`)
  const journalLimit = options.journalLimit ?? DEFAULT_JOURNAL_LIMIT
  if (!Number.isSafeInteger(journalLimit) || journalLimit < 0) fail(`journalLimit must be an integer of 0 or more, received ${String(journalLimit)}`)
  return {
    host,
    port,
    database: options.database ?? ":memory:",
    publicBaseUrl,
    adminToken,
    seed: options.seed,
    demo: options.demo ?? true,
    servicePoolLimit,
    bodyLimitBytes,
    adminBodyLimitBytes,
    log: options.log === false ? undefined : options.log ?? stdoutLines.push,
    requestTimeoutMs,
    maxConnections,
    lightweightWebGlobals: options.lightweightWebGlobals ?? false,
    sidSeed,
    ids: sidSeed === undefined ? randomIds : seededIds(sidSeed),
    clock: options.clock ?? systemClock,
    journalLimit
  }
}

/**
 * Reads and decodes a seed file, with every problem (path, rule, value) in the error message.
 *
 * @example
 * ```ts
 * import { readSeedFile, startServer } from "@shortcode-kit/emulator"
 *
 * const server = await startServer({ port: 0, demo: false, seed: readSeedFile("test/emulator-seed.json") })
 * ```
 */
export const readSeedFile = (path: string): SeedType => {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, "utf8"))
  } catch (error) {
    return fail(`SEED_FILE ${path} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const result = Schema.decodeUnknownResult(Seed)(json, { errors: "all" })
  if (Result.isSuccess(result)) return result.success
  const problems = toValidationIssues(result.failure.issue, json).map((i) => `${i.path.join(".") || "(root)"}: ${i.message} (received ${i.received})`)
  return fail(`SEED_FILE ${path} is not a valid seed:\n  - ${problems.join("\n  - ")}`)
}

/** What the command line entry decided, with where each value came from for the start-up banner. */
export interface EnvConfig {
  readonly options: ServerOptions
  readonly adminTokenGenerated: boolean
  readonly databasePath: string
  /** `READY_JSON=1`: print one JSON line with the URL, admin token and demo credentials before the banner. */
  readonly readyJson: boolean
}

/**
 * The options from the environment: `HOST`, `PORT`, `DB` (a path relative to the working directory, or
 * `:memory:`; default `defaultDatabase`), `PUBLIC_BASE_URL`, `ADMIN_TOKEN`, `SEED_FILE` (a seed file replaces the
 * demo data), `MAX_CONNECTIONS`, `SERVICE_POOL_LIMIT` (a positive whole number), `SID_SEED` (an integer: seeded SIDs), `FIXED_TIME` (an ISO 8601 time the clock
 * stands still at), `JOURNAL_LIMIT`, `READY_JSON` (`1` or `true`).
 */
export const configFromEnv = (env: NodeJS.ProcessEnv, defaultDatabase: string): EnvConfig => {
  const nonEmpty = (name: string): string | undefined => {
    const value = env[name]
    return value === undefined || value === "" ? undefined : value
  }
  const portText = nonEmpty("PORT")
  let port: number | undefined
  if (portText !== undefined) {
    if (!/^[0-9]{1,5}$/.test(portText)) fail(`PORT must be a number from 0 to 65535, received ${JSON.stringify(portText)}`)
    port = Number(portText)
  }
  const maxConnectionsText = nonEmpty("MAX_CONNECTIONS")
  if (maxConnectionsText !== undefined && !/^[1-9][0-9]{0,8}$/.test(maxConnectionsText)) {
    fail(`MAX_CONNECTIONS must be a positive whole number, received ${JSON.stringify(maxConnectionsText)}`)
  }
  const poolLimitText = nonEmpty("SERVICE_POOL_LIMIT")
  if (poolLimitText !== undefined && !/^[1-9][0-9]{0,8}$/.test(poolLimitText)) {
    fail(`SERVICE_POOL_LIMIT must be a positive whole number (phone numbers and short codes per service), received ${JSON.stringify(poolLimitText)}`)
  }
  const dbText = nonEmpty("DB")
  const databasePath = dbText === ":memory:" ? ":memory:" : resolve(dbText ?? defaultDatabase)
  const seedFile = nonEmpty("SEED_FILE")
  const adminToken = nonEmpty("ADMIN_TOKEN")
  const host = nonEmpty("HOST")
  const publicBaseUrl = nonEmpty("PUBLIC_BASE_URL")
  const integer = (name: string): number | undefined => {
    const text = nonEmpty(name)
    if (text === undefined) return undefined
    if (!/^-?[0-9]{1,15}$/.test(text)) fail(`${name} must be an integer, received ${JSON.stringify(text)}`)
    return Number(text)
  }
  const sidSeed = integer("SID_SEED")
  const journalLimit = integer("JOURNAL_LIMIT")
  const fixedTimeText = nonEmpty("FIXED_TIME")
  let fixedTime: Date | undefined
  if (fixedTimeText !== undefined) {
    // Only the full ISO form: Date.parse accepts far more (and reads some of it in local time).
    const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(fixedTimeText)
    if (parts === null) {
      return fail(`FIXED_TIME must be an ISO 8601 time with its offset, such as 2024-01-01T00:00:00Z, received ${JSON.stringify(fixedTimeText)}`)
    }
    // Date rolls a day or a time that does not exist over (February 30 is March 1): the one written must exist.
    const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = parts.slice(1).map((p) => (p === undefined ? undefined : Number(p))) as Array<number>
    const written = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second))
    const exists = written.getUTCFullYear() === year && written.getUTCMonth() === month! - 1 && written.getUTCDate() === day &&
      written.getUTCHours() === hour && written.getUTCMinutes() === minute && written.getUTCSeconds() === second && offsetHours < 24 && offsetMinutes < 60
    if (!exists) fail(`FIXED_TIME names a date or time that does not exist: ${JSON.stringify(fixedTimeText)}`)
    fixedTime = new Date(fixedTimeText)
  }
  const readyText = nonEmpty("READY_JSON")
  if (readyText !== undefined && !["1", "true", "0", "false"].includes(readyText)) {
    fail(`READY_JSON must be 1, true, 0 or false, received ${JSON.stringify(readyText)}`)
  }
  const frozen = fixedTime
  const options: ServerOptions = {
    database: databasePath,
    adminToken: adminToken ?? randomAdminToken(),
    demo: seedFile === undefined,
    ...(host === undefined ? {} : { host }),
    ...(port === undefined ? {} : { port }),
    ...(publicBaseUrl === undefined ? {} : { publicBaseUrl }),
    ...(maxConnectionsText === undefined ? {} : { maxConnections: Number(maxConnectionsText) }),
    ...(poolLimitText === undefined ? {} : { servicePoolLimit: Number(poolLimitText) }),
    ...(seedFile === undefined ? {} : { seed: readSeedFile(resolve(seedFile)) }),
    ...(sidSeed === undefined ? {} : { sidSeed }),
    ...(journalLimit === undefined ? {} : { journalLimit }),
    ...(frozen === undefined ? {} : { clock: () => new Date(frozen.getTime()) })
  }
  return {
    options,
    adminTokenGenerated: adminToken === undefined,
    databasePath,
    readyJson: readyText === "1" || readyText === "true"
  }
}
