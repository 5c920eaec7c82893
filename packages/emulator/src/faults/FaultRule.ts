/**
 * A fault rule, declared once: the JSON body of `POST /admin/faults`, the TypeScript type of `emulator.faults.add`,
 * and what `GET /admin/faults` lists all come from the schemas here. Wire names are snake_case like the rest of the
 * admin API.
 */
import { errorTable, type ErrorCode } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { CONTROL_PATHS } from "../controls/paths.js"

/** The HTTP methods a rule can match. */
export const FaultMethod = Schema.Literals(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])

/** The wildcard of a rule's path: it stands for exactly one path segment. */
export const PATH_WILDCARD = "*"

/** Where the rules are added, listed and cleared: no rule applies to it, so that a test can always clear them. */
export const FAULTS_PATH = "/admin/faults"

/**
 * The paths no rule reaches: the controls answer them before the rules run (so that a test can always reset, read
 * the journal and see the health of a faulted emulator), and `/admin/faults` itself.
 */
export const UNFAULTED_PATHS: ReadonlyArray<string> = [...CONTROL_PATHS, FAULTS_PATH]

/**
 * A path of non-empty segments (`/v1/Services/*\/ShortCodes`), without query or fragment, and not one of
 * {@link UNFAULTED_PATHS}: a rule for one would be kept and never fire.
 */
