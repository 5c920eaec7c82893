/**
 * A resource of Twilio's Messaging v1 API, declared once: its identifier and OpenAPI name, its SID, its wire
 * fields, its paths, its create parameters and the answers of each operation. Everything else is derived from the
 * declaration: the codec (with its wire names recorded on it), the strict profile, the list page, the path
 * parameters, the create request and form, the list query, and (in `http/collection.ts`) the `HttpApi` endpoints.
 *
 * @since 0.2.0
 */
import { Schema, type SchemaAST } from "effect"
import { installFastPaths } from "../internal/fastPaths.js"
import { fillPath } from "./fillPath.js"
import { wireKeysAnnotation } from "../internal/wireKeys.js"
import { type Field, type FieldCodec, fieldCodec, type Fields, type Presence, type StrictFieldCodec, strictFieldCodec } from "./Field.js"
import { type FormParameters, formCodec, requestStruct, type RequestStruct } from "./form.js"
import { listQuery, type ListQuery } from "./listQuery.js"
import { type Operations, type OperationsInput, operationTexts, type ParentDeclaration } from "./operationTexts.js"
import { PageMeta } from "./PageMeta.js"

export type { ErrorAnswer, OperationDeclaration, Operations } from "./operationTexts.js"

/**
 * What {@link defineResource} takes.
 *
 * @since 0.2.0
 */
export interface ResourceDeclaration<
  Identifier extends string = string,
  Singular extends string = string,
  Plural extends string = string,
  F extends Fields = Fields,
  P extends Presence = Presence,
  CollectionPath extends `/${string}` = `/${string}`,
  PathParams extends Readonly<Record<string, Schema.Top>> = Readonly<Record<string, Schema.Top>>,
  PageKey extends string = string,
  C extends FormParameters = FormParameters
> {
  /** The codec's identifier (`"ShortCode"`), also the name of its OpenAPI component. */
  readonly identifier: Identifier
  /** The resource's name in Twilio's operation ids (`CreateShortCode`, `ListShortCode`) and the client's methods. */
  readonly singular: Singular
  /** The plural of the list operation (`listShortCodes`) and of the group (`shortCodes`). */
  readonly plural: Plural
  /** The resource's schema name in Twilio's OpenAPI document (`messaging.v1.service.short_code`). */
  readonly openApiName: string
  readonly description: string
  /** The SID of the resource (its `sid` field). */
  readonly sid: Schema.Top
  readonly presence: P
  /** The wire fields, under their domain names, in Twilio's order. */
  readonly fields: F
  /** The collection's path as an `effect/http-api` template; the instance path adds `/:Sid`. */
  readonly collectionPath: CollectionPath
  /** The schema of each parameter of the collection path. */
  readonly pathParams: PathParams
  /** The key of the list page's items (`short_codes`). */
  readonly pageKey: PageKey
  /** The create operation's form parameters, under their domain names. */
  readonly create: C
  /**
   * What holds the resource (a Messaging Service for its members). With it, the operations' texts that the
   * declaration does not state are derived from its words (operationTexts.ts).
   */
  readonly parent?: ParentDeclaration
  /**
   * The most members one parent may hold, when the contract limits it per resource (one alpha sender per Messaging
   * Service); left out when only a shared pool, or nothing, limits it.
   */
  readonly perParent?: number
  /** The operations' error answers, and their texts where they are not derived. */
  readonly operations: OperationsInput
  /** What the group of endpoints is, for the OpenAPI tag. */
  readonly groupDescription: string
}

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S

/** The wire name of each field, by domain name. @since 0.2.0 */
export type WireKeysOf<F extends Fields> = { readonly [K in keyof F]: F[K]["wire"] }

/** The resource codec. @since 0.2.0 */
export type CodecOf<F extends Fields, P extends Presence> = Schema.encodeKeys<
  Schema.Struct<{ readonly [K in keyof F]: FieldCodec<F[K], P> }>,
  WireKeysOf<F>
>

/** The strict profile's codec. @since 0.2.0 */
export type StrictOf<F extends Fields> = Schema.encodeKeys<
  Schema.Struct<{ readonly [K in keyof F]: StrictFieldCodec<F[K]> }>,
  WireKeysOf<F>
>

type PageItems<S extends Schema.Top, P extends Presence> = P extends "optional" ? Schema.optionalKey<Schema.$Array<S>> : Schema.$Array<S>
type PageMetaField<P extends Presence> = P extends "optional" ? Schema.optionalKey<typeof PageMeta> : typeof PageMeta

