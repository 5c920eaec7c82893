/**
 * The TypeScript face of fault injection, `emulator.faults`: the same rules, checks and counters as
 * `/admin/faults`, without HTTP.
 */
import { Result, Schema } from "effect"
import { describeIssues } from "../routes/admin.js"
import { FAULT_RULE_PARSE_OPTIONS, FaultRule, type FaultRuleState, faultRuleWireKeys } from "./FaultRule.js"
import type { FaultStore } from "./FaultStore.js"

/** Fault rules of one emulator. */
export interface Faults {
  /**
   * Adds a rule after the ones already there; throws, naming each bad field as `POST /admin/faults` does, when the
   * rule is malformed.
   */
  readonly add: (rule: FaultRule) => FaultRuleState
  /** Removes every rule. */
  readonly clear: () => void
  /** Every rule in the order added, with how many requests each matched and faulted. */
  readonly list: () => ReadonlyArray<FaultRuleState>
}

const decodeRule = Schema.decodeUnknownResult(FaultRule)

/** A rule in wire names, so that it meets exactly the decoder (and the messages) of the HTTP body. */
const toWire = (rule: FaultRule): Record<string, unknown> => {
  const wire: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(rule)) {
    wire[key in faultRuleWireKeys ? faultRuleWireKeys[key as keyof typeof faultRuleWireKeys] : key] = value
  }
  return wire
}

/** The handle over `store`. */
export const makeFaults = (store: FaultStore): Faults => ({
  add: (rule) => {
    const wire = toWire(rule)
    const result = decodeRule(wire, FAULT_RULE_PARSE_OPTIONS)
    if (Result.isFailure(result)) throw new Error(`faults.add: invalid fault rule. ${describeIssues(result.failure.issue, wire)}`)
    return store.add(result.success)
  },
  clear: () => store.clear(),
  list: () => store.list()
})
