/**
 * Decoding request inputs with the schema package and turning a failure into the Twilio error for it.
 */
import { type ErrorCode, validationDecoder, type ValidationIssue } from "@shortcode-kit/schema"
import { Result, type Schema } from "effect"
import { ApiError, notFound } from "./ApiError.js"

/** The flattened issues of a failed decode, or the decoded value. */
export const decodeWith = <S extends Schema.Decoder<unknown, never>>(
  schema: S
): (input: unknown) => Result.Result<S["Type"], ReadonlyArray<ValidationIssue>> =>
  // The schema package's flat decoder: its generated paths where the schema has them, Effect's interpreter else.
  validationDecoder(schema as unknown as Schema.Codec<S["Type"], unknown, never, never>)

/** The wire name a parameter issue is about. */
export const parameterOf = (issue: ValidationIssue | undefined, fallback: string): string => {
  const first = issue?.path[0]
  return typeof first === "string" ? first : fallback
}

/**
 * 400 naming the parameter and the reason: row `parameter.invalid` of the schema package's `inputErrors` (20001),
 * or, given another `code`, that code's own words.
 */
export const invalidParameter = (name: string, reason: string, code: ErrorCode = 20001): ApiError =>
  code === 20001 ? ApiError.answer("parameter.invalid", { param: name, reason }) : ApiError.of(code, name)

/**
 * Path parameters: a value that does not decode names no resource, so the answer is 404 for the requested path,
 * never 400 (a malformed `ServiceSid` in the path is a URL that does not exist).
 */
export const decodePathOr404 = <S extends Schema.Decoder<unknown, never>>(schema: S) => {
  const decode = decodeWith(schema)
  return (params: unknown, path: string): S["Type"] => {
    const result = decode(params)
    if (Result.isFailure(result)) throw notFound(path)
    return result.success
  }
}
