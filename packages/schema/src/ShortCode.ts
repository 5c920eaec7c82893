/**
 * The ShortCode resource (`messaging.v1.service.short_code` in Twilio's OpenAPI).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { SchemaCompiler } from "effect/schema"
import { DateFromTwilioString, formatTwilioDate, isRepresentableTime, parseRfc3339 } from "./DateTime.js"
import { type FastGuard, type FastPath, withCompiledPaths } from "./internal/compiledPaths.js"
import { codecFailure } from "./internal/directFailure.js"
import { nullableField } from "./internal/nullableField.js"
import type { RefusedWireProperties } from "./internal/refusedWireProperties.js"
import { wireKeysAnnotation } from "./internal/wireKeys.js"
import { AccountSid, isSidWithPrefix, ServiceSid, ShortCodeSid } from "./Sid.js"
import { isUriString, UrlFromUriString, urlOfUriString } from "./Uri.js"

/** Wire (snake_case) name of each domain (camelCase) property, in Twilio's order. */
export const shortCodeWireKeys = {
  sid: "sid",
  accountSid: "account_sid",
  serviceSid: "service_sid",
  dateCreated: "date_created",
  dateUpdated: "date_updated",
  shortCode: "short_code",
  countryCode: "country_code",
  capabilities: "capabilities",
  url: "url"
} as const

// The compiled paths below are the same codec written out by hand for valid input, one field at a time: what the
// rules of each field accept, and the same output. They decline (`invalid`) anything else, and Effect's interpreter
// then decodes that input and reports it; see internal/compiledPaths.ts.
const invalid = SchemaCompiler.invalid

const sidOrNull = (prefix: string, value: unknown): unknown =>
  value === null || (typeof value === "string" && isSidWithPrefix(prefix, value)) ? value : invalid

const stringOrNull = (value: unknown): unknown => (value === null || typeof value === "string" ? value : invalid)

const stringsOrNull = (value: unknown): unknown => {
  if (value === null) return null
  if (!Array.isArray(value)) return invalid
  const out = new Array<string>(value.length)
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i]
    if (typeof item !== "string") return invalid
    out[i] = item
  }
  return out
}

const isStringsOrNull = (value: unknown): boolean => {
  if (value === null) return true
  if (!Array.isArray(value)) return false
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return false
  return true
}

const decodeDate = (value: unknown): unknown => {
  if (value === null) return null
  if (typeof value !== "string") return invalid
  const time = parseRfc3339(value)
  return time !== undefined && isRepresentableTime(time) ? new Date(time) : invalid
}

const decodeUrl = (value: unknown): unknown => (value === null ? null : typeof value === "string" ? urlOfUriString(value) ?? invalid : invalid)

const encodeDate = (value: unknown): unknown =>
  value === null ? null : value instanceof Date && isRepresentableTime(value.getTime()) ? formatTwilioDate(value) : invalid

const encodeUrl = (value: unknown): unknown => {
  if (value === null) return null
  if (!(value instanceof URL)) return invalid
  const href = value.href
  return isUriString(href) ? href : invalid
}

const isObject = (input: unknown): input is Readonly<Record<string, unknown>> =>
  typeof input === "object" && input !== null && !Array.isArray(input)

// Every key is read by name (`"sid" in input ? input.sid : null`): an absent key is `null`, a present `undefined`
// stays `undefined` and is refused. Named reads keep each property access monomorphic, which a shared helper taking
// the key as an argument would not.
const decodeShortCode: FastPath = (input) => {
  if (!isObject(input)) return invalid
  // Each property is given up on as soon as it fails: a rejected body is then judged property by property by the
  // failure paths, and checking the rest here first would only be done twice.
  const sid = sidOrNull("SC", "sid" in input ? input.sid : null)
  if (sid === invalid) return invalid
  const accountSid = sidOrNull("AC", "account_sid" in input ? input.account_sid : null)
  if (accountSid === invalid) return invalid
  const serviceSid = sidOrNull("MG", "service_sid" in input ? input.service_sid : null)
  if (serviceSid === invalid) return invalid
  const shortCode = stringOrNull("short_code" in input ? input.short_code : null)
  if (shortCode === invalid) return invalid
  const countryCode = stringOrNull("country_code" in input ? input.country_code : null)
  if (countryCode === invalid) return invalid
  const dateCreated = decodeDate("date_created" in input ? input.date_created : null)
  if (dateCreated === invalid) return invalid
  const dateUpdated = decodeDate("date_updated" in input ? input.date_updated : null)
  if (dateUpdated === invalid) return invalid
  const capabilities = stringsOrNull("capabilities" in input ? input.capabilities : null)
  if (capabilities === invalid) return invalid
  const url = decodeUrl("url" in input ? input.url : null)
  if (url === invalid) return invalid
  return { sid, accountSid, serviceSid, dateCreated, dateUpdated, shortCode, countryCode, capabilities, url }
}

