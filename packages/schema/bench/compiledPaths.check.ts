// Agreement check for the compiled paths (src/internal/compiledPaths.ts): on generated valid values and near
// misses, a schema with its hand-written paths must answer exactly what Effect's interpreter answers for the same
// definition, and validationDecoder (with the direct failure path, src/internal/directFailure.ts) exactly the
// flattened answer of the interpreter. The interpreter is reached through `schema.annotate({})`, an equal schema whose root is not in the
// registry. Run by `npm run bench` before anything is timed (a benchmark of a wrong fast path means nothing), or
// alone: `npx tsx packages/schema/bench/compiledPaths.check.ts`. Exits 1 on the first disagreement, with the seed.
import fc from "fast-check"
import { Result, Schema, SchemaAST, SchemaIssue } from "effect"
import {
  CreateShortCodeForm,
  CreateShortCodeParams,
  ShortCode,
  ShortCodeInstanceParams,
  toValidationIssues,
  validationDecoder
} from "../src/index.js"
import { canonicalWire, nearMissDate, nearMissSid, sparseWire } from "../test/support/arbitraries.js"

const NUM_RUNS = Number(process.env.CHECK_NUM_RUNS ?? 4000)
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly tree: unknown; readonly issues: unknown; readonly text: string }

// The roots of a compiled schema and of its interpreted twin are different nodes that stand for the same schema.
const aliases = new Map<unknown, string>()
const alias = (name: string, compiled: Schema.Top, twin: Schema.Top) => {
  aliases.set(compiled.ast, name).set(twin.ast, name)
  aliases.set(SchemaAST.flip(compiled.ast), `flip(${name})`).set(SchemaAST.flip(twin.ast), `flip(${name})`)
}

/**
 * An issue tree as data: every node's class and own fields, the schema nodes and checks it points at by identity
 * (numbered in order of appearance), so that two trees compare equal only if they are built alike from the same
 * schema parts.
 */
const issueTree = (root: SchemaIssue.Issue): unknown => {
  const ids = new Map<unknown, string>()
  const idOf = (x: object) => aliases.get(x) ?? ids.get(x) ?? (ids.set(x, `#${ids.size}`), ids.get(x))
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk)
    if (SchemaIssue.isIssue(x)) {
      return { class: x.constructor.name, ...Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)])) }
    }
    if (typeof x === "object" && x !== null) return idOf(x)
    if (typeof x === "function" || typeof x === "symbol") return String(x)
    return x
  }
  return walk(root)
}

// Values compared by what they hold: a Date by its time (NaN included), a URL by its href, objects by own keys in
// order, so that key order and array copies count too.
const snapshot = (value: unknown): unknown => {
  if (value instanceof Date) return { Date: value.getTime() }
  if (value instanceof URL) return { URL: value.href }
  if (value instanceof URLSearchParams) return { URLSearchParams: value.toString() }
  if (Array.isArray(value)) return Array.from(value, snapshot)
  if (typeof value === "object" && value !== null) return Object.entries(value).map(([k, v]) => [k, snapshot(v)])
  return value
}

const run = (f: () => Result.Result<unknown, Schema.SchemaError>, input: unknown): Outcome => {
  try {
    const result = f()
    return Result.isSuccess(result)
      ? { ok: true, value: snapshot(result.success) }
      : {
        ok: false,
        tree: issueTree(result.failure.issue),
        issues: toValidationIssues(result.failure.issue, input),
        text: String(SchemaIssue.makeFormatterDefault()(result.failure.issue))
      }
  } catch (error) {
    return { ok: false, tree: "threw", issues: "threw", text: error instanceof Error ? error.message : String(error) }
  }
}

const optionSets = [undefined, { errors: "all" }, { errors: "all", reportInput: true }, { onExcessProperty: "error" }, { disableChecks: true }] as const

let compared = 0
const agree = (label: string, compiled: Schema.Top, interpreted: Schema.Top, direction: "decode" | "encode", input: unknown) => {
  for (const options of optionSets) {
    const parse = (schema: Schema.Top) =>
      direction === "decode"
        ? Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)
        : Schema.encodeUnknownResult(schema as Schema.Codec<unknown, unknown>)
    const a = run(() => parse(compiled)(input, options), input)
    const b = run(() => parse(interpreted)(input, options), input)
    compared++
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      console.error(`${label} ${direction} disagrees with the interpreter (options ${JSON.stringify(options)}, FC_SEED=${seed})`)
      console.error("input:", input)
      console.error("compiled:", JSON.stringify(a))
      console.error("interpreter:", JSON.stringify(b))
      process.exit(1)
    }
  }
}

