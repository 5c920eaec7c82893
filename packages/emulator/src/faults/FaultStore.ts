/**
 * The fault rules of one emulator and their counters. Every request that reaches the handler asks `decide` once;
 * rules are tried in the order they were added and the first that fires decides (every rule whose method and path
 * match still counts the request in `matched`, so `nth` means the same whatever other rules do).
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64"
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus"
import type { RandomGenerator } from "pure-rand/types/RandomGenerator"
import { FAULTS_PATH, type FaultRule, type FaultRuleState, PATH_WILDCARD } from "./FaultRule.js"

export { FAULTS_PATH } from "./FaultRule.js"

/** What to do with a request a rule fired on. */
export type FaultAction =
  | { readonly _tag: "Error"; readonly ruleId: number; readonly rule: FaultRule }
  | { readonly _tag: "Delay"; readonly ruleId: number; readonly ms: number }
  | { readonly _tag: "Drop"; readonly ruleId: number }

interface Entry {
  readonly id: number
  readonly rule: FaultRule
  readonly segments: ReadonlyArray<string>
  readonly random: RandomGenerator | undefined
  matched: number
  faulted: number
}

/** The rules, their counters, and the decision for each request. */
export interface FaultStore {
  /** Adds a rule (already decoded) and returns it as listed. */
  readonly add: (rule: FaultRule) => FaultRuleState
  /** Removes every rule; ids start over. */
  readonly clear: () => void
  readonly list: () => ReadonlyArray<FaultRuleState>
  /** Whether any rule is held (active or used up): without one, requests skip the matching altogether. */
  readonly hasRules: () => boolean
  /** Counts the request against every matching rule and returns what the first one that fires says. */
  readonly decide: (method: string, pathname: string) => FaultAction | undefined
}

const segmentsOf = (path: string): ReadonlyArray<string> => path.split("/").slice(1)

const pathMatches = (pattern: ReadonlyArray<string>, path: ReadonlyArray<string>): boolean =>
  pattern.length === path.length && pattern.every((segment, i) => segment === PATH_WILDCARD ? path[i] !== "" : segment === path[i])

const isActive = (entry: Entry): boolean => entry.rule.times === undefined || entry.faulted < entry.rule.times

const stateOf = (entry: Entry): FaultRuleState => ({
  id: entry.id,
  ...entry.rule,
  matched: entry.matched,
  faulted: entry.faulted,
  active: isActive(entry)
})

const actionOf = (entry: Entry): FaultAction => {
  const { rule, id } = entry
  if (rule.action === "drop") return { _tag: "Drop", ruleId: id }
  if (rule.delayMs !== undefined) return { _tag: "Delay", ruleId: id, ms: rule.delayMs }
  return { _tag: "Error", ruleId: id, rule }
}

/** An empty store. */
export const makeFaultStore = (): FaultStore => {
  let entries: Array<Entry> = []
  let nextId = 1

  const fires = (entry: Entry): boolean => {
    entry.matched++
    if (!isActive(entry) || entry.matched < (entry.rule.nth ?? 1)) return false
    // One draw per eligible request, so the same seed and the same requests give the same faults.
    if (entry.random !== undefined && uniformFloat64(entry.random) >= (entry.rule.probability ?? 1)) return false
    return true
  }

  return {
    add: (rule) => {
      const entry: Entry = {
        id: nextId++,
        rule,
        segments: segmentsOf(rule.path),
        random: rule.probability === undefined ? undefined : xoroshiro128plus(rule.seed ?? 0),
        matched: 0,
        faulted: 0
      }
      entries.push(entry)
      return stateOf(entry)
    },
    clear: () => {
      entries = []
      nextId = 1
    },
    list: () => entries.map(stateOf),
    hasRules: () => entries.length > 0,
    decide: (method, pathname) => {
      if (entries.length === 0 || pathname === FAULTS_PATH) return undefined
      const path = segmentsOf(pathname)
      let chosen: Entry | undefined
      for (const entry of entries) {
        if (entry.rule.method !== method || !pathMatches(entry.segments, path)) continue
        if (fires(entry) && chosen === undefined) chosen = entry
      }
      if (chosen === undefined) return undefined
      chosen.faulted++
      return actionOf(chosen)
    }
  }
}
