/**
 * Standard Schema V1 (https://standardschema.dev) objects for every public schema, for libraries that accept any
 * Standard Schema (form libraries, tRPC, Hono validators, ...). Each validates the wire form and returns the
 * decoded domain value; its issues carry the message and the path of the failure.
 *
 * @since 0.1.0
 */
import { Cause, Result, Schema } from "effect"
import type { StandardSchemaV1 } from "effect/StandardSchema"
import { AlphaSenderResource, AlphaSenderStrict } from "./AlphaSender.js"
import { CountryCode } from "./CountryCode.js"
import { ListShortCodesQuery } from "./ListShortCodesQuery.js"
import { CreateServiceForm, MessagingService, MessagingServicePage } from "./MessagingService.js"
import { PhoneNumberResource, PhoneNumberStrict } from "./PhoneNumber.js"
import { byIdentifier } from "./resource/byIdentifier.js"
import type { AnyResource } from "./resource/Resource.js"
import { ShortCodeResource } from "./ShortCode.js"
import { ShortCodeStrict } from "./ShortCodeStrict.js"
import { AccountSid, ServiceSid } from "./Sid.js"
import { TwilioError } from "./TwilioError.js"
import { validationDecoder } from "./ValidationDecoder.js"

/** What reading the input threw: the error a getter or a Proxy trap raised, found in the cause effect wraps it in. */
const readError = (error: unknown): string => {
  const cause = (error as { readonly cause?: unknown } | undefined)?.cause
  if (Cause.isCause(cause)) {
    const thrown = cause.reasons.find(Cause.isDieReason)?.defect
    if (thrown !== undefined) return thrown instanceof Error ? thrown.message : String(thrown)
  }
  return error instanceof Error ? error.message : String(error)
}

/**
 * `schema` as a Standard Schema whose issues are the package's own (`toValidationIssues`: wire paths, the rules'
 * messages, every issue), as the validator's are, from `validationDecoder`'s fast paths where the schema has them.
 * An input whose reading throws (a getter, a Proxy) is one issue saying so, not an exception.
 */
const standard = <S extends Schema.Top>(schema: S) => {
  const view = Schema.toStandardSchemaV1(schema as S & Schema.Codec<S["Type"], S["Encoded"]>, { parseOptions: { errors: "all" } })
  // Made at the first validation, not when the package is imported (it compiles the schema's fast paths).
  let decode: ReturnType<typeof validationDecoder<Schema.Codec<unknown, unknown>>> | undefined
  const validate = (input: unknown): StandardSchemaV1.Result<S["Type"]> => {
    let result: ReturnType<NonNullable<typeof decode>>
    try {
      result = (decode ??= validationDecoder(schema as unknown as Schema.Codec<unknown, unknown>))(input)
    } catch (error) {
      return { issues: [{ message: `the input could not be read: ${readError(error)}`, path: [] }] }
    }
    return Result.isSuccess(result)
      ? { value: result.success as S["Type"] }
      : { issues: result.failure.map((issue) => ({ message: issue.message, path: issue.path })) }
  }
  Object.defineProperty(view, "~standard", { value: { ...view["~standard"], validate }, enumerable: true, configurable: true, writable: true })
  return view
}

type Standard<S extends Schema.Top> = ReturnType<typeof standard<S>>
type IdentifierOf<R extends AnyResource> = R["declaration"]["identifier"]
type SingularOf<R extends AnyResource> = R["declaration"]["singular"]

/** The Standard Schema views of a declared resource's schemas, each under its identifier (as `defineResource` names them). */
type ResourceStandardSchemas<R extends AnyResource, Strict extends Schema.Top> =
  & { readonly [K in `${IdentifierOf<R>}Sid`]: Standard<R["declaration"]["fields"]["sid"]["schema"]> }
  & { readonly [K in IdentifierOf<R>]: Standard<R["codec"]> }
  & { readonly [K in `${IdentifierOf<R>}Strict`]: Standard<Strict> }
  & { readonly [K in `${IdentifierOf<R>}Page`]: Standard<R["page"]> }
  & { readonly [K in `Create${SingularOf<R>}Params`]: Standard<R["collectionParams"]> }
  & { readonly [K in `Create${SingularOf<R>}Request`]: Standard<R["createRequest"]> }
  & { readonly [K in `Create${SingularOf<R>}Form`]: Standard<R["createForm"]> }
  & { readonly [K in `${SingularOf<R>}InstanceParams`]: Standard<R["instanceParams"]> }

/** Every schema a resource declaration derives, and its strict profile, as Standard Schemas under their identifiers. */
const resourceStandardSchemas = <R extends AnyResource, Strict extends Schema.Top>(resource: R, strict: Strict): ResourceStandardSchemas<R, Strict> =>
  byIdentifier(resource, [
    resource.declaration.fields.sid.schema,
    resource.codec,
    strict,
    resource.page,
    resource.collectionParams,
    resource.createRequest,
    resource.createForm,
    resource.instanceParams
  ], standard) as ResourceStandardSchemas<R, Strict>

/**
 * Standard Schema V1 views of the package's schemas, under the same names.
 *
 * @example
 * ```ts
 * import { standardSchemas } from "@shortcode-kit/schema"
 *
 * const result = standardSchemas.ShortCode["~standard"].validate({ sid: "SC12" })
 * // { issues: [{ message: "must be exactly 34 characters long: ...", path: ["sid"] }] }
 * ```
 * @since 0.1.0
 */
export const standardSchemas = {
  AccountSid: standard(AccountSid),
  ServiceSid: standard(ServiceSid),
  CountryCode: standard(CountryCode),
  TwilioError: standard(TwilioError),
  ListShortCodesQuery: standard(ListShortCodesQuery),
  MessagingService: standard(MessagingService),
  MessagingServicePage: standard(MessagingServicePage),
  CreateServiceForm: standard(CreateServiceForm),
  ...resourceStandardSchemas(ShortCodeResource, ShortCodeStrict),
  ...resourceStandardSchemas(PhoneNumberResource, PhoneNumberStrict),
  ...resourceStandardSchemas(AlphaSenderResource, AlphaSenderStrict)
}