const guardAgrees = (label: string, schema: Schema.Top, input: unknown) => {
  const encoded = Schema.toEncoded(schema)
  const fast = Schema.is(encoded)(input)
  const slow = Result.isSuccess(Schema.decodeUnknownResult(encoded as Schema.Codec<unknown, unknown>)(input))
  compared++
  if (fast !== slow) {
    console.error(`${label} Schema.is(toEncoded) says ${fast}, decoding the encoded side says ${slow} (FC_SEED=${seed})`, input)
    process.exit(1)
  }
}

// validationDecoder against the interpreter's failure, flattened: the same value, or the same flat issues.
const flatOutcome = (f: () => Result.Result<unknown, ReadonlyArray<unknown>>): unknown => {
  try {
    const result = f()
    return Result.isSuccess(result) ? { ok: true, value: snapshot(result.success) } : { ok: false, issues: result.failure }
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) }
  }
}
const flatDecoders = new Map<Schema.Top, (input: unknown) => Result.Result<unknown, ReadonlyArray<unknown>>>()
const flatAgrees = (label: string, compiled: Schema.Top, interpreted: Schema.Top, input: unknown) => {
  let fast = flatDecoders.get(compiled)
  if (fast === undefined) flatDecoders.set(compiled, fast = validationDecoder(compiled as Schema.Codec<unknown, unknown>))
  const decodeFast = fast
  const a = flatOutcome(() => decodeFast(input))
  const b = flatOutcome(() => {
    const result = Schema.decodeUnknownResult(interpreted as Schema.Codec<unknown, unknown>)(input, { errors: "all" })
    return Result.isSuccess(result) ? Result.succeed(result.success) : Result.fail(toValidationIssues(result.failure.issue, input))
  })
  compared++
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    console.error(`${label} validationDecoder disagrees with the interpreter's flattened answer (FC_SEED=${seed})`)
    console.error("input:", input)
    console.error("validationDecoder:", JSON.stringify(a))
    console.error("interpreter:", JSON.stringify(b))
    process.exit(1)
  }
}

const oddValue = fc.constantFrom<unknown>(undefined, null, 0, 1.5, "", " ", true, [], {}, ["SMS", 1], [undefined], new Date(Number.NaN), new Date(1.5), Symbol.for("x"))
const withField = <T extends Record<string, unknown>>(base: fc.Arbitrary<T>, key: string, value: fc.Arbitrary<unknown>) =>
  fc.tuple(base, value).map(([b, v]) => ({ ...b, [key]: v }))
const wireKeys = ["sid", "account_sid", "service_sid", "date_created", "date_updated", "short_code", "country_code", "capabilities", "url"]
const nearMissUrl = fc.constantFrom(
  "https://messaging.twilio.com/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ShortCodes/SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "http://256.256.256.256/", "http://[::1]/x", "http://[v1.x]/", "http://[::g]/", "a:", "mailto:someone@example.com",
  "/v1/Services", "https://exa mple.com/", "https://example.com/{x}", "http://host:x/", "HTTPS://EXAMPLE.COM", "urn:isbn:0451450523"
)
const wireInput = fc.oneof(
  canonicalWire,
  sparseWire,
  withField(canonicalWire, "sid", nearMissSid("SC")),
  withField(canonicalWire, "account_sid", nearMissSid("AC")),
  withField(canonicalWire, "service_sid", nearMissSid("MG")),
  withField(canonicalWire, "date_created", nearMissDate),
  withField(sparseWire, "date_updated", fc.oneof(nearMissDate, fc.constantFrom("0000-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01", "0000-02-29T12:00:00Z"))),
  withField(canonicalWire, "url", nearMissUrl),
  fc.tuple(canonicalWire, fc.constantFrom(...wireKeys), oddValue).map(([w, k, v]) => ({ ...w, [k]: v })),
  // Several broken properties: all of them reported with errors "all", only the first otherwise.
  fc.tuple(canonicalWire, fc.uniqueArray(fc.constantFrom(...wireKeys), { minLength: 2, maxLength: 4 }), fc.array(fc.oneof(oddValue, nearMissSid("SC"), nearMissDate), { minLength: 4, maxLength: 4 }))
    .map(([w, keys, values]) => Object.fromEntries([...Object.entries(w), ...keys.map((k, i) => [k, values[i]])])),
  // A key inherited from the prototype counts as present, for Effect as for the compiled path.
  fc.tuple(canonicalWire, fc.constantFrom(...wireKeys)).map(([w, k]) => {
    const { [k]: inherited, ...own } = w as Record<string, unknown>
    return Object.assign(Object.create({ [k]: inherited }), own)
  }),
  oddValue
)

const interpretedShortCode = ShortCode.annotate({})
alias("ShortCode", ShortCode, interpretedShortCode)

