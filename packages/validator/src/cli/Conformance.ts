import { writeFile } from "node:fs/promises"
import { Console, Effect, Option } from "effect"
import { CliError, Command, Flag } from "effect/cli"
import { type CheckName, checkNames, poolCheckNames } from "../conformance/Checks.js"
import { AUTH_TOKEN_VARIABLE, OTHER_AUTH_TOKEN_VARIABLE } from "../conformance/Curl.js"
import type { ConformanceTarget } from "../conformance/Membership.js"
import type { ConformanceOptions } from "../conformance/Options.js"
import type { PoolSenders } from "../conformance/Options.js"
import { makeProgressPrinter } from "../conformance/Progress.js"
import { cliTargets, memberSidFlag, memberTargets, poolSidFlag, poolTargets, targetValue, takesMemberSids } from "./ConformanceTargets.js"

const usage = (userMessage: string) => new CliError.UserError({ cause: new Error(userMessage), userMessage })

const EXIT_FAILED = 1
const EXIT_USAGE = 2
const EXIT_INTERRUPTED = 130

const poolFlags = ["--pool-limit", ...poolTargets.map((target) => `--${poolSidFlag(target)}`)]
const poolFlagList = `${poolFlags.slice(0, -1).join(", ")} and ${poolFlags.at(-1) ?? ""}`

/** The checks of `--checks`; the pool checks are known only with the pool flags, which they need. */
const parseChecks = (text: string, pool: boolean): ReadonlyArray<CheckName> | string => {
  const known: ReadonlyArray<string> = pool ? [...checkNames, ...poolCheckNames] : checkNames
  const names = text.split(",").map((name) => name.trim()).filter((name) => name !== "")
  if (names.length === 0) return `--checks needs at least one check: ${known.join(", ")}`
  const needPool = names.filter((name) => !pool && (poolCheckNames as ReadonlyArray<string>).includes(name))
  if (needPool.length > 0) return `--checks: ${needPool.join(", ")} needs ${poolFlagList}`
  const unknown = names.filter((name) => !known.includes(name))
  return unknown.length > 0 ? `--checks: unknown check ${unknown.map((name) => JSON.stringify(name)).join(", ")}; the checks are ${known.join(", ")}` : (names as ReadonlyArray<CheckName>)
}

/** A repeatable SID flag per target, keyed by the target's name. */
const sidFlags = (targets: ReadonlyArray<ConformanceTarget>, flag: (target: ConformanceTarget) => string, description: (target: ConformanceTarget) => string) =>
  Object.fromEntries(targets.map((target) => [target.name, Flag.String(flag(target)).pipe(Flag.between(0, 100_000), Flag.withDescription(description(target)))]))

const nth = (flag: string, index: string) => `--${flag} #${Number(index) + 1}`

/**
 * A `runConformance` TypeError in the terms of the command line: the options it names (`memberSids[0]`,
 * `poolSenders[1].sids`, `poolLimit`) become the flags the user passed them with.
 */
const inFlagTerms = (message: string, target: ConformanceTarget): string =>
  message
    .replace(/memberSids\[(\d+)\]/g, (_, i: string) => nth(memberSidFlag(target), i))
    .replace(/memberSids/g, `--${memberSidFlag(target)}`)
    .replace(/poolSenders\[(\d+)\]\.sids(?:\[(\d+)\])?/g, (_, t: string, i: string | undefined) => {
      const flag = poolSidFlag(poolTargets[Number(t)] as ConformanceTarget)
      return i === undefined ? `--${flag}` : nth(flag, i)
    })
    .replace(/poolSenders/g, poolFlags.slice(1).join(" and "))
    .replace(/poolLimit/g, "--pool-limit")

const fromEnv = (name: string): string | undefined => {
  const value = process.env[name]
  return value === undefined || value === "" ? undefined : value
}

