/**
 * Decoding that answers what validators answer: the domain value, or every issue as a flat list.
 *
 * @since 0.1.0
 */
import { Result, type Schema, type SchemaAST, SchemaParser } from "effect"
import { SchemaCompiler } from "effect/schema"
import { flatPathsOf } from "./internal/compiledPaths.js"
import { type ValidationIssue, toValidationIssues } from "./Issue.js"

const ALL_ERRORS: SchemaAST.ParseOptions = { errors: "all" }

/**
 * A decoder for `schema` whose failure is the flat list of every issue, exactly `toValidationIssues` of the failure
 * of `Schema.decodeUnknownResult(schema)(input, { errors: "all" })`, against the same input.
 *
 * It is faster than decoding and flattening: for the package's codecs with compiled paths (`ShortCode` and the
 * schemas derived from it with `.annotate(...)`, `ShortCodePage`, `CreateShortCodeParams`, `CreateShortCodeForm`),
 * a valid input takes the compiled success path, and a body whose
 * wire properties break rules gets its issues straight from the rules, without Effect's issue tree. Anything else
 * (other schemas, failures of the decoded side, missing keys, inputs whose reading throws) goes through Effect's
 * decoder, so the answer is the same either way; like `SchemaParser.decodeUnknownResult`, it throws only when
 * reading the input throws.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { ShortCode, validationDecoder } from "@shortcode-kit/schema"
 *
 * const decode = validationDecoder(ShortCode)
 * const result = decode({ sid: "SC12", date_created: "30/07/2015" })
 * if (Result.isFailure(result)) result.failure.map((issue) => issue.rule) // ["sid.length", "format.date-time"]
 * ```
 * @since 0.1.0
 */
export const validationDecoder = <S extends Schema.Codec<unknown, unknown, never, never>>(schema: S) => {
  const paths = flatPathsOf(schema.ast)
  const decode = paths?.decode
  const failure = paths?.failure
  const interpreted = SchemaParser.decodeUnknownResult(schema)
  const slow = (input: unknown): Result.Result<S["Type"], ReadonlyArray<ValidationIssue>> => {
    const result = interpreted(input, ALL_ERRORS)
    return Result.isSuccess(result) ? Result.succeed(result.success) : Result.fail(toValidationIssues(result.failure, input))
  }
  if (decode === undefined && failure === undefined) return slow
  return (input: unknown): Result.Result<S["Type"], ReadonlyArray<ValidationIssue>> => {
    try {
      if (decode !== undefined) {
        const value = decode(input)
        if (value !== SchemaCompiler.invalid) return Result.succeed(value as S["Type"])
      }
      if (failure !== undefined) {
        const issues = failure(input)
        if (issues !== undefined) return Result.fail(issues)
      }
    } catch {
      // Reading the input threw (a getter, a Proxy trap): Effect's decoder reads it again and reports it its own way.
    }
    return slow(input)
  }
}