fc.assert(
  fc.property(wireInput, (input) => {
    agree("ShortCode", ShortCode, interpretedShortCode, "decode", input)
    flatAgrees("ShortCode", ShortCode, interpretedShortCode, input)
    guardAgrees("ShortCode", ShortCode, input)
    const decoded = Schema.decodeUnknownResult(interpretedShortCode)(input)
    if (Result.isSuccess(decoded)) agree("ShortCode", ShortCode, interpretedShortCode, "encode", decoded.success)
  }),
  { numRuns: NUM_RUNS, seed }
)

// Domain values for encoding: decoded ones with one field replaced by something encoding must refuse or rewrite.
const domainInput = fc.tuple(
  canonicalWire.map((w) => Schema.decodeUnknownSync(interpretedShortCode)(w)),
  fc.constantFrom("sid", "accountSid", "serviceSid", "dateCreated", "dateUpdated", "shortCode", "countryCode", "capabilities", "url", "account_sid"),
  fc.oneof(
    oddValue,
    fc.constantFrom<unknown>(new Date(Date.UTC(2015, 6, 30, 20, 12, 31, 500)), new Date(Date.UTC(10000, 0, 1)), new URL("https://example.com/{x}"),
      new URL("http://[::1]:80/a b"), new URL("http://a/|"), new URL("http://a/?{x}"), "https://messaging.twilio.com/v1", "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
  ),
  fc.boolean()
).map(([value, key, replacement, remove]) => {
  const out: Record<string, unknown> = { ...value }
  if (remove) delete out[key]
  else out[key] = replacement
  return out
})
fc.assert(fc.property(domainInput, (input) => agree("ShortCode", ShortCode, interpretedShortCode, "encode", input)), { numRuns: NUM_RUNS, seed })

// The create request's inputs.
const sidish = (prefix: string) => fc.oneof(nearMissSid(prefix), fc.constant(""))
const formBody = fc.oneof(
  sidish("SC").map((s) => `ShortCodeSid=${encodeURIComponent(s)}`),
  fc.tuple(sidish("SC"), sidish("SC")).map(([a, b]) => `ShortCodeSid=${a}&ShortCodeSid=${b}`),
  sidish("SC").map((s) => `FriendlyName=x&ShortCodeSid=${s}&Other=1`),
  sidish("SC").map((s) => new URLSearchParams({ ShortCodeSid: s })),
  fc.constantFrom<unknown>("", "ShortCodeSid", "ShortCodeSid=", "shortcodesid=SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "%", new URLSearchParams(), 42, null, undefined, {})
)
const interpretedForm = CreateShortCodeForm.annotate({})
alias("CreateShortCodeForm", CreateShortCodeForm, interpretedForm)
fc.assert(
  fc.property(formBody, (body) => {
    agree("CreateShortCodeForm", CreateShortCodeForm, interpretedForm, "decode", body)
    flatAgrees("CreateShortCodeForm", CreateShortCodeForm, interpretedForm, body)
  }),
  { numRuns: NUM_RUNS, seed }
)
fc.assert(
  fc.property(fc.record({ shortCodeSid: sidish("SC") }), (value) => agree("CreateShortCodeForm", CreateShortCodeForm, interpretedForm, "encode", value)),
  { numRuns: NUM_RUNS / 4, seed }
)

const paramsInput = fc.oneof(
  fc.record({ ServiceSid: sidish("MG") }),
  fc.record({ ServiceSid: sidish("MG"), Sid: fc.oneof(sidish("SC"), fc.string({ maxLength: 3 })) }),
  fc.record({ ServiceSid: sidish("MG"), Sid: oddValue, extra: fc.string() }),
  fc.record({ ServiceSid: oddValue }),
  oddValue
)
const interpretedCreateParams = CreateShortCodeParams.annotate({})
const interpretedInstanceParams = ShortCodeInstanceParams.annotate({})
alias("CreateShortCodeParams", CreateShortCodeParams, interpretedCreateParams)
alias("ShortCodeInstanceParams", ShortCodeInstanceParams, interpretedInstanceParams)
fc.assert(
  fc.property(paramsInput, (input) => {
    for (const direction of ["decode", "encode"] as const) {
      agree("CreateShortCodeParams", CreateShortCodeParams, interpretedCreateParams, direction, input)
      agree("ShortCodeInstanceParams", ShortCodeInstanceParams, interpretedInstanceParams, direction, input)
    }
    flatAgrees("CreateShortCodeParams", CreateShortCodeParams, interpretedCreateParams, input)
  }),
  { numRuns: NUM_RUNS, seed }
)

console.log(`compiled paths agree with Effect's interpreter on ${compared} comparisons (FC_SEED=${seed})`)
