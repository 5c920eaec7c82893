/**
 * The validation functions of a declared resource (`defineResource` of `@shortcode-kit/schema`), derived from its
 * declaration: its body under the spec or the strict profile, and its create form. A new resource gets its
 * validators from here instead of copies of the ShortCode ones.
 *
 * @since 0.2.0
 */
import type { Resource, ValidationIssue } from "@shortcode-kit/schema"
import { validationDecoder } from "@shortcode-kit/schema"
import { Result, type Schema } from "effect"
import { makeValidator, unreadableIssue } from "./internal/decoder.js"
import { toParams } from "./internal/formBody.js"
import { differingNames } from "./internal/wireNames.js"
import type { Profile } from "./Profile.js"
import { getOrThrow, type ValidationResult } from "./ValidationResult.js"

// Any declared resource; the validators keep its exact types.
type AnyResource = Resource<any, any, any, any, any, `/${string}`, any, any, any>
type Codec<S extends Schema.Top> = Schema.Codec<S["Type"], S["Encoded"], never, never>

/**
 * The validators of `resource`, its strict profile given (`strict`). `validate(input, { profile })` never throws for
 * any input; `assert` throws a `ValidationError` listing every issue; `validateCreateForm(body)` takes the raw text,
 * `URLSearchParams` or a record of strings (a repeated parameter as an array).
 *
 * @example
 * ```ts
 * import { AlphaSenderResource, AlphaSenderStrict } from "@shortcode-kit/schema"
 * import { resourceValidators } from "@shortcode-kit/validator"
 *
 * const alphaSenders = resourceValidators(AlphaSenderResource, AlphaSenderStrict)
 * alphaSenders.validateCreateForm("AlphaSender=Twilio").ok // true
 * ```
 * @since 0.2.0
 */
export const resourceValidators = <R extends AnyResource, Strict extends Schema.Top>(resource: R, strict: Strict) => {
  const name: string = resource.declaration.identifier
  const validateSpec = makeValidator(resource.codec as unknown as Codec<R["codec"]>, differingNames(resource.codec))
  const validateStrict = makeValidator(strict as unknown as Codec<Strict>, differingNames(strict))
  const decodeForm = validationDecoder(resource.createForm as unknown as Codec<R["createForm"]>)
  const formWires = Object.values(resource.declaration.create as Record<string, { readonly wire: string }>).map((p) => p.wire)

  type Value = R["codec"]["Type"]
  type StrictValue = Strict["Type"]
  type Form = R["createForm"]["Type"]

  function validate(input: unknown, options: { readonly profile: "strict" }): ValidationResult<StrictValue>
  function validate(input: unknown, options?: { readonly profile?: Profile }): ValidationResult<Value>
  function validate(input: unknown, options?: { readonly profile?: Profile }): ValidationResult<Value | StrictValue> {
    const profile = options?.profile ?? "spec"
    if (profile !== "spec" && profile !== "strict") {
      throw new TypeError(`validate${name}: profile must be "spec" or "strict", received ${JSON.stringify(profile)}`)
    }
    return profile === "spec" ? validateSpec(input) : validateStrict(input)
  }

  const validateCreateForm = (body: unknown): ValidationResult<Form> => {
    try {
      const { params, issues } = toParams(body)
      // A parameter of the wrong type is already reported; decoding the rest would add a bogus "required".
      if (issues.some((issue: ValidationIssue) => issue.path.length === 0 || formWires.includes(String(issue.path[0])))) return { ok: false, issues }
      const result = decodeForm(params)
      if (Result.isSuccess(result)) return issues.length > 0 ? { ok: false, issues } : { ok: true, value: result.success }
      return { ok: false, issues: [...issues, ...result.failure] }
    } catch (cause) {
      return { ok: false, issues: [unreadableIssue(body, cause)] }
    }
  }

  function assert(input: unknown, options: { readonly profile: "strict" }): StrictValue
  function assert(input: unknown, options?: { readonly profile?: Profile }): Value
  function assert(input: unknown, options?: { readonly profile?: Profile }): Value | StrictValue {
    return getOrThrow(name, validate(input, options))
  }

  return {
    validate,
    is: (input: unknown, options?: { readonly profile?: Profile }): boolean => validate(input, options).ok,
    assert,
    validateCreateForm
  }
}
