// Shared assertions of the property tests: what "a near miss" and "agrees with the schema" mean, once.
import { toValidationIssues } from "@shortcode-kit/schema"
import type { NearMiss } from "@shortcode-kit/validator/arbitraries"
import type { ValidationResult } from "@shortcode-kit/validator"
import { Result, Schema } from "effect"
import { expect } from "vitest"

/** Exactly one issue, with the announced rule at the announced path. */
export const expectExactlyTheMiss = (result: ValidationResult<unknown>, miss: NearMiss): void => {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.issues.map((issue) => ({ rule: issue.rule, path: issue.path }))).toStrictEqual([{ rule: miss.rule, path: miss.path }])
}

/** The validator answers as decoding with the Effect schema does: same verdict, same value, same rules. */
export const expectAgreement = (
  schema: Schema.Codec<unknown, unknown, never, never>,
  input: unknown,
  result: ValidationResult<unknown>
): void => {
  const decoded = Schema.decodeUnknownResult(schema)(input, { errors: "all" })
  expect(result.ok).toBe(Result.isSuccess(decoded))
  if (Result.isSuccess(decoded)) {
    expect(result.ok && result.value).toStrictEqual(decoded.success)
  } else if (!result.ok) {
    expect(result.issues.map((issue) => issue.rule)).toStrictEqual(toValidationIssues(decoded.failure.issue, input).map((issue) => issue.rule))
  }
}
