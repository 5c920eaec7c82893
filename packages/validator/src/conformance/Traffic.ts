/**
 * The requests of the model-based checks as fast-check commands, judged against a model of the service's short
 * codes. `stateful` runs add, fetch, list and remove and checks what they return; the response checks run the same
 * commands mixed with malformed, unauthenticated, wrong-method, unknown-path and preflight requests, and judge each
 * answer on its own.
 */
import * as fc from "fast-check"
import { createShortCodeHttpRequest, invalidCreateShortCodeHttpRequest } from "../arbitraries/HttpRequest.js"
import { shortCodeSid } from "../arbitraries/Sid.js"
import { expectedFaultResponses } from "../FaultResponses.js"
import { expectError, expectSuccess, type Expectation } from "./Expectation.js"
import { auth, type AuthUse, type Exchange } from "./Http.js"
import { invalidListQuery, nearMissesOf } from "./NearMiss.js"
import { describeResponse, parseJson } from "./Oracles.js"
import type { Run } from "./Run.js"
import { addExpectation, collectionPath, FORM, instancePath, walkList } from "./Service.js"

/** What the harness believes the service holds. */
export interface Model {
  /** Short codes that were in the service when the run started and are not the harness's own. */
  readonly others: ReadonlyArray<string>
  /** The harness's short codes that are in the service now. */
  readonly present: Set<string>
  /** What this run did to each of its short codes, for the failure's explanation. */
  readonly history: Map<string, "added" | "removed">
}

export interface Real {
  readonly run: Run
}

type Command = fc.AsyncCommand<Model, Real, false>

const inService = (m: Model, sid: string): string =>
  m.history.get(sid) === "added" ? `${sid} was added to the service above` : `${sid} was in the service when the run started`

const notInService = (m: Model, sid: string): string =>
  m.history.get(sid) === "removed" ? `${sid} was removed from the service above (use after free)` : `${sid} was never added to the service`

const isStateful = (r: Real) => r.run.env.check === "stateful"

/** The decoded JSON object of an answer, or a failure of the run. */
const bodyObject = (r: Real, exchange: Exchange): Record<string, unknown> => {
  const response = exchange.response
  const parsed = response === null ? undefined : parseJson(response.body)
  if (response === null || parsed === undefined || !parsed.ok || typeof parsed.value !== "object" || parsed.value === null) {
    return r.run.fail({ message: "the body is not a JSON object", expected: "a ShortCode", received: response === null ? "no answer" : describeResponse(response) })
  }
  return parsed.value as Record<string, unknown>
}

/** The ShortCode answered names the short code and the service asked about. */
const expectSameShortCode = (r: Real, exchange: Exchange, sid: string) => {
  const body = bodyObject(r, exchange)
  const { serviceSid, accountSid } = r.run.env
  const wrong = [
    body["sid"] !== sid ? `sid is ${JSON.stringify(body["sid"])}` : undefined,
    body["service_sid"] !== serviceSid ? `service_sid is ${JSON.stringify(body["service_sid"])}` : undefined,
    body["account_sid"] !== undefined && body["account_sid"] !== null && body["account_sid"] !== accountSid ? `account_sid is ${JSON.stringify(body["account_sid"])}` : undefined
  ].filter((line) => line !== undefined)
  if (wrong.length > 0) {
    r.run.fail({
      message: `the ShortCode answered is not the one asked about: ${wrong.join(", ")}`,
      expected: `sid ${sid}, service_sid ${serviceSid}, account_sid ${accountSid}`,
      received: describeResponse(exchange.response as NonNullable<Exchange["response"]>)
    })
  }
}

const statusOf = (exchange: Exchange) => exchange.response?.status ?? 0

class Add implements Command {
  constructor(readonly sid: string, readonly headers: Readonly<Record<string, string>>, readonly body: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const present = m.present.has(this.sid)
    const expected = addExpectation(this.sid, present, present ? `${inService(m, this.sid)}: a second add is 409 with code 21710` : `${notInService(m, this.sid)}, and it is in the account's inventory and in no service`)
    const exchange = await r.run.send(`add ${this.sid} to the service`, {
      method: "POST",
      path: collectionPath(r.run.env.serviceSid),
      headers: this.headers,
      body: this.body,
      auth: auth.primary(r.run.env.accountSid)
    }, expected)
    if (isStateful(r) && statusOf(exchange) === 201) expectSameShortCode(r, exchange, this.sid)
    const status = statusOf(exchange)
    if ((status >= 200 && status < 300) || status === 409) {
      if (!present) m.history.set(this.sid, "added")
      m.present.add(this.sid)
    }
  }
  toString = () => `add(${this.sid}, ${JSON.stringify(this.body)})`
}

type Target =
  | { readonly kind: "pool"; readonly sid: string }
  | { readonly kind: "other"; readonly index: number }
  | { readonly kind: "unknown"; readonly sid: string }

