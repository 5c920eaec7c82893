/**
 * The result of a conformance run as data (what `runConformance` returns and `--report` writes), and its rendering
 * for people: a summary table and, for each failure, the curl commands that reproduce it.
 *
 * @since 0.2.0
 */
import type { CheckName } from "./Checks.js"
import { AUTH_TOKEN_VARIABLE, OTHER_AUTH_TOKEN_VARIABLE, shellWord } from "./Curl.js"
import { describeExpectation } from "./Expectation.js"
import { memberSidFlag, poolSidFlag, targetValue } from "./Flags.js"
import type { Exchange } from "./Http.js"
import { describeResponse } from "./Oracles.js"

/**
 * One failure of a check, shrunk by fast-check: the requests of the smallest failing run (the last one showed the
 * problem), what was expected and received, and what replays it.
 *
 * @since 0.2.0
 */
export interface ConformanceFailure {
  readonly check: CheckName
  readonly message: string
  readonly expected: string
  readonly received: string
  readonly exchanges: ReadonlyArray<Exchange>
  /** Which of `exchanges` showed the problem (usually the last; a later one may show what it changed). */
  readonly failedAt: number
  /** Replays the failure with `checks: [check]`, `seed`, `path` (and `replayPath` for command sequences). */
  readonly seed: number
  readonly path: string
  readonly replayPath: string | null
  readonly shrinks: number
  /** fast-check's rendering of the shrunk input. */
  readonly counterexample: string
}

/**
 * The outcome of one check. `interrupted`: stopped by the caller's signal before it finished.
 *
 * @since 0.2.0
 */
export interface CheckResult {
  readonly name: CheckName
  readonly description: string
  readonly status: "passed" | "failed" | "skipped" | "interrupted"
  /** Property runs, shrinking included. */
  readonly runs: number
  readonly requests: number
  readonly durationMs: number
  readonly notes: ReadonlyArray<string>
  readonly failures: ReadonlyArray<ConformanceFailure>
}

/**
 * Everything a run found. `ok` is true when every check passed or was skipped and the service was restored. No
 * secret is in it: credentials appear as the environment variables the curl commands read.
 *
 * @since 0.2.0
 */
export interface ConformanceReport {
  readonly ok: boolean
  readonly target: {
    readonly baseUrl: string
    readonly accountSid: string
    /** The service tested; when `temporaryService`, it was created for the run and deleted after it. */
    readonly serviceSid: string | null
    readonly temporaryService: boolean
    /** The members given for the checks (`shortCodeSids` or `memberSids`), whatever the target. */
    readonly shortCodeSids: ReadonlyArray<string>
    /** The target's group identifier (`shortCodes`) and its create form's field (`ShortCodeSid`). */
    readonly name: string
    readonly member: { readonly field: string }
    /** The pool checks' limit and senders, when they were asked for. */
    readonly pool: {
      readonly limit: number
      readonly senders: ReadonlyArray<{ readonly name: string; readonly member: { readonly field: string }; readonly sids: ReadonlyArray<string> }>
    } | null
    readonly otherAccountSid: string | null
    readonly strict: boolean
    readonly publicBaseUrl: string | null
  }
  readonly seed: number
  readonly runs: number
  readonly startedAt: string
  readonly durationMs: number
  readonly requests: number
  /** Why nothing could be checked (the target could not be listed, a temporary service not created...). */
  readonly setupError: string | null
  readonly cleanup: { readonly restored: boolean; readonly problems: ReadonlyArray<string> }
  readonly interrupted: boolean
  readonly checks: ReadonlyArray<CheckResult>
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - text.length))
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - text.length)) + text

/**
 * The summary table: one line per check with its result, runs, requests and time.
 *
 * @example
 * ```ts
 * import { formatSummary, runConformance } from "@shortcode-kit/validator/conformance"
 *
 * const report = await runConformance({ baseUrl: "http://127.0.0.1:4010", accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", authToken: "demo-auth-token", checks: ["cors_headers"] })
 * console.log(formatSummary(report))
 * ```
 * @since 0.2.0
 */
