/**
 * Fault plans: which requests fail, how, in what order, as values fast-check generates and shrinks. A plan is a
 * list of steps "the k-th request matching target X gets 429 / 500 / 503 / drop / delay"; `applyFaultPlan` turns it
 * into fault rules. When a property over a plan fails, fast-check shrinks it to the smallest schedule that still
 * breaks the client (fewer steps, earlier requests, a 429 before any other fault) and prints it readably.
 */
import fc from "fast-check"
import { type FaultRule, type FaultRuleState, MAX_DELAY_MS } from "./FaultRule.js"
import type { Faults } from "./Faults.js"

/** The requests a step counts: a method and a path (`*` for one segment), as in a fault rule. */
export interface FaultTarget {
  readonly method: FaultRule["method"]
  readonly path: string
}

/** What a step does to its request. */
export type FaultKind = "429" | "500" | "503" | "drop" | "delay"

/** Every kind, in the order shrinking prefers them (the first is the simplest). */
export const FAULT_KINDS: ReadonlyArray<FaultKind> = ["429", "500", "503", "drop", "delay"]

/** One step of a plan: the `nth` request (1 = the first) matching `target` gets `fault`. */
export interface FaultStep {
  readonly target: FaultTarget
  readonly nth: number
  readonly fault: FaultKind
  /** For `delay`: the latency added. */
  readonly delayMs?: number
}

/** A plan: steps ordered by target (in the order given) and request number. */
export type FaultPlan = ReadonlyArray<FaultStep>

/** Options of `faultPlan`. */
export interface FaultPlanOptions {
  /** The requests that can be faulted; each counts its own matches. */
  readonly targets: ReadonlyArray<FaultTarget>
  /** The faults to draw from, simplest first (shrinking moves toward the first). Default: all of `FAULT_KINDS`. */
  readonly faults?: ReadonlyArray<FaultKind>
  /** How many of the first matching requests of each target a plan can fault. Default 4. */
  readonly maxRequests?: number
  /** The longest `delay` step. Default 50 ms, to keep properties fast. */
  readonly maxDelayMs?: number
}

const describeStep = (step: FaultStep): string =>
  `${step.target.method} ${step.target.path} #${step.nth} -> ${step.fault === "delay" ? `delay ${step.delayMs ?? 0}ms` : step.fault}`

/**
 * The plan as lines of text, one step per line, e.g. `POST /v1/Services #1 -> 429`.
 *
 * @example
 * ```ts
 * import { describeFaultPlan } from "@shortcode-kit/emulator"
 *
 * describeFaultPlan([{ target: { method: "POST", path: "/v1/Services" }, nth: 1, fault: "429" }])
 * // "fault plan, 1 step:\n  POST /v1/Services #1 -> 429"
 * ```
 */
export const describeFaultPlan = (plan: FaultPlan): string =>
  plan.length === 0
    ? "fault plan, no steps (no request is faulted)"
    : [`fault plan, ${plan.length} step${plan.length === 1 ? "" : "s"}:`, ...plan.map((step) => `  ${describeStep(step)}`)].join("\n")

// fast-check prints values with this method in its failure reports, so a counterexample reads as the plan.
const printable = (steps: Array<FaultStep>): FaultPlan =>
  Object.defineProperty(steps, fc.toStringMethod, { value: () => describeFaultPlan(steps), enumerable: false })

/**
 * An arbitrary of fault plans over `targets`. Each target gets a schedule of its first `maxRequests` matching
 * requests, each one passed through or given a fault; shrinking drops steps, moves them to earlier requests and
 * simplifies their faults, so a failing property reports the smallest schedule that still breaks the client.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { applyFaultPlan, faultPlan } from "@shortcode-kit/emulator"
 *
 * fc.asyncProperty(faultPlan({ targets: [{ method: "POST", path: "/v1/Services" }] }), async (plan) => {
 *   applyFaultPlan(server.faults, plan)
 *   // ... run the client against server.url and check it copes ...
 * })
 * ```
 */
export const faultPlan = (options: FaultPlanOptions): fc.Arbitrary<FaultPlan> => {
  const { targets, faults = FAULT_KINDS, maxRequests = 4, maxDelayMs = 50 } = options
  if (targets.length === 0) throw new Error("faultPlan: give at least one target")
  if (faults.length === 0) throw new Error("faultPlan: give at least one fault kind")
  if (!Number.isInteger(maxRequests) || maxRequests < 1) throw new Error(`faultPlan: maxRequests must be a positive integer, received ${maxRequests}`)
  if (!Number.isInteger(maxDelayMs) || maxDelayMs < 0 || maxDelayMs > MAX_DELAY_MS) {
    throw new Error(`faultPlan: maxDelayMs must be an integer from 0 to ${MAX_DELAY_MS}, received ${maxDelayMs}`)
  }
  const fault = fc.record({ kind: fc.constantFrom(...faults), delayMs: fc.integer({ min: 0, max: maxDelayMs }) })
  // `undefined` lets the request through; it is what a slot shrinks to.
  const schedule = fc.array(fc.option(fault, { nil: undefined }), { maxLength: maxRequests })
  const schedules = targets.map(() => schedule) as [typeof schedule, ...Array<typeof schedule>]
  return fc.tuple(...schedules).map((perTarget) =>
    printable(perTarget.flatMap((slots, t) =>
      slots.flatMap((slot, i): Array<FaultStep> => {
        if (slot === undefined) return []
        const target = targets[t] as FaultTarget
        return [slot.kind === "delay"
          ? { target, nth: i + 1, fault: slot.kind, delayMs: slot.delayMs }
          : { target, nth: i + 1, fault: slot.kind }]
      })
    ))
  )
}

/** The rule of one step: it faults exactly the `nth` matching request. */
export const stepRule = (step: FaultStep, options: ApplyFaultPlanOptions = {}): FaultRule => {
  const { method, path } = step.target
  const at = { method, path, nth: step.nth, times: 1 }
  switch (step.fault) {
    case "429":
      return { ...at, status: 429, ...(options.retryAfter === undefined ? {} : { retryAfter: options.retryAfter }) }
    case "500":
      return { ...at, status: 500 }
    case "503":
      return { ...at, status: 503 }
    case "drop":
      return { ...at, action: "drop" }
    case "delay":
      return { ...at, delayMs: step.delayMs ?? 0 }
  }
}

/** Options of `applyFaultPlan`. */
export interface ApplyFaultPlanOptions {
  /** `Retry-After` seconds of the 429 steps (default: the rules' default, 1); 0 keeps clients that wait on it fast. */
  readonly retryAfter?: number
}

/**
 * Makes the emulator execute `plan`: every rule it holds is replaced by one rule per step. Returns the rules as
 * listed, for checking later how many requests each saw.
 *
 * @example
 * ```ts
 * import { applyFaultPlan } from "@shortcode-kit/emulator"
 *
 * applyFaultPlan(server.faults, [{ target: { method: "POST", path: "/v1/Services" }, nth: 2, fault: "503" }])
 * ```
 */
export const applyFaultPlan = (faults: Faults, plan: FaultPlan, options: ApplyFaultPlanOptions = {}): ReadonlyArray<FaultRuleState> => {
  faults.clear()
  return plan.map((step) => faults.add(stepRule(step, options)))
}
