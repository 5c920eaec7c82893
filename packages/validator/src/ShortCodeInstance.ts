/**
 * Validation of what the official twilio SDK gives you for a ShortCode: a `ShortCodeInstance` (camelCase
 * properties, `dateCreated` and `dateUpdated` as `Date`s) or its `toJSON()`.
 *
 * @since 0.2.0
 */
import { describeReceived, type ShortCode, type ShortCodeStrict, type ValidationIssue } from "@shortcode-kit/schema"
import { unreadableIssue } from "./internal/decoder.js"
import { sdkToWire, wireKeyInInstanceIssues, wireToSdk } from "./internal/sdkNames.js"
import { type ProfileOptions, resolveProfileOptions } from "./Profile.js"
import { validateShortCode } from "./ShortCode.js"
import { getOrThrow, type ValidationResult } from "./ValidationResult.js"

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key)

// The SDK parses a wire date into a `Date` (and keeps the text when it cannot), so a `Date` goes back to text to be
// judged by the wire rules. `toISOString` keeps milliseconds, which the rules refuse (Twilio's form has none): the
// SDK turns a missing date into the current time, with milliseconds, and that is how such an instance is caught.
const toWireValue = (value: unknown): unknown =>
  value instanceof Date ? (Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()) : value

/**
 * The wire body the instance stands for: each SDK property under its wire name; `undefined` (what the SDK leaves
 * for a key the body lacked) is a missing key. Reads properties as the SDK's own `toJSON()` does, so an instance
 * and its `toJSON()` are judged alike.
 */
const toWire = (instance: object): Record<string, unknown> => {
  const wire: Record<string, unknown> = {}
  for (const [sdk, wireName] of sdkToWire) {
    const value = (instance as Record<string, unknown>)[sdk]
    if (value !== undefined) wire[wireName] = toWireValue(value)
  }
  return wire
}

/** The issue in the SDK's names: the first path segment back to its SDK name, `received` as the instance holds it. */
const toSdkIssue = (instance: object, issue: ValidationIssue): ValidationIssue => {
  const [head, ...rest] = issue.path
  if (typeof head !== "string") return issue
  const sdk = hasOwn(wireToSdk, head) ? wireToSdk[head] as string : head
  const value: unknown = (instance as Record<string, unknown>)[sdk]
  return {
    ...issue,
    path: [sdk, ...rest],
    received: rest.length === 0 && value instanceof Date ? describeReceived(value) : issue.received
  }
}

const readInstance = (instance: unknown): ValidationResult<Record<string, unknown>> => {
  if (typeof instance !== "object" || instance === null || Array.isArray(instance)) {
    return {
      ok: false,
      issues: [{
        path: [],
        rule: "type",
        message: "must be a twilio ShortCodeInstance or its toJSON(), an object",
        expected: "object",
        received: describeReceived(instance)
      }]
    }
  }
  try {
    return { ok: true, value: toWire(instance) }
  } catch (cause) {
    return { ok: false, issues: [unreadableIssue(instance, cause)] }
  }
}

/**
 * Validates a ShortCode as the official twilio SDK (6.x) gives it, a `ShortCodeInstance` or its `toJSON()`, by the
 * same rules as the wire body (`validateShortCode`), and decodes it. Issues name the SDK's properties
 * (`["accountSid"]`). A wire-named key (`account_sid`, without `accountSid`) is an issue, `instance.wire-key`,
 * pointing to `validateShortCode`, never a silent success. Never throws for any input; throws a TypeError only for
 * malformed options.
 *
 * What the SDK already changed cannot be seen here: it reads impossible, zone-less and RFC 2822 dates as some other
 * real `Date`, and a missing date as the current time. Check the raw bodies with `withShortCodeValidation`.
 *
 * @example
 * ```ts
 * import twilio from "twilio"
 * import { validateShortCodeInstance } from "@shortcode-kit/validator"
 *
 * const client = twilio("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "auth-token")
 * const instance = await client.messaging.v1
 *   .services("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
 *   .shortCodes("SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
 *   .fetch()
 * const result = validateShortCodeInstance(instance, { profile: "strict" })
 * if (!result.ok) for (const issue of result.issues) console.error(issue.path, issue.rule, issue.message)
 * // ["accountSid"] sid.length must be exactly 34 characters long: ...
 * ```
 * @since 0.2.0
 */
export function validateShortCodeInstance(instance: unknown, options: ProfileOptions & { readonly profile: "strict" }): ValidationResult<ShortCodeStrict>
export function validateShortCodeInstance(instance: unknown, options?: ProfileOptions): ValidationResult<ShortCode>
export function validateShortCodeInstance(instance: unknown, options?: ProfileOptions): ValidationResult<ShortCode> {
  // Options first, so that malformed ones throw whatever the instance.
  resolveProfileOptions("validateShortCodeInstance", options)
  const wire = readInstance(instance)
  if (!wire.ok) return wire
  // Wire-named keys the instance has instead of the SDK's names are reported as such, not judged as values.
  const result = validateShortCode(wire.value, options)
  const wireKeys = wireKeyInInstanceIssues(instance)
  if (result.ok && wireKeys.length === 0) return result
  const issues = result.ok ? [] : result.issues.map((issue) => toSdkIssue(instance as object, issue))
  return { ok: false, issues: [...issues, ...wireKeys] }
}

/**
 * The decoded ShortCode of an SDK instance, or a `ValidationError` listing every issue with its SDK path.
 *
 * @example
 * ```ts
 * import { assertShortCodeInstance } from "@shortcode-kit/validator"
 *
 * const instance = { sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", dateCreated: new Date("2015-07-30T20:12:31Z") }
 * assertShortCodeInstance(instance).dateCreated?.toISOString() // "2015-07-30T20:12:31.000Z"
 * ```
 * @since 0.2.0
 */
export function assertShortCodeInstance(instance: unknown, options: ProfileOptions & { readonly profile: "strict" }): ShortCodeStrict
export function assertShortCodeInstance(instance: unknown, options?: ProfileOptions): ShortCode
export function assertShortCodeInstance(instance: unknown, options?: ProfileOptions): ShortCode {
  return getOrThrow("ShortCodeInstance", validateShortCodeInstance(instance, options))
}
