/**
 * Twilio's `date-time` fields. The wire side accepts what OpenAPI's `date-time` format means, RFC 3339 section 5.6
 * (`2015-07-30T20:12:31Z`, fractional seconds, numeric offsets, lower-case `t`/`z` per its note); the domain side is a
 * `Date` at whole-second resolution, the resolution of Twilio's own form, which is what encoding writes.
 *
 * @since 0.1.0
 */
import { Schema, SchemaGetter } from "effect"
import { ruleCheck } from "./internal/rule.js"

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31

/**
 * Milliseconds since the epoch of an RFC 3339 date-time, truncated to the second, or `undefined` when the text is
 * not one. A leap second (`23:59:60` in UTC, the only place RFC 3339 allows it) is read as `23:59:59`, since `Date`
 * cannot hold it.
 */
export const parseRfc3339 = (text: string): number | undefined => {
  const m = RFC3339.exec(text)
  if (m === null) return undefined
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3])
  const hour = Number(m[4]), minute = Number(m[5]), second = Number(m[6])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 60) return undefined
  let offsetMinutes = 0
  if (m[8] === undefined) {
    const oh = Number(m[10]), om = Number(m[11])
    if (oh > 23 || om > 59) return undefined
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om)
  }
  const utcMinutes = hour * 60 + minute - offsetMinutes
  if (second === 60 && ((utcMinutes % 1440) + 1440) % 1440 !== 23 * 60 + 59) return undefined
  const base = Date.UTC(year, month - 1, day, hour, minute, second === 60 ? 59 : second)
  // Date.UTC maps years 0-99 to 1900-1999; set the full year explicitly.
  const date = new Date(base)
  if (year < 100) date.setUTCFullYear(year)
  return date.getTime() - offsetMinutes * 60_000
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/**
 * Twilio's form of a date: `2015-07-30T20:12:31Z`, UTC, no fractional seconds.
 *
 * @example
 * ```ts
 * import { formatTwilioDate } from "@shortcode-kit/schema"
 *
 * formatTwilioDate(new Date(Date.UTC(2015, 6, 30, 20, 12, 31))) // "2015-07-30T20:12:31Z"
 * ```
 * @since 0.1.0
 */
export const formatTwilioDate = (date: Date): string =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}T` +
  `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}Z`

/**
 * The wire form: a string in RFC 3339 `date-time` format. Rule `format.date-time`.
 *
 * @since 0.1.0
 */
export const DateTimeString = Schema.String.check(
  ruleCheck<string>("format.date-time", (s) => parseRfc3339(s) !== undefined, {
    message: "must be an RFC 3339 date-time such as 2015-07-30T20:12:31Z (a real calendar date and time, with Z or a ±hh:mm offset)",
    expected: "RFC 3339 date-time"
  }, { jsonSchema: { type: "string", format: "date-time" } })
)

const MIN_DATE = (() => {
  const d = new Date(0)
  d.setUTCFullYear(0, 0, 1)
  d.setUTCHours(0, 0, 0, 0)
  return d.getTime()
})()
const MAX_DATE = Date.UTC(9999, 11, 31, 23, 59, 59)

/**
 * The domain form: a valid `Date` with whole seconds between years 0000 and 9999, the dates that Twilio's form can
 * write and read back unchanged. Rule `date.representable`.
 *
 * @since 0.1.0
 */
export const TwilioDate = Schema.Date.check(
  ruleCheck<Date>("date.representable", (d) => {
    const t = d.getTime()
    return Number.isFinite(t) && t % 1000 === 0 && t >= MIN_DATE && t <= MAX_DATE
  }, {
    message: "must be a valid date with whole seconds between years 0000 and 9999 (Twilio's date form has no milliseconds)",
    expected: "a Date with whole seconds"
  })
)

/**
 * The codec between the two: decoding reads any RFC 3339 date-time and keeps it to the second; encoding writes
 * Twilio's form.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { DateFromTwilioString } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(DateFromTwilioString)("2015-07-30T22:12:31+02:00").toISOString() // "2015-07-30T20:12:31.000Z"
 * ```
 * @since 0.1.0
 */
export const DateFromTwilioString = DateTimeString.pipe(
  Schema.decodeTo(TwilioDate, {
    // The wire check has already accepted `s`, so the parse is defined (and already whole seconds).
    decode: SchemaGetter.transform((s: string) => new Date(parseRfc3339(s) as number)),
    encode: SchemaGetter.transform(formatTwilioDate)
  })
)
