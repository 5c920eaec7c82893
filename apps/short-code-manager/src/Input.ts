/**
 * The manager's input checks: the schema package's branded SIDs, reported as the one rule a value breaks.
 */
import { ServiceSid, ShortCodeSid, validationDecoder, type ValidationIssue } from "@shortcode-kit/schema"
import { Result } from "effect"
import type { InvalidInput } from "./Outcome.js"

const check = <A>(
  field: InvalidInput["field"],
  decode: (input: unknown) => Result.Result<A, ReadonlyArray<ValidationIssue>>
) => (value: unknown): Result.Result<A, InvalidInput> => {
  const result = decode(value)
  if (Result.isSuccess(result)) return Result.succeed(result.success)
  // A SID's checks stop at the first that fails, so the first issue is the only one.
  const issue = result.failure[0] as ValidationIssue
  return Result.fail({ _tag: "InvalidInput", field, rule: issue.rule, message: `${field} ${issue.message} (received ${issue.received})` })
}

/** `value` as a `ServiceSid`, or why it is none. */
export const checkServiceSid = check("serviceSid", validationDecoder(ServiceSid))

/** `value` as a `ShortCodeSid`, or why it is none. */
export const checkShortCodeSid = check("shortCodeSid", validationDecoder(ShortCodeSid))
