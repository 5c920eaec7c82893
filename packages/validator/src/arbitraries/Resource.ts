/**
 * fast-check arbitraries of any declared resource (`defineResource` in the schema package), derived from its
 * declaration and from the generators its rules carry (`generators` of `ruleCheck`): valid wire values under either
 * profile, their domain values, list pages, SIDs, and near misses that each break exactly one named rule.
 *
 * @since 0.2.0
 */
import {
  type AnyResource,
  DateFromTwilioString,
  type PathSegment,
  TWILIO_MESSAGING_BASE_URL,
  UrlFromUriString
} from "@shortcode-kit/schema"
import { Schema, SchemaAST } from "effect"
import * as fc from "fast-check"
import { makeValidator } from "../internal/decoder.js"
import type { Profile } from "../Profile.js"
import { dateRangeMiss, dateTextMiss, twilioDate } from "./DateTime.js"
import type { LocalMiss, NearMiss } from "./NearMiss.js"
import { pageMeta } from "./PageMeta.js"
import { breakingOf, confirm, rulesOf, validOf } from "./Rules.js"

type Doc = Record<string, unknown>

/**
 * What {@link resourceArbitraries} takes. `accountSid`, `serviceSid` and `sid` fix those properties of every value
 * (never `null`), and `url` follows them; an override the field's schema refuses throws a TypeError at once.
 *
 * @since 0.2.0
 */
export interface ResourceArbitraryOptions {
  /** The profile every value satisfies (default `strict`: every strict rule). */
  readonly profile?: Profile | undefined
  /** Let properties be `null` where the spec profile allows it (spec profile only). */
  readonly nulls?: boolean | undefined
  /** The origin of every `url` (default Twilio's). */
  readonly baseUrl?: string | undefined
  readonly accountSid?: string | undefined
  readonly serviceSid?: string | undefined
  readonly sid?: string | undefined
}

/**
 * The near misses of one rule at one path: every value breaks that rule there and nothing else.
 *
 * @since 0.2.0
 */
export interface RuleNearMisses {
  readonly rule: string
  readonly path: ReadonlyArray<PathSegment>
  readonly arbitrary: fc.Arbitrary<NearMiss>
}

/**
 * The arbitraries of one resource.
 *
 * @since 0.2.0
 */
export interface ResourceArbitraries<Wire, Value> {
  /** Wire JSON as the service sends it: every key, valid under the profile. */
  readonly wire: fc.Arbitrary<Wire>
  /** The decoded domain value of `wire`. */
  readonly value: fc.Arbitrary<Value>
  /** A list page of `wire` items of one account and one parent, with `meta` that agrees with it. */
  readonly page: fc.Arbitrary<Record<string, unknown>>
  /** SIDs of the resource as Twilio issues them. */
  readonly sid: fc.Arbitrary<string>
  /** Near misses of `wire` under the profile, one entry per rule and path: declared rules, wrong types, missing keys. */
  readonly nearMisses: ReadonlyArray<RuleNearMisses>
  /** Any of `nearMisses`. */
  readonly nearMiss: fc.Arbitrary<NearMiss>
}

const OVERRIDES = ["accountSid", "serviceSid", "sid"] as const

/** Values of a schema without rule generators, by its AST; the leaves the declarations use. */
const byAst = (caller: string, ast: SchemaAST.AST): fc.Arbitrary<unknown> => {
  if (ast === DateFromTwilioString.ast) return twilioDate()
  if (ast === UrlFromUriString.ast) return fc.stringMatching(/^[a-z0-9]{1,12}$/).map((path) => new URL(`https://example.com/${path}`))
  if (ast.encoding !== undefined) return byAst(caller, SchemaAST.toType(ast))
  const node = ast as SchemaAST.AST & Record<string, any>
  switch (node._tag) {
    case "String":
      return fc.string({ maxLength: 16 })
    case "Boolean":
      return fc.boolean()
    case "Number":
      return fc.integer({ min: 0, max: 100_000 })
    case "Literal":
      return fc.constant(node.literal)
    case "Union":
      return fc.oneof(...(node.types as ReadonlyArray<SchemaAST.AST>).map((member) => byAst(caller, member)))
    case "Arrays":
      if (node.elements.length === 0 && node.rest.length === 1) return fc.array(byAst(caller, node.rest[0]!), { maxLength: 3 })
      break
    case "Objects":
      if (node.propertySignatures.length === 0 && node.indexSignatures.length === 1) {
        return fc.dictionary(fc.stringMatching(/^[a-z_]{1,10}$/), byAst(caller, node.indexSignatures[0]!.type), { maxKeys: 3 })
      }
  }
  throw new TypeError(`${caller}: no generator for a ${node._tag} schema; give its rules generators or the field examples`)
}

