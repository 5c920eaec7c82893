/**
 * The options of `runConformance`, checked at once: a bad option is a mistake in the caller's setup and gets a
 * TypeError that names the option and what it must be.
 *
 * @since 0.2.0
 */
import { isAccountSid } from "../Sid.js"
import { type CheckName, checkNames, poolCheckNames } from "./Checks.js"
import type { ConformanceTarget } from "./Membership.js"
import { shortCodesTarget } from "./ShortCodesTarget.js"

/**
 * Free senders of one membership target, for the pool checks: SIDs of the account's inventory that are in no
 * service.
 *
 * @since 0.2.0
 */
export interface PoolSenders {
  readonly target: ConformanceTarget
  readonly sids: ReadonlyArray<string>
}

/**
 * What `runConformance` reports while it works, for a progress line.
 *
 * @since 0.2.0
 */
export interface ConformanceProgress {
  readonly phase: "setup" | "check" | "cleanup" | "done"
  /** What is running, in words: a check's name, or the response checks sharing one traffic. */
  readonly label: string
  /** The check running, during the `check` phase. */
  readonly check: CheckName | undefined
  /** Set on the event that follows the end of a check. */
  readonly finished: { readonly check: CheckName; readonly status: "passed" | "failed" | "skipped" | "interrupted"; readonly runs: number; readonly requests: number } | undefined
  /** Checks finished so far, and how many were selected. */
  readonly checksDone: number
  readonly checksTotal: number
  /** Property runs of the current check (shrinking runs included), and the runs asked for. */
  readonly runs: number
  readonly numRuns: number
  readonly shrinking: boolean
  /** Requests sent since the start, over all checks. */
  readonly requests: number
  /** Checks failed so far. */
  readonly failures: number
  readonly elapsedMs: number
}

/**
 * Options of `runConformance`.
 *
 * @since 0.2.0
 */
export interface ConformanceOptions {
  /** The implementation under test: an http(s) URL, optionally with a path prefix (`https://gw.example.com/twilio`). */
  readonly baseUrl: string
  readonly accountSid: string
  readonly authToken: string
  /**
   * The membership collection under test, built with `conformanceTarget` from its `HttpApiGroup` (default
   * `shortCodesTarget`, the short codes of a Messaging Service). Everything the harness sends and expects comes from it.
   */
  readonly target?: ConformanceTarget | undefined
  /**
   * The Messaging Service (the parent) whose ShortCodes are tested. Without it a temporary service is created with
   * `POST /v1/Services` and deleted at the end. The harness adds and removes short codes in it: use a test service.
   */
  readonly serviceSid?: string | undefined
  /**
   * Short codes of the account's inventory that are in no service. The harness adds them to the service and removes
   * them again; `stateful` needs at least one, and the other checks are stronger with two or more.
   */
  readonly shortCodeSids?: ReadonlyArray<string> | undefined
  /** The same for any `target`: members of the account's inventory that are in no parent (not with `shortCodeSids`). */
  readonly memberSids?: ReadonlyArray<string> | undefined
  /**
   * The pool checks (`poolCheckNames`, run with the others when this is given): the most senders one service holds,
   * over all kinds (Twilio: 400 phone numbers and short codes). Needs `poolSenders`.
   */
  readonly poolLimit?: number | undefined
  /**
   * Free senders of every membership target that shares the pool (short codes and phone numbers): for each, more
   * than one SID, and together at least `poolLimit` plus one per target. The pool checks add them to temporary
   * services (and one to the service under test) and remove them again.
   */
  readonly poolSenders?: ReadonlyArray<PoolSenders> | undefined
  /** A second account, for the `auth` check's "another account's credentials" case (skipped without it). */
  readonly otherAccount?: { readonly accountSid: string; readonly authToken: string } | undefined
  /** The checks to run (default: all of `checkNames`). */
  readonly checks?: ReadonlyArray<CheckName> | undefined
  /** Property runs per check (default 50). */
  readonly runs?: number | undefined
  /** The fast-check seed (default: fast-check's global seed when one is configured, else random). */
  readonly seed?: number | undefined
  /** Replays one counterexample: the `path` of a failure (needs `seed` and exactly one check). */
  readonly path?: string | undefined
  /** The commands' `replayPath` of a `stateful` or response-check failure, with `path`. */
  readonly replayPath?: string | undefined
  /** Also require ShortCodeStrict of every ShortCode, with `url` under `publicBaseUrl`. */
  readonly strict?: boolean | undefined
  /** The origin the strict profile expects in each `url` (default `baseUrl`, which must then be an origin). */
  readonly publicBaseUrl?: string | undefined
  /** Time allowed for one request, answer body included (default 10,000 ms). */
  readonly requestTimeoutMs?: number | undefined
  /** Time allowed for one check, shrinking included (default 120,000 ms); a check stops there and says so. */
  readonly timeLimitMs?: number | undefined
  /** Most commands (add, fetch, list, remove, probes) in one run of a model-based check (default 15). */
  readonly maxCommands?: number | undefined
  /** The fetch to use (default the global `fetch`): pass a web handler such as `app.fetch` to test in-process. */
  readonly fetch?: ((request: Request) => Promise<Response>) | undefined
  readonly onProgress?: ((progress: ConformanceProgress) => void) | undefined
  /** Stops the run: the current request is abandoned, the service is restored, the report says "interrupted". */
  readonly signal?: AbortSignal | undefined
}