export const formatSummary = (report: ConformanceReport): string => {
  const width = Math.max(...report.checks.map((check) => check.name.length), 5)
  const header = `${pad("check", width)}  result       runs  requests    time`
  const rows = report.checks.map((check) =>
    `${pad(check.name, width)}  ${pad(check.status === "failed" ? "FAILED" : check.status, 11)}${padStart(String(check.runs), 6)}${padStart(String(check.requests), 10)}${padStart(`${(check.durationMs / 1000).toFixed(1)}s`, 8)}` +
    (check.notes.length > 0 ? `  ${check.notes.join("; ")}` : "")
  )
  const failed = report.checks.filter((check) => check.status === "failed").length
  const passed = report.checks.filter((check) => check.status === "passed").length
  const lines = [header, ...rows, ""]
  if (report.setupError !== null) lines.push(`setup failed, nothing was checked: ${report.setupError}`)
  lines.push(
    `${passed} passed, ${failed} failed, ${report.checks.length - passed - failed} not run; ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)}s; seed ${report.seed}`
  )
  if (report.interrupted) lines.push("interrupted: the run was stopped before it finished")
  if (!report.cleanup.restored) lines.push(...report.cleanup.problems.map((problem) => `cleanup: ${problem}`))
  return lines.join("\n")
}

/**
 * The shell command that replays `failure` with the CLI (`--checks`, `--seed`, `--path`, `--replay-path`); the
 * tokens come from the environment, never from the command line.
 *
 * @example
 * ```ts
 * import { replayCommand, runConformance } from "@shortcode-kit/validator/conformance"
 *
 * const report = await runConformance({ baseUrl: "http://127.0.0.1:4010", accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", authToken: "demo-auth-token" })
 * for (const check of report.checks) for (const failure of check.failures) console.log(replayCommand(report, failure))
 * // shortcode-kit conformance --base-url 'http://127.0.0.1:4010' ... --target short-codes ... --checks cors_headers --seed 42 --path '3:0'
 * ```
 * @since 0.2.0
 */
export const replayCommand = (report: ConformanceReport, failure: ConformanceFailure): string => {
  const t = report.target
  const args = [
    "shortcode-kit conformance",
    `--base-url ${shellWord(t.baseUrl)}`,
    `--account-sid ${t.accountSid}`,
    ...(t.temporaryService || t.serviceSid === null ? [] : [`--service-sid ${t.serviceSid}`]),
    `--target ${targetValue(t)}`,
    ...t.shortCodeSids.map((sid) => `--${memberSidFlag(t)} ${sid}`),
    ...(t.pool === null ? [] : [`--pool-limit ${t.pool.limit}`, ...t.pool.senders.flatMap((s) => s.sids.map((sid) => `--${poolSidFlag(s)} ${sid}`))]),
    ...(t.otherAccountSid === null ? [] : [`--other-account-sid ${t.otherAccountSid}`]),
    ...(t.strict ? ["--strict"] : []),
    ...(t.strict && t.publicBaseUrl !== null && t.publicBaseUrl !== t.baseUrl ? [`--public-base-url ${shellWord(t.publicBaseUrl)}`] : []),
    `--checks ${failure.check}`,
    `--seed ${failure.seed}`,
    `--path ${shellWord(failure.path)}`,
    ...(failure.replayPath === null ? [] : [`--replay-path ${shellWord(failure.replayPath)}`])
  ]
  return args.join(" ")
}

const indent = (text: string, by: string) => text.split("\n").map((line) => by + line).join("\n")

const responseLines = (exchange: Exchange): string => {
  if (exchange.response === null) return `no answer: ${exchange.error ?? ""}`
  const headers = Object.entries(exchange.response.headers).map(([name, value]) => `${name}: ${value}`).join("\n")
  const body = exchange.response.body.length > 2000 ? `${exchange.response.body.slice(0, 2000)}… (${exchange.response.body.length} characters)` : exchange.response.body
  return `${exchange.response.status}\n${headers}${body === "" ? "" : `\n\n${body}`}`
}

