import { describeReceived, type PathSegment, type ValidationIssue, validationDecoder } from "@shortcode-kit/schema"
import { Result, type Schema } from "effect"
import type { ValidationResult } from "../ValidationResult.js"

const MAX_DEPTH = 64

const errorText = (cause: unknown): string => {
  try {
    if (cause instanceof Error) return cause.message
    return String(cause)
  } catch {
    return "unknown error"
  }
}

/**
 * Where reading `value` throws: a getter, a Proxy trap, an object whose keys cannot be listed. Only called after the
 * schema itself threw, so its cost is never paid on ordinary input.
 */
const findUnreadable = (
  value: unknown,
  path: ReadonlyArray<PathSegment>,
  seen: Set<object>
): { readonly path: ReadonlyArray<PathSegment>; readonly cause: unknown } | undefined => {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return undefined
  if (seen.has(value) || path.length >= MAX_DEPTH) return undefined
  seen.add(value)
  let keys: Array<string | symbol>
  try {
    keys = Reflect.ownKeys(value)
  } catch (cause) {
    return { path, cause }
  }
  for (const key of keys) {
    if (typeof key === "symbol") continue
    const segment: PathSegment = Array.isArray(value) && /^(?:0|[1-9][0-9]*)$/.test(key) ? Number(key) : key
    let child: unknown
    try {
      child = (value as Record<string, unknown>)[key]
    } catch (cause) {
      return { path: [...path, segment], cause }
    }
    const found = findUnreadable(child, [...path, segment], seen)
    if (found !== undefined) return found
  }
  return undefined
}

/** The one issue for an input that cannot even be read; `type`, because no JSON value behaves like that. */
const unreadableIssue = (input: unknown, cause: unknown): ValidationIssue => {
  let found: ReturnType<typeof findUnreadable>
  try {
    found = findUnreadable(input, [], new Set())
  } catch {
    found = undefined
  }
  return {
    path: found?.path ?? [],
    rule: "type",
    message: `could not be read (${errorText(found?.cause ?? cause)}); expected plain JSON data`,
    expected: "plain JSON data",
    received: "(unreadable)"
  }
}

const valueAt = (root: unknown, path: ReadonlyArray<PathSegment>): unknown => {
  let value = root
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.prototype.hasOwnProperty.call(value, key)) return undefined
    value = (value as Record<PathSegment, unknown>)[key]
  }
  return value
}

/**
 * Works around @shortcode-kit/schema 0.1.0 reporting a check of the domain side (`date.representable`) under the
 * domain name (`["dateCreated"]`, received "(missing)"): puts the wire name back and reads `received` from the input.
 */
export const toWireNames = (issues: ReadonlyArray<ValidationIssue>, input: unknown, wireNames: Readonly<Record<string, string>>): Array<ValidationIssue> =>
  issues.map((issue) => {
    if (!issue.path.some((segment) => typeof segment === "string" && Object.prototype.hasOwnProperty.call(wireNames, segment))) return issue
    const path = issue.path.map((segment) =>
      typeof segment === "string" && Object.prototype.hasOwnProperty.call(wireNames, segment) ? wireNames[segment] as string : segment
    )
    return { ...issue, path, received: describeReceived(valueAt(input, path)) }
  })

/**
 * A validator from an Effect schema: decodes the wire form with every issue collected. Decoding is the whole truth;
 * the try/catch only turns hostile inputs (throwing getters, revoked proxies) into an issue instead of an exception.
 * `domainToWire` names the domain keys that must never appear in a path (see `toWireNames`).
 */
export const makeValidator = <S extends Schema.Codec<unknown, unknown, never, never>>(
  schema: S,
  domainToWire: Readonly<Record<string, string>> = {}
) => {
  // The schema package's flat decoder: the same issues as flattening Effect's failure, without building the issue
  // tree where the schema has a direct failure path (a ShortCode body with broken fields).
  const decode = validationDecoder(schema)
  return (input: unknown): ValidationResult<S["Type"]> => {
    try {
      const result = decode(input)
      if (Result.isSuccess(result)) return { ok: true, value: result.success }
      return { ok: false, issues: toWireNames(result.failure, input, domainToWire) }
    } catch (cause) {
      return { ok: false, issues: [unreadableIssue(input, cause)] }
    }
  }
}

/** Prepends `prefix` to every issue's path. */
export const withPrefix = (prefix: ReadonlyArray<PathSegment>, issues: ReadonlyArray<ValidationIssue>): Array<ValidationIssue> =>
  issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }))

export { unreadableIssue }
