/**
 * JSON Schema (draft 2020-12) documents of the wire forms, generated from the Effect schemas so that they never
 * drift from what the codecs accept (formats such as `date-time` and `uri` are carried as `format`).
 *
 * @since 0.1.0
 */
import { JsonSchema, Schema } from "effect"
import { AlphaSenderResource, AlphaSenderStrict } from "./AlphaSender.js"
import { ListShortCodesQuery } from "./ListShortCodesQuery.js"
import { CreateServiceRequest, MessagingService, MessagingServicePage } from "./MessagingService.js"
import { PhoneNumberResource, PhoneNumberStrict } from "./PhoneNumber.js"
import { byIdentifier } from "./resource/byIdentifier.js"
import type { AnyResource } from "./resource/Resource.js"
import { ShortCodeResource } from "./ShortCode.js"
import { ShortCodeStrict } from "./ShortCodeStrict.js"
import { TwilioError } from "./TwilioError.js"

type IdentifierOf<R extends AnyResource> = R["declaration"]["identifier"]

/** The wire schemas of a declared resource, each under its identifier (as `defineResource` names them). */
type ResourceWireSchemas<R extends AnyResource, Strict extends Schema.Top> =
  & { readonly [K in IdentifierOf<R>]: R["codec"] }
  & { readonly [K in `${IdentifierOf<R>}Strict`]: Strict }
  & { readonly [K in `${IdentifierOf<R>}Page`]: R["page"] }
  & { readonly [K in `Create${R["declaration"]["singular"]}Request`]: R["createRequest"] }

/** A resource's document, its strict profile, its page and its create request, under their identifiers. */
const resourceWireSchemas = <R extends AnyResource, Strict extends Schema.Top>(resource: R, strict: Strict): ResourceWireSchemas<R, Strict> =>
  byIdentifier(resource, [resource.codec, strict, resource.page, resource.createRequest], (schema) => schema) as ResourceWireSchemas<R, Strict>

const wireSchemas = {
  ...resourceWireSchemas(ShortCodeResource, ShortCodeStrict),
  TwilioError,
  ListShortCodesQuery,
  MessagingService,
  MessagingServicePage,
  CreateServiceRequest,
  ...resourceWireSchemas(PhoneNumberResource, PhoneNumberStrict),
  ...resourceWireSchemas(AlphaSenderResource, AlphaSenderStrict)
}

/** @since 0.1.0 */
export type WireSchemaName = keyof typeof wireSchemas

/**
 * The JSON Schema document of one wire schema, as effect makes it: `{ dialect, schema, definitions }`, where
 * `schema`'s `$ref`s point into `#/$defs/` and the definitions are beside it, not in it. To hand one schema to a
 * validator such as ajv, use {@link toStandaloneJsonSchema}: given `document` itself, ajv finds no keyword it knows
 * and accepts every value.
 *
 * @example
 * ```ts
 * import { toJsonSchema } from "@shortcode-kit/schema"
 *
 * const document = toJsonSchema("ShortCode")
 * document.schema // { $ref: "#/$defs/ShortCodeEncoded" }
 * ```
 * @since 0.1.0
 */
export const toJsonSchema = (name: WireSchemaName) => Schema.toJsonSchemaDocument(wireSchemas[name])

/**
 * One wire schema as a standalone JSON Schema (draft 2020-12): `$schema`, the root schema and its `$defs`, ready for
 * a validator.
 *
 * @example
 * ```ts
 * import { Ajv2020 } from "ajv/dist/2020.js"
 * import { toStandaloneJsonSchema } from "@shortcode-kit/schema"
 *
 * const validate = new Ajv2020({ strict: false }).compile(toStandaloneJsonSchema("ShortCode"))
 * validate({ sid: 1 }) // false
 * ```
 * @since 0.2.0
 */
export const toStandaloneJsonSchema = (name: WireSchemaName): JsonSchema.JsonSchema => {
  const { schema, definitions } = toJsonSchema(name)
  return { $schema: JsonSchema.META_SCHEMA_URI_DRAFT_2020_12, ...schema, $defs: definitions }
}

/** Names of the schemas {@link toJsonSchema} knows. @since 0.1.0 */
export const wireSchemaNames = Object.keys(wireSchemas) as ReadonlyArray<WireSchemaName>
