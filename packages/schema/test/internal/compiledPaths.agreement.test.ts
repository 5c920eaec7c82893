// The agreement property of the compiled paths (src/internal/compile, fastPaths.ts, compiledPaths.ts,
// directFailure.ts and ValidationDecoder.ts): for every schema they are installed on, derived copies and pages
// included, found in the list of installations rather than named here, decoding, encoding, the wire guard and the flat decoder answer exactly what Effect's interpreter
// answers for the same definition. The interpreter is reached through a rebuilt AST (test/support/freshAst.ts) that
// shares no node with the installed schema, so no hand-written entry can answer for it; the first test proves that.
import { fc, test } from "@fast-check/vitest"
import { Result, Schema, SchemaAST, SchemaIssue } from "effect"
import { describe, expect } from "vitest"
import { ShortCode, ShortCodePage, toValidationIssues, validationDecoder } from "../../src/index.js"
import { flatPathsOf, type Installation, installedCompiledPaths } from "../../src/internal/compiledPaths.js"
import { freshAst, nodesOf } from "../support/freshAst.js"
import { hostileKind, hostileKinds, oddValue, withPollutedPrototype } from "../support/hostile.js"
import { derivedInputs } from "./derivedInputs.js"

type Codec = Schema.Codec<unknown, unknown>

// A user's derived schema: an annotated copy of an installed one, which must get compiled paths of its own.
const AnnotatedShortCode = ShortCode.annotate({ title: "A short code of mine" })

// Values compared by what they hold: a Date by its time (NaN included), a URL by its href, other objects by their
// class and own keys in order, so that key order, copies and prototypes count too.
const snapshot = (value: unknown): unknown => {
  if (value instanceof Date) return { Date: value.getTime() }
  if (value instanceof URL) return { URL: value.href }
  if (value instanceof URLSearchParams) return { URLSearchParams: value.toString() }
  if (Array.isArray(value)) return Array.from(value, snapshot)
  if (typeof value === "object" && value !== null) {
    const prototype = Object.getPrototypeOf(value) as { readonly constructor?: { readonly name?: string } } | null
    return { class: prototype?.constructor?.name ?? null, entries: Object.entries(value).map(([k, v]) => [k, snapshot(v)]) }
  }
  if (typeof value === "symbol" || typeof value === "bigint") return String(value)
  return value
}

const formatIssue = SchemaIssue.makeFormatterDefault()
const thrown = (error: unknown) => ({ threw: error instanceof Error ? error.message : String(error) })

/** A parse's answer as data: the value, or the failure flattened (path, rule, message, expected, received) and worded. */
const outcome = (parse: () => Result.Result<unknown, Schema.SchemaError>, input: unknown): unknown => {
  try {
    const result = parse()
    if (Result.isSuccess(result)) return { ok: snapshot(result.success) }
    return { issues: toValidationIssues(result.failure.issue, input), text: String(formatIssue(result.failure.issue)) }
  } catch (error) {
    return thrown(error)
  }
}

const flatOutcome = (parse: () => Result.Result<unknown, ReadonlyArray<unknown>>): unknown => {
  try {
    const result = parse()
    return Result.isSuccess(result) ? { ok: snapshot(result.success) } : { issues: result.failure }
  } catch (error) {
    return thrown(error)
  }
}

// A guard's answer, or that it threw. Which error it throws cannot be the interpreter's: Effect's guard adapter turns
// anything an installed guard throws into its own error, while the interpreter's guard lets some readers' errors (a
// revoked Proxy) through unchanged. Both must throw for the same inputs.
const guardOutcome = (guard: () => boolean): unknown => {
  try {
    return guard()
  } catch {
    return "threw"
  }
}

// Some hostile kinds cannot be built from some values (a boxed string of an object without `toString`): those
// cases are skipped rather than counted.
const hostileInput = (build: () => unknown): unknown => {
  try {
    return build()
  } catch {
    fc.pre(false)
    return undefined
  }
}

const OPTIONS: ReadonlyArray<SchemaAST.ParseOptions | undefined> = [undefined, { errors: "all" }]

