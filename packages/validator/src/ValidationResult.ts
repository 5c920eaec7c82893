/**
 * What every validator returns, and the error the asserting variants throw.
 *
 * @since 0.1.0
 */
import type { PathSegment, ValidationIssue } from "@shortcode-kit/schema"

export type { PathSegment, ValidationIssue }

/**
 * A valid input, decoded to its domain value (camelCase, `Date`s, `URL`s).
 *
 * @since 0.1.0
 */
export interface ValidationSuccess<A> {
  readonly ok: true
  readonly value: A
}

/**
 * An invalid input with every problem found, in the order the schema checked them.
 *
 * @since 0.1.0
 */
export interface ValidationFailure {
  readonly ok: false
  readonly issues: ReadonlyArray<ValidationIssue>
}

/**
 * The outcome of a validator: never thrown, always one of the two.
 *
 * @example
 * ```ts
 * import { validateShortCode } from "@shortcode-kit/validator"
 *
 * const result = validateShortCode({ sid: "SC12" })
 * if (!result.ok) console.log(result.issues.map((issue) => issue.rule)) // ["sid.length"]
 * ```
 * @since 0.1.0
 */
export type ValidationResult<A> = ValidationSuccess<A> | ValidationFailure

/**
 * A path as people read it: `short_codes[0].sid`, `(root)` for the input itself.
 *
 * @example
 * ```ts
 * import { formatPath } from "@shortcode-kit/validator"
 *
 * formatPath(["short_codes", 0, "sid"]) // "short_codes[0].sid"
 * ```
 * @since 0.1.0
 */
export const formatPath = (path: ReadonlyArray<PathSegment>): string => {
  if (path.length === 0) return "(root)"
  let out = ""
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out === "" ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

/**
 * One issue on one line: path, rule, message, expected and received.
 *
 * @example
 * ```ts
 * import { formatIssue, validateShortCode } from "@shortcode-kit/validator"
 *
 * const result = validateShortCode({ sid: "SC12" })
 * if (!result.ok) formatIssue(result.issues[0]!)
 * // 'sid: sid.length: must be exactly 34 characters long: ... (expected "SC" followed by 32 hexadecimal digits; received "SC12")'
 * ```
 * @since 0.1.0
 */
export const formatIssue = (issue: ValidationIssue): string =>
  `${formatPath(issue.path)}: ${issue.rule}: ${issue.message} (expected ${issue.expected}; received ${issue.received})`

/**
 * Thrown by the `assert*` functions: `issues` holds every problem, and the message lists each with its path.
 *
 * @example
 * ```ts
 * import { assertShortCode, ValidationError } from "@shortcode-kit/validator"
 *
 * try {
 *   assertShortCode({ sid: "SC12" })
 * } catch (error) {
 *   if (error instanceof ValidationError) error.issues[0]?.path // ["sid"]
 * }
 * ```
 * @since 0.1.0
 */
export class ValidationError extends Error {
  override readonly name = "ValidationError"
  readonly issues: ReadonlyArray<ValidationIssue>

  constructor(subject: string, issues: ReadonlyArray<ValidationIssue>) {
    const count = issues.length === 1 ? "1 issue" : `${issues.length} issues`
    super(`Invalid ${subject} (${count}):\n${issues.map((issue) => `  - ${formatIssue(issue)}`).join("\n")}`)
    this.issues = issues
  }
}

/** The decoded value, or a `ValidationError` naming `subject`. */
export const getOrThrow = <A>(subject: string, result: ValidationResult<A>): A => {
  if (result.ok) return result.value
  throw new ValidationError(subject, result.issues)
}