const resolveTarget = (m: Model, target: Target): string =>
  target.kind === "other" ? (m.others[target.index % m.others.length] as string) : target.sid

const describeTarget = (target: Target): string =>
  target.kind === "other" ? `one of the service's own short codes (#${target.index})` : target.sid

class Fetch implements Command {
  constructor(readonly target: Target) {}
  check = (m: Readonly<Model>) => this.target.kind !== "other" || m.others.length > 0
  async run(m: Model, r: Real) {
    const sid = resolveTarget(m, this.target)
    const expected: Expectation = this.target.kind === "other"
      ? expectSuccess(200, "ShortCode", `${sid} was in the service when the run started`)
      : this.target.kind === "unknown"
      ? expectError(404, 20404, `${sid} is a random SID that is in no service`)
      : m.present.has(sid)
      ? expectSuccess(200, "ShortCode", inService(m, sid))
      : expectError(404, 20404, notInService(m, sid))
    const exchange = await r.run.send(`fetch ${sid}`, { method: "GET", path: instancePath(r.run.env.serviceSid, sid), auth: auth.primary(r.run.env.accountSid) }, expected)
    if (isStateful(r) && statusOf(exchange) === 200) expectSameShortCode(r, exchange, sid)
  }
  toString = () => `fetch(${describeTarget(this.target)})`
}

class Remove implements Command {
  constructor(readonly target: Target & { readonly kind: "pool" | "unknown" }) {}
  check = () => true
  async run(m: Model, r: Real) {
    const sid = this.target.sid
    const present = m.present.has(sid)
    const expected = this.target.kind === "unknown"
      ? expectError(404, 20404, `${sid} is a random SID that is in no service`)
      : present
      ? expectSuccess(204, "empty", `${inService(m, sid)}; removing it answers 204 with no body`)
      : expectError(404, 20404, notInService(m, sid))
    const exchange = await r.run.send(`remove ${sid} from the service`, { method: "DELETE", path: instancePath(r.run.env.serviceSid, sid), auth: auth.primary(r.run.env.accountSid) }, expected)
    const status = statusOf(exchange)
    if (status >= 200 && status < 300 && this.target.kind === "pool") {
      m.present.delete(sid)
      m.history.set(sid, "removed")
    }
  }
  toString = () => `remove(${this.target.sid})`
}

/** Walks the whole list with `pageSize`: at most 25 pages however many short codes the service holds. */
const walkOnce = async (m: Model, r: Real, requested: number) => {
  const expected = [...m.others, ...m.present]
  const pageSize = Math.max(requested, Math.ceil(expected.length / 25))
  const walk = await walkList(r.run, {
    pageSize,
    maxPages: Math.ceil(expected.length / pageSize) + 2,
    step: `list the service with PageSize ${pageSize}`,
    because: "the service exists and the credentials are the account's",
    maxItemsPerPage: isStateful(r) ? pageSize : undefined
  })
  if (!isStateful(r)) return
  const seen = new Map<string, number>()
  for (const sid of walk.sids) seen.set(sid, (seen.get(sid) ?? 0) + 1)
  const repeated = [...seen].filter(([, count]) => count > 1).map(([sid, count]) => `${sid} ${count} times`)
  const missing = expected.filter((sid) => !seen.has(sid))
  const unexpected = [...seen.keys()].filter((sid) => !expected.includes(sid))
  const explain = (sid: string) => (m.history.has(sid) || m.present.has(sid) ? inService(m, sid) : `${sid} was in the service when the run started`)
  if (repeated.length + missing.length + unexpected.length > 0) {
    r.run.fail({
      message: `walking next_page_url with PageSize ${pageSize} did not yield each short code exactly once: ${[
        repeated.length > 0 ? `repeated: ${repeated.join(", ")}` : "",
        missing.length > 0 ? `missing: ${missing.map(explain).join("; ")}` : "",
        unexpected.length > 0 ? `not in the service: ${unexpected.map((sid) => notInService(m, sid)).join("; ")}` : ""
      ].filter((part) => part !== "").join("; ")}`,
      expected: `each of ${expected.length} short codes once: ${expected.join(", ") || "(none)"}`,
      received: `${walk.sids.length} items over ${walk.pages} pages: ${walk.sids.join(", ") || "(none)"}`
    })
  }
}

class List implements Command {
  constructor(readonly pageSize: number) {}
  check = () => true
  run = (m: Model, r: Real) => walkOnce(m, r, this.pageSize)
  toString = () => `list(PageSize ${this.pageSize})`
}

