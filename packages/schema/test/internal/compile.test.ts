// The compiler itself (src/internal/compile): what it recognises and what it leaves to the interpreter. Whether its
// answers are Effect's is the agreement property's (compiledPaths.agreement.test.ts); here, that the composed
// closures (what runs where code generation is blocked) answer what the generated code answers, and that no schema
// is recognised as something it is not.
import { fc, test } from "@fast-check/vitest"
import { Effect, Schema, SchemaAST, SchemaGetter } from "effect"
import { SchemaCompiler } from "effect/schema"
import { afterAll, describe, expect } from "vitest"
import { DateFromTwilioString, ShortCode, ShortCodePage, UrlFromUriString } from "../../src/index.js"
import { compileAst, compileGuard, compileRefused, setCodeGeneration } from "../../src/internal/compile/compile.js"
import { fastLeafOf } from "../../src/internal/compile/fastLeaf.js"
import { flatPathsOf } from "../../src/internal/compiledPaths.js"
import { canonicalWire, sparseWire, wireWithNearMisses } from "../support/arbitraries.js"

const compileAll = () => ({
  decode: compileAst(ShortCode.ast, "decode"),
  encode: compileAst(ShortCode.ast, "encode"),
  page: compileAst(ShortCodePage.ast, "decode"),
  guard: compileGuard(SchemaAST.toEncoded(ShortCode.ast)),
  refused: compileRefused(SchemaAST.toEncoded(ShortCode.ast))
})
const generated = compileAll()
setCodeGeneration(false)
const composed = compileAll()
setCodeGeneration(true)
afterAll(() => setCodeGeneration(true))

const answer = (path: ((input: unknown) => unknown) | undefined, input: unknown) => {
  const out = path?.(input)
  return out === SchemaCompiler.invalid ? "invalid" : JSON.stringify(out)
}

describe("the compiler", () => {
  test("compiles every path of ShortCode and its page, with and without code generation", () => {
    expect(Object.entries(generated).filter(([, path]) => path === undefined).map(([name]) => name)).toEqual([])
    expect(Object.entries(composed).filter(([, path]) => path === undefined).map(([name]) => name)).toEqual([])
  })

  test.prop([fc.oneof(canonicalWire, sparseWire, wireWithNearMisses, fc.anything({ maxDepth: 2 }))])(
    "the composed closures answer what the generated code answers",
    (input) => {
      expect(answer(composed.decode, input)).toBe(answer(generated.decode, input))
      expect(answer(composed.page, { short_codes: [input] })).toBe(answer(generated.page, { short_codes: [input] }))
      expect(composed.guard?.(input)).toBe(generated.guard?.(input))
      if (typeof input === "object" && input !== null) {
        expect(composed.refused?.(input as Record<string, unknown>)).toEqual(generated.refused?.(input as Record<string, unknown>))
      }
      const decoded = generated.decode?.(input)
      if (decoded !== SchemaCompiler.invalid) expect(answer(composed.encode, decoded)).toBe(answer(generated.encode, decoded))
    }
  )

  test("a leaf codec is recognised only as declared: a copy with other checks or messages is not", () => {
    expect(fastLeafOf(DateFromTwilioString.ast)).toBeDefined()
    expect(fastLeafOf(Schema.optionalKey(UrlFromUriString).ast)).toBeDefined()
    expect(fastLeafOf(DateFromTwilioString.annotate({ message: "another message" }).ast)).toBeUndefined()
    expect(fastLeafOf(DateFromTwilioString.check(Schema.makeFilter(() => true)).ast)).toBeUndefined()
  })

  test("a schema the package did not install gets no compiled paths, even one of the same shape", () => {
    const mine = Schema.Struct({ sid: Schema.optionalKey(Schema.NullOr(Schema.String)) })
    expect(flatPathsOf(mine.ast)).toBeUndefined()
    expect(flatPathsOf(Schema.Array(ShortCode).ast)).toBeUndefined()
  })

  test("a transformation that is not synchronous is left to the interpreter", () => {
    const Effectful = Schema.String.pipe(Schema.decodeTo(Schema.Number, {
      decode: SchemaGetter.transformEffect((s: string) => Effect.succeed(Number(s))),
      encode: SchemaGetter.transformEffect((n: number) => Effect.succeed(String(n)))
    }))
    expect(compileAst(Effectful.ast, "decode")).toBeUndefined()
  })
})
