/**
 * Dates as Twilio writes them (`2015-07-30T20:12:31Z`) and their near misses.
 */
import { formatTwilioDate } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import type { LocalMiss } from "./NearMiss.js"

const MIN_SECONDS = Date.UTC(2008, 0, 1) / 1000
const MAX_SECONDS = Date.UTC(2100, 11, 31, 23, 59, 59) / 1000

/** A date between 2008 and 2100, to the second, the resolution of Twilio's form. */
export const twilioDate = (): fc.Arbitrary<Date> =>
  fc.integer({ min: MIN_SECONDS, max: MAX_SECONDS }).map((seconds) => new Date(seconds * 1000))

/** `[date_created, date_updated]` with the update never before the creation. */
export const datePair = (): fc.Arbitrary<readonly [Date, Date]> =>
  fc.tuple(twilioDate(), twilioDate()).map(([a, b]) => (a.getTime() <= b.getTime() ? [a, b] as const : [b, a] as const))

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/** Dates that are not RFC 3339 date-times, each built from a real date so that only the one defect is there. */
export const dateTextMiss = (): fc.Arbitrary<LocalMiss> => {
  const parts = twilioDate().map((d) => ({
    y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(),
    text: formatTwilioDate(d)
  }))
  const time = (p: { h: number; mi: number; s: number }) => `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
  const miss = (value: string): LocalMiss => ({ value, rule: "format.date-time" })
  return fc.oneof(
    // Days the calendar does not have: February 30 and 31, February 29 of a common year, April 31.
    fc.tuple(parts, fc.constantFrom("02-30", "02-31", "04-31", "06-31", "09-31", "11-31")).map(([p, md]) => miss(`${p.y}-${md}T${time(p)}Z`)),
    parts.map((p) => {
      const common = p.y % 4 === 0 ? p.y + 1 : p.y
      return miss(`${common}-02-29T${time(p)}Z`)
    }),
    fc.tuple(parts, fc.constantFrom("00", "13")).map(([p, mo]) => miss(`${p.y}-${mo}-${pad(p.d)}T${time(p)}Z`)),
    parts.map((p) => miss(`${p.y}-${pad(p.mo)}-00T${time(p)}Z`)),
    // Times the clock does not have: hour 24, minute 60, second 61, a leap second away from 23:59 UTC.
    parts.map((p) => miss(`${p.text.slice(0, 11)}24:${pad(p.mi)}:${pad(p.s)}Z`)),
    parts.map((p) => miss(`${p.text.slice(0, 11)}${pad(p.h)}:60:${pad(p.s)}Z`)),
    parts.map((p) => miss(`${p.text.slice(0, 11)}${pad(p.h)}:${pad(p.mi)}:61Z`)),
    parts.filter((p) => p.h !== 23 || p.mi !== 59).map((p) => miss(`${p.text.slice(0, 11)}${pad(p.h)}:${pad(p.mi)}:60Z`)),
    // Offsets out of range, and no zone at all.
    fc.tuple(parts, fc.constantFrom("+25:00", "-24:00", "+24:30", "+05:60", "+0530", "+05", "UTC", " Z")).map(([p, zone]) => miss(p.text.slice(0, -1) + zone)),
    parts.map((p) => miss(p.text.slice(0, -1))),
    // Other notations: a space or nothing between date and time, RFC 2822 (Twilio's 2010 API), date only, compact.
    parts.map((p) => miss(p.text.replace("T", " "))),
    parts.map((p) => miss(new Date(p.text).toUTCString().replace("GMT", "+0000"))),
    parts.map((p) => miss(p.text.slice(0, 10))),
    parts.map((p) => miss(p.text.replace(/[-:]/g, ""))),
    fc.tuple(parts, fc.constantFrom(" ", "\n", "\t")).map(([p, ws]) => miss(`${p.text}${ws}`)),
    parts.map((p) => miss(`${pad(p.d)}/${pad(p.mo)}/${p.y} ${time(p)}`))
  )
}

/** A real RFC 3339 date-time that `Date`, and so Twilio's form, cannot hold: before year 0000 or after 9999. */
export const dateRangeMiss = (): fc.Arbitrary<LocalMiss> =>
  fc.constantFrom("0000-01-01T00:30:00+01:00", "9999-12-31T23:59:59-00:01", "0000-01-01T00:00:00+23:59")
    .map((value) => ({ value, rule: "date.representable" }))