/** The JSON values of another type than `wire`'s, as `type` near misses. */
const wrongTypes = (wire: unknown): ReadonlyArray<unknown> => {
  if (typeof wire === "string") return [1, [wire], { value: wire }]
  if (typeof wire === "number") return [String(wire), [wire]]
  if (typeof wire === "boolean") return [String(wire), 1]
  if (Array.isArray(wire)) return [wire.join(","), { items: wire }]
  return ["{}", [wire]]
}

/** Near misses of the text of a date field, whose rules are those of Twilio's date form (DateTime.ts). */
const kindMisses = (ast: SchemaAST.AST): ReadonlyArray<readonly [string, fc.Arbitrary<LocalMiss>]> =>
  ast === DateFromTwilioString.ast ? [["format.date-time", dateTextMiss()], ["date.representable", dateRangeMiss()]] : []

/**
 * The arbitraries of `resource`, whose strict profile for an origin is `strict(baseUrl)` (as `resourceValidation`
 * takes it). Valid values: each field from the generators of its rules (the last rule's `valid`), its declared
 * `examples`, or its kind; then each object rule of the strict profile keeps itself (`keep`); `url` is the
 * resource's own. Near misses: each declared rule with a `breaking` generator, confirmed to break that rule and keep
 * the others; each wrong type; `null` where the profile forbids it; each missing key where keys are required; a
 * root that is not an object. Extra keys are not near misses: Twilio adds properties, and every profile takes them.
 * `name` names the caller in errors.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { makePhoneNumberStrict, PhoneNumberResource } from "@shortcode-kit/schema"
 * import { resourceArbitraries } from "@shortcode-kit/validator/arbitraries"
 *
 * const phoneNumbers = resourceArbitraries(PhoneNumberResource, (baseUrl) => makePhoneNumberStrict({ baseUrl }), "phoneNumbers")
 * fc.sample(phoneNumbers.nearMiss, 1) // [{ value: { ..., phone_number: "14155552671" }, rule: "phone_number.e164", path: ["phone_number"] }]
 * ```
 * @since 0.2.0
 */
