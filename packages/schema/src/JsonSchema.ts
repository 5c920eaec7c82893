/**
 * JSON Schema (draft 2020-12) documents of the wire forms, generated from the Effect schemas so that they never
 * drift from what the codecs accept (formats such as `date-time` and `uri` are carried as `format`).
 *
 * @since 0.1.0
 */
import { Schema, SchemaAST } from "effect"
import { AlphaSenderResource, AlphaSenderStrict } from "./AlphaSender.js"
import { ListShortCodesQuery } from "./ListShortCodesQuery.js"
import { CreateServiceRequest, MessagingService, MessagingServicePage } from "./MessagingService.js"
import { PhoneNumberResource, PhoneNumberStrict } from "./PhoneNumber.js"
import type { Resource } from "./resource/Resource.js"
import { ShortCodeResource } from "./ShortCode.js"
import { ShortCodeStrict } from "./ShortCodeStrict.js"
import { TwilioError } from "./TwilioError.js"

type AnyResource = Resource<any, any, any, any, any, `/${string}`, any, any, any>
type IdentifierOf<R extends AnyResource> = R["declaration"]["identifier"]

/** The wire schemas of a declared resource, each under its identifier (as `defineResource` names them). */
type ResourceWireSchemas<R extends AnyResource, Strict extends Schema.Top> =
  & { readonly [K in IdentifierOf<R>]: R["codec"] }
  & { readonly [K in `${IdentifierOf<R>}Strict`]: Strict }
  & { readonly [K in `${IdentifierOf<R>}Page`]: R["page"] }
  & { readonly [K in `Create${R["declaration"]["singular"]}Request`]: R["createRequest"] }

/** A resource's document, its strict profile, its page and its create request, under their identifiers. */
const resourceWireSchemas = <R extends AnyResource, Strict extends Schema.Top>(resource: R, strict: Strict): ResourceWireSchemas<R, Strict> =>
  Object.fromEntries([resource.codec, strict, resource.page, resource.createRequest].map((schema: Schema.Top) => {
    const identifier = SchemaAST.resolveIdentifier(schema.ast)
    if (identifier === undefined) throw new Error(`${String(resource.declaration.identifier)}: a derived schema has no identifier`)
    return [identifier, schema]
  })) as ResourceWireSchemas<R, Strict>

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
 * The JSON Schema document of one wire schema.
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

/** Names of the schemas {@link toJsonSchema} knows. @since 0.1.0 */
export const wireSchemaNames = Object.keys(wireSchemas) as ReadonlyArray<WireSchemaName>