/** The list page codec. @since 0.2.0 */
export type PageOf<S extends Schema.Top, K extends string, P extends Presence> = Schema.encodeKeys<
  Schema.Struct<{ readonly [D in CamelCase<K>]: PageItems<S, P> } & { readonly meta: PageMetaField<P> }>,
  { readonly [D in CamelCase<K>]: K } & { readonly meta: "meta" }
>

/** The schema of an instance's `Sid`: any non-empty string, as Twilio's document gives it no pattern. */
const InstanceSid = Schema.String.check(Schema.isNonEmpty({ message: "Sid must not be empty" })).annotateKey({
  messageMissingKey: "Sid is required"
})

/**
 * A declared resource: the declaration, and what is derived from it.
 *
 * @since 0.2.0
 */
export interface Resource<
  Identifier extends string,
  Singular extends string,
  Plural extends string,
  F extends Fields,
  P extends Presence,
  CollectionPath extends `/${string}`,
  PathParams extends Readonly<Record<string, Schema.Top>>,
  PageKey extends string,
  C extends FormParameters
> {
  /** The declaration, its operations complete (derived texts and the parent's answers filled in). */
  readonly declaration: ResourceDeclaration<Identifier, Singular, Plural, F, P, CollectionPath, PathParams, PageKey, C> & {
    readonly operations: Operations
  }
  /** The wire name of each domain property, in Twilio's order. */
  readonly wireKeys: WireKeysOf<F>
  /** Wire JSON <-> domain value. */
  readonly codec: CodecOf<F, P>
  /** The strict profile: every key present, each field as its `strict` declares, then the given checks. */
  readonly strict: (options: {
    readonly identifier: string
    readonly description: string
    readonly checks?: ReadonlyArray<SchemaAST.Check<StrictOf<F>["Type"]>>
  }) => StrictOf<F>
  /** The list page: `{ [pageKey]: items, meta }`. */
  readonly page: PageOf<CodecOf<F, P>, PageKey, P>
  /** The key of the page's items in the domain value (`shortCodes`). */
  readonly pageItemsKey: CamelCase<PageKey>
  readonly collectionPath: CollectionPath
  readonly instancePath: `${CollectionPath}/:Sid`
  /** The parameters of the collection path (create and list). */
  readonly collectionParams: Schema.Struct<{ readonly [K in keyof PathParams]: PathParams[K] }>
  /** The parameters of the instance path (fetch and delete): the collection's and `Sid`. */
  readonly instanceParams: Schema.Struct<{ readonly [K in keyof PathParams]: PathParams[K] } & { readonly Sid: typeof InstanceSid }>
  /** The create request's fields under their form names, decoded to domain names. */
  readonly createRequest: RequestStruct<C>
  /** The create request's form body codec. */
  readonly createForm: ReturnType<typeof formCodec<C, RequestStruct<C>, `Create${Singular}Form`>>
  readonly listQuery: ListQuery
  /**
   * The canonical URL of an instance under `baseUrl` (an origin): the instance path with `values` (`ServiceSid`,
   * `Sid`, ...) in it, as every resource's `url` is.
   */
  readonly instanceUrl: (baseUrl: string, values: Readonly<Record<string, string>>) => string
  /**
   * The collection path or the instance path with `values` (`ServiceSid`, `Sid`, ...) in it, as given (encode a
   * value that may hold `/`, `?` or `%` first): `ShortCodeResource.pathOf("collection", { ServiceSid })` is
   * `/v1/Services/MG.../ShortCodes`. The `path` of each of `collectionOperations` names which one it is sent to.
   */
  readonly pathOf: (path: "collection" | "instance", values: Readonly<Record<string, string>>) => string
}

/**
 * Any declared resource, for code written once over every declaration.
 *
 * @since 0.2.0
 */
export type AnyResource = Resource<any, any, any, any, any, `/${string}`, any, any, any>

const mapRecord = <V, W>(record: Readonly<Record<string, V>>, f: (value: V, key: string) => W): Record<string, W> => {
  const out: Record<string, W> = {}
  for (const [key, value] of Object.entries(record)) out[key] = f(value, key)
  return out
}

const camelCase = (wire: string): string => wire.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

const required = (schema: Schema.Top, name: string): Schema.Top => schema.annotateKey({ messageMissingKey: `${name} is required` })

