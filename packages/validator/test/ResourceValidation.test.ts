// Laws over every declared resource's exported validation functions: each answers exactly what
// `resourceValidation(resource, ...)` answers for its declaration (valid, near-miss and hostile inputs), never
// throws, `is` and `assert` agree with `validate`, and a failed create request's Twilio error is one of the codes
// the declaration's create operation lists. A resource's own test file keeps only what is its own.
import { fc, test } from "@fast-check/vitest"
import * as SchemaPackage from "@shortcode-kit/schema"
import {
  AlphaSenderResource,
  AlphaSenderStrict,
  makePhoneNumberStrict,
  makeShortCodeStrict,
  PhoneNumberResource,
  ShortCodeResource,
  type TwilioErrorWire
} from "@shortcode-kit/schema"
import {
  alphaSenderTwilioError,
  assertAlphaSender,
  assertShortCode,
  isAlphaSender,
  isShortCode,
  phoneNumberTwilioError,
  resourceValidation,
  type ResourceValidation,
  toTwilioError,
  validateAlphaSender,
  validateCreateAlphaSenderForm,
  validateCreateAlphaSenderRequest,
  validateCreatePhoneNumberForm,
  validateCreatePhoneNumberRequest,
  validateCreateShortCodeForm,
  validateCreateShortCodeRequest,
  validatePhoneNumber,
  validatePhoneNumberPage,
  validateShortCode,
  validateShortCodePage,
  ValidationError,
  type ValidationFailure,
  validateTwilioError
} from "@shortcode-kit/validator"
import { resourceArbitraries } from "@shortcode-kit/validator/arbitraries"
import type { Schema } from "effect"
import { describe, expect } from "vitest"

const LOCAL = "http://127.0.0.1:4010"
type Any = ResourceValidation<any, any, any>

// Every member resource of a service, with its strict profile and the functions the package exports for it.
const RESOURCES: ReadonlyArray<{
  readonly resource: Parameters<typeof resourceArbitraries>[0]
  readonly strict: (baseUrl: string) => Schema.Top
  readonly exported: Partial<Any>
}> = [
  {
    resource: ShortCodeResource,
    strict: (baseUrl) => makeShortCodeStrict({ baseUrl }),
    exported: {
      validate: validateShortCode,
      is: isShortCode,
      assert: assertShortCode,
      validatePage: validateShortCodePage,
      validateCreateForm: validateCreateShortCodeForm,
      validateCreateRequest: validateCreateShortCodeRequest as Any["validateCreateRequest"],
      toTwilioError
    }
  },
  {
    resource: PhoneNumberResource,
    strict: (baseUrl) => makePhoneNumberStrict({ baseUrl }),
    exported: {
      validate: validatePhoneNumber,
      validatePage: validatePhoneNumberPage,
      validateCreateForm: validateCreatePhoneNumberForm,
      validateCreateRequest: validateCreatePhoneNumberRequest,
      toTwilioError: phoneNumberTwilioError
    }
  },
  {
    resource: AlphaSenderResource,
    strict: () => AlphaSenderStrict,
    exported: {
      validate: validateAlphaSender,
      is: isAlphaSender,
      assert: assertAlphaSender,
      validateCreateForm: validateCreateAlphaSenderForm,
      validateCreateRequest: validateCreateAlphaSenderRequest,
      toTwilioError: alphaSenderTwilioError
    }
  }
]

const PROFILES = [undefined, { profile: "strict", baseUrl: LOCAL }] as const
const hostile = fc.oneof(fc.anything(), fc.string(), fc.dictionary(fc.string(), fc.anything()))

describe("the table of resources", () => {
  test("lists every declared member resource of a service (those with a create parameter and a parent)", () => {
    const declared = Object.values(SchemaPackage).filter((value) =>
      typeof value === "object" && value !== null && "declaration" in value && "createForm" in value &&
      Object.keys((value as { declaration: { pathParams: object } }).declaration.pathParams).length > 0
    )
    expect(declared.length).toBe(RESOURCES.length)
    for (const { resource } of RESOURCES) expect(declared).toContain(resource)
  })
})

