// The hand-written fast paths of the ShortCodes schemas, moved here unchanged from ShortCode.ts, ShortCodeParams.ts and
// CreateShortCode.ts so that the declarations (resource/Resource.ts) install them through one hook
// (internal/fastPaths.ts). A generated compiler is to replace this file; until then it is the only place that
// knows these schemas' shapes by hand.
import { type Schema } from "effect"
import { SchemaCompiler } from "effect/schema"
import { formatTwilioDate, isRepresentableTime, parseRfc3339 } from "../DateTime.js"
import { isSidWithPrefix } from "../Sid.js"
import { isUriString, urlOfUriString } from "../Uri.js"
import { type FastGuard, type FastPath, withCompiledPaths } from "./compiledPaths.js"
import { codecFailure, type DirectFailure, structFailure } from "./directFailure.js"
import type { RefusedWireProperties } from "./refusedWireProperties.js"

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

// The success path written out (see internal/compiledPaths.ts): both keys present (inherited ones count, as for
// Effect), a Service SID and a non-empty string; anything else is the interpreter's to report.
const decodeInstanceParams = (input: unknown): unknown => {
  if (typeof input !== "object" || input === null || Array.isArray(input) || !("ServiceSid" in input && "Sid" in input)) {
    return SchemaCompiler.invalid
  }
  const { ServiceSid: serviceSid, Sid: sid } = input as { readonly ServiceSid: unknown; readonly Sid: unknown }
  return typeof serviceSid === "string" && isSidWithPrefix("MG", serviceSid) && typeof sid === "string" && sid.length > 0
    ? { ServiceSid: serviceSid, Sid: sid }
    : SchemaCompiler.invalid
}

// The success paths written out (see internal/compiledPaths.ts); anything they decline is the interpreter's to
// decode and report.
const decodeCreateParams = (input: unknown): unknown => {
  if (typeof input !== "object" || input === null || Array.isArray(input) || !("ServiceSid" in input)) return SchemaCompiler.invalid
  const serviceSid = (input as { readonly ServiceSid: unknown }).ServiceSid
  return typeof serviceSid === "string" && isSidWithPrefix("MG", serviceSid) ? { ServiceSid: serviceSid } : SchemaCompiler.invalid
}

const decodeCreateForm = (input: unknown): unknown => {
  const params = typeof input === "string" ? new URLSearchParams(input) : input instanceof URLSearchParams ? input : undefined
  if (params === undefined) return SchemaCompiler.invalid
  const values = params.getAll("ShortCodeSid")
  const value = values[0]
  return values.length === 1 && value !== undefined && isSidWithPrefix("SC", value) ? { shortCodeSid: value } : SchemaCompiler.invalid
}

// The direct failure of a form body (see internal/directFailure.ts): a `ShortCodeSid` given once and non-empty is
// judged by the request struct's own rules, as the transformation below hands it on. Absent, empty or repeated is
// worded by the transformation itself, so those bodies go to the interpreter.
const formFailure = (requestFailure: DirectFailure): DirectFailure => (input) => {
  const params = typeof input === "string" ? new URLSearchParams(input) : input instanceof URLSearchParams ? input : undefined
  if (params === undefined) return undefined
  const values = params.getAll("ShortCodeSid")
  const value = values[0]
  return values.length === 1 && value !== undefined && value !== "" ? requestFailure({ ShortCodeSid: value }) : undefined
}

/** Installs the hand paths of the `ShortCode` codec on `schema` (the declared codec). */
export const installShortCodeFastPaths = <S extends Schema.Top>(schema: S): S =>
  withCompiledPaths(schema, {
    decode: decodeShortCode,
    encode: encodeShortCode,
    isEncoded: isShortCodeWire,
    refused: refusedWireProperties,
    failure: codecFailure(schema.ast, refusedWireProperties)
  })

/** Installs the hand path of `CreateShortCodeParams` on `schema`. */
export const installCreateParamsFastPaths = <S extends Schema.Top>(schema: S): S =>
  withCompiledPaths(schema, { decode: decodeCreateParams, failure: structFailure(schema.ast) })

/** Installs the hand path of `ShortCodeInstanceParams` on `schema`. */
export const installInstanceParamsFastPaths = <S extends Schema.Top>(schema: S): S =>
  withCompiledPaths(schema, { decode: decodeInstanceParams })

/** Installs the hand paths of `CreateShortCodeForm` on `schema`, whose request struct is `request`. */
export const installCreateFormFastPaths = <S extends Schema.Top>(schema: S, request: Schema.Top): S =>
  withCompiledPaths(schema, { decode: decodeCreateForm, failure: formFailure(codecFailure(request.ast)) })