/** An installed schema next to its oracle: the same definition, rebuilt so that only the interpreter answers. */
const pairOf = (installation: Installation) => {
  const installed = installation.schema as Codec
  const oracle = Schema.make<Codec>(freshAst(installed.ast))
  const fastFlat = validationDecoder(installed)
  const installedGuard = Schema.is(Schema.toEncoded(installed))
  const oracleGuard = Schema.is(Schema.toEncoded(oracle))
  /** Both answers for a wire input, side by side. */
  const decodeBoth = (input: unknown) => {
    const answers = (schema: Codec) => OPTIONS.map((options) => outcome(() => Schema.decodeUnknownResult(schema)(input, options), input))
    return {
      installed: {
        decode: answers(installed),
        flat: flatOutcome(() => fastFlat(input)),
        guard: installation.isEncoded ? guardOutcome(() => installedGuard(input)) : null
      },
      oracle: {
        decode: answers(oracle),
        flat: flatOutcome(() => {
          const result = Schema.decodeUnknownResult(oracle)(input, { errors: "all" })
          return Result.isSuccess(result) ? Result.succeed(result.success) : Result.fail(toValidationIssues(result.failure.issue, input))
        }),
        guard: installation.isEncoded ? guardOutcome(() => oracleGuard(input)) : null
      }
    }
  }
  /** Both answers for a domain input, side by side. */
  const encodeBoth = (input: unknown) => {
    const answers = (schema: Codec) => OPTIONS.map((options) => outcome(() => Schema.encodeUnknownResult(schema)(input, options), input))
    return { installed: answers(installed), oracle: answers(oracle) }
  }
  return { installed, oracle, decodeBoth, encodeBoth }
}

const installations = installedCompiledPaths()
const nameOf = (schema: Schema.Top) =>
  String(schema.ast.annotations?.["identifier"] ?? schema.ast._tag) + (schema.ast.annotations?.["title"] === undefined ? "" : " (annotated)")

describe("the installed compiled paths", () => {
  test("are found in the list of installations: every schema each declaration derives", () => {
    const names = installations.map((i) => nameOf(i.schema))
    for (const name of ["ShortCode", "ShortCodePage", "CreateShortCodeParams", "ShortCodeInstanceParams", "CreateShortCodeForm"]) {
      expect(names).toContain(name)
    }
    for (const name of ["MessagingService", "MessagingServicePage", "CreateServiceParams", "ServiceInstanceParams", "CreateServiceForm"]) {
      expect(names).toContain(name)
    }
  })

  test("an annotated copy of an installed schema has compiled paths of its own, and so has the page", () => {
    const derived = installations.find((i) => i.schema === AnnotatedShortCode)
    expect(derived?.derivedFrom).toBe(ShortCode)
    expect(flatPathsOf(AnnotatedShortCode.ast)?.decode).toBeDefined()
    expect(flatPathsOf(ShortCodePage.ast)?.decode).toBeDefined()
  })

  test("each oracle shares no schema node with its installed schema, and none of its nodes has flat paths", () => {
    for (const installation of installations) {
      const { installed, oracle } = pairOf(installation)
      const ours = new Set([
        ...nodesOf(installed.ast),
        ...nodesOf(SchemaAST.flip(installed.ast)),
        ...nodesOf(SchemaAST.toEncoded(installed.ast))
      ])
      const theirs = [...nodesOf(oracle.ast), ...nodesOf(SchemaAST.flip(oracle.ast)), ...nodesOf(SchemaAST.toEncoded(oracle.ast))]
      expect(theirs.length).toBeGreaterThan(1)
      expect(theirs.filter((node) => ours.has(node))).toEqual([])
      expect(theirs.filter((node) => flatPathsOf(node) !== undefined)).toEqual([])
      // The installed schema is in the registry, so the check above could have found it.
      if (installation.decode || installation.failure) expect(flatPathsOf(installed.ast)).toBeDefined()
    }
  })
})

describe("an input whose reading throws", () => {
  // Found by the properties below: the hand-written paths let a revoked Proxy's TypeError reach Effect, whose
  // adapters then threw their own error ("Result adapter can only return schema issues") where the interpreter
  // throws the TypeError itself (and the other way round with `errors: "all"`).
  test("a revoked Proxy makes every installed schema throw exactly what the interpreter throws", () => {
    const revoked = () => {
      const { proxy, revoke } = Proxy.revocable({}, {})
      revoke()
      return proxy
    }
    const threw = (parse: () => unknown) => {
      try {
        parse()
        return "no error"
      } catch (error) {
        return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      }
    }
    for (const installation of installations) {
      const { installed, oracle } = pairOf(installation)
      const decode = (schema: Codec, options?: SchemaAST.ParseOptions) => threw(() => Schema.decodeUnknownResult(schema)(revoked(), options))
      // A struct without properties reads nothing, so the interpreter answers the proxy itself; every other
      // schema throws the TypeError.
      const expected = SchemaAST.isObjects(installed.ast) && installed.ast.propertySignatures.length === 0 && installed.ast.encoding === undefined
        ? "no error"
        : "TypeError: Cannot perform 'IsArray' on a proxy that has been revoked"
      expect({ name: nameOf(installed), answer: decode(installed) }).toEqual({ name: nameOf(installed), answer: expected })
      expect(decode(installed)).toBe(decode(oracle))
      expect(decode(installed, { errors: "all" })).toBe(decode(oracle, { errors: "all" }))
      expect(threw(() => validationDecoder(installed)(revoked()))).toBe(threw(() => Schema.decodeUnknownResult(oracle)(revoked(), { errors: "all" })))
      if (installation.encode) {
        expect(threw(() => Schema.encodeUnknownResult(installed)(revoked()))).toBe(threw(() => Schema.encodeUnknownResult(oracle)(revoked())))
      }
    }
  })
})