describe.each(RESOURCES)("the validation of $resource.declaration.identifier", ({ resource, strict, exported }) => {
  const name = resource.declaration.identifier as string
  const reference = resourceValidation(resource, strict, name)
  const arbs = resourceArbitraries(resource, strict, name, { baseUrl: LOCAL })
  const [wire] = (Object.values(resource.declaration.create) as ReadonlyArray<{ readonly wire: string }>).map((p) => p.wire) as [string]
  const codes = (resource.declaration.operations.create.errors as ReadonlyArray<{ readonly codes: ReadonlyArray<number> }>).flatMap((e) => e.codes)
  const documents = fc.oneof(arbs.wire, arbs.nearMiss.map((miss) => miss.value), hostile)
  const forms = fc.oneof(
    fc.string().map((text) => ({ [wire]: text })),
    fc.array(fc.string(), { maxLength: 3 }).map((texts) => new URLSearchParams(texts.map((text): [string, string] => [wire, text]))),
    hostile
  )

  const expectAnswer = (error: TwilioErrorWire) => {
    expect(validateTwilioError(error).ok, JSON.stringify(error)).toBe(true)
    expect(codes).toContain(error.code)
  }

  test.prop([documents, fc.constantFrom(...PROFILES)], { numRuns: 80 })("validate, is and assert answer as the declaration's validation, never throwing", (input, options) => {
    const expected = reference.validate(input, options)
    expect(exported.validate!(input, options)).toStrictEqual(expected)
    if (exported.is !== undefined) expect(exported.is(input, options)).toBe(expected.ok)
    if (exported.assert === undefined) return
    if (expected.ok) expect(exported.assert(input, options)).toStrictEqual(expected.value)
    else {
      const thrown = (() => {
        try {
          exported.assert!(input, options)
        } catch (error) {
          return error
        }
      })()
      expect(thrown).toBeInstanceOf(ValidationError)
      expect((thrown as ValidationError).issues).toStrictEqual(expected.issues)
    }
  })

  const { validatePage, validateCreateRequest } = exported
  if (validatePage !== undefined) {
    test.prop([fc.oneof(arbs.page, hostile), fc.constantFrom(...PROFILES)], { numRuns: 40 })("validatePage answers as the declaration's, never throwing", (input, options) => {
      expect(validatePage(input, options)).toStrictEqual(reference.validatePage(input, options))
    })
  }

  test.prop([forms], { numRuns: 80 })("validateCreateForm answers as the declaration's, never throwing", (body) => {
    expect(exported.validateCreateForm!(body)).toStrictEqual(reference.validateCreateForm(body))
  })

  if (validateCreateRequest !== undefined) {
    test.prop([fc.oneof(fc.constant("MG" + "a".repeat(32)), fc.string(), fc.anything()), forms], { numRuns: 80 })(
      "validateCreateRequest answers as the declaration's; a failure's Twilio error is one the create operation declares",
      (serviceSid, body) => {
        const result = validateCreateRequest({ serviceSid, body })
        expect(result).toStrictEqual(reference.validateCreateRequest({ serviceSid, body }))
        if (result.ok || exported.toTwilioError === undefined) return
        const error = exported.toTwilioError(result as ValidationFailure)
        expect(error).toStrictEqual(reference.toTwilioError(result as ValidationFailure))
        expectAnswer(error)
      }
    )
  }

  // A ServiceSid that is not text is shown as JSON in the 404's path: "$" patterns in it stay as sent.
  test("shows a ServiceSid with \"$\" patterns in its 404 as sent", () => {
    const result = reference.validateCreateRequest({ serviceSid: { "$$": "$&" }, body: "" })
    if (result.ok) throw new Error("expected a failure")
    expect(reference.toTwilioError(result).message).toBe(`The requested resource /v1/Services/{"$$":"$&"}/${resource.declaration.plural as string} was not found`)
  })
})
