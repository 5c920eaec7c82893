/**
 * Path parameters of the instance endpoints, `GET` and `DELETE /v1/Services/{ServiceSid}/ShortCodes/{Sid}`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { SchemaCompiler } from "effect/schema"
import { withCompiledPaths } from "./internal/compiledPaths.js"
import { isSidWithPrefix, ServiceSid } from "./Sid.js"

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

/**
 * `ServiceSid` is a Messaging Service SID; `Sid` is any non-empty string, as in the official spec, which gives the
 * instance `Sid` no pattern (a malformed one simply names no resource: 404).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ShortCodeInstanceParams } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(ShortCodeInstanceParams)({
 *   ServiceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   Sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
 * })
 * ```
 * @since 0.1.0
 */
export const ShortCodeInstanceParams = Schema.Struct({
  ServiceSid: ServiceSid.annotateKey({ messageMissingKey: "ServiceSid is required" }),
  Sid: Schema.String.check(Schema.isNonEmpty({ message: "Sid must not be empty" })).annotateKey({
    messageMissingKey: "Sid is required"
  })
}).annotate({ identifier: "ShortCodeInstanceParams" }).pipe((schema) => withCompiledPaths(schema, { decode: decodeInstanceParams }))

/** @since 0.1.0 */
export type ShortCodeInstanceParams = typeof ShortCodeInstanceParams.Type

/** Path parameters of `GET .../ShortCodes/{Sid}`. @since 0.1.0 */
export const FetchShortCodeParams = ShortCodeInstanceParams
/** Path parameters of `DELETE .../ShortCodes/{Sid}`. @since 0.1.0 */
export const DeleteShortCodeParams = ShortCodeInstanceParams
/** @since 0.1.0 */
export type FetchShortCodeParams = ShortCodeInstanceParams
/** @since 0.1.0 */
export type DeleteShortCodeParams = ShortCodeInstanceParams
