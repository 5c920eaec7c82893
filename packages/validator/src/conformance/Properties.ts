/**
 * Each check as a fast-check property: what one run generates, what it sends, and how its answers are judged.
 */
import { collectionOperations as ops } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import { validateTwilioError } from "../TwilioError.js"
import { formatIssue } from "../ValidationResult.js"
import { type CheckName, isResponseCheck } from "./Checks.js"
import { describeExpectation, expectAnswer, type Expectation } from "./Expectation.js"
import { auth, type AuthUse, type Exchange } from "./Http.js"
import { invalidListQuery, nearMissesOf } from "./NearMiss.js"
import { describeResponse, judgeResponse, judgeStatus, parseJson } from "./Oracles.js"
import type { CheckProperty, Env, Judge, Run } from "./Run.js"
export type { CheckProperty } from "./Run.js"
import { addExpectation, addForm, walkList } from "./Service.js"
import { badCredentials, mixedCommands, type Model, statefulCommands } from "./Traffic.js"
import { oneServiceProperty, sharedLimitProperty } from "./PoolChecks.js"
import { withArticle } from "../internal/article.js"


const SNAPSHOT_PAGE_SIZE = 1000
const SNAPSHOT_MAX_PAGES = 100

const snapshot = (run: Run, step: string) =>
  walkList(run, { pageSize: SNAPSHOT_PAGE_SIZE, maxPages: SNAPSHOT_MAX_PAGES, step, because: `the ${run.env.resource.words.parent} exists and the credentials are the account's` })

/** The model-based property of `stateful` and of the response checks. */
const commandsProperty = (env: Env, replayPath: string | undefined, judge: Judge): CheckProperty<Iterable<fc.AsyncCommand<Model, { readonly run: Run }, false>>> => {
  const trafficEnv = { resource: env.resource, serviceSid: env.serviceSid, accountSid: env.accountSid, pool: env.pool }
  const commands = env.check === "stateful" ? statefulCommands(trafficEnv) : mixedCommands(trafficEnv)
  return {
    arbitrary: fc.commands(commands, { maxCommands: env.maxCommands, size: "medium", ...(replayPath === undefined ? {} : { replayPath }) }),
    judge,
    execute: async (cmds, run) => {
      const before = await snapshot(run, `list the ${env.resource.words.parent} (its state before the run)`)
      const model: Model = {
        others: before.sids.filter((sid) => !env.pool.includes(sid)),
        present: new Set(before.sids.filter((sid) => env.pool.includes(sid))),
        history: new Map(),
        created: []
      }
      await fc.asyncModelRun(() => ({ model, real: { run } }), cmds)
    }
  }
}

/** A request made of plain data, printed by fast-check as its label. */
class Step {
  constructor(
    readonly label: string,
    readonly request: { readonly method: string; readonly path: string; readonly headers?: Readonly<Record<string, string>> | undefined; readonly body?: string | undefined },
    readonly expected: Expectation
  ) {}
  [fc.toStringMethod]() {
    return this.label
  }
}

const sameItems = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => [...a].sort().join(",") === [...b].sort().join(",")

const difference = (before: ReadonlyArray<string>, after: ReadonlyArray<string>): string => {
  const added = after.filter((sid) => !before.includes(sid))
  const removed = before.filter((sid) => !after.includes(sid))
  return [added.length > 0 ? `added ${added.join(", ")}` : "", removed.length > 0 ? `removed ${removed.join(", ")}` : ""].filter((part) => part !== "").join("; ") || "an item repeated"
}

