// The validators answer through the schema package's flat decoder, whose direct failure path builds issues from the
// rules without Effect's issue tree. Here they are compared with the implementation they replaced, kept below as the
// oracle (Effect's parser, then the issue tree flattened), on valid input, the package's near-miss arbitraries,
// anything at all and hostile objects: the same value or the same issues, in the same order, word for word.
import { fc, test } from "@fast-check/vitest"
import {
  CreateShortCodeForm,
  CreateShortCodeParams,
  describeReceived,
  makeShortCodeStrict,
  ShortCode,
  toValidationIssues,
  type ValidationIssue
} from "@shortcode-kit/schema"
import {
  validateCreateShortCodeForm,
  validateCreateShortCodeRequest,
  validateShortCode,
  type ValidationResult
} from "@shortcode-kit/validator"
import {
  createShortCodeRequest,
  invalidCreateShortCodeRequest,
  invalidShortCodeWire,
  shortCodeWire
} from "@shortcode-kit/validator/arbitraries"
import { Result, type Schema, SchemaParser } from "effect"
import { describe, expect, it } from "vitest"
import { toWireNames, unreadableIssue } from "../../src/internal/decoder.js"
import { toParams } from "../../src/internal/formBody.js"
import { shortCodeDomainToWire } from "../../src/internal/wireNames.js"

// ---- the oracle: the validators as they were before the flat decoder ----

const validatorBefore = (schema: Schema.Codec<unknown, unknown, never, never>, domainToWire: Readonly<Record<string, string>> = {}) => {
  const decode = SchemaParser.decodeUnknownResult(schema)
  return (input: unknown): ValidationResult<unknown> => {
    try {
      const result = decode(input, { errors: "all" })
      if (Result.isSuccess(result)) return { ok: true, value: result.success }
      return { ok: false, issues: toWireNames(toValidationIssues(result.failure, input), input, domainToWire) }
    } catch (cause) {
      return { ok: false, issues: [unreadableIssue(input, cause)] }
    }
  }
}

const shortCodeBefore = validatorBefore(ShortCode as never, shortCodeDomainToWire)
const strictBefore = validatorBefore(makeShortCodeStrict({ baseUrl: "https://messaging.twilio.com" }) as never, shortCodeDomainToWire)
const paramsBefore = validatorBefore(CreateShortCodeParams as never)
const formBefore = SchemaParser.decodeUnknownResult(CreateShortCodeForm)

const bodyBefore = (body: unknown): ValidationResult<unknown> => {
  const { params, issues } = toParams(body)
  if (issues.length > 0 && (issues.some((issue) => issue.path.length === 0 || issue.path[0] === "ShortCodeSid"))) {
    return { ok: false, issues }
  }
  const result = formBefore(params, { errors: "all" })
  if (Result.isSuccess(result)) return issues.length > 0 ? { ok: false, issues } : { ok: true, value: result.success }
  const values = params.getAll("ShortCodeSid")
  const seen = { ShortCodeSid: values.length === 0 ? undefined : values.length === 1 ? values[0] : values }
  return { ok: false, issues: [...issues, ...toValidationIssues(result.failure, seen)] }
}

const formValidatorBefore = (body: unknown): ValidationResult<unknown> => {
  try {
    return bodyBefore(body)
  } catch (cause) {
    return { ok: false, issues: [unreadableIssue(body, cause)] }
  }
}

const requestBefore = (request: { readonly serviceSid: unknown; readonly body: unknown }): ValidationResult<unknown> => {
  try {
    if (typeof request !== "object" || request === null) {
      const expected = "{ serviceSid, body }"
      return { ok: false, issues: [{ path: [], rule: "type", message: `the request must be an object ${expected}`, expected, received: describeReceived(request) }] }
    }
    const { serviceSid, body } = request
    const params = paramsBefore(serviceSid === undefined ? {} : { ServiceSid: serviceSid })
    const form = bodyBefore(body)
    if (params.ok && form.ok) {
      const p = params.value as { readonly ServiceSid: unknown }
      const f = form.value as { readonly shortCodeSid: unknown }
      return { ok: true, value: { serviceSid: p.ServiceSid, shortCodeSid: f.shortCodeSid } }
    }
    return { ok: false, issues: [...(params.ok ? [] : params.issues), ...(form.ok ? [] : form.issues)] }
  } catch (cause) {
    return { ok: false, issues: [unreadableIssue(request, cause)] }
  }
}

// ---- comparison ----

const snapshot = (value: unknown): unknown => {
  if (value instanceof Date) return { Date: value.getTime() }
  if (value instanceof URL) return { URL: value.href }
  if (Array.isArray(value)) return Array.from(value, snapshot)
  if (typeof value === "object" && value !== null) return Object.entries(value).map(([k, v]) => [k, snapshot(v)])
  return value
}

const answer = (result: ValidationResult<unknown>): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: ReadonlyArray<ValidationIssue> } =>
  result.ok ? { ok: true, value: snapshot(result.value) } : { ok: false, issues: result.issues }

/** `build` makes the input afresh for each side, so that a getter or a proxy is read as often as each side reads it. */
const same = (now: (input: never) => ValidationResult<unknown>, before: (input: never) => ValidationResult<unknown>, build: () => unknown) => {
  const a = answer(now(build() as never))
  expect(a).toStrictEqual(answer(before(build() as never)))
  return a
}

const throwingGetter = (base: object, key: string) =>
  Object.defineProperty({ ...base }, key, { enumerable: true, get: () => { throw new Error(`getter ${key} exploded`) } })