/**
 * One failure for people: what was wrong, every request of the shrunk run as a curl command with the answer it got
 * (the last in full), what was expected, and the seed and path that replay it.
 *
 * @example
 * ```ts
 * import { formatFailure, runConformance } from "@shortcode-kit/validator/conformance"
 *
 * const report = await runConformance({ baseUrl: "http://127.0.0.1:4010", accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", authToken: "demo-auth-token" })
 * for (const check of report.checks) for (const failure of check.failures) console.log(formatFailure(report, failure))
 * ```
 * @since 0.2.0
 */
export const formatFailure = (report: ConformanceReport, failure: ConformanceFailure): string => {
  const steps = failure.exchanges.map((exchange, i) => {
    const failed = i === failure.failedAt
    const head = `${i + 1}. ${exchange.step}${failed ? "   <-- the check failed here" : ""}`
    const answer = failed ? indent(responseLines(exchange), "   | ") : `   -> ${exchange.response === null ? `no answer: ${exchange.error ?? ""}` : describeResponse(exchange.response)}`
    return `${head}\n${indent(exchange.curl, "   ")}\n${answer}`
  })
  const last = failure.exchanges[failure.failedAt]
  const lines = [
    `FAILED ${failure.check}: ${failure.message}`,
    "",
    `expected: ${failure.expected}`,
    `received: ${failure.received}`,
    ...(last === undefined ? [] : [`the request had to get: ${describeExpectation(last.expected)}`]),
    "",
    `reproduce (export ${AUTH_TOKEN_VARIABLE}${report.target.otherAccountSid === null ? "" : ` and ${OTHER_AUTH_TOKEN_VARIABLE}`} first):`,
    ...steps,
    ""
  ]
  if (report.target.temporaryService && report.target.serviceSid !== null) {
    lines.push(`The service ${report.target.serviceSid} was created for this run and deleted after it: to run these commands, create a service and put its SID in their place, or replay with the command below.`, "")
  }
  lines.push(
    `shrunk ${failure.shrinks} times; counterexample: ${failure.counterexample}`,
    `replay: seed ${failure.seed}, path ${failure.path}${failure.replayPath === null ? "" : `, replayPath ${failure.replayPath}`}`,
    `  ${replayCommand(report, failure)}`
  )
  return lines.join("\n")
}

/**
 * The summary table followed by every failure.
 *
 * @example
 * ```ts
 * import { formatReport, runConformance } from "@shortcode-kit/validator/conformance"
 *
 * const report = await runConformance({ baseUrl: "http://127.0.0.1:4010", accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", authToken: "demo-auth-token" })
 * console.log(formatReport(report))
 * ```
 * @since 0.2.0
 */
export const formatReport = (report: ConformanceReport): string => {
  const failures = report.checks.flatMap((check) => check.failures)
  return [formatSummary(report), ...failures.map((failure) => `\n${"-".repeat(78)}\n${formatFailure(report, failure)}`)].join("\n")
}

/**
 * Thrown by `assertConformance`: its message is the whole report with every reproduction, and `report` is the data.
 *
 * @example
 * ```ts
 * import { assertConformance, ConformanceError, runConformance } from "@shortcode-kit/validator/conformance"
 *
 * try {
 *   assertConformance(await runConformance({ baseUrl: "http://127.0.0.1:4010", accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", authToken: "demo-auth-token" }))
 * } catch (error) {
 *   if (error instanceof ConformanceError) console.error(error.report.checks.filter((check) => check.status === "failed").map((check) => check.name))
 * }
 * ```
 * @since 0.2.0
 */
export class ConformanceError extends Error {
  override readonly name = "ConformanceError"
  constructor(readonly report: ConformanceReport) {
    super(`the implementation at ${report.target.baseUrl} does not conform:\n${formatReport(report)}`)
  }
}

/**
 * Throws a `ConformanceError` (with every failure's reproduction in its message) unless the report is ok: the
 * assertion for any test runner.
 *
 * @example
 * ```ts
 * import { assertConformance, runConformance } from "@shortcode-kit/validator/conformance"
 *
 * assertConformance(await runConformance({ baseUrl: "http://127.0.0.1:4010", accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", authToken: "demo-auth-token" }))
 * ```
 * @since 0.2.0
 */
export const assertConformance = (report: ConformanceReport): void => {
  if (!report.ok) throw new ConformanceError(report)
}
