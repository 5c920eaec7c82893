/**
 * `runConformance`: sets up the service, runs each selected check as a fast-check property, shrinks what fails,
 * and always puts the service back as it found it.
 *
 * @since 0.2.0
 */
import { collectionOperations as ops } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import { type CheckName, checkDescriptions, isResponseCheck, type ResponseCheckName } from "./Checks.js"
import { Aborted, auth, type Exchange, Target } from "./Http.js"
import { type ConformanceOptions, type ConformanceProgress, resolveConformanceOptions, type ResolvedOptions } from "./Options.js"
import { describeResponse, judgeResponse } from "./Oracles.js"
import { type CheckProperty, checkProperty } from "./Properties.js"
import type { CheckResult, ConformanceFailure, ConformanceReport } from "./Report.js"
import { type Env, Inconclusive, Run, Violation } from "./Run.js"
import { listAll, restoreService } from "./Service.js"

const defaultSeed = (): number => {
  // Inside a test suite that fixed fast-check's seed (FC_SEED), the same seed replays the conformance run too.
  const configured = fc.readConfigureGlobal().seed
  return typeof configured === "number" && Number.isSafeInteger(configured) ? configured | 0 : (Math.random() * 2 ** 32) | 0
}

interface Setup {
  readonly serviceSid: string
  readonly temporary: boolean
  readonly initial: ReadonlyArray<string>
}

// With no response, `error` says why ("no answer: fetch failed (bad port)"): "got" reads, "answered" would not.
const sentError = (what: string, sent: Awaited<ReturnType<Target["send"]>>) =>
  `${what} (${sent.request.method} ${sent.request.url}) ${sent.response === null ? `got ${sent.error ?? "no answer"}` : `answered ${describeResponse(sent.response)}`}`

const setUp = async (target: Target, o: ResolvedOptions): Promise<{ readonly ok: true; readonly setup: Setup } | { readonly ok: false; readonly error: string; readonly temporary: string | undefined }> => {
  const { resource } = o
  const { words } = resource
  let serviceSid = o.serviceSid
  let temporary = false
  if (serviceSid === undefined) {
    const sent = await target.send({
      method: ops.create.method,
      path: resource.parent.collectionPath,
      headers: { "Content-Type": resource.formType },
      body: `FriendlyName=${encodeURIComponent("shortcode-kit conformance (temporary)")}`,
      auth: auth.primary(o.primary.accountSid)
    })
    const sid = (() => {
      try {
        return (JSON.parse(sent.response?.body ?? "") as { sid?: unknown }).sid
      } catch {
        return undefined
      }
    })()
    // The parents' own resource is not in the group: its create answers what every declared collection's does.
    if (sent.response?.status !== ops.create.status || !resource.parent.is(sid)) {
      return { ok: false, error: `${sentError(`creating a temporary ${words.parent}`, sent)}; pass the SID of a test ${words.parent} (--service-sid, serviceSid)`, temporary: undefined }
    }
    serviceSid = sid as string
    temporary = true
  }
  const listed = await listAll(target, resource, serviceSid, o.primary.accountSid)
  if (!listed.ok) {
    return { ok: false, error: `cannot list the ${words.members} of ${serviceSid}: ${listed.reason} (check the base URL, the account SID, the auth token and the ${words.parent} SID)`, temporary: temporary ? serviceSid : undefined }
  }
  const taken = o.pool.filter((sid) => listed.sids.includes(sid))
  if (taken.length > 0) {
    return {
      ok: false,
      error: `${taken.join(", ")} ${taken.length === 1 ? "is" : "are"} already in ${serviceSid}: pass ${words.members} of the account's inventory that are in no ${words.parent}`,
      temporary: temporary ? serviceSid : undefined
    }
  }
  return { ok: true, setup: { serviceSid, temporary, initial: listed.sids } }
}

