/**
 * The requests of the model-based checks as fast-check commands, judged against a model of a parent's members (the
 * generic membership semantics: add, fetch, list, remove; a second add is a conflict, a removed member is not found).
 * `stateful` runs add, fetch, list and remove and checks what they return; the response checks run the same
 * commands mixed with malformed, unauthenticated, wrong-method, unknown-path and preflight requests, and judge each
 * answer on its own. Every path, method, status, code and form field comes from the target (`Membership.ts`).
 */
import { collectionOperations as ops } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import { accountSid as anyAccountSid } from "../arbitraries/Sid.js"
import { expectAnswer, expectSuccess, type Expectation } from "./Expectation.js"
import { auth, type AuthUse, type Exchange } from "./Http.js"
import type { ConformanceTarget } from "./Membership.js"
import { invalidListQuery, nearMissesOf } from "./NearMiss.js"
import { describeResponse, parseJson } from "./Oracles.js"
import type { Run } from "./Run.js"
import { addExpectation, addForm, walkList } from "./Service.js"
import { withArticle } from "../internal/article.js"

/** What the harness believes the parent holds. */
export interface Model {
  /** Members that were in the parent when the run started and are not the harness's own. */
  readonly others: ReadonlyArray<string>
  /** The harness's members that are in the parent now. */
  readonly present: Set<string>
  /** What this run did to each of its members, for the failure's explanation. */
  readonly history: Map<string, "added" | "removed">
  /** The SIDs of the members this run created, in order, removed ones too (a target that creates its members). */
  readonly created: Array<string>
}

export interface Real {
  readonly run: Run
}

type Command = fc.AsyncCommand<Model, Real, false>

const inService = (r: Real, m: Model, sid: string): string => {
  const parent = r.run.env.resource.words.parent
  return m.history.get(sid) === "added" ? `${sid} was added to the ${parent} above` : `${sid} was in the ${parent} when the run started`
}

const notInService = (r: Real, m: Model, sid: string): string => {
  const parent = r.run.env.resource.words.parent
  return m.history.get(sid) === "removed" ? `${sid} was removed from the ${parent} above (use after free)` : `${sid} was never added to the ${parent}`
}

const isStateful = (r: Real) => r.run.env.check === "stateful"

/** The decoded JSON object of an answer, or a failure of the run. */
const bodyObject = (r: Real, exchange: Exchange): Record<string, unknown> => {
  const response = exchange.response
  const parsed = response === null ? undefined : parseJson(response.body)
  if (response === null || parsed === undefined || !parsed.ok || typeof parsed.value !== "object" || parsed.value === null) {
    return r.run.fail({ message: "the body is not a JSON object", expected: withArticle(r.run.env.resource.bodies.member), received: response === null ? "no answer" : describeResponse(response) })
  }
  return parsed.value as Record<string, unknown>
}

/** The snake_case wire key of a path parameter: `ServiceSid` -> `service_sid`. */
const wireKeyOf = (param: string): string => param.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()

