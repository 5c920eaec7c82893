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
   * Adds a rule after the ones already there; throws, naming each bad field by its TypeScript name (`delayMs`) with
   * the reason `POST /admin/faults` gives, when the rule is malformed, has a field a rule does not have (a wire name
   * such as `delay_ms` included) or is not an object.
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

// The fields whose wire name differs from their TypeScript name (`delay_ms` is `delayMs`).
const renamed: ReadonlyArray<readonly [wire: string, domain: string]> = Object.entries(faultRuleWireKeys)
  .filter(([domain, wire]) => domain !== wire)
  .map(([domain, wire]) => [wire, domain] as const)

/** A message of the HTTP body's decoder with the TypeScript names of the fields in it. */
const inTypeScriptNames = (message: string): string =>
  renamed.reduce((text, [wire, domain]) => text.replace(new RegExp(`\\b${wire}\\b`, "g"), domain), message)

const invalid = (reason: string): Error => new Error(`faults.add: invalid fault rule. ${reason}`)

/** The handle over `store`. */
export const makeFaults = (store: FaultStore): Faults => ({
  add: (rule) => {
    if (typeof rule !== "object" || rule === null || Array.isArray(rule)) {
      throw new TypeError(`faults.add: a rule must be an object such as { method: "GET", path: "/v1/Services", status: 503 }, received ${rule === null ? "null" : Array.isArray(rule) ? "an array" : typeof rule}`)
    }
    // A wire name given in TypeScript would otherwise pass through toWire as the field it names.
    for (const [wire, domain] of renamed) {
      if (Object.hasOwn(rule, wire)) throw invalid(`${wire}: is the name in the HTTP body; in TypeScript the field is ${domain} (received ${JSON.stringify((rule as Record<string, unknown>)[wire])})`)
    }
    const wire = toWire(rule)
    const result = decodeRule(wire, FAULT_RULE_PARSE_OPTIONS)
    if (Result.isFailure(result)) throw invalid(inTypeScriptNames(describeIssues(result.failure.issue, wire)))
    return store.add(result.success)
  },
  clear: () => store.clear(),
  list: () => store.list()
})
