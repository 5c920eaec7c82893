/**
 * A client call's arguments, derived from its endpoint and checked before anything is sent: the path parameters
 * under the caller's names (`ServiceSid` -> `serviceSid`), the payload's domain fields as they are, and Twilio's
 * paging for a list. A failure names every problem under the caller's names.
 *
 * @since 0.2.0
 */
import { Effect, Result, Schema } from "effect"
import type { HttpApiEndpoint } from "effect/http-api"
import { toValidationIssues } from "../../Issue.js"
import { pagingRange } from "../../resource/listQuery.js"
import type { ValidationIssue } from "../../ValidationIssue.js"
import { propertiesOf } from "./CollectionShape.js"
import { describeIssues } from "./Failures.js"

/**
 * The caller's name of a path parameter: Twilio's parameter with its first letter in lower case.
 *
 * @since 0.2.0
 */
export const callerName = (name: string): string => `${name.charAt(0).toLowerCase()}${name.slice(1)}`

// A dot segment would be resolved away by URL normalization and address another resource.
const notDotSegment = Schema.makeFilter((s: unknown) => s !== "." && s !== "..", { message: `must not be "." or ".."`, expected: "a SID" })

// Twilio's paging of every list (the spec's `PageSize`, `Page`, `PageToken`), as the caller writes it: the integers
// the list query takes, by its own rule (`query.range`, the query's message).
const pagingFields = {
  pageSize: Schema.optional(Schema.Number.check(pagingRange("PageSize"))),
  page: Schema.optional(Schema.Number.check(pagingRange("Page"))),
  pageToken: Schema.optional(Schema.String)
}

/**
 * The caller's names of the paging arguments, which are also the domain names of a list endpoint's query.
 *
 * @since 0.2.0
 */
export const pagingKeys: ReadonlyArray<string> = Object.keys(pagingFields)

/**
 * The path parameters of `endpoint` under the caller's names, each with its own schema (the Type side).
 *
 * @since 0.2.0
 */
export const pathFields = (endpoint: HttpApiEndpoint.Top): Record<string, Schema.Top> =>
  Object.fromEntries(propertiesOf(endpoint.params).map((property) => [
    callerName(String(property.name)),
    (Schema.make(property.type) as Schema.Codec<unknown>).check(notDotSegment)
  ]))

/**
 * The payload's domain fields of `endpoint`, each with its own schema (the Type side).
 *
 * @since 0.2.0
 */
export const payloadFields = (endpoint: HttpApiEndpoint.Top): Record<string, Schema.Top> => {
  const [payload] = [...endpoint.payload.values()].flatMap((entry) => ("schemas" in entry ? entry.schemas : []))
  return Object.fromEntries(propertiesOf(payload).map((property) => [String(property.name), Schema.make(property.type)]))
}

/**
 * The arguments of a list: the path parameters and the paging (every key optional, the server's defaults apply).
 *
 * @since 0.2.0
 */
export const listFields = (endpoint: HttpApiEndpoint.Top): Record<string, Schema.Top> => ({ ...pathFields(endpoint), ...pagingFields })

/**
 * A checker of the arguments `fields` describe: the decoded arguments, or the error `fail` makes of the issues.
 *
 * @since 0.2.0
 */
export const argumentsChecker = <E>(
  fields: Record<string, Schema.Top>,
  fail: (operation: string, detail: string, issues: ReadonlyArray<ValidationIssue>, cause: unknown) => E
) => {
  const decode = Schema.decodeUnknownResult(Schema.Struct(fields) as unknown as Schema.Codec<Record<string, unknown>>)
  return (operation: string, input: unknown): Effect.Effect<Record<string, unknown>, E> => {
    const result = decode(input, { errors: "all" })
    if (Result.isSuccess(result)) return Effect.succeed(result.success)
    const issues = toValidationIssues(result.failure.issue, input)
    return Effect.fail(fail(operation, `invalid arguments, nothing was sent: ${describeIssues(issues)}`, issues, result.failure))
  }
}