/** The member answered names the member and the parent asked about. */
const expectSameMember = (r: Real, exchange: Exchange, sid: string) => {
  const body = bodyObject(r, exchange)
  const { serviceSid, accountSid, resource } = r.run.env
  const parentKey = wireKeyOf(resource.parent.param)
  const wrong = [
    body["sid"] !== sid ? `sid is ${JSON.stringify(body["sid"])}` : undefined,
    body[parentKey] !== serviceSid ? `${parentKey} is ${JSON.stringify(body[parentKey])}` : undefined,
    body["account_sid"] !== undefined && body["account_sid"] !== null && body["account_sid"] !== accountSid ? `account_sid is ${JSON.stringify(body["account_sid"])}` : undefined
  ].filter((line) => line !== undefined)
  if (wrong.length > 0) {
    r.run.fail({
      message: `the ${resource.bodies.member} answered is not the one asked about: ${wrong.join(", ")}`,
      expected: `sid ${sid}, ${parentKey} ${serviceSid}, account_sid ${accountSid}`,
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
    const { resource } = r.run.env
    const conflict = resource.errors.alreadyMember
    const expected = addExpectation(resource, this.sid, present, present ? `${inService(r, m, this.sid)}: a second add is ${conflict.status} with code ${conflict.code}` : `${notInService(r, m, this.sid)}, and it is in the account's inventory and in no ${resource.words.parent}`)
    const exchange = await r.run.send(`add ${this.sid} to the ${resource.words.parent}`, {
      method: ops.create.method,
      path: resource.collectionPath(r.run.env.serviceSid),
      headers: this.headers,
      body: this.body,
      auth: auth.primary(r.run.env.accountSid)
    }, expected)
    if (isStateful(r) && statusOf(exchange) === resource.success.added) expectSameMember(r, exchange, this.sid)
    const status = statusOf(exchange)
    if ((status >= 200 && status < 300) || status === conflict.status) {
      if (!present) m.history.set(this.sid, "added")
      m.present.add(this.sid)
    }
  }
  toString = () => `add(${this.sid}, ${JSON.stringify(this.body)})`
}

/** A create of a member from a value (a target with `creates`): the service mints it and its SID. */
class Create implements Command {
  constructor(readonly value: string, readonly headers: Readonly<Record<string, string>>, readonly body: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const { resource, serviceSid, accountSid } = r.run.env
    const { words } = resource
    const creates = resource.creates as NonNullable<ConformanceTarget["creates"]>
    const held = [...m.others, ...m.present]
    const full = creates.perParent !== undefined && held.length >= creates.perParent
    const holds = `the ${words.parent} holds ${held.length === 0 ? "no" : held.length} ${held.length === 1 ? words.member : words.members}${held.length === 0 ? "" : ` (${held.join(", ")})`}`
    const expected = full
      ? expectAnswer(resource.errors.alreadyMember, `${holds} and may hold at most ${creates.perParent}: another create is refused`)
      : expectSuccess(resource.success.added, resource.bodies.member, `${holds}${creates.perParent === undefined ? "" : ` of at most ${creates.perParent}`}: the create makes a new one`)
    const exchange = await r.run.send(`create the ${words.member} ${JSON.stringify(this.value)} in the ${words.parent}`, {
      method: ops.create.method,
      path: resource.collectionPath(serviceSid),
      headers: this.headers,
      body: this.body,
      auth: auth.primary(accountSid)
    }, expected)
    if (statusOf(exchange) !== resource.success.added) return
    const parsed = parseJson(exchange.response?.body ?? "")
    const sid = parsed.ok && typeof parsed.value === "object" && parsed.value !== null ? (parsed.value as Record<string, unknown>)["sid"] : undefined
    if (isStateful(r)) {
      const body = bodyObject(r, exchange)
      const fail = (message: string, wanted: string) => r.run.fail({ message, expected: wanted, received: describeResponse(exchange.response as NonNullable<Exchange["response"]>) })
      if (typeof sid !== "string" || !resource.member.is(sid)) fail(`the created ${words.member} has no SID of its own: sid is ${JSON.stringify(sid)}`, `sid ${resource.member.prefix} followed by 32 hexadecimal digits`)
      expectSameMember(r, exchange, sid as string)
      if (body[creates.echoKey] !== this.value) fail(`the created ${words.member}'s ${creates.echoKey} is ${JSON.stringify(body[creates.echoKey])}, not the ${resource.member.field} sent`, `${creates.echoKey} ${JSON.stringify(this.value)}`)
      const own = resource.instancePath(serviceSid, sid as string)
      if (typeof body["url"] === "string" && !body["url"].endsWith(own)) fail(`the created ${words.member}'s url is not its own: ${body["url"]}`, `a url ending in ${own}`)
    }
    if (typeof sid !== "string") return
    m.created.push(sid)
    m.present.add(sid)
    m.history.set(sid, "added")
  }
  toString = () => `create(${JSON.stringify(this.value)})`
}

type Target =
  | { readonly kind: "pool"; readonly sid: string }
  | { readonly kind: "other"; readonly index: number }
  | { readonly kind: "unknown"; readonly sid: string }
  | { readonly kind: "created"; readonly index: number }

const resolveTarget = (m: Model, target: Target): string =>
  target.kind === "other"
    ? (m.others[target.index % m.others.length] as string)
    : target.kind === "created"
    ? (m.created[target.index % m.created.length] as string)
    : target.sid

const describeTarget = (target: Target, resource: ConformanceTarget): string =>
  target.kind === "other"
    ? `one of the ${resource.words.parent}'s own ${resource.words.members} (#${target.index})`
    : target.kind === "created"
    ? `the ${resource.words.member} created #${target.index}`
    : target.sid

/** Whether a command's target exists in the model (a created one only once the run has created one). */
const resolvable = (m: Readonly<Model>, target: Target): boolean =>
  target.kind === "other" ? m.others.length > 0 : target.kind === "created" ? m.created.length > 0 : true

class Fetch implements Command {
  constructor(readonly target: Target, readonly resource: ConformanceTarget) {}
  check = (m: Readonly<Model>) => resolvable(m, this.target)
  async run(m: Model, r: Real) {
    const sid = resolveTarget(m, this.target)
    const { resource } = this
    const { fetched } = resource.success
    const expected: Expectation = this.target.kind === "other"
      ? expectSuccess(fetched, resource.bodies.member, `${sid} was in the ${resource.words.parent} when the run started`)
      : this.target.kind === "unknown"
      ? expectAnswer(resource.errors.notFound, `${sid} is a random SID that is in no ${resource.words.parent}`)
      : m.present.has(sid)
      ? expectSuccess(fetched, resource.bodies.member, inService(r, m, sid))
      : expectAnswer(resource.errors.notFound, notInService(r, m, sid))
    const exchange = await r.run.send(`fetch ${sid}`, { method: ops.fetch.method, path: resource.instancePath(r.run.env.serviceSid, sid), auth: auth.primary(r.run.env.accountSid) }, expected)
    if (isStateful(r) && statusOf(exchange) === fetched) expectSameMember(r, exchange, sid)
  }
  toString = () => `fetch(${describeTarget(this.target, this.resource)})`
}

class Remove implements Command {
  constructor(readonly target: Target & { readonly kind: "pool" | "unknown" | "created" }) {}
  check = (m: Readonly<Model>) => resolvable(m, this.target)
  async run(m: Model, r: Real) {
    const sid = resolveTarget(m, this.target)
    const present = m.present.has(sid)
    const { resource } = r.run.env
    const { removed } = resource.success
    const expected = this.target.kind === "unknown"
      ? expectAnswer(resource.errors.notFound, `${sid} is a random SID that is in no ${resource.words.parent}`)
      : present
      ? expectSuccess(removed, "empty", `${inService(r, m, sid)}; removing it answers ${removed} with no body`)
      : expectAnswer(resource.errors.notFound, notInService(r, m, sid))
    const exchange = await r.run.send(`remove ${sid} from the ${resource.words.parent}`, { method: ops.delete.method, path: resource.instancePath(r.run.env.serviceSid, sid), auth: auth.primary(r.run.env.accountSid) }, expected)
    const status = statusOf(exchange)
    if (status >= 200 && status < 300 && this.target.kind !== "unknown") {
      m.present.delete(sid)
      m.history.set(sid, "removed")
    }
  }
  toString = () => `remove(${this.target.kind === "created" ? `created #${this.target.index}` : this.target.sid})`
}

/** Walks the whole list with `pageSize`: at most 25 pages however many members the parent holds. */
const walkOnce = async (m: Model, r: Real, requested: number) => {
  const { words } = r.run.env.resource
  const expected = [...m.others, ...m.present]
  const pageSize = Math.max(requested, Math.ceil(expected.length / 25))
  const walk = await walkList(r.run, {
    pageSize,
    maxPages: Math.ceil(expected.length / pageSize) + 2,
    step: `list the ${words.parent} with PageSize ${pageSize}`,
    because: `the ${words.parent} exists and the credentials are the account's`,
    maxItemsPerPage: isStateful(r) ? pageSize : undefined
  })
  if (!isStateful(r)) return
  const seen = new Map<string, number>()
  for (const sid of walk.sids) seen.set(sid, (seen.get(sid) ?? 0) + 1)
  const repeated = [...seen].filter(([, count]) => count > 1).map(([sid, count]) => `${sid} ${count} times`)
  const missing = expected.filter((sid) => !seen.has(sid))
  const unexpected = [...seen.keys()].filter((sid) => !expected.includes(sid))
  const explain = (sid: string) => (m.history.has(sid) || m.present.has(sid) ? inService(r, m, sid) : `${sid} was in the ${words.parent} when the run started`)
  if (repeated.length + missing.length + unexpected.length > 0) {
    r.run.fail({
      message: `walking next_page_url with PageSize ${pageSize} did not yield each ${words.member} exactly once: ${[
        repeated.length > 0 ? `repeated: ${repeated.join(", ")}` : "",
        missing.length > 0 ? `missing: ${missing.map(explain).join("; ")}` : "",
        unexpected.length > 0 ? `not in the ${words.parent}: ${unexpected.map((sid) => notInService(r, m, sid)).join("; ")}` : ""
      ].filter((part) => part !== "").join("; ")}`,
      expected: `each of ${expected.length} ${words.members} once: ${expected.join(", ") || "(none)"}`,
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
  readonly resource: ConformanceTarget
  readonly serviceSid: string
  readonly accountSid: string
  readonly pool: ReadonlyArray<string>
}

/** Page sizes, mostly small so that a few members span several pages, but any from 1 to 1000. */
export const pageSizes = (): fc.Arbitrary<number> =>
  fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }) })

/** Credentials that must get 401 with code 20003, with how to write them in a curl command. */
export const badCredentials = (accountSid: string): fc.Arbitrary<AuthUse> =>
  fc.oneof(
    fc.constant(auth.none()),
    fc.stringMatching(/^[0-9a-f]{32}$/).map((token) => auth.literal("a wrong token", accountSid, token)),
    fc.constant(auth.derived("the token with one character added", accountSid, (token) => `${token}x`, "${SHORTCODE_KIT_AUTH_TOKEN}x")),
    fc.constant(auth.derived("the token without its last character", accountSid, (token) => token.slice(0, -1), "${SHORTCODE_KIT_AUTH_TOKEN%?}")),
    anyAccountSid().map((sid) => auth.derived("the token with another account SID", sid, (token) => token, "$SHORTCODE_KIT_AUTH_TOKEN")),
    fc.constant(auth.header("the token as a Bearer token", "", { before: "Bearer ", after: "" })),
    fc.constant(auth.header("Basic credentials without a colon", `Basic ${Buffer.from(accountSid).toString("base64")}`))
  )

/** The commands of `stateful` for a target that creates its members: create, fetch, list, remove. */
const createdCommands = (env: TrafficEnv, creates: NonNullable<ConformanceTarget["creates"]>): Array<fc.Arbitrary<Command>> => {
  const { resource } = env
  const create = creates.valid().map((value) => new Create(value, { "Content-Type": resource.formType }, addForm(resource, value)) as Command)
  const created = fc.nat().map((index) => ({ kind: "created" as const, index }))
  const unknown = resource.member.anySid().map((sid) => ({ kind: "unknown" as const, sid }))
  const fetchTarget = fc.oneof(
    { weight: 4, arbitrary: created as fc.Arbitrary<Target> },
    { weight: 1, arbitrary: fc.nat().map((index): Target => ({ kind: "other", index })) },
    { weight: 1, arbitrary: unknown as fc.Arbitrary<Target> }
  )
  const removeTarget = fc.oneof({ weight: 5, arbitrary: created }, { weight: 1, arbitrary: unknown })
  return [
    create,
    create,
    fetchTarget.map((target) => new Fetch(target, resource) as Command),
    removeTarget.map((target) => new Remove(target) as Command),
    removeTarget.map((target) => new Remove(target) as Command),
    pageSizes().map((size) => new List(size) as Command),
    fc.constant(new ListEveryPageSize() as Command)
  ]
}

/** The commands of `stateful`: add, fetch, list, remove (create instead of add for a target with `creates`). */
export const statefulCommands = (env: TrafficEnv): Array<fc.Arbitrary<Command>> => {
  const { resource } = env
  if (resource.creates !== undefined) return createdCommands(env, resource.creates)
  const unknownSid = resource.member.anySid
  const pool = fc.constantFrom(...env.pool)
  const add = pool.chain((sid) =>
    resource.adds({ parentSid: env.serviceSid, memberSid: sid }).map((request) => new Add(sid, request.headers, request.body) as Command)
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
    fetchTarget.map((target) => new Fetch(target, resource) as Command),
    fetchTarget.map((target) => new Fetch(target, resource) as Command),
    removeTarget.map((target) => new Remove(target) as Command),
    removeTarget.map((target) => new Remove(target) as Command),
    pageSizes().map((size) => new List(size) as Command),
    fc.constant(new ListEveryPageSize() as Command)
  ]
}

/** The methods HTTP defines for resources; those a path does not have are answered 405. */
const METHODS = ["PUT", "PATCH", "POST", "DELETE", "GET"] as const

/** The mixed traffic of the response checks: the stateful commands (when there is a pool) and every kind of probe. */
export const mixedCommands = (env: TrafficEnv): Array<fc.Arbitrary<Command>> => {
  const { resource } = env
  const { errors, words, member, formType } = resource
  const unknownSid = member.anySid
  const collection = resource.collectionPath(env.serviceSid)
  const instance = (sid: string) => resource.instancePath(env.serviceSid, sid)
  const someSid = env.pool.length > 0 ? fc.oneof(fc.constantFrom(...env.pool), unknownSid()) : unknownSid()
  const invalidCreate = (env.pool.length > 0 ? fc.constantFrom<string | undefined>(...env.pool) : fc.constant<string | undefined>(undefined)).chain((sid) =>
    resource.faults({ parentSid: env.serviceSid, memberSid: sid })
  ).map((request) =>
    new Probe(`create with a fault (${request.fault})`, { method: request.method, path: request.path, headers: request.headers, body: request.body }, expectAnswer(request.answer, request.answer.why), "primary") as Command
  )
  const derivedCreate = someSid.chain((sid) => nearMissesOf(sid)).map((miss) =>
    new Probe(`create with ${member.field} ${JSON.stringify(miss.value)} (${miss.label}: ${miss.rule})`, {
      method: ops.create.method,
      path: collection,
      headers: { "Content-Type": formType },
      body: new URLSearchParams({ [member.field]: miss.value }).toString()
    }, expectAnswer(errors.malformedMember, errors.malformedMember.why), "primary") as Command
  )
  const malformedInstance = fc.tuple(fc.constantFrom(["fetch", ops.fetch.method] as const, ["remove", ops.delete.method] as const), someSid.chain((sid) => nearMissesOf(sid))).map(([[verb, method], miss]) =>
    new Probe(`${verb} ${JSON.stringify(miss.value)} (${miss.label}: ${miss.rule})`, {
      method,
      path: instance(miss.value)
    }, expectAnswer(errors.notFound, `a malformed ${words.sid} names no ${words.member} of the ${words.parent}`), "primary") as Command
  )
  const invalidList = invalidListQuery(resource.isValidListQuery).map(({ query, label }) =>
    new Probe(`list with ${label}`, { method: ops.list.method, path: `${collection}?${query}` }, expectAnswer(errors.invalidQuery, `${label} is not a valid list query`), "primary") as Command
  )
  const notOn = (allowed: ReadonlyArray<string>) => METHODS.filter((method) => !allowed.includes(method))
  const wrongMethod = fc.oneof(
    fc.constantFrom(...notOn(resource.methods.collection)).map((method) => ({ method, path: collection, what: "the collection" })),
    fc.tuple(fc.constantFrom(...notOn(resource.methods.instance)), someSid).map(([method, sid]) => ({ method, path: instance(sid), what: withArticle(words.member) }))
  ).map(({ method, path, what }) =>
    new Probe(`${method} ${what}`, { method, path, headers: { "Content-Type": formType }, body: "" }, expectAnswer(errors.methodNotAllowed, `${what} does not support ${method}`), "primary") as Command
  )
  const unknownPath = fc.oneof(
    // The collection's last segment without its last letter, a segment below an instance, a resource of no API.
    fc.constant(collection.slice(0, -1)),
    someSid.map((sid) => `${instance(sid)}/Extra`),
    fc.constant(`${collection.slice(0, collection.indexOf("/", 1))}/NoSuchResource`)
  ).map((path) => new Probe(`GET an unknown path ${path}`, { method: "GET", path }, expectAnswer(errors.notFound, "the path names no resource"), "primary") as Command)
  const served = [...new Set([...resource.methods.collection, ...resource.methods.instance])]
  const preflight = fc.tuple(fc.constantFrom(...served), fc.oneof(fc.constant(collection), someSid.map(instance))).map(([method, path]) =>
    new Probe(`preflight (OPTIONS) for ${method} ${path}`, {
      method: "OPTIONS",
      path,
      headers: { Origin: "https://app.example.com", "Access-Control-Request-Method": method, "Access-Control-Request-Headers": "authorization, content-type" }
    }, { statuses: [200, 204], code: null, body: "any", because: "a CORS preflight carries no credentials and is answered before authentication" }, auth.none()) as Command
  )
  const unauthenticated = fc.tuple(
    badCredentials(env.accountSid),
    fc.oneof(
      fc.constant({ method: ops.list.method, path: collection, body: undefined as string | undefined, what: "list" }),
      someSid.map((sid) => ({ method: ops.fetch.method, path: instance(sid), body: undefined as string | undefined, what: `fetch ${sid}` })),
      (resource.creates?.valid() ?? someSid).map((value) => ({ method: ops.create.method, path: collection, body: addForm(resource, value) as string | undefined, what: `add ${value}` })),
      someSid.map((sid) => ({ method: ops.delete.method, path: instance(sid), body: undefined as string | undefined, what: `remove ${sid}` }))
    )
  ).map(([credentials, request]) =>
    new Probe(`${request.what} with ${credentials.label}`, {
      method: request.method,
      path: request.path,
      ...(request.body === undefined ? {} : { headers: { "Content-Type": formType }, body: request.body })
    }, expectAnswer(errors.unauthorized, `${credentials.label} do not authenticate`), credentials) as Command
  )
  // A value form has no member SID to near-miss: its rule-breaking values are among the faults.
  const probes = [invalidCreate, ...(resource.creates === undefined ? [derivedCreate] : []), malformedInstance, invalidList, wrongMethod, unknownPath, preflight, unauthenticated]
  if (env.pool.length === 0 && resource.creates === undefined) {
    return [
      ...probes,
      fc.oneof(fc.nat().map((index): Target => ({ kind: "other", index })), unknownSid().map((sid): Target => ({ kind: "unknown", sid }))).map((target) => new Fetch(target, resource) as Command),
      unknownSid().map((sid) => new Remove({ kind: "unknown", sid }) as Command),
      pageSizes().map((size) => new List(size) as Command)
    ]
  }
  return [...statefulCommands(env), ...probes]
}
