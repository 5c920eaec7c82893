/**
 * Twilio's rule for request parameters (the query and the form body alike): each declared parameter at most once,
 * never first-wins; parameters the endpoint does not declare are ignored, as Twilio ignores them.
 */
import { describeReceived, type ValidationIssue } from "@shortcode-kit/schema"
import type { WireKey } from "./wireKeys.js"

/** The single values of the declared parameters, or the issues of those given more than once. */
export type SingleValues =
  | { readonly ok: true; readonly values: Record<string, string> }
  | { readonly ok: false; readonly issues: ReadonlyArray<ValidationIssue> }

/**
 * The single value of each declared key that `valuesOf` has; a key given more than once is an issue of rule
 * `form.repeated` (the rule the schema package's form codecs use). With `emptyIsAbsent`, an empty value counts as
 * absent: Twilio reads a form's `Name=` as a missing parameter.
 */
export const singleValues = (
  keys: ReadonlyArray<WireKey>,
  valuesOf: (name: string) => ReadonlyArray<string>,
  emptyIsAbsent: boolean
): SingleValues => {
  const values: Record<string, string> = {}
  const issues: Array<ValidationIssue> = []
  for (const { name } of keys) {
    const given = valuesOf(name)
    if (given.length > 1) {
      issues.push({
        path: [name],
        rule: "form.repeated",
        message: `${name} must be given once; it was given ${given.length} times`,
        expected: `exactly one ${name}`,
        received: describeReceived(given)
      })
      continue
    }
    const [value] = given
    if (value !== undefined && !(emptyIsAbsent && value === "")) values[name] = value
  }
  return issues.length === 0 ? { ok: true, values } : { ok: false, issues }
}