const removeTemporaryService = async (target: Target, o: ResolvedOptions, serviceSid: string): Promise<ReadonlyArray<string>> => {
  const sent = await target.send({ method: ops.delete.method, path: o.resource.parent.instancePath(serviceSid), auth: auth.primary(o.primary.accountSid) })
  return sent.response !== null && sent.response.status >= 200 && sent.response.status < 300 ? [] : [sentError(`deleting the temporary ${o.resource.words.parent} ${serviceSid}`, sent)]
}

const replayPathOf = (counterexample: unknown): string | null => {
  const match = /replayPath="([^"]*)"/.exec(String(counterexample))
  return match === null ? null : (match[1] as string)
}

const counterexampleText = (value: unknown): string => String(fc.stringify(value)).replace(/ \/\*replayPath="[^"]*"\*\//, "")

interface CheckContext {
  readonly o: ResolvedOptions
  readonly target: Target
  readonly cleanupTarget: Target
  readonly setup: Setup
  readonly seed: number
  readonly progress: (label: string, check: CheckName, runs: number, shrinking: boolean) => void
}

const skipped = (name: CheckName, note: string): CheckResult => ({
  name, description: checkDescriptions[name], status: "skipped", runs: 0, requests: 0, durationMs: 0, notes: [note], failures: []
})

const makeEnv = (name: CheckName, ctx: CheckContext): Env => ({
  target: ctx.target,
  resource: ctx.o.resource,
  check: name,
  serviceSid: ctx.setup.serviceSid,
  accountSid: ctx.o.primary.accountSid,
  otherAccountSid: ctx.o.other?.accountSid,
  pool: ctx.o.pool,
  initial: ctx.setup.initial,
  strictBaseUrl: ctx.o.strict ? ctx.o.publicBaseUrl : undefined,
  maxCommands: ctx.o.maxCommands,
  poolSenders: ctx.o.poolSenders,
  poolLimit: ctx.o.poolLimit,
  cleanupTarget: ctx.cleanupTarget
})

interface Execution {
  readonly details: fc.RunDetails<[unknown]>
  readonly lastFailure: { readonly error: unknown; readonly exchanges: ReadonlyArray<Exchange> } | undefined
  readonly runs: number
  readonly requests: number
  readonly durationMs: number
  readonly restoreProblems: ReadonlyArray<string>
  /** Runs that stopped early because a list page they needed could not be read (judged, but not taken further). */
  readonly inconclusive: number
}

/**
 * Runs a property with fast-check: every run starts from the service as it was and ends by restoring it; the
 * exchanges of the last failing run (the shrunk counterexample, since fast-check shrinks depth first) are kept.
 */
const execute = async (ctx: CheckContext, env: Env, property: CheckProperty<unknown>, label: string): Promise<Execution> => {
  const { o, target, setup } = ctx
  const state = { serviceSid: setup.serviceSid, accountSid: o.primary.accountSid, initial: setup.initial, pool: o.pool }
  const started = Date.now()
  const requestsBefore = target.requests
  let runs = 0
  let shrinking = false
  let lastFailure: Execution["lastFailure"]
  let inFlight: Promise<void> = Promise.resolve()
  let restoreProblems: ReadonlyArray<string> = []
  let inconclusive = 0
  const aborted = () => o.signal?.aborted === true

  const predicate = fc.asyncProperty(property.arbitrary, async (value: unknown) => {
    // Once stopped, every remaining run passes at once: fast-check cannot be cancelled, but it then ends quickly.
    if (aborted()) return
    runs++
    ctx.progress(label, env.check, runs, shrinking)
    const run = new Run(env, property.judge)
    const execution = (async () => {
      try {
        await property.execute(value, run)
      } catch (error) {
        if (error instanceof Inconclusive) {
          inconclusive++
          return
        }
        if (error instanceof Aborted || aborted()) return
        shrinking = true
        lastFailure = { error, exchanges: [...run.exchanges] }
        throw error
      } finally {
        restoreProblems = await restoreService(ctx.cleanupTarget, o.resource, state, { verify: false }).catch((error: unknown) => [String(error)])
      }
    })()
    inFlight = execution.then(() => {}, () => {})
    await execution
  })
  const details = await fc.check(predicate, {
    seed: ctx.seed,
    numRuns: o.runs,
    interruptAfterTimeLimit: o.timeLimitMs,
    markInterruptAsFailure: false,
    ...(o.path === undefined ? {} : { path: o.path, endOnFailure: true })
  })
  // A run cut off by the time limit keeps going in the background: let it finish (and restore) first.
  await inFlight
  return { details, lastFailure, runs, requests: target.requests - requestsBefore, durationMs: Date.now() - started, restoreProblems, inconclusive }
}

