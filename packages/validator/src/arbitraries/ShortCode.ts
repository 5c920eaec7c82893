/**
 * ShortCode documents that look like Twilio's, and near misses of them.
 *
 * @since 0.1.0
 */
import {
  CountryCode,
  formatTwilioDate,
  makeShortCodeStrict,
  ShortCode,
  ShortCodeNumber,
  shortCodeUrl,
  type ShortCodeWire,
  shortCodeWireKeys
} from "@shortcode-kit/schema"
import { Schema } from "effect"
import * as fc from "fast-check"
import { datePair, dateRangeMiss, dateTextMiss } from "./DateTime.js"
import type { LocalMiss, NearMiss } from "./NearMiss.js"
import { breakingOf, ruleArbitraries } from "./Rules.js"
import { resolveArbitraryOptions, type ResolvedOptions, type ResolvedSid, type ShortCodeArbitraryOptions } from "./Options.js"
import { sidMiss } from "./Sid.js"

export type { ShortCodeArbitraryOptions }

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
type Wire = Mutable<Required<ShortCodeWire>>

const orNull = <A>(arb: fc.Arbitrary<A>, allowed: boolean): fc.Arbitrary<A | null> =>
  allowed ? fc.option(arb, { nil: null, freq: 4 }) : arb

/** A SID that may be `null` where allowed, unless the caller fixed it. */
const sidOrNull = (sid: ResolvedSid, allowed: boolean) => orNull(sid.arbitrary, allowed && !sid.fixed)

// Short codes and country codes as their rules generate them (ShortCodeNumber.ts, CountryCode.ts in the schema).
const countryCode = ruleArbitraries(CountryCode, "shortCodeWire").valid
const shortCodeNumber = ruleArbitraries(ShortCodeNumber, "shortCodeWire").valid
/** The near misses of a rule-checked text field, from its valid value (or one generated when it is `null`). */
const ruleMisses = (ast: typeof CountryCode.ast, valid: fc.Arbitrary<string>, given: string | null): fc.Arbitrary<LocalMiss> =>
  fc.oneof(...breakingOf("invalidShortCodeWire", ast).map(({ rule, from }) =>
    (given === null ? valid : fc.constant(given)).chain(from).map((value) => ({ value, rule }))))
const capabilities = fc.shuffledSubarray(["SMS", "MMS"])

/** A wire ShortCode whose account and service are given, so that a page's items can share them. */
export const shortCodeWireIn = (
  options: ResolvedOptions,
  owner: { readonly accountSid: fc.Arbitrary<string | null>; readonly serviceSid: fc.Arbitrary<string | null> }
): fc.Arbitrary<Wire> => {
  const spec = options.profile === "spec" && options.nulls
  const loose = options.nulls
  return fc.record({
    sid: sidOrNull(options.sids.shortCodeSid, spec),
    account_sid: owner.accountSid,
    service_sid: owner.serviceSid,
    dates: datePair(),
    createdNull: spec ? fc.boolean() : fc.constant(false),
    updatedNull: spec ? fc.boolean() : fc.constant(false),
    short_code: orNull(shortCodeNumber, loose),
    country_code: orNull(countryCode, loose),
    capabilities: orNull(capabilities, loose),
    urlNull: spec ? fc.boolean() : fc.constant(false)
  }).map((r) => ({
    sid: r.sid,
    account_sid: r.account_sid,
    service_sid: r.service_sid,
    date_created: r.createdNull ? null : formatTwilioDate(r.dates[0]),
    date_updated: r.updatedNull ? null : formatTwilioDate(r.dates[1]),
    short_code: r.short_code,
    country_code: r.country_code,
    capabilities: r.capabilities,
    // The url names the resource by its SIDs; without both there is nothing for it to name.
    url: r.urlNull || r.sid === null || r.service_sid === null ? null : shortCodeUrl(options.baseUrl, r.service_sid, r.sid)
  }))
}

const owner = (options: ResolvedOptions) => {
  const nullable = options.profile === "spec" && options.nulls
  return { accountSid: sidOrNull(options.sids.accountSid, nullable), serviceSid: sidOrNull(options.sids.serviceSid, nullable) }
}