/**
 * Declares a resource and derives its schemas. The derived schemas whose shape the package has fast paths for get
 * them installed (internal/fastPaths.ts).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { AccountSid, defineResource, field, sidString } from "@shortcode-kit/schema"
 *
 * const PhoneNumberSid = sidString("PN").pipe(Schema.brand("PhoneNumberSid"))
 * // defineResource({ identifier: "PhoneNumber", fields: { sid: field("sid", PhoneNumberSid), ... }, ... }).codec
 * ```
 * @since 0.2.0
 */
export const defineResource = <
  const Identifier extends string,
  const Singular extends string,
  const Plural extends string,
  const F extends Fields,
  const P extends Presence,
  const CollectionPath extends `/${string}`,
  const PathParams extends Readonly<Record<string, Schema.Top>>,
  const PageKey extends string,
  const C extends FormParameters
>(
  declaration: ResourceDeclaration<Identifier, Singular, Plural, F, P, CollectionPath, PathParams, PageKey, C>
): Resource<Identifier, Singular, Plural, F, P, CollectionPath, PathParams, PageKey, C> => {
  const { identifier, singular, plural, fields, presence } = declaration
  const wireKeys = mapRecord(fields, (f: Field) => f.wire) as WireKeysOf<F>
  const annotations = wireKeysAnnotation(wireKeys)

  const codec = installFastPaths(
    Schema.Struct(mapRecord(fields, (f: Field) => fieldCodec(f, presence))).pipe(Schema.encodeKeys(wireKeys)).annotate({
      identifier,
      description: `${declaration.description} (${declaration.openApiName})`,
      ...annotations
    })
  ) as unknown as CodecOf<F, P>

  const strict = (options: Parameters<Resource<Identifier, Singular, Plural, F, P, CollectionPath, PathParams, PageKey, C>["strict"]>[0]) => {
    const struct = Schema.Struct(mapRecord(fields, (f: Field) => strictFieldCodec(f))).pipe(Schema.encodeKeys(wireKeys))
    const checked = options.checks === undefined || options.checks.length === 0
      ? struct
      : struct.pipe(Schema.check(...(options.checks as unknown as [SchemaAST.Check<typeof struct.Type>])))
    return checked.annotate({ identifier: options.identifier, description: options.description, ...annotations }) as unknown as StrictOf<F>
  }

  const pageItemsKey = camelCase(declaration.pageKey) as CamelCase<PageKey>
  const pageWireKeys = { [pageItemsKey]: declaration.pageKey, meta: "meta" }
  const items = Schema.Array(codec)
  const page = installFastPaths(Schema.Struct({
    [pageItemsKey]: presence === "optional" ? Schema.optionalKey(items) : items,
    meta: presence === "optional" ? Schema.optionalKey(PageMeta) : PageMeta
  }).pipe(Schema.encodeKeys(pageWireKeys)).annotate({
    identifier: `${identifier}Page`,
    ...wireKeysAnnotation(pageWireKeys)
  })) as unknown as PageOf<CodecOf<F, P>, PageKey, P>

  const pathParams = mapRecord(declaration.pathParams, required)
  const collectionParams = installFastPaths(
    Schema.Struct(pathParams).annotate({ identifier: `Create${singular}Params` })
  ) as unknown as Resource<Identifier, Singular, Plural, F, P, CollectionPath, PathParams, PageKey, C>["collectionParams"]
  const instanceParams = installFastPaths(
    Schema.Struct({ ...pathParams, Sid: InstanceSid }).annotate({ identifier: `${singular}InstanceParams` })
  ) as unknown as Resource<Identifier, Singular, Plural, F, P, CollectionPath, PathParams, PageKey, C>["instanceParams"]

  // With its own compiled paths, so that the endpoint's form payload (an annotated copy, HttpApiSchema.asFormUrlEncoded)
  // gets them too.
  const createRequest: RequestStruct<C> = installFastPaths(requestStruct(declaration.create, `Create${singular}Request`) as Schema.Top) as RequestStruct<C>
  const createForm = installFastPaths(formCodec(declaration.create, createRequest, `Create${singular}Form`))

  return {
    declaration: { ...declaration, operations: operationTexts(declaration) },
    wireKeys,
    codec,
    strict,
    page,
    pageItemsKey,
    collectionPath: declaration.collectionPath,
    instancePath: `${declaration.collectionPath}/:Sid`,
    collectionParams,
    instanceParams,
    createRequest,
    createForm,
    listQuery: listQuery(`List${plural}Query`),
    instanceUrl: (baseUrl, values) => fillPath(baseUrl, `${declaration.collectionPath}/:Sid`, values),
    pathOf: (path, values) => fillPath("", path === "collection" ? declaration.collectionPath : `${declaration.collectionPath}/:Sid`, values)
  }
}
