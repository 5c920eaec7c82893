// Generated inputs for any resource of Twilio's official document, read from its component schema and its create
// form: whole valid objects, sparse ones, and objects with each property absent, null, valid, a near miss of its own kind (SID pattern, date-time, uri, enum, ...) or
// a value of another kind; and create bodies around each form parameter. The generic laws
// (test/resource/laws.test.ts) compare a declared resource's schemas with the official ones on them.
import fc from "fast-check"
import { canonicalUrl, nearMissDate, nearMissSid, nearMissUrl, sid, twilioDate } from "./arbitraries.js"
import { officialDocument } from "./officialDocument.js"
import { isLenientDateTime, isUriDifference } from "./officialSpec.js"

// A JSON document walked without types: the official schemas give it its shape.
type Json = any

const resolve = (node: Json): Json =>
  node?.$ref === undefined ? node : node.$ref.replace("#/", "").split("/").reduce((at: Json, key: string) => at[key], officialDocument)

/** The properties of an official component schema, `$ref`s resolved. */
export const officialProperties = (openApiName: string): Record<string, Json> =>
  Object.fromEntries(Object.entries<Json>(officialDocument.components.schemas[openApiName].properties).map(([k, v]) => [k, resolve(v)]))

const SID_PATTERN = /^\^([A-Z]{2})\[0-9a-fA-F\]\{32\}\$$/

/** Values near what one official property schema accepts. */
const nearProperty = (property: Json): fc.Arbitrary<unknown> => {
  const prefix = SID_PATTERN.exec(property.pattern ?? "")?.[1]
  if (prefix !== undefined) return nearMissSid(prefix)
  if (property.enum !== undefined) return fc.oneof(fc.constantFrom(...(property.enum as Array<string>)), fc.string({ maxLength: 8 }))
  if (property.format === "date-time") return fc.oneof(nearMissDate, twilioDate)
  if (property.format === "uri") return nearMissUrl
  // `uri-map` is a hint ajv cannot check (officialDocument.ts): only maps of canonical URLs, where both agree.
  if (property.format === "uri-map") return fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), canonicalUrl, { maxKeys: 3 })
  switch (property.type) {
    case "array":
      return fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 })
    case "boolean":
      return fc.oneof(fc.boolean(), fc.constantFrom("true", 0, 1))
    case "integer":
      return fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constantFrom("1", 1.5))
    default:
      // Any text, word-like text and digits only: the shapes where prose rules (lengths, characters) part.
      return fc.oneof(fc.string({ maxLength: 16 }), fc.stringMatching(/^[A-Za-z0-9 _&+-]{0,13}$/), fc.stringMatching(/^[0-9]{1,12}$/))
  }
}

/** Values that one official property schema accepts, in the form encoding writes them (so they round-trip). */
const validProperty = (property: Json): fc.Arbitrary<unknown> => {
  const prefix = SID_PATTERN.exec(property.pattern ?? "")?.[1]
  if (prefix !== undefined) return sid(prefix)
  if (property.enum !== undefined) return fc.constantFrom(...(property.enum as Array<string>))
  if (property.format === "date-time") return twilioDate
  if (property.format === "uri") return canonicalUrl
  if (property.format === "uri-map") return fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), canonicalUrl, { maxKeys: 3 })
  switch (property.type) {
    case "array":
      return fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 })
    case "boolean":
      return fc.boolean()
    case "integer":
      return fc.integer()
    default:
      return fc.string({ maxLength: 16 })
  }
}

/** Any JSON-ish value of another kind than most properties take. */
const otherKind = fc.oneof(fc.constant(null), sid("SC"), fc.integer(), fc.array(fc.integer(), { maxLength: 2 }), fc.constant("not a date or uri"), fc.boolean())

// `null` where ajv takes it too: not for an `enum` without `null` (see isDocumentedDifference).
const takesNull = (property: Json) => property.nullable === true && (property.enum === undefined || property.enum.includes(null))

const wholeOf = (openApiName: string, value: (property: Json) => fc.Arbitrary<unknown>) =>
  fc.record(Object.fromEntries(Object.entries(officialProperties(openApiName)).map(([key, property]) => [
    key,
    takesNull(property) ? fc.option(value(property), { nil: null, freq: 4 }) : value(property)
  ])))

/** Valid wire objects of `openApiName` with every key, `null` where the official schema allows it. */
export const validWire = (openApiName: string) => wholeOf(openApiName, validProperty)

/** Valid wire objects of `openApiName` with keys possibly missing. */
export const sparseWire = (openApiName: string) =>
  fc.record(Object.fromEntries(Object.entries(officialProperties(openApiName)).map(([key, property]) => [key, validProperty(property)])), { requiredKeys: [] })

/**
 * Wire objects around `openApiName`: every official property absent, null, near its schema or of another kind, and
 * sometimes an unknown property; plus arbitrary values in place of the object.
 */