export const resourceArbitraries = <R extends AnyResource>(
  resource: R,
  strict: (baseUrl: string) => Schema.Top,
  name: string,
  options: ResourceArbitraryOptions = {}
): ResourceArbitraries<R["codec"]["Encoded"], R["codec"]["Type"]> => {
  const { profile = "strict", nulls = false, baseUrl: origin = TWILIO_MESSAGING_BASE_URL } = options
  if (profile !== "spec" && profile !== "strict") throw new TypeError(`${name}: profile must be "spec" or "strict", received ${JSON.stringify(profile)}`)
  if (typeof origin !== "string" || !/^https?:\/\/[^/?#\s]+\/?$/.test(origin)) {
    throw new TypeError(`${name}: baseUrl must be an http(s) origin such as https://messaging.twilio.com, received ${JSON.stringify(origin)}`)
  }
  const baseUrl = origin.replace(/\/$/, "")
  const fields = Object.entries(resource.declaration.fields as Record<string, {
    readonly wire: string
    readonly schema: Schema.Top
    readonly nullable: boolean
    readonly strict: { readonly schema?: Schema.Top; readonly nullable?: boolean }
    readonly examples?: ReadonlyArray<unknown>
  }>)
  const strictSchema = strict(baseUrl)
  const objectRules = rulesOf(strictSchema.ast)
  const encode = Schema.encodeSync(resource.codec as unknown as Schema.Codec<Doc, Doc>)
  const decode = Schema.decodeUnknownSync((profile === "spec" ? resource.codec : strictSchema) as unknown as Schema.Codec<unknown, unknown>)
  const keysRequired = profile === "strict" || resource.declaration.presence === "required"

  const schemaOf = (field: (typeof fields)[number][1]) => profile === "strict" ? field.strict.schema ?? field.schema : field.schema
  const nullableIn = (field: (typeof fields)[number][1], p: Profile) => p === "strict" ? field.strict.nullable ?? field.nullable : field.nullable

  const fixed: Record<string, string> = {}
  for (const key of OVERRIDES) {
    const given = options[key]
    if (given === undefined) continue
    const field = resource.declaration.fields[key] as (typeof fields)[number][1] | undefined
    if (field === undefined) throw new TypeError(`${name}: ${key} does not apply to ${String(resource.declaration.identifier)}, which has no such property`)
    const result = makeValidator(field.schema as never)(given)
    if (!result.ok) {
      const why = result.issues.map((issue) => `${issue.rule}: ${issue.message} (expected ${issue.expected}; received ${issue.received})`)
      throw new TypeError(`${name}: ${key} override is not a valid SID: ${why.join("; ")}`)
    }
    fixed[key] = given
  }

  const fieldValue = (key: string, field: (typeof fields)[number][1]): fc.Arbitrary<unknown> => {
    if (fixed[key] !== undefined) return fc.constant(fixed[key])
    // Under either profile a generated value keeps every strict rule: it looks like a real one.
    const schema = field.strict.schema ?? field.schema
    return validOf(name, schema.ast) ?? (field.examples !== undefined ? fc.constantFrom(...field.examples) : byAst(name, schema.ast))
  }

  // `url` is the resource's own: by the strict profile's rule where it has one, else from the instance path.
  const urlRuled = objectRules.some((rule) => rule.path?.[0] === "url")
  const ownUrl = (doc: Doc): Doc => {
    if (urlRuled || !("url" in doc)) return doc
    const values: Record<string, string> = {}
    for (const [, param] of resource.instancePath.matchAll(/:(\w+)/g)) values[param!] = String(doc[param!.charAt(0).toLowerCase() + param!.slice(1)])
    return { ...doc, url: new URL(resource.instanceUrl(baseUrl, values)) }
  }
  const keep = (doc: Doc): Doc => objectRules.reduce((d, rule) => (rule.keep === undefined ? d : rule.keep(d) as Doc), ownUrl(doc))

  const valueRecord = (pinned: Readonly<Record<string, string>>) =>
    fc.record(Object.fromEntries(fields.map(([key, field]) => [key, pinned[key] !== undefined ? fc.constant(pinned[key]) : fieldValue(key, field)])))
      .map((doc) => confirm(name, objectRules, undefined, keep(doc)))

  /**
   * A valid domain document (every strict rule kept), and its wire form under the profile (`null`s where asked, but
   * never at `kept`: the field a near miss is made of starts from its value).
   */
  const documents = (pinned: Readonly<Record<string, string>> = {}, kept?: string) => {
    const nullable = profile === "spec" && nulls
      ? fields.filter(([key, field]) => field.nullable && key !== kept && fixed[key] === undefined && pinned[key] === undefined).map(([key]) => key)
      : []
    return fc.tuple(valueRecord(pinned), fc.subarray(nullable)).map(([doc, nulled]) => {
      const wire = encode(doc)
      for (const key of nulled) wire[(resource.wireKeys as Record<string, string>)[key]!] = null
      return { doc, wire }
    })
  }
  const wire = documents().map(({ wire }) => wire as R["codec"]["Encoded"])

  const fieldMisses = fields.flatMap(([key, field]): Array<RuleNearMisses> => {
    const path = [field.wire]
    const schema = schemaOf(field)
    const place = (miss: fc.Arbitrary<LocalMiss>, rule: string): RuleNearMisses => ({
      rule,
      path,
      arbitrary: documents({}, key).chain(({ wire }) => miss.map((m): NearMiss => ({ value: { ...wire, [field.wire]: m.value }, rule: m.rule, path })))
    })
    const typeRules = breakingOf(name, schema.ast)
    if (typeRules.length > 0 && schema.ast.encoding !== undefined) {
      throw new TypeError(`${name}: ${field.wire}: rule generators on a transformed schema are not supported`)
    }
    // Rules on the value itself (its type side), and on its wire text where the field is transformed (a URL's).
    const ruled = [
      ...typeRules.map((rule) => ({ ...rule, at: (doc: Doc) => doc[key] })),
      ...(schema.ast.encoding === undefined ? [] : breakingOf(name, SchemaAST.toEncoded(schema.ast))).map((rule) => ({ ...rule, at: (_: Doc, wire: Doc) => wire[field.wire] }))
    ].map(({ rule, from, at }): RuleNearMisses => ({
      rule,
      path,
      arbitrary: documents({}, key).chain(({ doc, wire }) => from(at(doc, wire)).map((value): NearMiss => ({ value: { ...wire, [field.wire]: value }, rule, path })))
    }))
    const kinds = kindMisses(schema.ast).map(([rule, miss]) => place(miss, rule))
    const types: RuleNearMisses = {
      rule: "type",
      path,
      arbitrary: documents({}, key).chain(({ wire }) => {
        const wrong = [...wrongTypes(wire[field.wire]), ...(nullableIn(field, profile) ? [] : [null])]
        return fc.constantFrom(...wrong).map((value): NearMiss => ({ value: { ...wire, [field.wire]: value }, rule: "type", path }))
      })
    }
    const missing: Array<RuleNearMisses> = keysRequired
      ? [{
        rule: "required",
        path,
        arbitrary: documents().map(({ wire }): NearMiss => {
          const { [field.wire]: _removed, ...rest } = wire
          return { value: rest, rule: "required", path }
        })
      }]
      : []
    return [...ruled, ...kinds, types, ...missing]
  })

  const objectMisses = profile === "strict"
    ? objectRules.filter((rule) => rule.breaking !== undefined).map((rule): RuleNearMisses => {
      const path = (rule.path ?? []) as ReadonlyArray<PathSegment>
      return {
        rule: rule.rule,
        path,
        arbitrary: valueRecord({}).chain((doc) =>
          rule.breaking(fc, doc).map((broken): NearMiss => ({ value: encode(confirm(name, objectRules, rule, broken as Doc)), rule: rule.rule, path })))
      }
    })
    : []

  const root: RuleNearMisses = {
    rule: "type",
    path: [],
    arbitrary: wire.chain((doc) => fc.constantFrom<unknown>(null, [doc], JSON.stringify(doc), 42, true).map((value): NearMiss => ({ value, rule: "type", path: [] })))
  }
  const nearMisses = [...fieldMisses, ...objectMisses, root]

  // A path parameter names the field of its name in camelCase (`ServiceSid`: `serviceSid`), as the declarations do.
  const pathParams = Object.keys(resource.declaration.pathParams as object)
  const owners = fc.record(Object.fromEntries(
    ["accountSid", ...pathParams.map((param) => param.charAt(0).toLowerCase() + param.slice(1))]
      .filter((key) => key in resource.declaration.fields)
      .map((key) => [key, fieldValue(key, resource.declaration.fields[key])])
  )) as fc.Arbitrary<Record<string, string>>
  const page = fc.record({ owner: owners, pageSize: fc.integer({ min: 1, max: 50 }), page: fc.nat(20), token: fc.stringMatching(/^PA[0-9a-f]{32}$/), more: fc.boolean() })
    .chain((p) =>
      fc.uniqueArray(documents(p.owner), { maxLength: Math.min(p.pageSize, 5), selector: ({ wire }) => wire[(resource.wireKeys as Record<string, string>)["sid"]!] })
        .map((items) => {
          const values = Object.fromEntries(pathParams.map((param) => [param, p.owner[param.charAt(0).toLowerCase() + param.slice(1)] ?? ""]))
          const list = resource.instanceUrl(baseUrl, { ...values, Sid: "" }).replace(/\/$/, "")
          const pageKey = resource.declaration.pageKey as string
          return { [pageKey]: items.map(({ wire }) => wire), meta: pageMeta(list, pageKey, p, items.length) }
        })
    )

  const sidField = resource.declaration.fields["sid"] as (typeof fields)[number][1]
  return {
    wire,
    value: wire.map((w) => decode(w) as R["codec"]["Type"]),
    page,
    sid: fieldValue("sid", sidField).map(String),
    nearMisses,
    nearMiss: fc.oneof(...nearMisses.map((entry) => entry.arbitrary))
  }
}
