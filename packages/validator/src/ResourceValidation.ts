/**
 * Validation of any declared member resource of a Messaging Service (`defineResource` in the schema package), from
 * its declaration: the resource body and list page under the spec or strict profile, the create request (path
 * `ServiceSid` and form body) and the Twilio error for a create request that fails. PhoneNumbers and AlphaSenders use it as is, ShortCodes for its create form.
 *
 * @since 0.2.0
 */
import { answerOfIssue, type AnyResource, describeReceived, issueValues, PageMeta, TwilioError, type TwilioErrorWire, type ValidationIssue, validationDecoder } from "@shortcode-kit/schema"
import { Result, Schema } from "effect"
import { makeValidator, unreadableIssue } from "./internal/decoder.js"
import { toParams } from "./internal/formBody.js"
import { differingNames } from "./internal/wireNames.js"
import { type ProfileOptions, resolveProfileOptions } from "./Profile.js"
import { getOrThrow, type ValidationFailure, type ValidationResult } from "./ValidationResult.js"

/** The validation functions of one declared resource. @since 0.2.0 */
export interface ResourceValidation<Item, Page, Create> {
  /** The wire JSON of one resource, decoded; never throws for any input (a TypeError only for bad options). */
  readonly validate: (input: unknown, options?: ProfileOptions) => ValidationResult<Item>
  /** Whether `input` is valid under the profile. */
  readonly is: (input: unknown, options?: ProfileOptions) => boolean
  /** The decoded value, or a `ValidationError` listing every issue. */
  readonly assert: (input: unknown, options?: ProfileOptions) => Item
  /** A list page (`{ <page key>: [...], meta }`), its items under the profile. */
  readonly validatePage: (input: unknown, options?: ProfileOptions) => ValidationResult<Page>
  /** Only the create form body: the create parameter exactly once and well formed. */
  readonly validateCreateForm: (body: unknown) => ValidationResult<Create>
  /** `{ serviceSid, body }`: the path's `ServiceSid` and the form body. */
  readonly validateCreateRequest: (request: { readonly serviceSid: unknown; readonly body: unknown }) => ValidationResult<Create & { readonly serviceSid: string }>
  /** The Twilio error body answered for a failed create request, from the schema package's `inputErrors`. */
  readonly toTwilioError: (result: ValidationFailure) => TwilioErrorWire
  /** Whether `input` is a SID of the resource (its declared `sid`: the prefix and 32 hexadecimal digits). */
  readonly isSid: (input: unknown) => boolean
  /** The declaration these functions are derived from. */
  readonly resource: AnyResource
  /** Its strict profile for an origin, as given. */
  readonly strict: (baseUrl: string) => Schema.Top
}

const encodeError = Schema.encodeSync(TwilioError)
const memo = <A>(make: (baseUrl: string) => A) => {
  const cache = new Map<string, A>()
  return (baseUrl: string): A => {
    let found = cache.get(baseUrl)
    if (found === undefined) cache.set(baseUrl, found = make(baseUrl))
    return found
  }
}

/**
 * The validation functions of `resource`, whose strict profile for an origin is `strict(baseUrl)`. `name` is how
 * errors of bad options name the caller.
 *
 * @example
 * ```ts
 * import { makePhoneNumberStrict, PhoneNumberResource } from "@shortcode-kit/schema"
 * import { resourceValidation } from "@shortcode-kit/validator"
 *
 * const phoneNumbers = resourceValidation(PhoneNumberResource, (baseUrl) => makePhoneNumberStrict({ baseUrl }), "validatePhoneNumber")
 * phoneNumbers.validate({ sid: "PN1" }).ok // false
 * ```
 * @since 0.2.0
 */