export const wireInputs = (openApiName: string): fc.Arbitrary<unknown> => {
  const record = fc.record(
    Object.fromEntries(Object.entries(officialProperties(openApiName)).map(([key, property]) => [
      key,
      fc.oneof({ weight: 6, arbitrary: nearProperty(property) }, { weight: 2, arbitrary: otherKind })
    ])),
    { requiredKeys: [] }
  )
  return fc.oneof(
    { weight: 2, arbitrary: validWire(openApiName) },
    { weight: 2, arbitrary: sparseWire(openApiName) },
    { weight: 5, arbitrary: record },
    { weight: 3, arbitrary: wholeOf(openApiName, nearProperty) },
    { weight: 1, arbitrary: fc.tuple(record, fc.jsonValue()).map(([r, extra]) => ({ ...r, extra })) },
    { weight: 1, arbitrary: fc.anything() },
    { weight: 1, arbitrary: fc.jsonValue() }
  )
}

/**
 * The documented differences of the codecs from ajv-formats (README, test/support/officialSpec.ts): date-times
 * ajv-formats accepts beyond RFC 3339, and URIs where RFC 3986 and the WHATWG parser part ways. And one of ajv's
 * reading: a `nullable` property with an `enum` that lacks `null` (the Services' `inbound_method`,
 * `fallback_method`) refuses `null` under ajv, as OpenAPI 3.0.3 clarifies, while the codecs take the property as
 * Twilio means it, nullable.
 */
export const isDocumentedDifference = (openApiName: string, input: unknown): boolean => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return false
  return Object.entries(officialProperties(openApiName)).some(([key, property]) => {
    const value = (input as Record<string, unknown>)[key]
    return (property.format === "date-time" && isLenientDateTime(value)) || (property.format === "uri" && isUriDifference(value)) ||
      (property.nullable === true && !takesNull(property) && value === null)
  })
}

/** The official form schema of the create operation at `path`. */
export const officialFormSchema = (path: string): Json =>
  resolve(officialDocument.paths[path].post.requestBody.content["application/x-www-form-urlencoded"].schema)

/** Form bodies around the declared create parameters (their wire names) of the official form at `path`. */
export const formBodies = (path: string, parameters: ReadonlyArray<string>): fc.Arbitrary<string> => {
  const properties = officialFormSchema(path).properties as Record<string, Json>
  const value = (name: string) => nearProperty(resolve(properties[name]) ?? {}).map(String)
  const one = fc.constantFrom(...parameters).chain((name) => value(name).map((v) => [[name, v]] as Array<[string, string]>))
  const all = fc.tuple(...parameters.map((name) => value(name).map((v): [string, string] => [name, v])))
  const repeated = fc.constantFrom(...parameters).chain((name) => fc.tuple(value(name), value(name)).map(([a, b]): Array<[string, string]> => [[name, a], [name, b]]))
  const body = (pairs: ReadonlyArray<readonly [string, string]>) => new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, v])).toString()
  return fc.oneof(
    { weight: 4, arbitrary: all.map(body) },
    { weight: 2, arbitrary: one.map(body) },
    { weight: 2, arbitrary: repeated.map(body) },
    { weight: 1, arbitrary: all.map((pairs) => `Other=1&${body(pairs)}&Foo=bar`) },
    { weight: 1, arbitrary: fc.constantFrom("", ...parameters.flatMap((name) => [`${name}=`, `${name}`, `${name.toLowerCase()}=x`, `${name}=%zz`, `${name}=%61`])) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) }
  )
}

/** The body as the official request object: one value per name, a repeated name an array. */
export const asRequestObject = (body: string): Record<string, string | Array<string>> => {
  const out: Record<string, string | Array<string>> = {}
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k]
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  return out
}

/** The 2xx examples of the official document at `path` for `method`, by name. */
export const officialExamples = (path: string, method: string): Array<[string, unknown]> =>
  Object.entries<Json>(officialDocument.paths[path]?.[method]?.responses ?? {})
    .filter(([status]) => Number(status) < 300)
    .flatMap(([status, response]) =>
      Object.entries<Json>(response.content?.["application/json"]?.examples ?? {}).map(([name, example]): [string, unknown] => [`${method} ${status} ${name}`, example.value])
    )

/** The official list response schema of the `get` at the collection `path`. */
const listResponse = (path: string): Json => resolve(officialDocument.paths[path].get.responses["200"].content["application/json"].schema)

/**
 * Valid list pages of the collection at `path`: up to 3 whole valid items of `openApiName` under `pageKey`, and a
 * `meta` from the official meta schema, `key` the page key as Twilio writes it.
 */
export const validPage = (path: string, openApiName: string, pageKey: string) => {
  const meta = listResponse(path).properties.meta.properties as Record<string, Json>
  return fc.record({
    [pageKey]: fc.array(validWire(openApiName), { maxLength: 3 }),
    meta: fc.record({
      ...Object.fromEntries(Object.entries(meta).map(([key, property]) => [
        key,
        property.nullable === true ? fc.option(validProperty(property), { nil: null }) : validProperty(property)
      ])),
      key: fc.constant(pageKey)
    })
  })
}