export interface Credentials {
  readonly accountSid: string
  readonly authToken: string
}

export interface ResolvedOptions {
  readonly resource: ConformanceTarget
  readonly baseUrl: string
  readonly primary: Credentials
  readonly serviceSid: string | undefined
  readonly pool: ReadonlyArray<string>
  readonly poolLimit: number | undefined
  readonly poolSenders: ReadonlyArray<PoolSenders>
  readonly other: Credentials | undefined
  readonly checks: ReadonlyArray<CheckName>
  readonly checksGiven: boolean
  readonly runs: number
  readonly seed: number | undefined
  readonly path: string | undefined
  readonly replayPath: string | undefined
  readonly strict: boolean
  readonly publicBaseUrl: string | undefined
  readonly requestTimeoutMs: number
  readonly timeLimitMs: number
  readonly maxCommands: number
  readonly fetch: (request: Request) => Promise<Response>
  readonly onProgress: (progress: ConformanceProgress) => void
  readonly signal: AbortSignal | undefined
}

const CALLER = "runConformance"

const fail = (message: string): never => {
  throw new TypeError(`${CALLER}: ${message}`)
}

const show = (value: unknown): string => {
  try {
    return typeof value === "string" ? JSON.stringify(value) : typeof value === "function" ? "a function" : String(JSON.stringify(value) ?? value)
  } catch {
    return String(value)
  }
}

const integerIn = (name: string, value: unknown, min: number, max: number, fallback: number): number => {
  if (value === undefined) return fallback
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    return fail(`${name} must be an integer from ${min} to ${max}, received ${show(value)}`)
  }
  return value
}

/** `http(s)://host[:port][/prefix]` without a query, a fragment or credentials; the trailing slash is dropped. */
const parseBaseUrl = (name: string, value: unknown): string => {
  if (typeof value !== "string") return fail(`${name} must be a string such as "http://127.0.0.1:4010", received ${show(value)}`)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return fail(`${name} must be an absolute http(s) URL such as "http://127.0.0.1:4010", received ${show(value)}`)
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return fail(`${name} must use http or https, received ${show(value)}`)
  if (url.search !== "" || url.hash !== "" || value.includes("?") || value.includes("#")) {
    return fail(`${name} must not have a query or a fragment, received ${show(value)}`)
  }
  if (url.username !== "" || url.password !== "") return fail(`${name} must not carry credentials: pass accountSid and authToken, received ${show(value)}`)
  return url.href.replace(/\/+$/, "")
}

const secret = (name: string, value: unknown): string => {
  if (typeof value !== "string" || value === "") return fail(`${name} must be a non-empty string`)
  if (/[\u0000-\u001f\u007f]/.test(value)) return fail(`${name} must not contain control characters`)
  return value
}

/**
 * `poolSenders` checked against `poolLimit`: both or neither; membership targets with both pool answers declared,
 * their own SIDs, at least two targets with two SIDs each, one SID of each kept back beyond the limit.
 */
