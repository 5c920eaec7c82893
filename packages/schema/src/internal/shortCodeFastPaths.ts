// The hand-written fast paths of the ShortCodes path parameters and create form, moved here unchanged from
// ShortCodeParams.ts and CreateShortCode.ts so that the declarations (resource/Resource.ts) install them through one
// hook (internal/fastPaths.ts). The codecs' paths are generated (internal/compile); these are still to be.
import { type Schema } from "effect"
import { SchemaCompiler } from "effect/schema"
import { isSidWithPrefix } from "../Sid.js"
import { withCompiledPaths } from "./compiledPaths.js"
import { codecFailure, type DirectFailure, structFailure } from "./directFailure.js"

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

/** Installs the hand path of `CreateShortCodeParams` on `schema`. */
export const installCreateParamsFastPaths = <S extends Schema.Top>(schema: S): S =>
  withCompiledPaths(schema, { decode: decodeCreateParams, failure: structFailure(schema.ast) })

/** Installs the hand path of `ShortCodeInstanceParams` on `schema`. */
export const installInstanceParamsFastPaths = <S extends Schema.Top>(schema: S): S =>
  withCompiledPaths(schema, { decode: decodeInstanceParams })

/** Installs the hand paths of `CreateShortCodeForm` on `schema`, whose request struct is `request`. */
export const installCreateFormFastPaths = <S extends Schema.Top>(schema: S, request: Schema.Top): S =>
  withCompiledPaths(schema, { decode: decodeCreateForm, failure: formFailure(codecFailure(request.ast)) })
