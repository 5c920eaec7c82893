/**
 * The create endpoint's inputs: `POST /v1/Services/{ServiceSid}/ShortCodes` with an
 * `application/x-www-form-urlencoded` body carrying `ShortCodeSid`.
 *
 * @since 0.1.0
 */
import { Effect, Schema, SchemaGetter, SchemaIssue } from "effect"
import { SchemaCompiler } from "effect/schema"
import { withCompiledPaths } from "./internal/compiledPaths.js"
import { codecFailure, type DirectFailure, structFailure } from "./internal/directFailure.js"
import { RuleAnnotation } from "./internal/rule.js"
import { isSidWithPrefix, ServiceSid, ShortCodeSid } from "./Sid.js"

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

/**
 * The path parameters of the create (and list) endpoint, under their wire names.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CreateShortCodeParams } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(CreateShortCodeParams)({ ServiceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
 * ```
 * @since 0.1.0
 */
export const CreateShortCodeParams = Schema.Struct({
  ServiceSid: ServiceSid.annotateKey({ messageMissingKey: "ServiceSid is required" })
}).annotate({ identifier: "CreateShortCodeParams" }).pipe((schema) =>
  withCompiledPaths(schema, { decode: decodeCreateParams, failure: structFailure(schema.ast) })
)

/** @since 0.1.0 */
export type CreateShortCodeParams = typeof CreateShortCodeParams.Type

/**
 * The create request's body as the spec's `CreateShortCodeRequest` object (`{ ShortCodeSid }`), decoded to
 * `{ shortCodeSid }`.
 *
 * @since 0.1.0
 */
export const CreateShortCodeRequest = Schema.Struct({
  shortCodeSid: ShortCodeSid.annotateKey({ messageMissingKey: "ShortCodeSid is required" })
}).pipe(Schema.encodeKeys({ shortCodeSid: "ShortCodeSid" })).annotate({ identifier: "CreateShortCodeRequest" })

/** @since 0.1.0 */
export type CreateShortCodeRequest = typeof CreateShortCodeRequest.Type

const formIssue = (rule: string, message: string, expected: string, input: unknown) =>
  new SchemaIssue.Pointer(
    ["ShortCodeSid"],
    new SchemaIssue.InvalidValue({ message, expected, [RuleAnnotation]: rule }, input)
  )

// The direct failure of a form body (see internal/directFailure.ts): a `ShortCodeSid` given once and non-empty is
// judged by the request struct's own rules, as the transformation below hands it on. Absent, empty or repeated is
// worded by the transformation itself, so those bodies go to the interpreter.
const requestFailure = codecFailure(CreateShortCodeRequest.ast)
const formFailure: DirectFailure = (input) => {
  const params = typeof input === "string" ? new URLSearchParams(input) : input instanceof URLSearchParams ? input : undefined
  if (params === undefined) return undefined
  const values = params.getAll("ShortCodeSid")
  const value = values[0]
  return values.length === 1 && value !== undefined && value !== "" ? requestFailure({ ShortCodeSid: value }) : undefined
}

/** A form body as servers receive it: the raw text, or already parsed. */
export const FormBody = Schema.Union([
  Schema.String,
  Schema.instanceOf(URLSearchParams).annotate({ identifier: "URLSearchParams", expected: "URLSearchParams" })
]).annotate({ identifier: "FormBody", expected: "a form body (string or URLSearchParams)" })

/**
 * The codec from an `application/x-www-form-urlencoded` body (a string or `URLSearchParams`) to
 * `{ shortCodeSid }`, and back to the body text. `ShortCodeSid` must be present exactly once and non-empty: a
 * repeated parameter is an error, never first-wins. Other parameters are ignored, as Twilio ignores them.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CreateShortCodeForm } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(CreateShortCodeForm)("ShortCodeSid=SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").shortCodeSid
 * Schema.encodeSync(CreateShortCodeForm)({ shortCodeSid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" as any })
 * // "ShortCodeSid=SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
 * ```
 * @since 0.1.0
 */
export const CreateShortCodeForm = FormBody.pipe(
  Schema.decodeTo(CreateShortCodeRequest, {
    decode: SchemaGetter.transformEffect((body: string | URLSearchParams) => {
      const params = typeof body === "string" ? new URLSearchParams(body) : body
      const values = params.getAll("ShortCodeSid")
      if (values.length > 1) {
        return Effect.fail(formIssue(
          "form.repeated",
          `ShortCodeSid must be given once; it was given ${values.length} times`,
          "exactly one ShortCodeSid",
          values
        ))
      }
      const [value] = values
      // Absent: hand an object without the key to CreateShortCodeRequest, which reports it as `required`.
      if (value === undefined) return Effect.succeed({} as { readonly ShortCodeSid: string })
      if (value === "") {
        return Effect.fail(formIssue("required", "ShortCodeSid is required and must not be empty", "a ShortCode SID", value))
      }
      return Effect.succeed({ ShortCodeSid: value })
    }),
    encode: SchemaGetter.transform((fields: { readonly ShortCodeSid: string }) =>
      new URLSearchParams({ ShortCodeSid: fields.ShortCodeSid }).toString()
    )
  })
).annotate({ identifier: "CreateShortCodeForm" }).pipe((schema) =>
  withCompiledPaths(schema, { decode: decodeCreateForm, failure: formFailure })
)

/** @since 0.1.0 */
export type CreateShortCodeForm = typeof CreateShortCodeForm.Type