/** Walks the list with every PageSize from 1 to one more than it holds (up to 20), and 1000. */
class ListEveryPageSize implements Command {
  check = () => true
  async run(m: Model, r: Real) {
    const count = m.others.length + m.present.size
    for (let size = 1; size <= Math.min(count + 1, 20); size++) await walkOnce(m, r, size)
    await walkOnce(m, r, 1000)
  }
  toString = () => "list with every PageSize"
}

/** One request whose answer does not depend on the model: a malformed create, a bad query, a wrong method... */
class Probe implements Command {
  constructor(
    readonly label: string,
    readonly request: { readonly method: string; readonly path: string; readonly headers?: Readonly<Record<string, string>>; readonly body?: string },
    readonly expected: Expectation,
    readonly credentials: "primary" | AuthUse
  ) {}
  check = () => true
  async run(_m: Model, r: Real) {
    await r.run.send(this.label, {
      ...this.request,
      auth: this.credentials === "primary" ? auth.primary(r.run.env.accountSid) : this.credentials
    }, this.expected)
  }
  toString = () => this.label
}

export interface TrafficEnv {
  readonly serviceSid: string
  readonly accountSid: string
  readonly pool: ReadonlyArray<string>
}

/** Page sizes, mostly small so that a few short codes span several pages, but any from 1 to 1000. */
export const pageSizes = (): fc.Arbitrary<number> =>
  fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }) })

const unknownSid = () => shortCodeSid().map((sid) => sid as string)

/** Credentials that must get 401 with code 20003, with how to write them in a curl command. */
export const badCredentials = (accountSid: string): fc.Arbitrary<AuthUse> =>
  fc.oneof(
    fc.constant(auth.none()),
    fc.stringMatching(/^[0-9a-f]{32}$/).map((token) => auth.literal("a wrong token", accountSid, token)),
    fc.constant(auth.derived("the token with one character added", accountSid, (token) => `${token}x`, "${SHORTCODE_KIT_AUTH_TOKEN}x")),
    fc.constant(auth.derived("the token without its last character", accountSid, (token) => token.slice(0, -1), "${SHORTCODE_KIT_AUTH_TOKEN%?}")),
    shortCodeSid().map((sid) => auth.derived("the token with another account SID", `AC${sid.slice(2)}`, (token) => token, "$SHORTCODE_KIT_AUTH_TOKEN")),
    fc.constant(auth.header("the token as a Bearer token", "", { before: "Bearer ", after: "" })),
    fc.constant(auth.header("Basic credentials without a colon", `Basic ${Buffer.from(accountSid).toString("base64")}`))
  )

/** The commands of `stateful`: add, fetch, list, remove. */
export const statefulCommands = (env: TrafficEnv): Array<fc.Arbitrary<Command>> => {
  const pool = fc.constantFrom(...env.pool)
  const add = pool.chain((sid) =>
    createShortCodeHttpRequest({ serviceSid: env.serviceSid, shortCodeSid: sid }).map((request) => new Add(sid, request.headers, request.body) as Command)
  )
  const poolTarget = pool.map((sid): Target => ({ kind: "pool", sid }))
  const fetchTarget = fc.oneof(
    { weight: 4, arbitrary: poolTarget },
    { weight: 1, arbitrary: fc.nat().map((index): Target => ({ kind: "other", index })) },
    { weight: 1, arbitrary: unknownSid().map((sid): Target => ({ kind: "unknown", sid })) }
  )
  const removeTarget = fc.oneof(
    { weight: 5, arbitrary: pool.map((sid) => ({ kind: "pool" as const, sid })) },
    { weight: 1, arbitrary: unknownSid().map((sid) => ({ kind: "unknown" as const, sid })) }
  )
  return [
    add,
    add,
    fetchTarget.map((target) => new Fetch(target) as Command),
    fetchTarget.map((target) => new Fetch(target) as Command),
    removeTarget.map((target) => new Remove(target) as Command),
    removeTarget.map((target) => new Remove(target) as Command),
    pageSizes().map((size) => new List(size) as Command),
    fc.constant(new ListEveryPageSize() as Command)
  ]
}

