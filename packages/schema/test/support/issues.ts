import { Result, Schema } from "effect"
import { toValidationIssues } from "@shortcode-kit/schema"

/** Every issue of a rejected input, flattened; throws when the input is accepted. */
export const issuesOf = (schema: Schema.Top, input: unknown) => {
  const result = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)(input, { errors: "all" })
  if (Result.isSuccess(result)) throw new Error(`expected ${String(JSON.stringify(input))} to be rejected`)
  return toValidationIssues(result.failure.issue, input)
}
