// validationDecoder must answer exactly what decoding and flattening answer, for every input: the same value, or
// the same issues (paths, rules, messages, expected, received, order, count), or the same exception. Its direct
// failure path (internal/directFailure.ts) is compared on its own against Effect's interpreter.
import { fc, test } from "@fast-check/vitest"
import { Result, type Schema, SchemaParser } from "effect"
import { describe, expect, it } from "vitest"
import {
  CreateShortCodeForm,
  CreateShortCodeParams,
  ShortCode,
  toValidationIssues,
  type ValidationIssue,
  validationDecoder
} from "@shortcode-kit/schema"
import { flatPathsOf } from "../src/internal/compiledPaths.js"
import { canonicalWire, nearMissDate, nearMissSid, nearMissUrl, sid, sparseWire, wireWithNearMisses } from "./support/arbitraries.js"
import { hostileKind, hostileKinds, oddValue, withPollutedPrototype } from "./support/hostile.js"

type Codec = Schema.Codec<unknown, unknown, never, never>

/** What a decoder answered, as comparable data: a Date by its time, a URL by its href, an exception by its message. */
type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: ReadonlyArray<ValidationIssue> }
  | { readonly threw: string }

const snapshot = (value: unknown): unknown => {
  if (value instanceof Date) return { Date: value.getTime() }
  if (value instanceof URL) return { URL: value.href }
  if (Array.isArray(value)) return Array.from(value, snapshot)
  if (typeof value === "object" && value !== null) return Object.entries(value).map(([k, v]) => [k, snapshot(v)])
  return value
}

const outcome = (run: () => Result.Result<unknown, ReadonlyArray<ValidationIssue>>): Outcome => {
  try {
    const result = run()
    return Result.isSuccess(result) ? { ok: true, value: snapshot(result.success) } : { ok: false, issues: result.failure }
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) }
  }
}

/** Decoding with Effect's parser and flattening its failure: what validators did before `validationDecoder`. */
const flattened = (schema: Codec) => {
  const decode = SchemaParser.decodeUnknownResult(schema)
  return (input: unknown): Result.Result<unknown, ReadonlyArray<ValidationIssue>> => {
    const result = decode(input, { errors: "all" })
    return Result.isSuccess(result) ? Result.succeed(result.success) : Result.fail(toValidationIssues(result.failure, input))
  }
}

interface Subject {
  readonly fast: (input: unknown) => Result.Result<unknown, ReadonlyArray<ValidationIssue>>
  /** The same schema through its registered (compiled) parsers: success path, wire-first failures. */
  readonly registered: (input: unknown) => Result.Result<unknown, ReadonlyArray<ValidationIssue>>
  /** An equal schema whose root has no compiled paths: Effect's interpreter throughout. */
  readonly interpreted: (input: unknown) => Result.Result<unknown, ReadonlyArray<ValidationIssue>>
  readonly direct: (input: unknown) => ReadonlyArray<ValidationIssue> | undefined
}

const subject = (schema: Codec): Subject => {
  const failure = flatPathsOf(schema.ast)?.failure
  if (failure === undefined) throw new Error("expected a direct failure path")
  return {
    fast: validationDecoder(schema),
    registered: flattened(schema),
    interpreted: flattened(schema.annotate({}) as Codec),
    direct: failure
  }
}

const subjects = {
  ShortCode: subject(ShortCode as unknown as Codec),
  CreateShortCodeParams: subject(CreateShortCodeParams as unknown as Codec),
  CreateShortCodeForm: subject(CreateShortCodeForm as unknown as Codec)
}

let directAnswers = 0

/**
 * The whole comparison for one input; `build` makes the input afresh for each decoder (getters, proxies). The
 * decoder must answer what the registered parsers answered (the implementation it replaces), and the direct path,
 * where it answers, what the interpreter answers. `interpreter: false` skips the interpreter, for environments where
 * it does not agree with the registered parsers to begin with (a polluted `Object.prototype` breaks it).
 */
const agree = (s: Subject, build: () => unknown, { interpreter = true } = {}): void => {
  const fast = outcome(() => s.fast(build()))
  const registered = outcome(() => s.registered(build()))
  expect(fast).toStrictEqual(registered)
  const interpreted = interpreter ? outcome(() => s.interpreted(build())) : registered
  expect(fast).toStrictEqual(interpreted)
  let direct: ReadonlyArray<ValidationIssue> | undefined
  try {
    direct = s.direct(build())
  } catch {
    direct = undefined // throwing is declining: the decoder then asks the interpreter
  }
  if (direct !== undefined) {
    directAnswers++
    expect({ ok: false, issues: direct }).toStrictEqual(interpreted)
  }
}

const wireKeys = ["sid", "account_sid", "service_sid", "date_created", "date_updated", "short_code", "country_code", "capabilities", "url"] as const

const brokenValue = fc.oneof(nearMissSid("SC"), nearMissSid("AC"), nearMissSid("MG"), nearMissDate, nearMissUrl, oddValue)

/** Valid bodies, bodies with one to all nine properties broken, near-miss records, anything at all. */
const shortCodeInput = fc.oneof(
  canonicalWire,
  sparseWire,
  wireWithNearMisses,
  fc.tuple(canonicalWire, fc.constantFrom(...wireKeys), brokenValue).map(([w, k, v]) => ({ ...w, [k]: v })),
  fc.tuple(sparseWire, fc.uniqueArray(fc.constantFrom(...wireKeys), { minLength: 1, maxLength: 9 }), fc.array(brokenValue, { minLength: 9, maxLength: 9 }))
    .map(([w, keys, values]) => Object.fromEntries([...Object.entries(w), ...keys.map((k, i) => [k, values[i]])])),
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true })
)