/** The mixed traffic of the response checks: the stateful commands (when there is a pool) and every kind of probe. */
export const mixedCommands = (env: TrafficEnv): Array<fc.Arbitrary<Command>> => {
  const collection = collectionPath(env.serviceSid)
  const someSid = env.pool.length > 0 ? fc.oneof(fc.constantFrom(...env.pool), unknownSid()) : unknownSid()
  const invalidCreate = (env.pool.length > 0 ? fc.constantFrom<string | undefined>(...env.pool) : fc.constant<string | undefined>(undefined)).chain((sid) =>
    invalidCreateShortCodeHttpRequest({ serviceSid: env.serviceSid, shortCodeSid: sid })
  ).map((request) => {
    const fault = request.fault ?? "body.missing-short-code-sid"
    const expected = expectError(request.expect.status, request.expect.code ?? 20001, expectedFaultResponses[fault].why)
    return new Probe(`create with a fault (${fault})`, { method: "POST", path: request.path, headers: request.headers, body: request.body }, expected, "primary") as Command
  })
  const derivedCreate = someSid.chain((sid) => nearMissesOf(sid)).map((miss) =>
    new Probe(`create with ShortCodeSid ${JSON.stringify(miss.value)} (${miss.label}: ${miss.rule})`, {
      method: "POST",
      path: collection,
      headers: { "Content-Type": FORM },
      body: new URLSearchParams({ ShortCodeSid: miss.value }).toString()
    }, expectError(400, 21421, "ShortCodeSid is present but is not SC followed by 32 hexadecimal digits"), "primary") as Command
  )
  const malformedInstance = fc.tuple(fc.constantFrom("GET", "DELETE"), someSid.chain((sid) => nearMissesOf(sid))).map(([method, miss]) =>
    new Probe(`${method === "GET" ? "fetch" : "remove"} ${JSON.stringify(miss.value)} (${miss.label}: ${miss.rule})`, {
      method,
      path: instancePath(env.serviceSid, miss.value)
    }, expectError(404, 20404, "a malformed Short Code SID names no short code of the service"), "primary") as Command
  )
  const invalidList = invalidListQuery().map(({ query, label }) =>
    new Probe(`list with ${label}`, { method: "GET", path: `${collection}?${query}` }, expectError(400, 20001, `${label} is not a valid list query`), "primary") as Command
  )
  const wrongMethod = fc.oneof(
    fc.constantFrom("PUT", "PATCH", "DELETE").map((method) => ({ method, path: collection, what: "the collection" })),
    fc.tuple(fc.constantFrom("PUT", "PATCH", "POST"), someSid).map(([method, sid]) => ({ method, path: instancePath(env.serviceSid, sid), what: "a short code" }))
  ).map(({ method, path, what }) =>
    new Probe(`${method} ${what}`, { method, path, headers: { "Content-Type": FORM }, body: "" }, expectError(405, 20004, `${what} does not support ${method}`), "primary") as Command
  )
  const unknownPath = fc.oneof(
    fc.constant(`/v1/Services/${env.serviceSid}/ShortCode`),
    someSid.map((sid) => `${instancePath(env.serviceSid, sid)}/Extra`),
    fc.constant("/v1/NoSuchResource")
  ).map((path) => new Probe(`GET an unknown path ${path}`, { method: "GET", path }, expectError(404, 20404, "the path names no resource"), "primary") as Command)
  const preflight = fc.tuple(fc.constantFrom("GET", "POST", "DELETE"), fc.oneof(fc.constant(collection), someSid.map((sid) => instancePath(env.serviceSid, sid)))).map(([method, path]) =>
    new Probe(`preflight (OPTIONS) for ${method} ${path}`, {
      method: "OPTIONS",
      path,
      headers: { Origin: "https://app.example.com", "Access-Control-Request-Method": method, "Access-Control-Request-Headers": "authorization, content-type" }
    }, { statuses: [200, 204], code: null, body: "any", because: "a CORS preflight carries no credentials and is answered before authentication" }, auth.none()) as Command
  )
  const unauthenticated = fc.tuple(
    badCredentials(env.accountSid),
    fc.oneof(
      fc.constant({ method: "GET", path: collection, body: undefined as string | undefined, what: "list" }),
      someSid.map((sid) => ({ method: "GET", path: instancePath(env.serviceSid, sid), body: undefined as string | undefined, what: `fetch ${sid}` })),
      someSid.map((sid) => ({ method: "POST", path: collection, body: `ShortCodeSid=${sid}` as string | undefined, what: `add ${sid}` })),
      someSid.map((sid) => ({ method: "DELETE", path: instancePath(env.serviceSid, sid), body: undefined as string | undefined, what: `remove ${sid}` }))
    )
  ).map(([credentials, request]) =>
    new Probe(`${request.what} with ${credentials.label}`, {
      method: request.method,
      path: request.path,
      ...(request.body === undefined ? {} : { headers: { "Content-Type": FORM }, body: request.body })
    }, expectError(401, 20003, `${credentials.label} do not authenticate`), credentials) as Command
  )
  const probes = [invalidCreate, derivedCreate, malformedInstance, invalidList, wrongMethod, unknownPath, preflight, unauthenticated]
  if (env.pool.length === 0) {
    return [
      ...probes,
      fc.oneof(fc.nat().map((index): Target => ({ kind: "other", index })), unknownSid().map((sid): Target => ({ kind: "unknown", sid }))).map((target) => new Fetch(target) as Command),
      unknownSid().map((sid) => new Remove({ kind: "unknown", sid }) as Command),
      pageSizes().map((size) => new List(size) as Command)
    ]
  }
  return [...statefulCommands(env), ...probes]
}