const resolvePoolSenders = (o: ConformanceOptions): ReadonlyArray<PoolSenders> => {
  if (o.poolLimit === undefined && o.poolSenders === undefined) return []
  if (o.poolLimit === undefined || o.poolSenders === undefined) return fail("the pool checks need both poolLimit and poolSenders")
  const limit = integerIn("poolLimit", o.poolLimit, 1, 100_000, 0)
  if (!Array.isArray(o.poolSenders) || o.poolSenders.length < 2) {
    return fail(`poolSenders must list the free senders of two or more targets ({ target, sids }), received ${show(o.poolSenders)}`)
  }
  const seen = new Set<string>()
  for (const [i, entry] of o.poolSenders.entries()) {
    const { target, sids } = (entry ?? {}) as Partial<PoolSenders>
    if (typeof target !== "object" || target === null || typeof target.collectionPath !== "function") fail(`poolSenders[${i}].target must be made by conformanceTarget`)
    const t = target as ConformanceTarget
    if (t.creates !== undefined || t.errors.inAnotherParent === undefined || t.errors.poolFull === undefined) {
      fail(`poolSenders[${i}].target ${t.name} is not a pool's membership collection: its create endpoint declares no conflict for a member of another ${t.words.parent} or no pool-full answer`)
    }
    if (!Array.isArray(sids) || sids.length < 2) fail(`poolSenders[${i}].sids must be two or more ${t.words.sid}s (one is kept back beyond the limit), received ${show(sids)}`)
    for (const [j, sid] of (sids as ReadonlyArray<unknown>).entries()) {
      if (!t.member.is(sid)) fail(`poolSenders[${i}].sids[${j}] must be "${t.member.prefix}" followed by 32 hexadecimal digits, received ${show(sid)}`)
      if (seen.has(sid as string)) fail(`poolSenders lists ${String(sid)} twice`)
      seen.add(sid as string)
    }
  }
  const fill = o.poolSenders.reduce((sum, entry) => sum + entry.sids.length - 1, 0)
  if (fill < limit) fail(`poolSenders must hold poolLimit ${limit} senders beside one per target, received ${fill} beside them`)
  return o.poolSenders
}