const hostile: ReadonlyArray<(base: Readonly<Record<string, unknown>>, key: string, value: unknown) => unknown> = [
  throwingGetter,
  (base, key, value) => Object.defineProperty({ ...base }, key, { enumerable: true, get: () => value }),
  (base, key, value) => Object.assign(Object.create({ [key]: value }) as object, base),
  (base) => Object.assign(Object.create(null) as object, base),
  (base, key, value) => new Proxy({ ...base }, { get: (target, k) => (k === key ? value : Reflect.get(target, k)) }),
  (base, key) => new Proxy({ ...base }, { has: (target, k) => (k === key ? (() => { throw new Error("has trap") })() : Reflect.has(target, k)) }),
  (base) => new Proxy({ ...base }, { ownKeys: () => { throw new Error("ownKeys trap") } }),
  (base) => new Proxy({ ...base }, { getOwnPropertyDescriptor: () => { throw new Error("descriptor trap") } }),
  () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    return proxy
  },
  (base, key) => ({ ...base, [key]: new Proxy(["SMS", "MMS"], { get: (target, k) => (k === "1" ? 7 : Reflect.get(target, k)) }) }),
  (base, key, value) => ({ ...base, [key]: [value, , "SMS"] }),
  (base, key) => ({ ...base, [key]: Object.defineProperty(["SMS", "MMS"], 1, { get: () => { throw new Error("element") } }) }),
  (base, key, value) => ({ ...base, [key]: String(typeof value === "string" ? value : "SC").repeat(50_000) }),
  (base, key) => ({ ...base, [key]: { toJSON: () => { throw new Error("toJSON") } } }),
  (base, key) => ({ ...base, [key]: 1n }),
  (base, key, value) => Object.defineProperty({ ...base }, "__proto__", { value: { [key]: value }, enumerable: true, configurable: true, writable: true })
]

const wireKeys = ["sid", "account_sid", "service_sid", "date_created", "date_updated", "short_code", "country_code", "capabilities", "url"] as const
const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true })

/** A near miss's value, or several near misses' broken properties in one body. */
const shortCodeInput = fc.oneof(
  shortCodeWire(),
  shortCodeWire({ profile: "strict" }),
  invalidShortCodeWire().map((miss) => miss.value),
  invalidShortCodeWire({ profile: "strict" }).map((miss) => miss.value),
  fc.array(invalidShortCodeWire(), { minLength: 2, maxLength: 5 }).map((misses) => {
    const out: Record<string, unknown> = {}
    for (const miss of misses) {
      const key = miss.path[0]
      const value = miss.value
      if (typeof key === "string" && typeof value === "object" && value !== null) out[key] = (value as Record<string, unknown>)[key]
    }
    return out
  }),
  anything
)

/** The broken property's value of a near miss (the value itself for a miss at the root). */
const brokenFieldValue = invalidShortCodeWire().map((miss) => {
  const key = miss.path[0]
  const value = miss.value
  return typeof key === "string" && typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : value
})

let failuresCompared = 0

describe("validators answer exactly what they answered before the direct failure path", () => {
  test.prop([shortCodeInput], { numRuns: 2000 })("validateShortCode: valid input, near misses, several broken fields, anything", (input) => {
    const a = same((i: unknown) => validateShortCode(i), shortCodeBefore, () => input)
    if (!a.ok) failuresCompared++
    same((i: unknown) => validateShortCode(i, { profile: "strict" }), strictBefore, () => input)
  })

  test.prop([shortCodeWire(), fc.constantFrom(...wireKeys), fc.oneof(brokenFieldValue, anything), fc.nat({ max: hostile.length - 1 })], { numRuns: 1000 })(
    "validateShortCode: hostile objects (getters, proxies, odd prototypes, huge values)",
    (base, key, value, kind) => {
      const make = hostile[kind] as (typeof hostile)[number]
      same((i: unknown) => validateShortCode(i), shortCodeBefore, () => make(base as Record<string, unknown>, key, value))
    }
  )

  const request = fc.oneof(createShortCodeRequest(), invalidCreateShortCodeRequest().map((miss) => miss.value))
  test.prop([request], { numRuns: 2000 })("validateCreateShortCodeRequest and validateCreateShortCodeForm: valid requests and near misses", (input) => {
    const a = same(validateCreateShortCodeRequest, requestBefore as never, () => input)
    if (!a.ok) failuresCompared++
    same(validateCreateShortCodeForm, formValidatorBefore, () => input.body)
  })

  test.prop([anything, anything], { numRuns: 500 })("validateCreateShortCodeRequest: anything as the service SID and the body", (serviceSid, body) => {
    same(validateCreateShortCodeRequest, requestBefore as never, () => ({ serviceSid, body }))
    same(validateCreateShortCodeForm, formValidatorBefore, () => body)
  })

  it("the comparisons above included rejected inputs", () => {
    expect(failuresCompared).toBeGreaterThan(0)
  })

  it("the benchmark's invalid body: both issues, in wire names and in order", () => {
    const input = Object.freeze({ sid: `SC${"a".repeat(31)}`, date_created: "30/07/2015 20:12:31", url: "https://messaging.twilio.com/v1" })
    const a = same((i: unknown) => validateShortCode(i), shortCodeBefore, () => input)
    expect(a.ok ? [] : a.issues.map((issue) => [issue.path, issue.rule])).toStrictEqual([[["sid"], "sid.length"], [["date_created"], "format.date-time"]])
  })
})
