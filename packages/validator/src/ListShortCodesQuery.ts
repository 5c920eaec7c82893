/**
 * Validation of the list endpoint's query (`PageSize`, `Page`, `PageToken`).
 *
 * @since 0.1.0
 */
import { describeReceived, ListShortCodesQuery, type ValidationIssue } from "@shortcode-kit/schema"
import { makeValidator, unreadableIssue } from "./internal/decoder.js"
import type { ValidationResult } from "./ValidationResult.js"

const PARAMS = ["PageSize", "Page", "PageToken"] as const
const validate = makeValidator(ListShortCodesQuery)
const QUERY_EXPECTED = "a query: a string, URLSearchParams, or a record of string values"

/** Every value given for each known parameter; other parameters are ignored, as Twilio ignores them. */
const valuesOf = (query: unknown): Map<string, Array<unknown>> | undefined => {
  const out = new Map<string, Array<unknown>>()
  if (typeof query === "string" || query instanceof URLSearchParams) {
    const params = typeof query === "string" ? new URLSearchParams(query.startsWith("?") ? query.slice(1) : query) : query
    for (const name of PARAMS) if (params.has(name)) out.set(name, params.getAll(name))
    return out
  }
  if (typeof query !== "object" || query === null || Array.isArray(query)) return undefined
  for (const name of PARAMS) {
    if (!Object.prototype.hasOwnProperty.call(query, name)) continue
    const value = (query as Record<string, unknown>)[name]
    if (value !== undefined) out.set(name, Array.isArray(value) ? value : [value])
  }
  return out
}

/**
 * Validates the query of `GET /v1/Services/{ServiceSid}/ShortCodes` and decodes it with its defaults
 * (`pageSize` 50, `page` 0). Each parameter may be given once. Never throws.
 *
 * @example
 * ```ts
 * import { validateListShortCodesQuery } from "@shortcode-kit/validator"
 *
 * const result = validateListShortCodesQuery("PageSize=20")
 * if (result.ok) result.value.pageSize // 20
 * ```
 * @since 0.1.0
 */
export const validateListShortCodesQuery = (query: unknown): ValidationResult<ListShortCodesQuery> => {
  try {
    const values = valuesOf(query === undefined ? "" : query)
    if (values === undefined) {
      return { ok: false, issues: [{ path: [], rule: "type", message: `the query must be ${QUERY_EXPECTED}`, expected: QUERY_EXPECTED, received: describeReceived(query) }] }
    }
    const issues: Array<ValidationIssue> = []
    const single: Record<string, unknown> = {}
    for (const [name, given] of values) {
      if (given.length > 1) {
        issues.push({ path: [name], rule: "form.repeated", message: `${name} must be given once; it was given ${given.length} times`, expected: `exactly one ${name}`, received: describeReceived(given) })
      } else if (given.length === 1) single[name] = given[0]
    }
    const result = validate(single)
    if (issues.length === 0) return result
    return { ok: false, issues: [...issues, ...(result.ok ? [] : result.issues)] }
  } catch (cause) {
    return { ok: false, issues: [unreadableIssue(query, cause)] }
  }
}