/**
 * The wire JSON of a ShortCode as Twilio sends it: every key present, lower-case hex SIDs, dates in Twilio's form
 * between 2008 and 2100 with `date_updated >= date_created`, 5 or 6 digit short codes, assigned country codes,
 * `url` built from the SIDs under `baseUrl`. Valid under the chosen profile; with `nulls`, properties are `null`
 * where that profile allows. `accountSid`, `serviceSid` and `shortCodeSid` fix those SIDs (and so `url`); an
 * override that is not a valid SID throws a TypeError at once.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { isShortCode } from "@shortcode-kit/validator"
 * import { shortCodeWire } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.assert(fc.property(shortCodeWire({ profile: "strict" }), (wire) => isShortCode(wire, { profile: "strict" })))
 * // Your own service: every value carries it, in service_sid and in url.
 * const mine = shortCodeWire({ serviceSid: "MG" + "0".repeat(32) })
 * ```
 * @since 0.1.0
 */
export const shortCodeWire = (options?: ShortCodeArbitraryOptions): fc.Arbitrary<ShortCodeWire> => {
  const resolved = resolveArbitraryOptions("shortCodeWire", options)
  return shortCodeWireIn(resolved, owner(resolved))
}

/**
 * The decoded domain value of {@link shortCodeWire} (same options): camelCase, `Date`s and a `URL`.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { shortCode } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.assert(fc.property(shortCode(), (value) => value.url === null || value.url.protocol === "https:"))
 * ```
 * @since 0.1.0
 */
export const shortCode = (options?: ShortCodeArbitraryOptions): fc.Arbitrary<ShortCode> => {
  const resolved = resolveArbitraryOptions("shortCode", options)
  const decode = Schema.decodeUnknownSync(resolved.profile === "spec" ? ShortCode : makeShortCodeStrict({ baseUrl: resolved.baseUrl }))
  return shortCodeWireIn(resolved, owner(resolved)).map((wire): ShortCode => decode(wire))
}

const typeMiss = (...values: ReadonlyArray<unknown>): fc.Arbitrary<LocalMiss> =>
  fc.constantFrom(...values).map((value) => ({ value, rule: "type" }))

/** One field's near misses under a profile, given the valid document they go into. */
const fieldMisses = (options: ResolvedOptions, field: keyof Wire, base: Wire): fc.Arbitrary<LocalMiss> => {
  const strict = options.profile === "strict"
  const nullMiss: ReadonlyArray<unknown> = strict ? [null] : []
  switch (field) {
    case "sid":
      return sidMiss("SC", { nullable: !strict })
    case "account_sid":
      return sidMiss("AC", { nullable: !strict })
    case "service_sid":
      return sidMiss("MG", { nullable: !strict })
    case "date_created":
    case "date_updated": {
      const misses = [dateTextMiss(), dateRangeMiss(), typeMiss(1438287151, 1438287151000, ...nullMiss)]
      if (strict && field === "date_updated" && base.date_created !== null) {
        // An update before the creation: the creation date minus 1 second to 10 years.
        const created = Date.parse(base.date_created)
        misses.push(fc.integer({ min: 1, max: 315_576_000 }).map((back) => ({
          value: formatTwilioDate(new Date(created - back * 1000)),
          rule: "dates.order"
        })))
      }
      return fc.oneof(...misses)
    }
    case "short_code":
      return strict
        ? fc.oneof(ruleMisses(ShortCodeNumber.ast, shortCodeNumber, base.short_code), typeMiss(12345, ["12345"]))
        : typeMiss(12345, 0, ["12345"], { short_code: "12345" })
    case "country_code":
      return strict
        ? fc.oneof(ruleMisses(CountryCode.ast, countryCode, base.country_code), typeMiss(1, ["US"]))
        : typeMiss(1, ["US"], { code: "US" })
    case "capabilities": {
      const items = base.capabilities ?? ["SMS"]
      const elementMiss = (bad: fc.Arbitrary<unknown>) =>
        fc.tuple(fc.nat(Math.max(0, items.length - 1)), bad).map(([at, value]) => ({
          value: items.length === 0 ? [value] : items.map((item, i) => (i === at ? value : item)),
          rule: "type",
          subPath: [items.length === 0 ? 0 : at]
        }))
      const misses: Array<fc.Arbitrary<LocalMiss>> = [
        typeMiss("SMS", "SMS,MMS", { SMS: true }),
        elementMiss(fc.constantFrom(1, true, ["SMS"], ...(strict ? ["sms", "Sms", "VOICE", "SMS ", "FAX", null] : [null])))
      ]
      if (strict) {
        const present = items.length === 0 ? ["SMS"] : items
        misses.push(fc.constantFrom(...present).map((repeat) => ({
          value: [...present, repeat],
          rule: "capabilities.unique",
          subPath: [present.length]
        })))
      }
      return fc.oneof(...misses)
    }
    case "url": {
      const relative = [
        "/v1/Services", "v1/Services/ShortCodes", "//messaging.twilio.com/v1/Services", "messaging.twilio.com/v1/Services",
        "https://exa mple.com/", "https://", "http://[::1/", "", "https://messaging.twilio.com/v1/Services\n", "\\\\server\\share"
      ]
      const misses: Array<fc.Arbitrary<LocalMiss>> = [
        fc.constantFrom(...relative).map((value) => ({ value, rule: "format.uri" })),
        typeMiss(1, { href: "https://messaging.twilio.com/" }, ...nullMiss)
      ]
      if (strict && base.sid !== null && base.service_sid !== null) {
        const canonical = shortCodeUrl(options.baseUrl, base.service_sid, base.sid)
        const other = canonical.startsWith("https:") ? canonical.replace("https:", "http:") : canonical.replace("http:", "https:")
        misses.push(fc.constantFrom(
          canonical.replace(/^https?:/, "ftp:"),
          other,
          `${canonical}/`,
          `${canonical}?PageSize=50`,
          canonical.replace("/ShortCodes/", "/shortcodes/"),
          shortCodeUrl(options.baseUrl, base.service_sid, `SC${"0".repeat(32)}` === base.sid ? `SC${"1".repeat(32)}` : `SC${"0".repeat(32)}`),
          canonical.replace(new URL(canonical).host, new URL(canonical).host === "api.twilio.com" ? "example.com" : "api.twilio.com"),
          "mailto:ops@example.com"
        ).map((value) => ({ value, rule: "url.canonical" })))
      }
      return fc.oneof(...misses)
    }
  }
}

