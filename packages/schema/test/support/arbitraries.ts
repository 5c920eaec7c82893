// Test-only generators for the schema package's own laws. The published, fuller generators live in
// @shortcode-kit/validator/arbitraries, which depends on this package and so cannot be used here.
import fc from "fast-check"

const hexChar = (upper: boolean) => fc.constantFrom(...(upper ? "0123456789ABCDEF" : "0123456789abcdef").split(""))
export const hex32 = fc.boolean().chain((upper) => fc.string({ unit: hexChar(upper), minLength: 32, maxLength: 32 }))
export const sid = (prefix: string) => hex32.map((h) => prefix + h)

const pad = (n: number, w: number) => String(n).padStart(w, "0")
/** Whole-second dates from 2008 to 2100, in Twilio's form. */
export const twilioDate = fc
  .integer({ min: Date.UTC(2008, 0, 1) / 1000, max: Date.UTC(2100, 11, 31, 23, 59, 59) / 1000 })
  .map((s) => {
    const d = new Date(s * 1000)
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}Z`
  })

/** URLs already in WHATWG normal form, so that decode/encode is the identity on them. */
export const canonicalUrl = fc
  .tuple(
    fc.constantFrom("https", "http"),
    fc.constantFrom("messaging.twilio.com", "127.0.0.1:4010", "example.com"),
    fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), { maxLength: 4 })
  )
  .map(([scheme, host, segments]) => new URL(`${scheme}://${host}/${segments.join("/")}`).href)

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 })

/** A canonical wire ShortCode: every key present, as encoding writes it. */
export const canonicalWire = fc.record({
  sid: nullable(sid("SC")),
  account_sid: nullable(sid("AC")),
  service_sid: nullable(sid("MG")),
  date_created: nullable(twilioDate),
  date_updated: nullable(twilioDate),
  short_code: nullable(fc.string()),
  country_code: nullable(fc.string({ maxLength: 3 })),
  capabilities: nullable(fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 })),
  url: nullable(canonicalUrl)
})

/** A spec-valid wire ShortCode with keys possibly missing and extra keys present. */
export const sparseWire = fc
  .tuple(canonicalWire, fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), fc.dictionary(fc.constantFrom("extra", "links", "friendly_name"), fc.jsonValue()))
  .map(([w, keep, extra]) => {
    const out: Record<string, unknown> = { ...extra }
    Object.entries(w).forEach(([k, v], i) => {
      if (keep[i]) out[k] = v
    })
    return out
  })

/** Strings near the boundary of the SID and format rules: mostly invalid, some valid. */
export const nearMissSid = (prefix: string) =>
  fc.oneof(
    sid(prefix),
    sid(prefix).map((s) => s.slice(0, 33)),
    sid(prefix).map((s) => s + "a"),
    sid(prefix).map((s) => prefix.toLowerCase() + s.slice(2)),
    sid(prefix).map((s) => " " + s),
    sid(prefix).map((s) => s + "\n"),
    fc.tuple(sid(prefix), fc.integer({ min: 2, max: 33 }), fc.constantFrom("g", "G", "z", "-", "０", "ａ", "\u0441"))
      .map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1)),
    sid(prefix).map((s) => "\u0421" + s.slice(1)),
    fc.string({ maxLength: 40 })
  )

export const nearMissDate = fc.oneof(
  twilioDate,
  twilioDate.map((d) => d.replace("T", " ")),
  twilioDate.map((d) => d.replace("Z", "")),
  twilioDate.map((d) => d.replace("Z", "+02:00")),
  twilioDate.map((d) => d.replace("Z", ".123Z")),
  twilioDate.map((d) => d.toLowerCase()),
  twilioDate.map((d) => d.replace(/T\d\d/, "T24")),
  twilioDate.map((d) => d.replace(/-\d\d-\d\dT/, "-02-30T")),
  twilioDate.map((d) => d.replace(/-\d\d-\d\dT/, "-02-29T")),
  twilioDate.map((d) => d.replace("Z", "+25:00")),
  fc.constantFrom("2016-12-31T23:59:60Z", "2016-12-31T23:58:60Z", "2015-07-30", "20:12:31Z", "2015-07-30T20:12:31"),
  fc.string({ maxLength: 25 })
)

const uriSoup = fc.string({ unit: fc.constantFrom(..."ab:/?#[]@!$&'()*+,;=%-._~1 0fF\\^`{}|\"<>vV".split("")), maxLength: 14 })

export const nearMissUrl = fc.oneof(
  canonicalUrl,
  uriSoup.map((x) => "h" + x),
  uriSoup.map((x) => "http://" + x),
  canonicalUrl.map((u) => u.replace(/^https?:\/\/[^/]+/, "")),
  fc.constantFrom("mailto:someone@example.com", "urn:isbn:0451450523", "ftp://example.com/x", "http://[::1]/", "http://[::1/", "http://exa mple.com/", "//example.com/a", "http://example.com/%zz", "https://messaging.twilio.com/a?b=c#d", "a:", "1http://x", "http://256.256.256.256/"),
  fc.string({ maxLength: 30 })
)

/** Any JSON-ish value in place of a whole ShortCode. */
export const wireWithNearMisses = fc.record(
  {
    sid: fc.oneof(nearMissSid("SC"), fc.constant(null), fc.jsonValue()),
    account_sid: fc.oneof(nearMissSid("AC"), fc.constant(null)),
    service_sid: fc.oneof(nearMissSid("MG"), fc.constant(null)),
    date_created: fc.oneof(nearMissDate, fc.constant(null), fc.integer()),
    date_updated: fc.oneof(nearMissDate, fc.constant(null)),
    short_code: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
    country_code: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)),
    capabilities: fc.oneof(fc.array(fc.oneof(fc.string(), fc.integer())), fc.constant(null), fc.string()),
    url: fc.oneof(nearMissUrl, fc.constant(null))
  },
  { requiredKeys: [] }
)
