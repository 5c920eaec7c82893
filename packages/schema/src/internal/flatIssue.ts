import { type SchemaAST, SchemaIssue } from "effect"
import type { PathSegment, ValidationIssue } from "../ValidationIssue.js"
import { RuleAnnotation } from "./rule.js"

// The parts of one flat issue that both producers share: the flattening of Effect's issue tree (Issue.ts) and the
// direct failure paths (directFailure.ts). Written once here so that the two cannot word an issue differently. This
// module imports nothing of the package at run time, so the schema modules can use it while they are being defined.

const MAX_RECEIVED = 200

// A string that JSON.stringify writes as itself in quotes: nothing it escapes (a quote, a backslash, a control
// character, a lone surrogate; paired surrogates are left to JSON.stringify too). Quoting directly is several times
// faster, and received values are mostly such strings.
const QUOTES_AS_IS = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/

/**
 * A short, single-line rendering of any value, safe for logs (never throws).
 *
 * @example
 * ```ts
 * import { describeReceived } from "@shortcode-kit/schema"
 *
 * describeReceived("SC12") // '"SC12"'
 * describeReceived(undefined) // "(missing)"
 * ```
 * @since 0.1.0
 */
export const describeReceived = (value: unknown): string => {
  if (value === undefined) return "(missing)"
  let text: string
  try {
    if (typeof value === "string") text = QUOTES_AS_IS.test(value) ? `"${value}"` : JSON.stringify(value)
    else if (typeof value === "bigint") text = `${value}n`
    else if (typeof value === "symbol" || typeof value === "function") text = String(value)
    else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()
    else if (value instanceof URL) text = value.href
    else text = JSON.stringify(value) ?? String(value)
  } catch {
    // Nested too deeply for JSON.stringify (or a getter that throws): say what it is instead.
    text = Array.isArray(value)
      ? `an array of ${value.length} item${value.length === 1 ? "" : "s"} that cannot be shown (nested too deeply, or not JSON)`
      : `${typeof value === "object" && value !== null ? "an object" : typeof value} that cannot be shown (nested too deeply, or not JSON)`
  }
  return text.length > MAX_RECEIVED ? `${text.slice(0, MAX_RECEIVED - 1)}…` : text
}

/** What a value of `ast` looks like, in the words of Effect's default message ("string | null"). */
export const expectedOfAst = (ast: SchemaAST.AST): string => {
  const text = SchemaIssue.defaultLeafHook(new SchemaIssue.InvalidType(ast))
  return text.startsWith("Expected ") ? text.slice("Expected ".length) : text
}

/** A form body's value(s) under a name: the one value, the list when repeated, `undefined` when absent. */
const formValue = (params: URLSearchParams, name: PathSegment): unknown => {
  const values = params.getAll(String(name))
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values
}

/**
 * What the input holds at `path`, reading own properties only (an inherited property is not something the user
 * sent); a form body (text or `URLSearchParams`) is read by parameter name.
 */
export const valueAt = (root: unknown, path: ReadonlyArray<PathSegment>): unknown => {
  let value = root
  for (const [i, key] of path.entries()) {
    // A form body's text (or its params), as a form codec reads it, at any depth: its last segment is a field name.
    if ((typeof value === "string" || value instanceof URLSearchParams) && i === path.length - 1) {
      return formValue(typeof value === "string" ? new URLSearchParams(value) : value, key)
    }
    if (typeof value !== "object" || value === null) return undefined
    value = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<PathSegment, unknown>)[key] : undefined
  }
  return value
}

/** The issue of a value of the wrong type: `expected` is {@link expectedOfAst} of the schema it failed. */
export const typeIssue = (path: ReadonlyArray<PathSegment>, expected: string, received: unknown): ValidationIssue => ({
  path,
  rule: "type",
  message: `must be ${expected}`,
  expected,
  received: describeReceived(received)
})

/**
 * The rule, sentence and expectation of a failed check, read from the check's annotations; `leaf` is the issue the
 * check returned (its own message, when it has one, wins).
 */
export const checkText = (
  annotations: { readonly [k: string]: unknown } | undefined,
  leaf: SchemaIssue.Issue
): { readonly rule: string; readonly message: string; readonly expected: string } => {
  const rule = annotations?.[RuleAnnotation]
  const expected = typeof annotations?.expected === "string" ? annotations.expected : "a valid value"
  const message = leaf._tag === "InvalidValue" && typeof leaf.annotations?.message === "string"
    ? leaf.annotations.message
    : typeof annotations?.message === "string" ? annotations.message : `must be ${expected}`
  return { rule: typeof rule === "string" ? rule : "check", message, expected }
}