/** The options with their defaults, or a TypeError naming the first bad one. */
export const resolveConformanceOptions = (options: unknown): ResolvedOptions => {
  if (typeof options !== "object" || options === null) return fail(`options must be an object such as { baseUrl, accountSid, authToken }, received ${show(options)}`)
  const o = options as ConformanceOptions
  const baseUrl = parseBaseUrl("baseUrl", o.baseUrl)
  if (!isAccountSid(o.accountSid)) return fail(`accountSid must be "AC" followed by 32 hexadecimal digits, received ${show(o.accountSid)}`)
  const authToken = secret("authToken", o.authToken)
  const resource = o.target ?? shortCodesTarget
  if (typeof resource !== "object" || resource === null || typeof resource.collectionPath !== "function") {
    return fail(`target must be made by conformanceTarget, received ${show(resource)}`)
  }
  const { words } = resource
  if (o.serviceSid !== undefined && !resource.parent.is(o.serviceSid)) {
    return fail(`serviceSid must be "${resource.parent.prefix}" followed by 32 hexadecimal digits, received ${show(o.serviceSid)}`)
  }
  if (o.shortCodeSids !== undefined && o.memberSids !== undefined) fail("pass shortCodeSids or memberSids, not both")
  const poolName = o.memberSids !== undefined ? "memberSids" : "shortCodeSids"
  const pool = o.memberSids ?? o.shortCodeSids ?? []
  if (!Array.isArray(pool)) return fail(`${poolName} must be an array of ${words.sid}s, received ${show(pool)}`)
  for (const [i, sid] of pool.entries()) {
    if (!resource.member.is(sid)) return fail(`${poolName}[${i}] must be "${resource.member.prefix}" followed by 32 hexadecimal digits, received ${show(sid)}`)
    if (pool.indexOf(sid) !== i) return fail(`${poolName} lists ${sid} twice`)
  }
  if (resource.creates !== undefined && pool.length > 0) {
    fail(`${poolName}: the ${words.members} of ${resource.name} are created from their ${resource.member.field}, not named by SID: pass no member SIDs`)
  }
  if (o.checks !== undefined && Array.isArray(o.checks) && o.checks.includes("stateful") && pool.length === 0 && resource.creates === undefined) {
    fail(`the stateful check needs ${poolName}: ${words.members} of the account's inventory that are in no ${words.parent}, which it adds to the ${words.parent} and removes again`)
  }
  let other: Credentials | undefined
  if (o.otherAccount !== undefined) {
    if (typeof o.otherAccount !== "object" || o.otherAccount === null) return fail(`otherAccount must be { accountSid, authToken }, received ${show(o.otherAccount)}`)
    if (!isAccountSid(o.otherAccount.accountSid)) {
      return fail(`otherAccount.accountSid must be "AC" followed by 32 hexadecimal digits, received ${show(o.otherAccount.accountSid)}`)
    }
    if (o.otherAccount.accountSid === o.accountSid) return fail("otherAccount.accountSid must be another account than accountSid")
    other = { accountSid: o.otherAccount.accountSid, authToken: secret("otherAccount.authToken", o.otherAccount.authToken) }
  }
  const poolSenders = resolvePoolSenders(o)
  const poolLimit = poolSenders.length === 0 ? undefined : o.poolLimit
  const known: ReadonlyArray<CheckName> = [...checkNames, ...poolCheckNames]
  let checks: ReadonlyArray<CheckName> = poolLimit === undefined ? checkNames : known
  if (o.checks !== undefined) {
    if (!Array.isArray(o.checks) || o.checks.length === 0) return fail(`checks must be a non-empty array of check names (${known.join(", ")}), received ${show(o.checks)}`)
    for (const name of o.checks) {
      if (!(known as ReadonlyArray<unknown>).includes(name)) return fail(`checks: unknown check ${show(name)}; the checks are ${known.join(", ")}`)
      if (poolLimit === undefined && (poolCheckNames as ReadonlyArray<unknown>).includes(name)) fail(`checks: ${name} needs poolLimit and poolSenders`)
    }
    // Always in the documented order, each once.
    checks = known.filter((name) => o.checks?.includes(name))
  }
  const seed = o.seed === undefined ? undefined : integerIn("seed", o.seed, -(2 ** 31), 2 ** 31 - 1, 0)
  if (o.path !== undefined) {
    if (typeof o.path !== "string" || !/^\d+(:\d+)*$/.test(o.path)) return fail(`path must be a fast-check path such as "3:0:1", received ${show(o.path)}`)
    if (seed === undefined) fail("path replays a failure only with the seed it was found with: pass seed too")
    if (checks.length !== 1) fail("path belongs to one check: pass checks with exactly that check")
  }
  if (o.replayPath !== undefined) {
    if (typeof o.replayPath !== "string" || !/^[A-Za-z0-9+/=:]*$/.test(o.replayPath)) return fail(`replayPath must be the replayPath of a failure, received ${show(o.replayPath)}`)
    if (o.path === undefined) fail("replayPath needs path (and seed)")
  }
  if (o.strict !== undefined && typeof o.strict !== "boolean") return fail(`strict must be a boolean, received ${show(o.strict)}`)
  let publicBaseUrl: string | undefined
  if (o.strict === true) {
    publicBaseUrl = o.publicBaseUrl === undefined ? baseUrl : parseBaseUrl("publicBaseUrl", o.publicBaseUrl)
    if (new URL(publicBaseUrl).pathname !== "/") {
      fail(`the strict profile needs an origin for the resource URLs: pass publicBaseUrl (baseUrl ${show(baseUrl)} has a path)`)
    }
  } else if (o.publicBaseUrl !== undefined) {
    fail("publicBaseUrl is only used by the strict profile: pass strict: true too")
  }
  if (o.fetch !== undefined && typeof o.fetch !== "function") return fail(`fetch must be a function, received ${show(o.fetch)}`)
  if (o.onProgress !== undefined && typeof o.onProgress !== "function") return fail(`onProgress must be a function, received ${show(o.onProgress)}`)
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) return fail(`signal must be an AbortSignal, received ${show(o.signal)}`)
  const fetchImpl = o.fetch ?? ((request: Request) => globalThis.fetch(request))
  return {
    resource,
    baseUrl,
    primary: { accountSid: o.accountSid, authToken },
    serviceSid: o.serviceSid,
    pool,
    poolLimit,
    poolSenders,
    other,
    checks,
    checksGiven: o.checks !== undefined,
    runs: integerIn("runs", o.runs, 1, 100_000, 50),
    seed,
    path: o.path,
    replayPath: o.replayPath,
    strict: o.strict === true,
    publicBaseUrl: publicBaseUrl === undefined ? undefined : publicBaseUrl.replace(/\/$/, ""),
    requestTimeoutMs: integerIn("requestTimeoutMs", o.requestTimeoutMs, 1, 600_000, 10_000),
    timeLimitMs: integerIn("timeLimitMs", o.timeLimitMs, 1, 86_400_000, 120_000),
    maxCommands: integerIn("maxCommands", o.maxCommands, 1, 1000, 15),
    fetch: fetchImpl,
    onProgress: o.onProgress ?? (() => {}),
    signal: o.signal
  }
}