/** The CLI flag of the member SIDs: the create form's field in kebab case (`--short-code-sid`). */
const poolFlag = (o: ResolvedOptions): string => `--${o.resource.member.field.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}`

// A target that creates its members needs no member SIDs: only the notes of the other account apply to it.
const notesFor = (name: CheckName, o: ResolvedOptions): Array<string> => [
  ...(name === "auth" && o.other === undefined ? ["another account's credentials not tried: pass --other-account-sid and --other-auth-token"] : []),
  ...(o.resource.creates !== undefined ? [] : poolNotes(name, o))
]

const poolNotes = (name: CheckName, o: ResolvedOptions): Array<string> => [
  ...(name === "negative_data_rejection" && o.pool.length < 2 ? [`pass two or more ${poolFlag(o)} to also try near misses of SIDs that are in the ${o.resource.words.parent}`] : []),
  ...(isResponseCheck(name) && o.pool.length === 0 ? [`no ${poolFlag(o)}: the traffic adds and removes nothing, so success bodies are only those of lists and fetches`] : [])
]

const resultOf = (name: CheckName, ctx: CheckContext, run: Execution, extraNotes: ReadonlyArray<string> = []): CheckResult => {
  const { o } = ctx
  const notes = [...notesFor(name, o), ...extraNotes]
  const base = { name, description: checkDescriptions[name], runs: run.runs, requests: run.requests, durationMs: run.durationMs }
  if (o.signal?.aborted === true) return { ...base, status: "interrupted", notes: [...notes, "stopped before it finished"], failures: [] }
  if (run.restoreProblems.length > 0) notes.push(...run.restoreProblems.map((problem) => `restoring after the last run: ${problem}`))
  if (run.inconclusive > 0) notes.push(`${run.inconclusive} of ${run.runs} runs stopped early: a list page they needed could not be read`)
  const { details } = run
  if (!details.failed) {
    if (details.interrupted) notes.push(`stopped at the time limit after ${details.numRuns} of ${o.runs} runs`)
    return { ...base, status: "passed", notes, failures: [] }
  }
  if (details.interrupted) notes.push("shrinking stopped at the time limit: the reproduction may not be the smallest")
  const error = run.lastFailure?.error ?? details.errorInstance
  const verdict = error instanceof Violation
    ? error.verdict
    : { message: `the run failed: ${error instanceof Error ? error.message : String(error)}`, expected: "the run to complete", received: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  const counterexample = details.counterexample?.[0]
  const failure: ConformanceFailure = {
    check: name,
    ...verdict,
    exchanges: run.lastFailure?.exchanges ?? [],
    failedAt: error instanceof Violation && error.exchangeIndex >= 0 ? error.exchangeIndex : Math.max(0, (run.lastFailure?.exchanges.length ?? 0) - 1),
    seed: details.seed,
    path: details.counterexamplePath ?? "",
    replayPath: replayPathOf(counterexample),
    shrinks: details.numShrinks,
    counterexample: counterexampleText(counterexample)
  }
  return { ...base, status: "failed", notes, failures: [failure] }
}

const runCheck = async (name: CheckName, ctx: CheckContext, extraNotes?: ReadonlyArray<string>): Promise<CheckResult> => {
  if (name === "stateful" && ctx.o.pool.length === 0 && ctx.o.resource.creates === undefined) {
    const { words } = ctx.o.resource
    return skipped(name, `skipped: needs ${words.members} of the account's inventory that are in no ${words.parent} (${poolFlag(ctx.o)})`)
  }
  const env = makeEnv(name, ctx)
  const run = await execute(ctx, env, checkProperty(env, ctx.o.replayPath), name)
  return resultOf(name, ctx, run, extraNotes)
}

/**
 * The response checks judge the same mixed traffic (the same seed generates the same runs for each), so it is sent
 * once with every selected oracle looking at each answer. A check that saw a violation then runs alone with the
 * same seed, which reaches the same run, fails it and shrinks it; the others passed on exactly the runs they would
 * have made alone.
 */
const runResponseChecks = async (names: ReadonlyArray<ResponseCheckName>, ctx: CheckContext): Promise<ReadonlyArray<CheckResult>> => {
  const first = names[0] as ResponseCheckName
  const env = makeEnv(first, ctx)
  const oracleContext = { strictBaseUrl: env.strictBaseUrl, resource: env.resource }
  const violated = new Set<ResponseCheckName>()
  const judge = (exchange: Exchange) => {
    for (const name of names) if (!violated.has(name) && judgeResponse(name, exchange, oracleContext) !== undefined) violated.add(name)
    return undefined
  }
  const shared = await execute(ctx, env, { ...checkProperty(env, undefined), judge }, `${names.join(", ")} (one traffic)`)
  const results: Array<CheckResult> = []
  for (const name of names) {
    if (ctx.o.signal?.aborted === true) {
      results.push(resultOf(name, ctx, shared))
      continue
    }
    if (!violated.has(name)) {
      results.push(resultOf(name, ctx, shared, ["shared traffic"]))
      continue
    }
    const alone = await runCheck(name, ctx)
    results.push(alone.status === "passed"
      ? { ...alone, status: "failed", notes: [...alone.notes, "a violation seen in the shared traffic did not happen again when the check ran alone with the same seed: the target does not answer the same way twice"] }
      : alone)
  }
  return results
}

/**
 * Runs the selected checks against an implementation of the ShortCodes endpoints and returns the report. It
 * changes the service while it runs (adds and removes the given short codes) and always restores it at the end,
 * also when a check fails or the signal stops it: point it at a test service.
 *
 * Throws a TypeError at once for bad options; everything the target does wrong is in the report.
 *
 * @example
 * ```ts
 * import { formatReport, runConformance } from "@shortcode-kit/validator/conformance"
 *
 * const report = await runConformance({
 *   baseUrl: "http://127.0.0.1:4010",
 *   accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   authToken: "demo-auth-token",
 *   serviceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   shortCodeSids: ["SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "SCbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"],
 *   runs: 25
 * })
 * console.log(formatReport(report))
 * process.exitCode = report.ok ? 0 : 1
 * ```
 * @since 0.2.0
 */
export const runConformance = async (options: ConformanceOptions): Promise<ConformanceReport> => {
  const o = resolveConformanceOptions(options)
  const seed = o.seed ?? defaultSeed()
  const startedAt = new Date()
  const started = Date.now()
  const target = new Target(o)
  const cleanupTarget = target.withoutSignal()
  let checksDone = 0
  let failures = 0
  let current: Omit<ConformanceProgress, "checksDone" | "checksTotal" | "numRuns" | "requests" | "failures" | "elapsedMs"> = {
    phase: "setup", label: "setup", check: undefined, runs: 0, shrinking: false, finished: undefined
  }
  const emit = () => {
    try {
      o.onProgress({
        ...current,
        checksDone,
        checksTotal: o.checks.length,
        numRuns: o.runs,
        requests: target.requests,
        failures,
        elapsedMs: Date.now() - started
      })
    } catch {
      // A progress printer that throws must not stop the run (and leave the service changed).
    }
  }
  target.onRequest = emit
  emit()

  const targetInfo = (serviceSid: string | null, temporary: boolean): ConformanceReport["target"] => ({
    baseUrl: o.baseUrl,
    accountSid: o.primary.accountSid,
    serviceSid,
    temporaryService: temporary,
    shortCodeSids: o.pool,
    name: o.resource.name,
    member: { field: o.resource.member.field },
    pool: o.poolLimit === undefined
      ? null
      : { limit: o.poolLimit, senders: o.poolSenders.map(({ target, sids }) => ({ name: target.name, member: { field: target.member.field }, sids })) },
    otherAccountSid: o.other?.accountSid ?? null,
    strict: o.strict,
    publicBaseUrl: o.publicBaseUrl ?? null
  })
  const finish = (fields: Pick<ConformanceReport, "target" | "setupError" | "cleanup" | "checks">): ConformanceReport => {
    current = { ...current, phase: "done", label: "done", finished: undefined }
    emit()
    const interrupted = o.signal?.aborted === true
    return {
      ok: fields.setupError === null && fields.cleanup.restored && !interrupted && fields.checks.every((check) => check.status === "passed" || check.status === "skipped"),
      ...fields,
      seed,
      runs: o.runs,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - started,
      requests: target.requests,
      interrupted
    }
  }

  let prepared: Awaited<ReturnType<typeof setUp>>
  try {
    prepared = await setUp(target, o)
  } catch (error) {
    if (!(error instanceof Aborted)) throw error
    prepared = { ok: false, error: "stopped during setup", temporary: undefined }
  }
  if (!prepared.ok) {
    const problems = prepared.temporary === undefined ? [] : await removeTemporaryService(cleanupTarget, o, prepared.temporary)
    return finish({
      target: targetInfo(prepared.temporary ?? o.serviceSid ?? null, prepared.temporary !== undefined),
      setupError: prepared.error,
      cleanup: { restored: problems.length === 0, problems },
      checks: o.checks.map((name) => skipped(name, "not run: setup failed"))
    })
  }
  const { setup } = prepared
  const results: Array<CheckResult> = []
  const progress = (label: string, check: CheckName, runs: number, shrinking: boolean) => {
    current = { label, check, runs, shrinking, phase: "check", finished: undefined }
    emit()
  }
  const record = (result: CheckResult) => {
    results.push(result)
    checksDone++
    if (result.status === "failed") failures++
    current = { ...current, finished: { check: result.name, status: result.status, runs: result.runs, requests: result.requests } }
    emit()
  }
  const ctx: CheckContext = { o, target, cleanupTarget, setup, seed, progress }
  const harnessFailure = (name: CheckName) => (error: unknown): CheckResult => ({
    // A defect of the harness itself: reported on the check, and the service is still restored below.
    ...skipped(name, `the harness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    status: "failed"
  })
  const together = o.path === undefined ? o.checks.filter(isResponseCheck) : []
  for (const name of o.checks) {
    if (o.signal?.aborted === true) {
      record(skipped(name, "not run: the run was stopped"))
      continue
    }
    if (together.length > 1 && isResponseCheck(name)) {
      if (name !== together[0]) continue
      progress(`${together.join(", ")} (one traffic)`, name, 0, false)
      const shared = await runResponseChecks(together, ctx).catch((error: unknown) => together.map((check) => harnessFailure(check)(error)))
      shared.forEach(record)
      continue
    }
    progress(name, name, 0, false)
    record(await runCheck(name, ctx).catch(harnessFailure(name)))
  }
  // The report lists the checks in their documented order.
  results.sort((a, b) => o.checks.indexOf(a.name) - o.checks.indexOf(b.name))
  current = { phase: "cleanup", label: "restoring the service", check: undefined, runs: 0, shrinking: false, finished: undefined }
  emit()
  const problems = [
    ...await restoreService(cleanupTarget, o.resource, { serviceSid: setup.serviceSid, accountSid: o.primary.accountSid, initial: setup.initial, pool: o.pool }, { verify: true }),
    ...(setup.temporary ? await removeTemporaryService(cleanupTarget, o, setup.serviceSid) : [])
  ]
  return finish({
    target: targetInfo(setup.serviceSid, setup.temporary),
    setupError: null,
    cleanup: { restored: problems.length === 0, problems },
    checks: results
  })
}
