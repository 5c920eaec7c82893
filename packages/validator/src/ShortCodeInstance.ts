/**
 * Validation of what the official twilio SDK gives you for a ShortCode: a `ShortCodeInstance` (camelCase
 * properties, `dateCreated` and `dateUpdated` as `Date`s) or its `toJSON()`.
 *
 * @since 0.2.0
 */
import { describeReceived, formatTwilioDate, type ShortCode, type ShortCodeStrict, TwilioDate, type ValidationIssue } from "@shortcode-kit/schema"
import { makeValidator, unreadableIssue, withPrefix } from "./internal/decoder.js"
import { sdkToWire, wireKeyInInstanceIssues, wireToSdk } from "./internal/sdkNames.js"
import { type ProfileOptions, resolveProfileOptions } from "./Profile.js"
import { validateShortCode } from "./ShortCode.js"
import { getOrThrow, type ValidationResult } from "./ValidationResult.js"

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key)

// The domain rule of a date (`date.representable`): a valid `Date` with whole seconds in years 0000-9999. The wire
// text of a `Date` with milliseconds would be accepted (its fraction dropped), so a `Date` is judged as a `Date`.
// This is what catches the SDK's reading of a missing date: the current time, milliseconds included.
const validateDate = makeValidator(TwilioDate)

interface InstanceAsWire {
  readonly wire: Record<string, unknown>
  /** The issues of the `Date`s that are not representable, at their SDK names; their keys are left out of `wire`. */
  readonly dateIssues: ReadonlyArray<ValidationIssue>
}

/**
 * The wire body the instance stands for: each SDK property under its wire name, a valid `Date` in Twilio's text
 * form (the SDK parsed it from that, and keeps the text when it cannot); `undefined` (what the SDK leaves for a key
 * the body lacked) is a missing key. Reads the properties the SDK's own `toJSON()` reads, so an instance and its
 * `toJSON()` are judged alike.
 */
const toWire = (instance: object): InstanceAsWire => {
  const wire: Record<string, unknown> = {}
  const dateIssues: Array<ValidationIssue> = []
  for (const [sdk, wireName] of sdkToWire) {
    const value = (instance as Record<string, unknown>)[sdk]
    if (value === undefined) continue
    if (!(value instanceof Date)) {
      wire[wireName] = value
      continue
    }
    const date = validateDate(value)
    if (date.ok) wire[wireName] = formatTwilioDate(value)
    else dateIssues.push(...withPrefix([sdk], date.issues))
  }
  return { wire, dateIssues }
}

/** The issue in the SDK's names: the first path segment back to its SDK name. */
const toSdkIssue = (issue: ValidationIssue): ValidationIssue => {
  const [head, ...rest] = issue.path
  return typeof head === "string" && hasOwn(wireToSdk, head) ? { ...issue, path: [wireToSdk[head] as string, ...rest] } : issue
}

const isArray = (value: unknown): boolean | undefined => {
  try {
    return Array.isArray(value)
  } catch {
    // A revoked proxy: it is read (and reported) below.
    return undefined
  }
}

const readInstance = (instance: unknown): ValidationResult<InstanceAsWire> => {
  if (typeof instance !== "object" || instance === null || isArray(instance) === true) {
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
  const { wire: body, dateIssues } = wire.value
  const result = validateShortCode(body, options)
  const wireKeys = wireKeyInInstanceIssues(instance)
  if (result.ok && dateIssues.length === 0 && wireKeys.length === 0) return result
  // A date already reported is left out of the body: its `required` (strict) or `dates.order` would say it again.
  const reported = new Set(dateIssues.map((issue) => issue.path[0]))
  const issues = result.ok ? [] : result.issues.map(toSdkIssue).filter((issue) => !reported.has(issue.path[0] as string))
  return { ok: false, issues: [...issues, ...dateIssues, ...wireKeys] }
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
