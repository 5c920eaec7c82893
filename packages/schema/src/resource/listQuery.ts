/**
 * The query of every list endpoint of Twilio's Messaging v1 API: `PageSize` (1 to 1000, default 50), `Page` (>= 0,
 * default 0, "simply for client state" per the spec) and `PageToken` (opaque, issued by the server).
 *
 * @since 0.2.0
 */
import { Effect, Schema, SchemaGetter } from "effect"
import toRegexRange from "to-regex-range"
import { ruleCheck } from "../internal/rule.js"

const DIGITS = /^(?:0|[1-9][0-9]{0,15})$/

/** Default and largest page size, from the spec's description of `PageSize`. */
export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 1000

/**
 * The integers each paging parameter takes, by its wire name: the list query's codec, its JSON Schema and the typed
 * client's checks of its paging arguments all read them.
 *
 * @since 0.2.0
 */
export const pagingLimits = {
  PageSize: { minimum: 1, maximum: MAX_PAGE_SIZE },
  Page: { minimum: 0, maximum: Number.MAX_SAFE_INTEGER }
} as const

/** Rule `query.range` of the parameter `name`, worded with `name`. */
const rangeText = (name: keyof typeof pagingLimits) => {
  const { minimum, maximum } = pagingLimits[name]
  return { message: `${name} must be between ${minimum} and ${maximum}`, expected: `${minimum}..${maximum}` }
}

/**
 * The check `query.range` of a paging argument given as a number (the typed client's `pageSize`, `page`), with the
 * message of the query's own check.
 *
 * @since 0.2.0
 */
export const pagingRange = (name: keyof typeof pagingLimits) => {
  const { minimum, maximum } = pagingLimits[name]
  return ruleCheck<number>("query.range", (n) => Number.isSafeInteger(n) && n >= minimum && n <= maximum, rangeText(name))
}

const integerParam = (name: keyof typeof pagingLimits) => {
  const { minimum, maximum } = pagingLimits[name]
  return Schema.String.check(
    ruleCheck<string>("query.integer", (s) => DIGITS.test(s), {
      message: `${name} must be a whole number in decimal digits (no sign, no leading zero, at most 16 digits)`,
      expected: "decimal integer"
    }, {
      // Query values travel as text: the pattern is the decimal texts of exactly the integers allowed, so that a
      // validator of the document refuses what the codec refuses (`PageSize=1001` as well as `PageSize=1e3`).
      jsonSchema: {
        type: "string",
        pattern: `^${toRegexRange(minimum, maximum)}$`,
        description: `An integer from ${minimum} to ${maximum}`
      }
    }),
    ruleCheck<string>("query.range", (s) => Number(s) >= minimum && Number(s) <= maximum, rangeText(name))
  ).pipe(
    Schema.decodeTo(Schema.Int, {
      decode: SchemaGetter.transform((s: string) => Number(s)),
      encode: SchemaGetter.transform((n: number) => String(n))
    })
  )
}

/**
 * The descriptions of the list query's parameters, as Twilio's OpenAPI document words them (twilio/twilio-oai, MIT).
 *
 * @since 0.2.0
 */
export const listQueryDescriptions = {
  PageSize: "How many resources to return in each list page. The default is 50, and the maximum is 1000.",
  Page: "The page index. This value is simply for client state.",
  PageToken: "The page token. This is provided by the API."
} as const

/**
 * The list query codec under `identifier`: the string-valued query (as from `URLSearchParams`) to
 * `{ pageSize, page, pageToken }`.
 *
 * @since 0.2.0
 */
export const listQuery = <const Identifier extends string>(identifier: Identifier) =>
  Schema.Struct({
    pageSize: integerParam("PageSize").pipe(
      Schema.withDecodingDefaultKey(Effect.succeed(String(DEFAULT_PAGE_SIZE)))
    ),
    page: integerParam("Page").pipe(Schema.withDecodingDefaultKey(Effect.succeed("0"))),
    pageToken: Schema.optionalKey(Schema.String)
  }).pipe(Schema.encodeKeys({ pageSize: "PageSize", page: "Page", pageToken: "PageToken" })).annotate({ identifier })

/** @since 0.2.0 */
export type ListQuery = ReturnType<typeof listQuery>