export const resourceValidation = <R extends AnyResource, Strict extends Schema.Top>(
  resource: R,
  strict: (baseUrl: string) => Strict,
  name: string
): ResourceValidation<R["codec"]["Type"], R["page"]["Type"], R["createRequest"]["Type"]> => {
  const itemNames = differingNames(resource.codec)
  const pageNames = { ...itemNames, ...differingNames(resource.page), ...differingNames(PageMeta) }
  const spec = makeValidator(resource.codec as never, itemNames)
  const specPage = makeValidator(resource.page as never, pageNames)
  const { pageKey } = resource.declaration as { pageKey: string }
  const strictItem = memo((baseUrl) => makeValidator(strict(baseUrl) as never, itemNames))
  const strictPage = memo((baseUrl) => makeValidator(Schema.Struct({
    [resource.pageItemsKey]: Schema.optionalKey(Schema.Array(strict(baseUrl))),
    meta: Schema.optionalKey(PageMeta)
  }).pipe(Schema.encodeKeys({ [resource.pageItemsKey]: pageKey, meta: "meta" })) as never, pageNames))
  const [wire] = Object.values(resource.declaration.create as Record<string, { wire: string }>).map((p) => p.wire) as [string]
  const decodeForm = validationDecoder(resource.createForm as never)
  const params = makeValidator(resource.collectionParams as never)

  const body = (input: unknown): ValidationResult<any> => {
    const { params: form, issues } = toParams(input)
    // A create parameter of the wrong type is already reported; decoding the rest would add a bogus "required".
    if (issues.some((issue) => issue.path.length === 0 || issue.path[0] === wire)) return { ok: false, issues }
    const result = decodeForm(form) as Result.Result<unknown, ReadonlyArray<ValidationIssue>>
    if (Result.isSuccess(result)) return issues.length > 0 ? { ok: false, issues } : { ok: true, value: result.success }
    return { ok: false, issues: [...issues, ...result.failure] }
  }
  const guard = <A>(input: unknown, f: () => ValidationResult<A>): ValidationResult<A> => {
    try {
      return f()
    } catch (cause) {
      return { ok: false, issues: [unreadableIssue(input, cause)] }
    }
  }
  const validate = (input: unknown, options?: ProfileOptions): ValidationResult<never> => {
    const { profile, baseUrl } = resolveProfileOptions(name, options)
    return (profile === "spec" ? spec : strictItem(baseUrl))(input) as ValidationResult<never>
  }
  return {
    resource,
    strict,
    isSid: Schema.is(resource.declaration.sid as Schema.Top),
    validate,
    is: (input, options) => validate(input, options).ok,
    assert: (input, options) => getOrThrow(resource.declaration.identifier as string, validate(input, options)),
    validatePage: (input, options) => {
      const { profile, baseUrl } = resolveProfileOptions(`${name}Page`, options)
      return (profile === "spec" ? specPage : strictPage(baseUrl))(input) as ValidationResult<never>
    },
    validateCreateForm: (input) => guard(input, () => body(input)),
    validateCreateRequest: (request) => guard(request, () => {
      if (typeof request !== "object" || request === null) {
        const expected = "{ serviceSid, body }"
        return { ok: false, issues: [{ path: [], rule: "type", message: `the request must be an object ${expected}`, expected, received: describeReceived(request) }] }
      }
      const path = params(request.serviceSid === undefined ? {} : { ServiceSid: request.serviceSid }) as ValidationResult<{ ServiceSid: string }>
      const form = body(request.body)
      if (path.ok && form.ok) return { ok: true, value: { serviceSid: path.value.ServiceSid, ...form.value } }
      return { ok: false, issues: [...(path.ok ? [] : path.issues), ...(form.ok ? [] : form.issues)] }
    }),
    toTwilioError: (result) => {
      const service = result.issues.find((issue) => issue.path[0] === "ServiceSid")
      if (service !== undefined) {
        return encodeError(answerOfIssue("path", service, {
          // A replacer function, so that "$" patterns in what was sent are not read as replacement patterns.
          param: resource.collectionPath.replace(":ServiceSid", () => issueValues(service)["value"] ?? "")
        }).body)
      }
      const decisive = result.issues.find((issue) => issue.path[0] === wire && issue.path.length === 1) ?? result.issues[0]
      if (decisive === undefined) throw new TypeError(`${name}: a failed result has at least one issue`)
      return encodeError(answerOfIssue("form", decisive).body)
    }
  }
}