const FIELDS: ReadonlyArray<keyof Wire> = Object.values(shortCodeWireKeys)

/** Near misses of a whole document, for the given base documents: a field, a missing key (strict), the root. */
export const shortCodeMissFrom = (options: ResolvedOptions, base: fc.Arbitrary<Wire>): fc.Arbitrary<NearMiss> => {
  const field = fc.tuple(base, fc.constantFrom(...FIELDS)).chain(([doc, key]) =>
    fieldMisses(options, key, doc).map((miss): NearMiss => ({
      value: { ...doc, [key]: miss.value },
      rule: miss.rule,
      path: [key, ...(miss.subPath ?? [])]
    }))
  )
  const root = base.chain((doc) =>
    fc.constantFrom<unknown>(null, [doc], JSON.stringify(doc), 42, true).map((value): NearMiss => ({ value, rule: "type", path: [] }))
  )
  const arbitraries: Array<fc.Arbitrary<NearMiss>> = [field, field, field, field, root]
  if (options.profile === "strict") {
    arbitraries.push(fc.tuple(base, fc.constantFrom(...FIELDS)).map(([doc, key]): NearMiss => {
      const { [key]: _removed, ...rest } = doc
      return { value: rest, rule: "required", path: [key] }
    }))
  }
  return fc.oneof(...arbitraries)
}

/**
 * Near misses of a ShortCode's wire JSON: each value is a valid document (of {@link shortCodeWire} with the same
 * options) with exactly one defect, announced as `{ rule, path }`. Defects: every SID near miss, impossible dates,
 * offsets and notations, wrong types, `null` where the profile forbids it, relative URLs; with the strict profile
 * also bad short codes and country codes, duplicate capabilities, `date_updated` before `date_created`, a missing
 * key, and a `url` that is a URI but not the resource's own (non-http schemes, another host or path).
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { validateShortCode } from "@shortcode-kit/validator"
 * import { invalidShortCodeWire } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.assert(fc.property(invalidShortCodeWire(), ({ value, rule, path }) => {
 *   const result = validateShortCode(value)
 *   return !result.ok && result.issues.length === 1 && result.issues[0]!.rule === rule
 * }))
 * ```
 * @since 0.1.0
 */
export const invalidShortCodeWire = (options?: ShortCodeArbitraryOptions): fc.Arbitrary<NearMiss> => {
  const resolved = resolveArbitraryOptions("invalidShortCodeWire", options)
  return shortCodeMissFrom(resolved, shortCodeWireIn(resolved, owner(resolved)))
}