export const FaultPath = Schema.String.check(
  Schema.isPattern(/^(?:\/[^/?#\s]+)+$/, {
    message: "must be a path of non-empty segments starting with /, such as /v1/Services/*/ShortCodes (no query)",
    expected: "a path such as /v1/Services/*/ShortCodes"
  }),
  Schema.makeFilter((path: string) => !UNFAULTED_PATHS.includes(path), {
    message: `is a path no rule reaches: ${UNFAULTED_PATHS.join(", ")} answer before the fault rules, so that a test can always reset, read the journal and the health of a faulted emulator`,
    expected: `a path other than ${UNFAULTED_PATHS.join(", ")}`
  })
)

const int = (minimum: number, maximum: number, what: string) =>
  Schema.Int.check(Schema.isBetween({ minimum, maximum }, { message: `must be ${what}`, expected: what }))

/** The longest latency a rule may add: a minute, long enough for any client timeout test. */
export const MAX_DELAY_MS = 60_000

/** The fields of a rule, in TypeScript names. */
export const faultRuleFields = {
  method: FaultMethod,
  path: FaultPath,
  /** The first matching request that is faulted (1 = the first); earlier ones pass through. */
  nth: Schema.optionalKey(int(1, 1_000_000, "an integer from 1 to 1000000")),
  /** The chance that a matching request is faulted, drawn from a generator seeded with `seed`. */
  probability: Schema.optionalKey(Schema.Number.check(Schema.isBetween({ minimum: 0, maximum: 1 }, { message: "must be a number from 0 to 1", expected: "0..1" }))),
  seed: Schema.optionalKey(int(-2147483648, 2147483647, "a 32-bit integer")),
  /** How many requests are faulted at most; without it, every match until the rules are cleared. */
  times: Schema.optionalKey(int(1, 1_000_000, "an integer from 1 to 1000000")),
  /** Answer with this HTTP status and a Twilio error body. */
  status: Schema.optionalKey(int(400, 599, "an HTTP error status from 400 to 599")),
  /** The Twilio error code of the answer; defaults to Twilio's generic code of the status (429 -> 20429). */
  code: Schema.optionalKey(int(10000, 99999, "a five-digit Twilio error code")),
  /** `Retry-After` seconds of the answer; 429 answers carry 1 unless told otherwise. */
  retryAfter: Schema.optionalKey(int(0, 86400, "a number of seconds from 0 to 86400")),
  /** Latency added before the normal answer. */
  delayMs: Schema.optionalKey(int(0, MAX_DELAY_MS, `a number of milliseconds from 0 to ${MAX_DELAY_MS}`)),
  /** `"drop"`: close the connection without an answer. */
  action: Schema.optionalKey(Schema.Literal("drop"))
}

/** The wire names of a rule's fields. */
export const faultRuleWireKeys = {
  method: "method",
  path: "path",
  nth: "nth",
  probability: "probability",
  seed: "seed",
  times: "times",
  status: "status",
  code: "code",
  retryAfter: "retry_after",
  delayMs: "delay_ms",
  action: "action"
} as const

/** Twilio's generic error code of an HTTP status (20000 + status), when the error table has it. */
export const genericCodeOf = (status: number): ErrorCode | undefined => {
  const code = 20000 + status
  return Object.prototype.hasOwnProperty.call(errorTable, code) ? (code as ErrorCode) : undefined
}

type RuleShape = {
  readonly status?: number
  readonly code?: number
  readonly retryAfter?: number
  readonly delayMs?: number
  readonly action?: "drop"
  readonly probability?: number
  readonly seed?: number
}

const ACTIONS = "status, delay_ms or action \"drop\""

// Cross-field rules, reported at the field (wire name) that breaks them.
const oneAction = Schema.makeFilter((r: RuleShape) => {
  const given = [r.status !== undefined && "status", r.delayMs !== undefined && "delay_ms", r.action !== undefined && "action"]
    .filter((name): name is string => name !== false)
  if (given.length === 1) return undefined
  if (given.length === 0) return `must say what to do: one of ${ACTIONS}`
  return { path: [given[1] as string], issue: `cannot be combined with ${given[0]}: a rule does one of ${ACTIONS}` }
}, { expected: `exactly one of ${ACTIONS}` })

const codeKnown = Schema.makeFilter((r: RuleShape) => {
  if (r.code !== undefined && r.status === undefined) return { path: ["code"], issue: "goes with status: code is the Twilio error code of an error answer" }
  if (r.status !== undefined && r.code === undefined && genericCodeOf(r.status) === undefined) {
    return { path: ["code"], issue: `is required with status ${r.status}: Twilio has no generic code for it (the defaults are 429 -> 20429, 500 -> 20500, 503 -> 20503)` }
  }
  return undefined
}, { expected: "a Twilio error code for the status" })

const retryAfterWithStatus = Schema.makeFilter((r: RuleShape) =>
  r.retryAfter !== undefined && r.status === undefined
    ? { path: ["retry_after"], issue: "goes with status: it is the Retry-After header of an error answer" }
    : undefined, { expected: "retry_after only with status" })

const seedWithProbability = Schema.makeFilter((r: RuleShape) =>
  r.seed !== undefined && r.probability === undefined
    ? { path: ["seed"], issue: "goes with probability: it seeds the draws of a probabilistic rule" }
    : undefined, { expected: "seed only with probability" })

/**
 * A fault rule: which requests (`method`, `path` with `*` for one segment, optionally from the `nth` match on or
 * with a seeded `probability`, at most `times`) and what happens to them (an error `status`, `delay_ms` of latency,
 * or `action: "drop"`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
import { CONTROL_PATHS } from "../controls/paths.js"
 * import { FaultRule } from "@shortcode-kit/emulator"
 *
 * Schema.decodeUnknownSync(FaultRule)({ method: "POST", path: "/v1/Services/*\/ShortCodes", status: 429, times: 2 })
 * ```
 */
export const FaultRule = Schema.Struct(faultRuleFields).pipe(
  Schema.encodeKeys(faultRuleWireKeys),
  Schema.check(oneAction, codeKnown, retryAfterWithStatus, seedWithProbability)
).annotate({ identifier: "FaultRule", description: "A fault the emulator injects into matching requests" })

/**
 * How a rule is decoded, over HTTP and in TypeScript alike: a field the rule does not have is refused by name, since
 * ignoring it would quietly run another rule than the one meant (`retryAfter` for `retry_after`, say).
 */
export const FAULT_RULE_PARSE_OPTIONS = { errors: "all", onExcessProperty: "error" } as const

export type FaultRule = typeof FaultRule.Type
export type FaultRuleWire = typeof FaultRule.Encoded

/** A rule as `GET /admin/faults` lists it: the rule, its id, and its counters. */
export const FaultRuleState = Schema.Struct({
  id: Schema.Int,
  ...faultRuleFields,
  /** Requests that matched `method` and `path`. */
  matched: Schema.Int,
  /** Requests the rule faulted. */
  faulted: Schema.Int,
  /** Whether it can still fault a request (`times` not used up). */
  active: Schema.Boolean
}).pipe(Schema.encodeKeys({ id: "id", ...faultRuleWireKeys, matched: "matched", faulted: "faulted", active: "active" })).annotate({
  identifier: "FaultRuleState"
})

export type FaultRuleState = typeof FaultRuleState.Type

/** The answer of `GET /admin/faults`. */
export const FaultRuleList = Schema.Struct({ faults: Schema.Array(FaultRuleState) })