/** Near misses of the create request, of SIDs in the path and of the list query. */
const nearMissSteps = (env: Env): fc.Arbitrary<Step> => {
  const { resource } = env
  const { errors, member, words } = resource
  const collection = resource.collectionPath(env.serviceSid)
  // With two members, near misses of a create name the free one and near misses in the path the one added
  // first, so that a server that normalizes a SID acts on a real member and changes the parent.
  const free = env.pool.length >= 2 ? env.pool[1] : env.pool[0]
  const added = env.pool.length >= 2 ? env.pool[0] : undefined
  const sidFor = (given: string | undefined) => (given === undefined ? member.anySid() : fc.constant(given))
  return fc.oneof(
    resource.faults({ parentSid: env.serviceSid, memberSid: free }).map((request) =>
      new Step(`create with a fault: ${request.fault}`, request, expectAnswer(request.answer, request.answer.why))
    ),
    // A value form has no member SID to near-miss: its rule-breaking values are among the faults.
    ...(resource.creates === undefined
      ? [sidFor(free).chain((sid) => nearMissesOf(sid)).map((miss) =>
        new Step(`create with ${member.field} ${JSON.stringify(miss.value)}, ${miss.label} (${miss.rule})`, {
          method: ops.create.method,
          path: collection,
          headers: { "Content-Type": resource.formType },
          body: new URLSearchParams({ [member.field]: miss.value }).toString()
        }, expectAnswer(errors.malformedMember, errors.malformedMember.why))
      )]
      : []),
    fc.tuple(fc.constantFrom(["fetch", ops.fetch.method] as const, ["remove", ops.delete.method] as const), sidFor(added).chain((sid) => nearMissesOf(sid))).map(([[verb, method], miss]) =>
      new Step(`${verb} ${JSON.stringify(miss.value)}, ${miss.label} (${miss.rule})`, {
        method,
        path: resource.instancePath(env.serviceSid, miss.value)
      }, expectAnswer(errors.notFound, `a malformed ${words.sid} names no ${words.member}`))
    ),
    invalidListQuery(resource.isValidListQuery).map(({ query, label }) =>
      new Step(`list with ${label}`, { method: ops.list.method, path: `${collection}?${query}` }, expectAnswer(errors.invalidQuery, `${label} is not a valid list query`))
    )
  )
}

/** Adds the pool's first member with good credentials (when the check has one), so that there is one to act on. */
const addFirst = async (run: Run, sid: string | undefined, listed: ReadonlyArray<string>, why: string): Promise<ReadonlyArray<string>> => {
  if (sid === undefined || listed.includes(sid)) return listed
  const { resource } = run.env
  await run.send(`add ${sid} with the account's credentials, ${why}`, {
    method: ops.create.method,
    path: resource.collectionPath(run.env.serviceSid),
    headers: { "Content-Type": resource.formType },
    body: addForm(resource, sid),
    auth: auth.primary(run.env.accountSid)
  }, addExpectation(resource, sid, false))
  return [...listed, sid]
}

const negativeDataProperty = (env: Env): CheckProperty<ReadonlyArray<Step>> => ({
  arbitrary: fc.array(nearMissSteps(env), { minLength: 1, maxLength: 4 }),
  judge: judgeStatus,
  execute: async (steps, run) => {
    const { words } = env.resource
    const listed = (await snapshot(run, `list the ${words.parent} (its state before the near misses)`)).sids
    const before = await addFirst(run, env.pool.length >= 2 ? env.pool[0] : undefined, listed, `so that near misses of its SID have ${withArticle(words.member)} to act on`)
    let refused: { readonly exchange: Exchange; readonly why: string } | undefined
    for (const step of steps) {
      const exchange = await run.send(step.label, { ...step.request, auth: auth.primary(env.accountSid) }, step.expected, { judge: false })
      const response = exchange.response as NonNullable<Exchange["response"]>
      const parsed = parseJson(response.body)
      const error = parsed.ok ? validateTwilioError(parsed.value) : undefined
      const why = response.status < 400 || response.status >= 500
        ? `a near miss was answered ${response.status}, not refused with a 4xx`
        : error === undefined ? "the refusal's body is not JSON"
        : !error.ok ? `the refusal's body is not a TwilioError: ${error.issues.slice(0, 3).map(formatIssue).join("; ")}`
        : undefined
      if (why !== undefined) {
        refused = { exchange, why }
        break
      }
    }
    // Listing after the near misses shows what an accepted one changed, in the reproduction too.
    const after = (await snapshot(run, `list the ${words.parent} (after the near misses)`)).sids
    if (refused !== undefined) {
      const changed = sameItems(before, after) ? "" : `; the ${words.parent} changed: ${difference(before, after)}`
      run.fail({
        message: `${refused.why}${changed} (step: ${refused.exchange.step})`,
        expected: `a 4xx Twilio error, and no change: ${describeExpectation(refused.exchange.expected)}`,
        received: describeResponse(refused.exchange.response as NonNullable<Exchange["response"]>)
      }, refused.exchange)
    }
    if (!sameItems(before, after) || after.length !== before.length) {
      run.fail({
        message: `near misses that were refused still changed the ${words.parent}: ${difference(before, after)}`,
        expected: `the same ${words.members} before and after: ${before.join(", ") || "(none)"}`,
        received: after.join(", ") || "(none)"
      })
    }
  }
})

/** One request with bad credentials, printed by fast-check as what it does. */
class AuthStep {
  constructor(readonly credentials: AuthUse, readonly op: { readonly what: string; readonly method: string; readonly path: string; readonly body?: string | undefined }) {}
  [fc.toStringMethod]() {
    return `${this.op.what} with ${this.credentials.label}`
  }
}

