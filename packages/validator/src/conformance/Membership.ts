/**
 * What the harness tests, read from the contract: a membership collection (add, list, fetch and remove members of a
 * parent, such as the short codes of a Messaging Service), derived from an `HttpApiGroup` and the resource's table of
 * error answers. Paths, methods, statuses, Twilio codes, the form field, the page key and the body schemas all come
 * from the group's endpoints; the harness states none of them.
 *
 * @since 0.2.0
 */
import { collectionOperations as ops, errorTable, inputErrors, randomAccountSid } from "@shortcode-kit/schema"
import { twilioErrorCodesOf, TwilioErrorMethodNotAllowed } from "@shortcode-kit/schema/http"
import { Option, Schema, SchemaAST } from "effect"
import { HttpApi, type HttpApiEndpoint, type HttpApiGroup } from "effect/http-api"
import * as fc from "fast-check"
import { accountSid } from "../arbitraries/Sid.js"
import { makeValidator, withPrefix } from "../internal/decoder.js"
import { keysNamedTheOtherWay } from "../internal/sdkNames.js"
import { createdMembers, type CreatedMembers, type CreatesOptions } from "./Created.js"
export type { CreatedMembers, CreatesOptions } from "./Created.js"
import { formFaults } from "./FormFaults.js"
import type { Answer, ErrorAnswer, FaultyRequest } from "./FaultyRequest.js"
export type { Answer, ErrorAnswer, FaultyRequest } from "./FaultyRequest.js"
import type { ValidationResult } from "../ValidationResult.js"

/**
 * What the group's endpoints do not say: the resource's table of error answers for its create form, and its strict
 * profile.
 *
 * @since 0.2.0
 */
export interface ConformanceTargetOptions {
  /** Default: the faults every form with one required SID parameter has (FormFaults.ts). */
  readonly faults?: {
    /** Create requests with one fault each, for the parent `parentSid` (and the member SID to use, if any). */
    readonly requests: (at: { readonly parentSid: string; readonly memberSid: string | undefined }) => fc.Arbitrary<FaultyRequest>
    /** The answer to a well-formed form whose member SID is malformed. */
    readonly malformedMember: Answer
  }
  /** Valid create requests for a member (default: the form with the member's SID alone). */
  readonly adds?: ((at: { readonly parentSid: string; readonly memberSid: string }) => fc.Arbitrary<ValidAdd>) | undefined
  /** The strict profile of a member for resource URLs under `baseUrl` (used with `strict: true`). */
  readonly strict?: ((baseUrl: string) => Schema.Top) | undefined
  /**
   * For a collection whose create form carries a value, not a member's SID (`AlphaSender=Acme`): the service mints
   * the member and its SID. Required exactly when the form's field is not a SID.
   */
  readonly creates?: CreatesOptions | undefined
}

/**
 * The headers and body of a valid create request (for example with percent-escapes and ignored parameters).
 *
 * @since 0.2.0
 */
