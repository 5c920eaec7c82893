import { Schema, type SchemaAST, SchemaIssue, type SchemaRepresentation } from "effect"
import type * as FastCheck from "fast-check"

/**
 * The annotation key under which every check of this package records its stable rule identifier
 * (`"sid.prefix"`, `"format.date-time"`, ...). Issue flattening reads it back; users read `rule`.
 */
export const RuleAnnotation = "shortcode-kit/rule" as const

/**
 * The annotation key under which a check records how to generate values for it ({@link RuleGenerators}), so that
 * property tests derive valid values and near misses from the rules instead of restating them.
 */
export const RuleGeneratorsAnnotation = "shortcode-kit/rule-generators" as const

/**
 * How a rule generates values, declared next to the rule. Each function gets fast-check's module from the caller,
 * so this package needs fast-check (an optional peer) only where values are generated. Which of `valid`/`keep` a
 * rule has depends on what it judges: a value (`valid`), or an object's properties against each other (`keep`).
 */
export interface RuleGenerators<T> {
  /** Values that keep this rule and every rule before it on the same schema (on the last rule: the schema's values). */
  readonly valid?: (fc: typeof FastCheck) => FastCheck.Arbitrary<T>
  /** For a check on an object: `value`, changed only where needed to keep this rule. */
  readonly keep?: (value: T) => T
  /** From `value`, which keeps every rule of its schema, values that break this rule and keep every other one. */
  readonly breaking: (fc: typeof FastCheck, value: T) => FastCheck.Arbitrary<T>
}

/** A rule's generators as a check records them, with what the check needs to confirm a generated value. */
export interface RecordedGenerators<T> extends RuleGenerators<T> {
  readonly rule: string
  readonly predicate: (input: T) => boolean
  /** For a check on an object: the wire path its failure is reported at. */
  readonly path?: ReadonlyArray<PropertyKey>
}

/** The generators a check carries, if it was made by `ruleCheck` with some. */
export const generatorsOfCheck = <T>(check: SchemaAST.Check<T>): RecordedGenerators<T> | undefined =>
  (check.annotations as Record<string, unknown> | undefined)?.[RuleGeneratorsAnnotation] as RecordedGenerators<T> | undefined

/** What a rule says when it fails: a complete sentence about the value, and the short form of what was expected. */
export interface RuleText {
  readonly message: string
  readonly expected: string
}

/** A rule as the table holds it: its identifier, its predicate and its words. */
export interface Rule<T> extends RuleText {
  readonly rule: string
  readonly predicate: (input: T) => boolean
}

// Every check made by `ruleCheck` that judges the value itself (no `path`), by check. The direct failure paths read
// a rule from here instead of running the check, which would build an Effect issue only to be flattened.
const table = new WeakMap<SchemaAST.Check<never>, Rule<never>>()

/**
 * The rule behind a check, when `ruleCheck` made it and it judges the value itself: the check fails exactly when
 * `predicate` is false, and its issue flattens to `rule`, `message` and `expected`.
 */
export const ruleOfCheck = <T>(check: SchemaAST.Check<T>): Rule<T> | undefined =>
  table.get(check as SchemaAST.Check<never>) as Rule<T> | undefined

/**
 * A named check. `abort` stops the remaining checks of the same value after this one fails, so that a near-miss
 * value is reported under the one rule it breaks instead of a cascade (a short SID is "too short", not also "not hex").
 */
export const ruleCheck = <T>(
  rule: string,
  predicate: (input: T) => boolean,
  text: RuleText,
  options: {
    readonly abort?: boolean
    readonly jsonSchema?: Record<string, unknown>
    /** For a check on an object, the property the failure is about (in wire names). */
    readonly path?: ReadonlyArray<PropertyKey>
    /** For a check with a `path`: the value found there, reported as `received`. */
    readonly received?: (input: T) => unknown
    /** How property tests generate values that keep or break the rule. */
    readonly generators?: RuleGenerators<T>
  } = {}
) => {
  const jsonSchema = options.jsonSchema as SchemaRepresentation.ToJsonSchema.CheckOutput | undefined
  const filter = Schema.makeFilter<T>(
    (input) =>
      predicate(input) ||
      (options.path === undefined
        ? false
        : { path: options.path, issue: new SchemaIssue.InvalidValue({ message: text.message, expected: text.expected }, options.received?.(input)) }),
    {
      message: text.message,
      expected: text.expected,
      [RuleAnnotation]: rule,
      ...(options.generators !== undefined
        ? {
          [RuleGeneratorsAnnotation]: {
            ...options.generators,
            rule,
            predicate,
            ...(options.path !== undefined ? { path: options.path } : {})
          } satisfies RecordedGenerators<T>
        }
        : {}),
      ...(jsonSchema !== undefined ? { toJsonSchema: () => jsonSchema } : {})
    },
    options.abort ?? true
  )
  if (options.path === undefined) {
    table.set(filter as SchemaAST.Check<never>, { rule, predicate, message: text.message, expected: text.expected } as Rule<never>)
  }
  return filter
}