const authProperty = (env: Env): CheckProperty<ReadonlyArray<AuthStep>> => {
  const { resource } = env
  const { errors, words } = resource
  const present = env.pool[0]
  const free = env.pool[1] ?? env.pool[0]
  const collection = resource.collectionPath(env.serviceSid)
  const sid = fc.oneof(
    ...(present === undefined ? [] : [fc.constant(present)]),
    ...(free === undefined ? [] : [fc.constant(free)]),
    resource.member.anySid()
  )
  const op = fc.oneof(
    fc.constant({ what: `list the ${words.parent}`, method: ops.list.method, path: collection }),
    sid.map((value) => ({ what: `fetch ${value}`, method: ops.fetch.method, path: resource.instancePath(env.serviceSid, value) })),
    (resource.creates?.valid() ?? sid).map((value) => ({ what: `add ${value}`, method: ops.create.method, path: collection, body: addForm(resource, value) })),
    sid.map((value) => ({ what: `remove ${value}`, method: ops.delete.method, path: resource.instancePath(env.serviceSid, value) }))
  )
  const credentials = env.otherAccountSid === undefined
    ? badCredentials(env.accountSid)
    : fc.oneof(badCredentials(env.accountSid), fc.constant(auth.other(env.otherAccountSid)))
  return {
    arbitrary: fc.array(fc.tuple(credentials, op).map(([c, o]) => new AuthStep(c, o)), { minLength: 1, maxLength: 5 }),
    judge: judgeStatus,
    execute: async (steps, run) => {
      const listed = (await snapshot(run, `list the ${words.parent} with the account's credentials (its state before)`)).sids
      const before = await addFirst(run, present, listed, `so that there is ${withArticle(words.member)} to fetch and remove`)
      for (const step of steps) {
        const other = step.credentials.label === "another account's credentials"
        const expected: Expectation = other
          ? expectAnswer(errors.notFound, `the ${words.parent} belongs to another account: it does not exist for these credentials`)
          : expectAnswer(errors.unauthorized, `${step.credentials.label} do not authenticate`)
        const exchange = await run.send(`${step.op.what} with ${step.credentials.label}`, {
          method: step.op.method,
          path: step.op.path,
          ...(step.op.body === undefined ? {} : { headers: { "Content-Type": resource.formType }, body: step.op.body }),
          auth: step.credentials
        }, expected, { judge: false })
        const response = exchange.response as NonNullable<Exchange["response"]>
        const fail = (message: string) => run.fail({ message, expected: describeExpectation(expected), received: describeResponse(response) })
        if (response.status >= 200 && response.status < 300) fail(`${step.op.what} with ${step.credentials.label} was answered ${response.status}: requests without valid credentials must never succeed`)
        if (!other && response.status !== errors.unauthorized.status) fail(`${step.op.what} with ${step.credentials.label} was answered ${response.status}, not ${errors.unauthorized.status}`)
        // What the account owns may be named only where the request itself named it (a 404 repeats the path).
        const asked = `${exchange.request.url} ${exchange.request.body ?? ""}`
        const leaked = [env.accountSid, ...before].filter((owned) => response.body.includes(owned) && !asked.includes(owned))
        if (leaked.length > 0) fail(`the answer to ${step.credentials.label} names the account's data: ${leaked.join(", ")}`)
      }
      const after = (await snapshot(run, `list the ${words.parent} with the account's credentials (after)`)).sids
      if (!sameItems(before, after) || after.length !== before.length) {
        run.fail({
          message: `requests without valid credentials changed the ${words.parent}: ${difference(before, after)}`,
          expected: `the same ${words.members} before and after: ${before.join(", ") || "(none)"}`,
          received: after.join(", ") || "(none)"
        })
      }
    }
  }
}

/**
 * The property of `check`, for one `runConformance`. Each check's value type stays inside its property; the runner
 * only passes values from the arbitrary back to `execute`, hence `any` here.
 */
export const checkProperty = (env: Env, replayPath: string | undefined): CheckProperty<any> => {
  const check: CheckName = env.check
  if (isResponseCheck(check)) {
    const context = { strictBaseUrl: env.strictBaseUrl, resource: env.resource }
    return commandsProperty(env, replayPath, (exchange) => judgeResponse(check, exchange, context))
  }
  switch (check) {
    case "stateful":
      return commandsProperty(env, replayPath, judgeStatus)
    case "negative_data_rejection":
      return negativeDataProperty(env)
    case "auth":
      return authProperty(env)
    case "pool_one_service":
      return oneServiceProperty(env, env.poolSenders)
    case "pool_shared_limit":
      return sharedLimitProperty(env, env.poolSenders, env.poolLimit ?? 0)
  }
}