export interface ValidAdd {
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * A membership collection as the harness tests it, computed by {@link conformanceTarget}.
 *
 * @since 0.2.0
 */
export interface ConformanceTarget {
  /** The group's identifier (`shortCodes`). */
  readonly name: string
  /** How messages name things: `short code`, `short codes`, `ShortCode`, `Short Code SID`, `service`. */
  readonly words: {
    readonly member: string
    readonly members: string
    readonly sid: string
    readonly parent: string
  }
  /** The member and page schemas' identifiers, which are the body kinds of the expectations. */
  readonly bodies: { readonly member: string; readonly page: string }
  readonly parent: {
    /** The path parameter that names the parent (`ServiceSid`), and its SID prefix (`MG`). */
    readonly param: string
    readonly prefix: string
    /** The parents' own collection (`/v1/Services`), where a temporary parent is created. */
    readonly collectionPath: string
    /** The path of one parent (`/v1/Services/MG...`), where the temporary parent is removed. */
    readonly instancePath: (sid: string) => string
    readonly is: (sid: unknown) => boolean
  }
  readonly member: {
    /** The create form's field (`ShortCodeSid`) and the SID prefix of its value (`SC`). */
    readonly field: string
    readonly prefix: string
    readonly is: (sid: unknown) => boolean
    /** Well-formed member SIDs, for members that do not exist. */
    readonly anySid: () => fc.Arbitrary<string>
  }
  /**
   * `undefined` for a membership collection (the form names an existing member by its SID, `ShortCodeSid=SC...`);
   * for a collection whose form carries a value (`AlphaSender=Acme`), how members are created. Then `member.field`
   * is that value's field and `member.prefix` the prefix of the SIDs the service mints.
   */
  readonly creates: CreatedMembers | undefined
  /** The first segment of the API's paths (`/v1/`), where the resource path of a `next_page_url` starts. */
  readonly root: string
  /** The media type of the create form. */
  readonly formType: string
  readonly collectionPath: (parentSid: string) => string
  readonly instancePath: (parentSid: string, sid: string) => string
  /** The methods each path has; any other is answered `methodNotAllowed`. */
  readonly methods: { readonly collection: ReadonlyArray<string>; readonly instance: ReadonlyArray<string> }
  /** The wire key of a page's items (`short_codes`). */
  readonly pageKey: string
  readonly success: { readonly added: number; readonly listed: number; readonly fetched: number; readonly removed: number }
  readonly errors: {
    /** A member or a parent that does not exist for these credentials, or a path that names nothing. */
    readonly notFound: ErrorAnswer
    /** A second add of a member already in the collection: the first code of the create endpoint's conflict. */
    readonly alreadyMember: ErrorAnswer
    readonly invalidQuery: ErrorAnswer
    readonly unauthorized: ErrorAnswer
    readonly methodNotAllowed: ErrorAnswer
    readonly malformedMember: Answer
    /** The create endpoint's other conflict, a member that is in another parent (membership collections). */
    readonly inAnotherParent: ErrorAnswer | undefined
    /** The create endpoint's 400 that is none of `inputErrors`' codes: the parent's pool is full (membership collections). */
    readonly poolFull: ErrorAnswer | undefined
  }
  readonly faults: NonNullable<ConformanceTargetOptions["faults"]>["requests"]
  readonly adds: (at: { readonly parentSid: string; readonly memberSid: string }) => fc.Arbitrary<ValidAdd>
  /** Whether the list endpoint's query schema accepts a query string (each parameter at most once). */
  readonly isValidListQuery: (query: string) => boolean
  /** Validates a success body of kind `member` or `page`, against the strict profile when `strictBaseUrl` is set. */
  readonly validate: (kind: "member" | "page", value: unknown, strictBaseUrl?: string) => ValidationResult<unknown>
  /** Whether a strict profile was given. */
  readonly hasStrict: boolean
}

const CALLER = "conformanceTarget"
const fail = (message: string): never => {
  throw new TypeError(`${CALLER}: ${message}`)
}

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("")
/** An account SID's shape with another prefix: the two letters that make it a valid SID for `is`, if any. */
const sidPrefixOf = (is: (sid: string) => boolean, sample: string): string | undefined => {
  for (const a of UPPER) for (const b of UPPER) if (is(`${a}${b}${sample.slice(2)}`)) return `${a}${b}`
  return undefined
}

/** "ShortCode" -> ["short", "code"]. */
const wordsOf = (name: string): ReadonlyArray<string> => name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(" ")

const succeeds = (schema: Schema.Top) => {
  const decode = Schema.decodeUnknownOption(schema as Schema.Codec<unknown, unknown, never, never>)
  return (input: unknown): boolean => Option.isSome(decode(input))
}

const encodedProperties = (schema: Schema.Top, what: string): ReadonlyArray<SchemaAST.PropertySignature> => {
  const ast = SchemaAST.toEncoded(schema.ast)
  return SchemaAST.isObjects(ast) ? ast.propertySignatures : fail(`${what} must be a struct, received ${ast._tag}`)
}

/** Domain -> wire names of a struct and of the structs inside it (a page's items, its meta). */
const domainToWire = (ast: SchemaAST.AST, into: Record<string, string> = {}): Record<string, string> => {
  const encoded = SchemaAST.toEncoded(ast)
  if (!SchemaAST.isObjects(ast) || !SchemaAST.isObjects(encoded)) return into
  // encodeKeys renames properties in place, so both sides list the same properties in the same order.
  ast.propertySignatures.forEach((property, i) => {
    const wire = encoded.propertySignatures[i]?.name
    if (typeof property.name === "string" && typeof wire === "string" && wire !== property.name) into[property.name] = wire
    const type = property.type
    if (SchemaAST.isObjects(type)) domainToWire(type, into)
    if (SchemaAST.isArrays(type)) for (const element of type.rest) domainToWire(element, into)
  })
  return into
}

/** A validator of a body schema, with the issue of a key named the domain way (`dateCreated` for `date_created`). */
const bodyValidator = (schema: Schema.Top) => {
  const names = domainToWire(schema.ast)
  const validate = makeValidator(schema as Schema.Codec<unknown, unknown, never, never>, names)
  const pairs = Object.entries(names)
  return (input: unknown): ValidationResult<unknown> => {
    const result = validate(input)
    const named = keysNamedTheOtherWay(input, pairs).map(([domain, wire]) => ({
      path: [domain],
      rule: "wire.sdk-key",
      message: `is the domain (SDK) name of ${wire}: a wire body names it ${wire}`,
      expected: wire,
      received: "(present)"
    }))
    return named.length === 0 ? result : { ok: false, issues: [...(result.ok ? [] : result.issues), ...named] }
  }
}

const only = <A>(values: ReadonlyArray<A>, what: string): A => (values.length === 1 ? values[0] as A : fail(`${what}: expected exactly one, found ${values.length}`))

interface Reflected {
  readonly endpoint: HttpApiEndpoint.Top
  readonly successes: ReadonlyMap<number, ReadonlyArray<Schema.Top>>
  readonly errors: ReadonlyMap<number, ReadonlyArray<Schema.Top>>
  /** The statuses the authentication middleware answers. */
  readonly middlewareStatuses: ReadonlyArray<number>
  readonly middlewareErrors: ReadonlyArray<Schema.Top>
}

const firstCode = (schemas: ReadonlyArray<Schema.Top> | undefined, what: string): number => {
  const code = (schemas ?? []).flatMap(twilioErrorCodesOf)[0]
  return code === undefined ? fail(`${what} declares no Twilio error code`) : code
}

/** The status of a Twilio error code, from the error table (for responses no endpoint declares with a status). */
const answerOf = (code: number): ErrorAnswer => ({ status: (errorTable as Record<number, { readonly status: number }>)[code]?.status ?? fail(`Twilio error ${code} is not in the error table`), code })

/** The answer an endpoint declares with `status`: that status, and the first code of its error responses. */
const declared = (errors: ReadonlyMap<number, ReadonlyArray<Schema.Top>>, status: number, what: string): ErrorAnswer =>
  ({ status, code: firstCode(errors.get(status) ?? fail(`${what} declares no ${status}`), `${what}'s ${status}`) })

/**
 * The membership collection of `group`: a `POST` and a `GET` on a collection path with one parent parameter
 * (`/v1/Services/:ServiceSid/ShortCodes`), a `GET` and a `DELETE` on the instance path below it; the create form
 * has one required field, the member's SID. Everything the harness sends and expects is read from the endpoints
 * (their paths, methods, params, query, payload, success and error schemas with their statuses and Twilio codes)
 * and from `options.faults`, the resource's table of error answers. Throws a TypeError naming what does not fit.
 *
 * @example
 * ```ts
 * import { conformanceTarget, shortCodesTarget } from "@shortcode-kit/validator/conformance"
 *
 * shortCodesTarget.collectionPath("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") // "/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ShortCodes"
 * shortCodesTarget.errors.alreadyMember // { status: 409, code: 21710 }
 * typeof conformanceTarget // "function"
 * ```
 * @since 0.2.0
 */
export const conformanceTarget = (group: HttpApiGroup.Constraint, options: ConformanceTargetOptions): ConformanceTarget => {
  const reflected: Array<Reflected> = []
  HttpApi.reflect(HttpApi.make("conformance").add(group), {
    onGroup: () => {},
    onEndpoint: ({ endpoint, successes, errors, middleware }) => {
      const middlewareErrors = [...middleware].flatMap((key) => [...((key as { readonly error?: ReadonlySet<Schema.Top> }).error ?? [])])
      const middlewareStatuses = middlewareErrors.flatMap(twilioErrorCodesOf).map((code) => answerOf(code).status)
      reflected.push({ endpoint, successes, errors, middlewareErrors, middlewareStatuses })
    }
  })
  const find = (method: string, what: string, path?: (p: string) => boolean) =>
    only(reflected.filter((r) => r.endpoint.method === method && (path === undefined || path(r.endpoint.path))), `${group.identifier}: the ${what} endpoint (${method})`)
  const create = find(ops.create.method, "create")
  const collection = create.endpoint.path
  const list = find(ops.list.method, "list", (p) => p === collection)
  const fetch = find(ops.fetch.method, "fetch", (p) => p.startsWith(`${collection}/:`) && !p.slice(collection.length + 2).includes("/"))
  const instance = fetch.endpoint.path
  const remove = find(ops.delete.method, "remove", (p) => p === instance)

  const parentParam = only([...collection.matchAll(/:(\w+)/g)].map((m) => m[1] as string), `${collection}: the parent parameter`)
  const memberParam = instance.slice(collection.length + 2)
  const params = create.endpoint.params ?? fail(`${collection}: the create endpoint has no params schema`)
  const isParent = succeeds(params)
  // A SID of the shape the schema declares for accounts; the prefixes are the letters that make it a parent's, a member's.
  const sample = randomAccountSid()
  const parentPrefix = sidPrefixOf((sid) => isParent({ [parentParam]: sid }), sample) ?? fail(`${parentParam} is not a SID`)

  const [formType, form] = only([...(create.endpoint.payload as HttpApiEndpoint.PayloadMap)], `${collection}: the create payload`)
  const formSchema = only(form.schemas, `${collection}: the create form schema`)
  const field = String(only(encodedProperties(formSchema, "the create form").filter((p) => !SchemaAST.isOptional(p.type)), "the create form's required fields").name)
  const isForm = succeeds(formSchema)

  const memberSchema = only(fetch.successes.get(only([...fetch.successes.keys()], "the fetch success")) ?? [], "the fetch success schema")
  const pageSchema = only(list.successes.get(only([...list.successes.keys()], "the list success")) ?? [], "the list success schema")
  const member = SchemaAST.resolveIdentifier(memberSchema.ast) ?? fail("the fetch success schema has no identifier")
  const page = SchemaAST.resolveIdentifier(pageSchema.ast) ?? fail("the list success schema has no identifier")
  const pageKey = String(only(encodedProperties(pageSchema, "the list page").filter((p) => SchemaAST.isArrays(p.type)), "the list page's arrays").name)
  const removed = only([...remove.successes.keys()], "the remove success")

  // A membership form names its member by SID; otherwise the form carries a value and the member's SID is the one
  // its body's `sid` takes.
  const isFormSid = (sid: unknown) => typeof sid === "string" && isForm({ [field]: sid })
  const formPrefix = sidPrefixOf(isFormSid, sample)
  const isMemberBody = succeeds(memberSchema)
  const isMember = formPrefix !== undefined ? isFormSid : (sid: unknown) => typeof sid === "string" && isMemberBody({ sid })
  const memberPrefix = formPrefix ?? sidPrefixOf(isMember, sample) ?? fail(`neither ${field} nor the member's sid is a SID`)
  if (formPrefix !== undefined && options.creates !== undefined) fail(`${field} is a SID: a membership collection takes no creates`)
  if (formPrefix === undefined && options.creates === undefined) fail(`${field} is not a SID: pass creates (its valid and invalid values)`)
  const creates = options.creates === undefined ? undefined : createdMembers(options.creates, {
    field,
    formSchema,
    // The form's field and the member's key name the same domain property (`AlphaSender` and `alpha_sender`, `alphaSender`).
    echoKey: ((domain) => domainToWire(memberSchema.ast)[domain] ?? domain)(Object.entries(domainToWire(formSchema.ast)).find(([, wire]) => wire === field)?.[0] ?? field),
    createErrors: create.errors
  })
  const createCodes = (status: number) => (create.errors.get(status) ?? []).flatMap(twilioErrorCodesOf)
  const inputCodes = new Set<number | null>(Object.values(inputErrors).map((row) => row.code))
  const optionalAnswer = (status: number, code: number | undefined): ErrorAnswer | undefined => (code === undefined ? undefined : { status, code })

  const notFoundOf = (r: Reflected, what: string) => {
    const own = [...r.errors].filter(([status]) => !r.middlewareStatuses.includes(status))
    return declared(r.errors, only(own, `${what}: its errors other than authentication`)[0], what)
  }
  const notFound = notFoundOf(fetch, "the fetch endpoint")
  const query = list.endpoint.query ?? fail(`${collection}: the list endpoint has no query schema`)
  const queryNames = encodedProperties(query, "the list query").map((p) => String(p.name))
  const isQuery = succeeds(query)

  const words = wordsOf(member)
  const validators = { member: bodyValidator(memberSchema), page: bodyValidator(pageSchema) }
  const strictValidators = new Map<string, (input: unknown) => ValidationResult<unknown>>()
  const strictOf = (baseUrl: string) => {
    let validate = strictValidators.get(baseUrl)
    if (validate === undefined && options.strict !== undefined) {
      validate = bodyValidator(options.strict(baseUrl))
      strictValidators.set(baseUrl, validate)
    }
    return validate
  }
  const fill = (template: string, values: Readonly<Record<string, string>>) =>
    template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ""))
  const faults = options.faults ?? formFaults({
    field,
    memberPrefix,
    parentPrefix,
    formType,
    collectionPath: (parentSid) => fill(collection, { [parentParam]: parentSid }),
    ...(creates === undefined ? {} : { values: { sample: () => creates.valid(), invalid: () => creates.invalid() } })
  })
  const allowed = (path: string) => reflected.filter((r) => r.endpoint.path === path).map((r) => r.endpoint.method)

  return {
    name: group.identifier,
    words: {
      member: words.join(" "),
      members: `${words.join(" ")}s`,
      sid: `${words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ")} SID`,
      parent: wordsOf(parentParam.replace(/Sid$/, "")).join(" ")
    },
    bodies: { member, page },
    parent: {
      param: parentParam,
      prefix: parentPrefix,
      collectionPath: collection.slice(0, collection.indexOf(`/:${parentParam}`)),
      instancePath: (sid) => fill(collection.slice(0, collection.indexOf(`/:${parentParam}`) + parentParam.length + 2), { [parentParam]: sid }),
      is: (sid) => isParent({ [parentParam]: sid })
    },
    member: { field, prefix: memberPrefix, is: isMember, anySid: () => accountSid().map((sid) => `${memberPrefix}${sid.slice(2)}`) },
    creates,
    root: collection.slice(0, collection.indexOf("/", 1) + 1),
    formType,
    collectionPath: (parentSid) => fill(collection, { [parentParam]: parentSid }),
    instancePath: (parentSid, sid) => fill(instance, { [parentParam]: parentSid, [memberParam]: sid }),
    methods: { collection: allowed(collection), instance: allowed(instance) },
    pageKey,
    success: {
      added: only([...create.successes.keys()], "the create success"),
      listed: only([...list.successes.keys()], "the list success"),
      fetched: only([...fetch.successes.keys()], "the fetch success"),
      removed
    },
    errors: {
      notFound,
      // HTTP's Conflict and Bad Request: the statuses of a second add and of a refused query (a collection that
      // creates its members has no second add of the same one: its conflict is the limit per parent).
      alreadyMember: creates === undefined ? declared(create.errors, 409, "the create endpoint") : creates.full ?? declared(create.errors, 400, "the create endpoint"),
      invalidQuery: declared(list.errors, 400, "the list endpoint"),
      unauthorized: answerOf(firstCode(create.middlewareErrors, "the authentication middleware")),
      methodNotAllowed: answerOf(firstCode([TwilioErrorMethodNotAllowed], "TwilioErrorMethodNotAllowed")),
      malformedMember: faults.malformedMember,
      // The codes of the create endpoint's conflict after the first (already a member), and of its 400 that no form fault gives.
      inAnotherParent: creates === undefined ? optionalAnswer(409, createCodes(409)[1]) : undefined,
      poolFull: creates === undefined ? optionalAnswer(400, createCodes(400).find((code) => !inputCodes.has(code))) : undefined
    },
    faults: faults.requests,
    adds: options.adds ?? (({ memberSid }) => fc.constant({ headers: { "Content-Type": formType }, body: `${field}=${encodeURIComponent(memberSid)}` })),
    isValidListQuery: (text) => {
      const given = new URLSearchParams(text)
      const single: Record<string, string> = {}
      for (const name of queryNames) {
        const values = given.getAll(name)
        if (values.length > 1) return false
        if (values.length === 1) single[name] = values[0] as string
      }
      return isQuery(single)
    },
    validate: (kind, value, strictBaseUrl) => {
      if (strictBaseUrl === undefined) return validators[kind](value)
      const strict = strictOf(strictBaseUrl)
      if (strict === undefined) return validators[kind](value)
      if (kind === "member") return strict(value)
      // A page has no stricter envelope: its items are judged one by one, at their place in the page.
      const items = (value as Record<string, unknown>)[pageKey]
      const issues = (Array.isArray(items) ? items : []).flatMap((item, i) => {
        const result = strict(item)
        return result.ok ? [] : withPrefix([pageKey, i], result.issues)
      })
      return issues.length === 0 ? { ok: true, value } : { ok: false, issues }
    },
    hasStrict: options.strict !== undefined
  }
}
