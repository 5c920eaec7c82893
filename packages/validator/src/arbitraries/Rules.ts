/**
 * Values of a rule-checked schema from the generators its rules carry (`generators` of `ruleCheck` in the schema
 * package): values that keep every rule, and near misses that break exactly one, each confirmed by the rules' own
 * predicates.
 *
 * @since 0.2.0
 */
import { generatorsOfCheck, type RecordedGenerators } from "@shortcode-kit/schema"
import type { Schema, SchemaAST } from "effect"
import * as fc from "fast-check"
import type { NearMiss } from "./NearMiss.js"

/** The rules of a schema node that carry generators, in the order they are checked. */
export const rulesOf = (ast: SchemaAST.AST): ReadonlyArray<RecordedGenerators<any>> =>
  (ast.checks ?? []).flatMap((check) => generatorsOfCheck(check) ?? [])

/**
 * A generated value, confirmed: it breaks `broken` (if given) and keeps every other rule of `rules`; else the
 * generators of a rule are wrong, which is a bug to report at once, not a value to test with.
 */
export const confirm = <T>(caller: string, rules: ReadonlyArray<RecordedGenerators<T>>, broken: RecordedGenerators<T> | undefined, value: T): T => {
  for (const rule of rules) {
    if (rule.predicate(value) === (rule === broken)) {
      const what = broken === undefined ? "a valid value" : `a near miss of ${broken.rule}`
      throw new Error(`${caller}: the generators of ${rule.rule} made ${what} that ${rule === broken ? "keeps" : "breaks"} it: ${JSON.stringify(value)}`)
    }
  }
  return value
}

/** The valid values of a schema node by its rules (the last rule's `valid`), if one of them says. */
export const validOf = (caller: string, ast: SchemaAST.AST): fc.Arbitrary<unknown> | undefined => {
  const rules = rulesOf(ast)
  const last = rules.findLast((rule) => rule.valid !== undefined)
  return last?.valid?.(fc).map((value) => confirm(caller, rules, undefined, value))
}

/**
 * For each rule of a schema node with a `breaking` generator: its rule id, and from a valid value the values that
 * break it, confirmed to keep every rule checked before it (so that a rule checked in order, stopping at the first
 * failure, reports exactly it).
 */
export const breakingOf = (caller: string, ast: SchemaAST.AST) => {
  const rules = rulesOf(ast)
  return rules.flatMap((rule, at) =>
    rule.breaking === undefined
      ? []
      : [{ rule: rule.rule, from: (valid: unknown) => rule.breaking(fc, valid).map((value) => confirm(caller, rules.slice(0, at + 1), rule, value)) }]
  )
}

/**
 * The arbitraries of a value schema whose rules carry generators, such as `AlphaSenderText` or a SID: values that
 * keep every rule, and near misses `{ value, rule, path: [] }` of each rule. `name` names the caller in errors.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { AlphaSenderText } from "@shortcode-kit/schema"
 * import { ruleArbitraries } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(ruleArbitraries(AlphaSenderText, "alphaSenders").nearMiss, 1) // [{ value: "12345", rule: "alpha-sender.not-only-digits", path: [] }]
 * ```
 * @since 0.2.0
 */
export const ruleArbitraries = <S extends Schema.Top>(schema: S, name: string): {
  readonly valid: fc.Arbitrary<S["Type"]>
  readonly nearMiss: fc.Arbitrary<NearMiss<S["Type"]>>
} => {
  const valid = validOf(name, schema.ast) as fc.Arbitrary<S["Type"]> | undefined
  const breaking = breakingOf(name, schema.ast)
  if (valid === undefined || breaking.length === 0) throw new TypeError(`${name}: the schema's rules carry no valid and breaking generators`)
  return {
    valid,
    nearMiss: fc.oneof(...breaking.map(({ rule, from }) => valid.chain(from).map((value) => ({ value, rule, path: [] }))))
  }
}