for (const installation of installations) {
  const name = nameOf(installation.schema)
  const pair = pairOf(installation)
  const accepts = (input: unknown) => Result.isSuccess(Schema.decodeUnknownResult(pair.oracle)(input))
  const inputs = derivedInputs(installation.schema, accepts)
  const keys = inputs.keys
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant("x")
  const record = inputs.valid.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null && !(v instanceof URLSearchParams))
  // A form body is not a record: its hostile objects are built on an empty one, keyed by its parameters' names.
  const recordBase = SchemaAST.isObjects(SchemaAST.toEncoded(installation.schema.ast)) ? record : fc.constant({})

  describe(`${name}: the compiled paths answer what Effect's interpreter answers`, () => {
    test("the derived valid inputs exist and the oracle accepts them (so the valid cases test success paths)", () => {
      const samples = fc.sample(inputs.valid, { numRuns: 20, seed: 1 })
      expect(samples.length).toBe(20)
      expect(samples.filter((input) => !accepts(input))).toEqual([])
    })

    test.prop([inputs.valid])("on valid inputs", (input) => {
      const both = pair.decodeBoth(input)
      expect(both.installed).toStrictEqual(both.oracle)
    })

    test.prop([inputs.nearMiss])("on near misses", (input) => {
      const both = pair.decodeBoth(input)
      expect(both.installed).toStrictEqual(both.oracle)
    })

    test.prop([recordBase, key, oddValue])("on odd values in place of a wire property", (base, k, value) => {
      const both = pair.decodeBoth({ ...base, [k]: value })
      expect(both.installed).toStrictEqual(both.oracle)
    })

    test.prop([fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withBoxedValues: true })])(
      "on anything at all",
      (input) => {
        const both = pair.decodeBoth(input)
        expect(both.installed).toStrictEqual(both.oracle)
      }
    )

    // Hostile inputs are built inside the property (fast-check prints and clones generated values, which a throwing
    // getter or a revoked proxy would break).
    test.prop([recordBase, hostileKind, key, fc.oneof(oddValue, inputs.nearMiss)])("on hostile objects (getters, proxies, prototypes)", (base, kind, k, value) => {
      const input = hostileInput(() => hostileKinds[kind](base, k, value))
      const both = pair.decodeBoth(input)
      expect(both.installed).toStrictEqual(both.oracle)
    })

    test.prop([fc.oneof(recordBase, inputs.nearMiss), key, fc.oneof(oddValue, inputs.nearMiss)])(
      "with a wire property name polluting Object.prototype",
      (base, k, value) => {
        // Without the own key, the inherited one is read (by both, or the answers differ).
        const { [k]: _, ...own } = base as Record<string, unknown>
        const input = typeof base === "object" && base !== null && !(base instanceof URLSearchParams) ? own : base
        const both = withPollutedPrototype(k, value, () => pair.decodeBoth(input))
        expect(both.installed).toStrictEqual(both.oracle)
      }
    )

    if (installation.encode) {
      // Domain values: decoded valid inputs, then with one property replaced by something encoding must refuse or
      // rewrite, or removed.
      const decoded = inputs.valid.map((input) => Schema.decodeUnknownSync(pair.oracle)(input) as Record<string, unknown>)
      const domainKey = decoded.chain((value) => fc.constantFrom(...Object.keys(value), "account_sid"))
      const replacement = fc.oneof(
        oddValue,
        fc.constantFrom<unknown>(new Date(Date.UTC(2015, 6, 30, 20, 12, 31, 500)), new Date(Date.UTC(10000, 0, 1)), new Date(Number.NaN),
          new URL("https://example.com/{x}"), new URL("http://[::1]:80/a b"), "https://messaging.twilio.com/v1", "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
      )

      test.prop([decoded])("encoding valid domain values", (value) => {
        const both = pair.encodeBoth(value)
        expect(both.installed).toStrictEqual(both.oracle)
      })

      test.prop([decoded, domainKey, replacement, fc.boolean()])("encoding domain values with one property broken or missing", (value, k, v, remove) => {
        const input: Record<string, unknown> = { ...value }
        if (remove) delete input[k]
        else input[k] = v
        const both = pair.encodeBoth(input)
        expect(both.installed).toStrictEqual(both.oracle)
      })

      test.prop([decoded, hostileKind, domainKey, replacement])("encoding hostile domain objects", (value, kind, k, v) => {
        const both = pair.encodeBoth(hostileInput(() => hostileKinds[kind](value, k, v)))
        expect(both.installed).toStrictEqual(both.oracle)
      })
    }
  })
}
