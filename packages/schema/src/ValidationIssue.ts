/**
 * The shape of one flat issue, in a module of its own that imports nothing: every producer of issues (the flattener
 * in Issue.ts, the direct failure paths, the HTTP client) and every consumer depends on it, and it depends on none
 * of them, so no import cycle can run through it.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export type PathSegment = string | number

/**
 * One problem with an input.
 *
 * @since 0.1.0
 */
export interface ValidationIssue {
  /** Keys and indices from the root of the input, in wire names: `["capabilities", 1]`. */
  readonly path: ReadonlyArray<PathSegment>
  /** A stable identifier of the rule that failed: `"sid.prefix"`, `"required"`, `"type"`, `"format.date-time"`... */
  readonly rule: string
  /** What is wrong, as a sentence about the value at `path`. */
  readonly message: string
  /** What a valid value looks like, briefly. */
  readonly expected: string
  /** A short rendering of what was there (`"SC12"`, `42`, `null`, `(missing)`). */
  readonly received: string
}