const encodeShortCode: FastPath = (input) => {
  if (!isObject(input)) return invalid
  // The domain type has every key (null for nothing), so a missing key is an error for the interpreter to report.
  if (!("sid" in input && "accountSid" in input && "serviceSid" in input && "dateCreated" in input && "dateUpdated" in input &&
    "shortCode" in input && "countryCode" in input && "capabilities" in input && "url" in input)) return invalid
  const sid = sidOrNull("SC", input.sid)
  const accountSid = sidOrNull("AC", input.accountSid)
  const serviceSid = sidOrNull("MG", input.serviceSid)
  const shortCode = stringOrNull(input.shortCode)
  const countryCode = stringOrNull(input.countryCode)
  const dateCreated = encodeDate(input.dateCreated)
  const dateUpdated = encodeDate(input.dateUpdated)
  const capabilities = stringsOrNull(input.capabilities)
  const url = encodeUrl(input.url)
  if (sid === invalid || accountSid === invalid || serviceSid === invalid || shortCode === invalid || countryCode === invalid ||
    dateCreated === invalid || dateUpdated === invalid || capabilities === invalid || url === invalid) return invalid
  return {
    sid,
    account_sid: accountSid,
    service_sid: serviceSid,
    date_created: dateCreated,
    date_updated: dateUpdated,
    short_code: shortCode,
    country_code: countryCode,
    capabilities,
    url
  }
}

const isDateTextOrNull = (value: unknown): boolean => value === null || (typeof value === "string" && parseRfc3339(value) !== undefined)
const isUriTextOrNull = (value: unknown): boolean => value === null || (typeof value === "string" && isUriString(value))

const isShortCodeWire: FastGuard = (input) =>
  isObject(input) &&
  (!("sid" in input) || sidOrNull("SC", input.sid) !== invalid) &&
  (!("account_sid" in input) || sidOrNull("AC", input.account_sid) !== invalid) &&
  (!("service_sid" in input) || sidOrNull("MG", input.service_sid) !== invalid) &&
  (!("date_created" in input) || isDateTextOrNull(input.date_created)) &&
  (!("date_updated" in input) || isDateTextOrNull(input.date_updated)) &&
  (!("short_code" in input) || stringOrNull(input.short_code) !== invalid) &&
  (!("country_code" in input) || stringOrNull(input.country_code) !== invalid) &&
  (!("capabilities" in input) || isStringsOrNull(input.capabilities)) &&
  (!("url" in input) || isUriTextOrNull(input.url))

/** The refused wire properties, by the same predicates as the guard, in Twilio's (the struct's) order. */
const refusedWireProperties: RefusedWireProperties = (input) => {
  const refused: Array<string> = []
  if ("sid" in input && sidOrNull("SC", input.sid) === invalid) refused.push("sid")
  if ("account_sid" in input && sidOrNull("AC", input.account_sid) === invalid) refused.push("account_sid")
  if ("service_sid" in input && sidOrNull("MG", input.service_sid) === invalid) refused.push("service_sid")
  if ("date_created" in input && !isDateTextOrNull(input.date_created)) refused.push("date_created")
  if ("date_updated" in input && !isDateTextOrNull(input.date_updated)) refused.push("date_updated")
  if ("short_code" in input && stringOrNull(input.short_code) === invalid) refused.push("short_code")
  if ("country_code" in input && stringOrNull(input.country_code) === invalid) refused.push("country_code")
  if ("capabilities" in input && !isStringsOrNull(input.capabilities)) refused.push("capabilities")
  if ("url" in input && !isUriTextOrNull(input.url)) refused.push("url")
  return refused
}

/**
 * The codec between the wire JSON of a ShortCode and its domain value. It accepts exactly what Twilio's schema
 * accepts: every property nullable, none required (absent decodes as `null`), unknown properties dropped. Encoding
 * writes every key, dates in Twilio's form (`2015-07-30T20:12:31Z`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ShortCode } from "@shortcode-kit/schema"
 *
 * const shortCode = Schema.decodeUnknownSync(ShortCode)({
 *   sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   short_code: "12345",
 *   date_created: "2015-07-30T20:12:31Z"
 * })
 * shortCode.shortCode // "12345"
 * shortCode.accountSid // null
 * ```
 * @since 0.1.0
 */
export const ShortCode = Schema.Struct({
  sid: nullableField(ShortCodeSid),
  accountSid: nullableField(AccountSid),
  serviceSid: nullableField(ServiceSid),
  dateCreated: nullableField(DateFromTwilioString),
  dateUpdated: nullableField(DateFromTwilioString),
  shortCode: nullableField(Schema.String),
  countryCode: nullableField(Schema.String),
  capabilities: nullableField(Schema.Array(Schema.String)),
  url: nullableField(UrlFromUriString)
}).pipe(Schema.encodeKeys(shortCodeWireKeys)).annotate({
  identifier: "ShortCode",
  description: "A short code in a Messaging Service (messaging.v1.service.short_code)",
  ...wireKeysAnnotation(shortCodeWireKeys)
}).pipe((schema) =>
  withCompiledPaths(schema, {
    decode: decodeShortCode,
    encode: encodeShortCode,
    isEncoded: isShortCodeWire,
    refused: refusedWireProperties,
    failure: codecFailure(schema.ast, refusedWireProperties)
  })
)

/**
 * The domain value: camelCase, branded SIDs, `Date`s and a `URL`, `null` where Twilio sent nothing.
 *
 * @since 0.1.0
 */
export type ShortCode = typeof ShortCode.Type

/**
 * The wire JSON as Twilio sends it (snake_case strings).
 *
 * @since 0.1.0
 */
export type ShortCodeWire = typeof ShortCode.Encoded