describe("validationDecoder", () => {
  it("answers the benchmark's invalid body from the rules, with both issues", () => {
    const input = { sid: `SC${"a".repeat(31)}`, date_created: "30/07/2015 20:12:31", account_sid: `AC${"a".repeat(32)}` }
    const issues = subjects.ShortCode.direct(input)
    expect(issues?.map((issue) => [issue.path, issue.rule, issue.received])).toStrictEqual([
      [["sid"], "sid.length", `"SC${"a".repeat(31)}"`],
      [["date_created"], "format.date-time", '"30/07/2015 20:12:31"']
    ])
    agree(subjects.ShortCode, () => input)
  })

  it("declines what only the interpreter words: valid input, a decoded-side failure, a missing required key, a repeated parameter", () => {
    expect(subjects.ShortCode.direct({ sid: `SC${"a".repeat(32)}` })).toBeUndefined()
    expect(subjects.ShortCode.direct({ date_created: "0000-01-01T00:00:00+00:01" })).toBeUndefined()
    expect(subjects.ShortCode.direct("SC")).toBeUndefined()
    expect(subjects.CreateShortCodeParams.direct({})).toBeUndefined()
    expect(subjects.CreateShortCodeForm.direct("ShortCodeSid=SC1&ShortCodeSid=SC2")).toBeUndefined()
    expect(subjects.CreateShortCodeForm.direct("ShortCodeSid=")).toBeUndefined()
    expect(subjects.CreateShortCodeForm.direct("ShortCodeSid=PN1")?.map((issue) => issue.rule)).toStrictEqual(["sid.prefix"])
  })

  test.prop([shortCodeInput], { numRuns: 2000 })("ShortCode: the same answer as decoding and flattening, for valid, near-miss and arbitrary input", (input) => {
    agree(subjects.ShortCode, () => input)
  })

  test.prop([fc.oneof(canonicalWire, wireWithNearMisses), fc.constantFrom(...wireKeys), brokenValue, hostileKind], { numRuns: 1000 })(
    "ShortCode: the same answer for hostile objects (getters, proxies, odd prototypes, huge values)",
    (base, key, value, kind) => {
      agree(subjects.ShortCode, () => hostileKinds[kind](base, key, value))
    }
  )

  test.prop([fc.oneof(canonicalWire, wireWithNearMisses), fc.constantFrom(...wireKeys), brokenValue], { numRuns: 300 })(
    "ShortCode: the same answer while Object.prototype is polluted with a wire property",
    (base, key, value) => {
      const { [key]: _, ...own } = base as Record<string, unknown>
      withPollutedPrototype(key, value, () => agree(subjects.ShortCode, () => ({ ...own }), { interpreter: false }))
    }
  )

  const serviceSid = fc.oneof(nearMissSid("MG"), sid("MG"), oddValue)
  const paramsInput = fc.oneof(
    fc.record({ ServiceSid: serviceSid }, { requiredKeys: [] }),
    fc.tuple(fc.record({ ServiceSid: serviceSid }), fc.dictionary(fc.string(), fc.jsonValue())).map(([p, extra]) => ({ ...extra, ...p })),
    fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true })
  )

  test.prop([paramsInput], { numRuns: 1000 })("CreateShortCodeParams: the same answer for any input", (input) => {
    agree(subjects.CreateShortCodeParams, () => input)
  })

  test.prop([fc.record({ ServiceSid: serviceSid }), fc.constantFrom("ServiceSid", "Other"), serviceSid, hostileKind], { numRuns: 500 })(
    "CreateShortCodeParams: the same answer for hostile objects",
    (base, key, value, kind) => {
      agree(subjects.CreateShortCodeParams, () => hostileKinds[kind](base, key, value))
    }
  )

  const formValue = fc.oneof(nearMissSid("SC"), sid("SC"), fc.constantFrom("", " ", "%", "&", "=", "+", "SC%61", "\ud800"), fc.string())
  const formPairs = fc.array(fc.tuple(fc.constantFrom("ShortCodeSid", "shortcodesid", "ShortCodeSid ", "Other", ""), formValue), { maxLength: 4 })
  const formInput = fc.oneof(
    formValue.map((value) => `ShortCodeSid=${value}`),
    formValue.map((value) => new URLSearchParams({ ShortCodeSid: value, Other: "1" }).toString()),
    formPairs.map((pairs) => new URLSearchParams(pairs)),
    formPairs.map((pairs) => new URLSearchParams(pairs).toString()),
    fc.string(),
    fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true })
  )

  test.prop([formInput], { numRuns: 2000 })("CreateShortCodeForm: the same answer for any body", (input) => {
    agree(subjects.CreateShortCodeForm, () => input)
  })

  it("CreateShortCodeForm: the same answer for hostile bodies", () => {
    const bodies: ReadonlyArray<() => unknown> = [
      () => Object.create(URLSearchParams.prototype),
      () => new (class extends URLSearchParams { override getAll(): Array<string> { throw new Error("getAll exploded") } })("ShortCodeSid=PN1"),
      () => new (class extends URLSearchParams { override getAll(): Array<string> { return ["PN1"] } })("ShortCodeSid=SC1"),
      () => new Proxy(new URLSearchParams("ShortCodeSid=PN1"), {}),
      () => `ShortCodeSid=${"PN".repeat(100_000)}`,
      () => new String("ShortCodeSid=PN1")
    ]
    for (const body of bodies) agree(subjects.CreateShortCodeForm, body)
  })

  it("the direct failure path answered in these properties (the comparison is not vacuous)", () => {
    expect(directAnswers).toBeGreaterThan(0)
  })
})
