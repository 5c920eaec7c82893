/**
 * Twilio's `date-time` fields. The wire side accepts what OpenAPI's `date-time` format means, RFC 3339 section 5.6
 * (`2015-07-30T20:12:31Z`, fractional seconds, numeric offsets, lower-case `t`/`z` per its note); the domain side is a
 * `Date` at whole-second resolution, the resolution of Twilio's own form, which is what encoding writes.
 *
 * @since 0.1.0
 */
import { Schema, SchemaGetter } from "effect"
import { SchemaCompiler } from "effect/schema"
import { declareFastLeaf } from "./internal/compile/fastLeaf.js"
import { ruleCheck } from "./internal/rule.js"

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31

const MS_PER_DAY = 86_400_000

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, for every year, by the era arithmetic of H. Hinnant's
 * "chrono-Compatible Low-Level Date Algorithms" (`days_from_civil`): decoding allocates no `Date` to find an instant.
 */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** The ASCII digit at `i` as a number, or -1 (also past the end, where `charCodeAt` is NaN). */
const digitAt = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - 48
  return d >= 0 && d <= 9 ? d : -1
}

/** The two ASCII digits at `i` as a number, or -1. */
const twoDigitsAt = (text: string, i: number): number => {
  const tens = digitAt(text, i)
  const ones = digitAt(text, i + 1)
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones
}

const DASH = 45
const COLON = 58
const DOT = 46
const PLUS = 43

/**
 * Milliseconds since the epoch of an RFC 3339 date-time, truncated to the second, or `undefined` when the text is
 * not one. A leap second (`23:59:60` in UTC, the only place RFC 3339 allows it) is read as `23:59:59`, since `Date`
 * cannot hold it.
 *
 * The grammar is RFC 3339 section 5.6 `date-time` (`full-date "T" full-time`, `T` and `Z` in either case, any number
 * of fractional digits, `Z` or a `±hh:mm` offset), read character by character: this runs on every date of every
 * decode, and a scan without a regular expression or a `Date` is several times faster.
 */
export const parseRfc3339 = (text: string): number | undefined => {
  const length = text.length
  if (length < 20) return undefined
  const y1 = twoDigitsAt(text, 0), y2 = twoDigitsAt(text, 2)
  const month = twoDigitsAt(text, 5), day = twoDigitsAt(text, 8)
  const hour = twoDigitsAt(text, 11), minute = twoDigitsAt(text, 14), second = twoDigitsAt(text, 17)
  if (y1 < 0 || y2 < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined
  const t = text.charCodeAt(10)
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || (t !== 84 && t !== 116) ||
    text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return undefined
  let i = 19
  if (text.charCodeAt(i) === DOT) {
    i++
    if (digitAt(text, i) < 0) return undefined
    while (digitAt(text, i) >= 0) i++
  }
  let offsetMinutes = 0
  const zone = text.charCodeAt(i)
  if (zone === 90 || zone === 122) {
    if (i + 1 !== length) return undefined
  } else if (zone === PLUS || zone === DASH) {
    if (i + 6 !== length || text.charCodeAt(i + 3) !== COLON) return undefined
    const oh = twoDigitsAt(text, i + 1), om = twoDigitsAt(text, i + 4)
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return undefined
    offsetMinutes = (zone === DASH ? -1 : 1) * (oh * 60 + om)
  } else {
    return undefined
  }
  const year = y1 * 100 + y2
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 60) return undefined
  const utcMinutes = hour * 60 + minute - offsetMinutes
  if (second === 60 && ((utcMinutes % 1440) + 1440) % 1440 !== 23 * 60 + 59) return undefined
  const secondOfDay = (hour * 60 + minute) * 60 + (second === 60 ? 59 : second)
  return daysFromCivil(year, month, day) * MS_PER_DAY + secondOfDay * 1000 - offsetMinutes * 60_000
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

/** Whether a `Date` with this time is one Twilio's form can write and read back unchanged (rule `date.representable`). */
export const isRepresentableTime = (t: number): boolean => Number.isFinite(t) && t % 1000 === 0 && t >= MIN_DATE && t <= MAX_DATE

/**
 * The domain form: a valid `Date` with whole seconds between years 0000 and 9999, the dates that Twilio's form can
 * write and read back unchanged. Rule `date.representable`.
 *
 * @since 0.1.0
 */
export const TwilioDate = Schema.Date.check(
  ruleCheck<Date>("date.representable", (d) => isRepresentableTime(d.getTime()), {
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
export const DateFromTwilioString = declareFastLeaf(
  DateTimeString.pipe(
    Schema.decodeTo(TwilioDate, {
      // The wire check has already accepted `s`, so the parse is defined (and already whole seconds).
      decode: SchemaGetter.transform((s: string) => new Date(parseRfc3339(s) as number)),
      encode: SchemaGetter.transform(formatTwilioDate)
    })
  ),
  // The same codec in one step each way, for the compiled paths (internal/compile): one parse of the text instead of
  // the check's and the getter's, and no check of the formatted text, which a representable date always passes.
  {
    decode: (input) => {
      if (typeof input !== "string") return SchemaCompiler.invalid
      const time = parseRfc3339(input)
      return time !== undefined && isRepresentableTime(time) ? new Date(time) : SchemaCompiler.invalid
    },
    encode: (input) => (input instanceof Date && isRepresentableTime(input.getTime()) ? formatTwilioDate(input) : SchemaCompiler.invalid),
    is: (input) => (input instanceof Date && isRepresentableTime(input.getTime()) ? input : SchemaCompiler.invalid)
  }
)