/** `shortcode-kit conformance`: exit 0 when every selected check passes, 1 when one fails, 2 for usage errors and a target that cannot be set up. */
export const conformanceCommand = Command.make("conformance", {
  baseUrl: Flag.String("base-url").pipe(Flag.withDescription("The implementation under test, such as http://127.0.0.1:4010")),
  accountSid: Flag.String("account-sid").pipe(Flag.withDescription("The account to authenticate as (AC...)")),
  authToken: Flag.String("auth-token").pipe(Flag.optional, Flag.withDescription(`Its auth token (default: $${AUTH_TOKEN_VARIABLE}, which keeps it out of the process list)`)),
  target: Flag.ChoiceWithValue("target", cliTargets.map((target) => [targetValue(target), target] as const)).pipe(
    Flag.withDefault(cliTargets[0] as ConformanceTarget),
    Flag.withDescription(`The members of the service to test (default ${targetValue(cliTargets[0] as ConformanceTarget)})`)
  ),
  serviceSid: Flag.String("service-sid").pipe(
    Flag.optional,
    Flag.withDescription("The Messaging Service to test (MG...). The harness adds and removes members of the target in it: use a test service. Without it a temporary service is created and deleted")
  ),
  memberSids: sidFlags(
    memberTargets,
    memberSidFlag,
    (target) =>
      `With --target ${targetValue(target)}: a ${target.words.member} of the account's inventory that is in no ${target.words.parent} (repeat for several); stateful needs one, the other checks are stronger with two or more`
  ),
  poolLimit: Flag.Int("pool-limit").pipe(
    Flag.optional,
    Flag.withDescription(`Also run the pool checks (${poolCheckNames.join(", ")}): the most senders one service holds, over all kinds`)
  ),
  poolSids: sidFlags(
    poolTargets,
    poolSidFlag,
    (target) => `With --pool-limit: a free ${target.words.member} for the pool checks (repeat: two or more of each kind, together --pool-limit plus one per kind)`
  ),
  otherAccountSid: Flag.String("other-account-sid").pipe(Flag.optional, Flag.withDescription("A second account, for the auth check's \"another account's credentials\" case")),
  otherAuthToken: Flag.String("other-auth-token").pipe(Flag.optional, Flag.withDescription(`Its auth token (default: $${OTHER_AUTH_TOKEN_VARIABLE})`)),
  checks: Flag.String("checks").pipe(Flag.optional, Flag.withDescription(`Comma-separated checks to run (default all): ${checkNames.join(", ")}`)),
  runs: Flag.Int("runs").pipe(Flag.withDefault(50), Flag.filter((n) => n >= 1 && n <= 100_000, (n) => `--runs must be between 1 and 100000, received ${n}`), Flag.withDescription("Property runs per check (default 50)")),
  seed: Flag.Int("seed").pipe(
    Flag.filter((n) => n >= -(2 ** 31) && n < 2 ** 31, (n) => `--seed must be a 32-bit integer, received ${n}`),
    Flag.optional,
    Flag.withDescription("fast-check seed (default random, printed in the summary)")
  ),
  path: Flag.String("path").pipe(Flag.optional, Flag.withDescription("Replay one failure: the path it printed (with --seed and --checks naming its check)")),
  replayPath: Flag.String("replay-path").pipe(Flag.optional, Flag.withDescription("With --path: the replay path a failure of a command sequence printed")),
  strict: Flag.Boolean("strict").pipe(Flag.withDefault(false), Flag.withDescription("Also require the strict profile of the target's members, with resource URLs on the base URL")),
  publicBaseUrl: Flag.String("public-base-url").pipe(Flag.optional, Flag.withDescription("With --strict: the origin the resource URLs must have, when it is not --base-url")),
  requestTimeout: Flag.Int("request-timeout").pipe(Flag.withDefault(10_000), Flag.withDescription("Milliseconds allowed for each request (default 10000)")),
  timeLimit: Flag.Int("time-limit").pipe(Flag.withDefault(120), Flag.withDescription("Seconds allowed for each check, shrinking included (default 120)")),
  report: Flag.String("report").pipe(Flag.optional, Flag.withDescription("Write the report as JSON to this file (no secrets in it)")),
  junit: Flag.String("junit").pipe(Flag.optional, Flag.withDescription("Write JUnit XML to this file, one test case per check"))
}, (flags) =>
  Effect.gen(function*() {
    const { target } = flags
    const memberSids = flags.memberSids[target.name] ?? []
    for (const other of memberTargets) {
      if (other === target || (flags.memberSids[other.name] ?? []).length === 0) continue
      return yield* usage(
        takesMemberSids(target)
          ? `--${memberSidFlag(other)} is for --target ${targetValue(other)}; --target ${targetValue(target)} takes --${memberSidFlag(target)}`
          : `--target ${targetValue(target)} takes no member SIDs (its ${target.words.members} are created from their ${target.member.field}): drop --${memberSidFlag(other)}`
      )
    }
    const poolSenders: ReadonlyArray<PoolSenders> = poolTargets.map((pooled) => ({ target: pooled, sids: flags.poolSids[pooled.name] ?? [] }))
    const poolGiven = poolSenders.some((entry) => entry.sids.length > 0)
    if (Option.isSome(flags.poolLimit) !== poolGiven) {
      return yield* usage(`the pool checks need ${poolFlagList} together: the limit and free senders of each kind`)
    }
    const checks = Option.map(flags.checks, (text) => parseChecks(text, poolGiven))
    if (Option.isSome(checks) && typeof checks.value === "string") return yield* usage(checks.value)
    const authToken = Option.getOrUndefined(flags.authToken) ?? fromEnv(AUTH_TOKEN_VARIABLE)
    if (authToken === undefined) return yield* usage(`--auth-token is required (or set ${AUTH_TOKEN_VARIABLE})`)
    const otherSid = Option.getOrUndefined(flags.otherAccountSid)
    const otherToken = Option.getOrUndefined(flags.otherAuthToken) ?? (otherSid === undefined ? undefined : fromEnv(OTHER_AUTH_TOKEN_VARIABLE))
    if ((otherSid === undefined) !== (otherToken === undefined)) {
      return yield* usage(`--other-account-sid and --other-auth-token (or ${OTHER_AUTH_TOKEN_VARIABLE}) go together`)
    }
    const selected = Option.isSome(checks) ? (checks.value as ReadonlyArray<CheckName>) : undefined
    if (selected?.includes("stateful") === true && takesMemberSids(target) && memberSids.length === 0) {
      const { words } = target
      return yield* usage(`the stateful check needs --${memberSidFlag(target)}: a ${words.member} of the account's inventory that is in no ${words.parent} (repeat the flag for several)`)
    }
    // Loaded only for this command, so that validate and sample start as fast as before.
    const { formatReport, runConformance, toJUnitXml } = yield* Effect.promise(() => import("../conformance.js"))
    const controller = new AbortController()
    const progress = makeProgressPrinter(process.stderr, { tty: process.stderr.isTTY === true })
    const options: ConformanceOptions = {
      baseUrl: flags.baseUrl,
      accountSid: flags.accountSid,
      authToken,
      target,
      serviceSid: Option.getOrUndefined(flags.serviceSid),
      memberSids,
      poolLimit: Option.getOrUndefined(flags.poolLimit),
      poolSenders: poolGiven ? poolSenders : undefined,
      otherAccount: otherSid === undefined || otherToken === undefined ? undefined : { accountSid: otherSid, authToken: otherToken },
      checks: selected,
      runs: flags.runs,
      seed: Option.getOrUndefined(flags.seed),
      path: Option.getOrUndefined(flags.path),
      replayPath: Option.getOrUndefined(flags.replayPath),
      strict: flags.strict,
      publicBaseUrl: Option.getOrUndefined(flags.publicBaseUrl),
      requestTimeoutMs: flags.requestTimeout,
      timeLimitMs: flags.timeLimit * 1000,
      onProgress: progress.onProgress,
      signal: controller.signal
    }
    // The first Ctrl-C stops the checks and still restores the service; a second one quits at once.
    const onSigint = () => {
      if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED)
      process.stderr.write("\nshortcode-kit: stopping; restoring the service (Ctrl-C again to quit at once)\n")
      controller.abort()
    }
    process.on("SIGINT", onSigint)
    const report = yield* Effect.tryPromise({
      try: () => runConformance(options),
      catch: (cause) => (cause instanceof TypeError ? usage(inFlagTerms(cause.message.replace(/^runConformance: /, ""), target)) : usage(`conformance run failed: ${String(cause)}`))
    }).pipe(Effect.ensuring(Effect.sync(() => {
      process.off("SIGINT", onSigint)
      progress.done()
    })))
    yield* Console.log(formatReport(report))
    for (const [flag, file, text] of [["--report", flags.report, () => `${JSON.stringify(report, null, 2)}\n`], ["--junit", flags.junit, () => toJUnitXml(report)]] as const) {
      if (Option.isNone(file)) continue
      yield* Effect.tryPromise({
        try: () => writeFile(file.value, text()),
        catch: (cause) => usage(`${flag}: cannot write ${file.value}: ${cause instanceof Error ? cause.message : String(cause)}`)
      })
    }
    process.exitCode = report.interrupted ? EXIT_INTERRUPTED : report.setupError !== null ? EXIT_USAGE : report.ok ? 0 : EXIT_FAILED
  })
).pipe(
  Command.withDescription(
    `Property-test an implementation of a Messaging Service's ${cliTargets.map((target) => target.words.members).join(", ")} endpoints (--target); exit 0 all checks pass, 1 a check fails, 2 usage error or a target that cannot be set up`
  ),
  Command.withExamples([
    {
      command: `${AUTH_TOKEN_VARIABLE}=... shortcode-kit conformance --base-url http://127.0.0.1:4010 --account-sid AC... --short-code-sid SC...`,
      description: "Every check against a local implementation, in a temporary service"
    },
    { command: "shortcode-kit conformance --base-url http://127.0.0.1:4010 --account-sid AC... --checks auth,stateful --runs 20 --junit report.xml", description: "Two checks, fewer runs, JUnit XML for CI" },
    { command: "shortcode-kit conformance --base-url http://127.0.0.1:4010 --account-sid AC... --target phone-numbers --phone-number-sid PN...", description: "The phone numbers of a service" },
    { command: "shortcode-kit conformance --base-url http://127.0.0.1:4010 --account-sid AC... --target alpha-senders", description: "The alpha sender of a service: created by the checks, no SIDs" },
    {
      command: "shortcode-kit conformance --base-url http://127.0.0.1:4010 --account-sid AC... --pool-limit 3 --pool-short-code-sid SC... --pool-short-code-sid SC... --pool-phone-number-sid PN... --pool-phone-number-sid PN...",
      description: "Also the pool checks, against a service that holds at most 3 senders"
    }
  ])
)
