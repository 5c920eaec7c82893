/**
 * Effect's issue tree flattened into the list people act on: one plain object per problem, each with the path (in
 * wire names), a stable rule identifier, a sentence, what was expected and what was received.
 *
 * @since 0.1.0
 */
import { SchemaIssue } from "effect"
import { checkText, describeReceived, expectedOfAst, typeIssue, valueAt } from "./internal/flatIssue.js"
import { RuleAnnotation } from "./internal/rule.js"
import { wireKeysOf } from "./internal/wireKeys.js"
import type { PathSegment, ValidationIssue } from "./ValidationIssue.js"

// Declared in their own leaf module (see there); exported from here as they always were.
export type { PathSegment, ValidationIssue } from "./ValidationIssue.js"

export { describeReceived }

const ruleOf = (annotations: { readonly [k: string]: unknown } | undefined): string | undefined => {
  const rule = annotations?.[RuleAnnotation]
  return typeof rule === "string" ? rule : undefined
}

const toSegment = (key: PropertyKey): PathSegment => (typeof key === "symbol" ? String(key) : key)

/**
 * Checks that run on the decoded side of a struct with renamed keys (a domain date's range, the strict profile's
 * cross-field rules inside a page) are reported by Effect under the domain name. Users see the names of what they
 * sent, so a segment is mapped back to its wire name where the input has the wire key and not the domain key.
 *
 * The names come from the issue itself: Effect reports those checks in a `Composite` of the codec, whose schema node
 * carries the wire names the codec recorded (internal/wireKeys.ts), so this generic code knows no resource. Only the
 * segments of the pointers directly under that `Composite` (the codec's own properties) are mapped.
 */
const hasOwn = (value: unknown, key: PathSegment): boolean =>
  typeof value === "object" && value !== null && Object.prototype.hasOwnProperty.call(value, key)
const toWireSegments = (
  value: unknown,
  segments: ReadonlyArray<PathSegment>,
  wireKeys: Readonly<Record<string, string>> | undefined
): Array<PathSegment> => {
  const out: Array<PathSegment> = []
  for (const segment of segments) {
    // Own keys only: a name that Object.prototype has (or a polluted prototype was given) is no domain key.
    const wire = wireKeys !== undefined && typeof segment === "string" && hasOwn(wireKeys, segment) ? wireKeys[segment] : undefined
    const key = typeof wire === "string" && !hasOwn(value, segment) && hasOwn(value, wire) ? wire : segment
    out.push(key)
    value = hasOwn(value, key) ? (value as Record<PathSegment, unknown>)[key] : undefined
  }
  return out
}

/**
 * Flattens an Effect Schema issue into every leaf problem, depth first, in the order the schema checked them.
 *
 * @example
 * ```ts
 * import { Result, Schema } from "effect"
 * import { ShortCode, toValidationIssues } from "@shortcode-kit/schema"
 *
 * const result = Schema.decodeUnknownResult(ShortCode)({ sid: "SC12" }, { errors: "all" })
 * if (Result.isFailure(result)) toValidationIssues(result.failure.issue)[0]?.rule // "sid.length"
 * ```
 * @since 0.1.0
 */
export const toValidationIssues = (root: SchemaIssue.Issue, rootInput?: unknown): Array<ValidationIssue> => {
  const out: Array<ValidationIssue> = []
  // Effect records an issue's input only with `reportInput`; the value at the issue's path in the input is the same
  // thing, costs nothing on the success path, and is what the user sent (wire names).
  const inputOf = (issue: SchemaIssue.Issue, path: ReadonlyArray<PathSegment>): unknown =>
    SchemaIssue.hasInput(issue) ? issue.input : valueAt(rootInput, path)
  // `wireKeys`: the wire names recorded on the schema of the `Composite` the issue sits directly in, if any.
  const visit = (issue: SchemaIssue.Issue, path: ReadonlyArray<PathSegment>, wireKeys?: Readonly<Record<string, string>>): void => {
    switch (issue._tag) {
      case "Pointer":
        visit(issue.issue, [...path, ...toWireSegments(valueAt(rootInput, path), issue.path.map(toSegment), wireKeys)])
        return
      case "Composite": {
        const keys = wireKeysOf(issue.ast.annotations)
        for (const child of issue.issues) visit(child, path, keys)
        return
      }
      case "Encoding":
        visit(issue.issue, path)
        return
      case "AnyOf":
        if (issue.issues.length === 0) {
          out.push(typeIssue(path, expectedOfAst(issue.ast), inputOf(issue, path)))
        } else {
          for (const child of issue.issues) visit(child, path)
        }
        return
      case "Filter": {
        const inner = issue.issue
        // A filter that reports its failure at a sub-path (a cross-field rule) keeps the rule and adds the path.
        if (inner._tag === "Pointer") {
          const leaf = inner.issue
          const at = inner.path.map(toSegment)
          const value = valueAt(rootInput, [...path, ...at]) ?? inputOf(leaf, [...path, ...at])
          out.push({ path: [...path, ...at], ...checkText(issue.filter.annotations, leaf), received: describeReceived(value) })
          return
        }
        out.push({ path, ...checkText(issue.filter.annotations, inner), received: describeReceived(inputOf(issue, path)) })
        return
      }
      case "InvalidType":
        out.push(typeIssue(path, expectedOfAst(issue.ast), inputOf(issue, path)))
        return
      case "InvalidValue": {
        const a = issue.annotations
        const expected = typeof a?.expected === "string" ? a.expected : "a valid value"
        out.push({
          path,
          rule: ruleOf(a) ?? "value",
          message: typeof a?.message === "string" ? a.message : `must be ${expected}`,
          expected,
          received: describeReceived(inputOf(issue, path))
        })
        return
      }
      case "MissingKey":
        out.push({
          path,
          rule: "required",
          message: typeof issue.annotations?.messageMissingKey === "string" ? issue.annotations.messageMissingKey : "is required",
          expected: "a value",
          received: "(missing)"
        })
        return
      case "UnexpectedKey":
        out.push({ path, rule: "unexpected", message: "is not an allowed property", expected: "no such property", received: describeReceived(inputOf(issue, path)) })
        return
      case "Forbidden":
        out.push({ path, rule: "forbidden", message: typeof issue.annotations?.message === "string" ? issue.annotations.message : "cannot be processed", expected: "a value that can be processed", received: describeReceived(inputOf(issue, path)) })
        return
      case "OneOf":
        out.push({ path, rule: "oneOf", message: "matches more than one alternative", expected: "exactly one alternative", received: describeReceived(inputOf(issue, path)) })
        return
    }
  }
  visit(root, [])
  return out
}
