// Laws over every declared resource's exported validation functions: each answers exactly what
// `resourceValidation(resource, ...)` answers for its declaration (valid, near-miss and hostile inputs), never
// throws, `is` and `assert` agree with `validate`, and a failed create request's Twilio error is one of the codes
// the declaration's create operation lists; the create form and validate name a bad parameter, SID and profile. What is
// a resource's own is data of its row: its named arbitraries (the SID options they fix, the near misses they
// announce, the create values), a valid create request and Twilio's exact answers to bad ones.
import { fc, test } from "@fast-check/vitest"
import * as SchemaPackage from "@shortcode-kit/schema"
import {
  AlphaSenderResource,
  makeAlphaSenderStrict,
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
  isAlphaSenderSid,
  isAlphaSenderText,
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
import {
  alphaSenderText,
  alphaSenderWire,
  invalidAlphaSenderText,
  invalidPhoneNumber,
  invalidPhoneNumberSid,
  type NearMiss,
  phoneNumber,
  phoneNumberSid,
  resourceArbitraries
} from "@shortcode-kit/validator/arbitraries"
import type { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { expectExactlyTheMiss } from "./arbitraries/laws.js"

const LOCAL = "http://127.0.0.1:4010"
const SERVICE = "MG" + "a".repeat(32)
type Any = ResourceValidation<any, any, any>
const twilioError = (code: number, status: number, message: string): TwilioErrorWire =>
  ({ code, status, message, more_info: `https://www.twilio.com/docs/errors/${code}` })

// Every member resource of a service, with its strict profile, the functions the package exports for it and what
// is its own (see the header).
const RESOURCES: ReadonlyArray<{
  readonly resource: Parameters<typeof resourceArbitraries>[0]
  /** Its SID prefix, as Twilio documents it. */
  readonly prefix: string
  readonly strict: (baseUrl: string) => Schema.Top
  readonly exported: Partial<Any>
  readonly arbitraries?: {
    /** The named wire arbitrary, with the option that fixes the sid when it has one (`caller` names it in errors). */
    readonly wire: (options: Record<string, string>) => fc.Arbitrary<{ readonly sid?: string | null }>
    readonly caller: string
    readonly sidOption?: string
    readonly isSid?: (input: unknown) => boolean
    /** The named near misses (strict profile, default origin). */
    readonly nearMiss?: () => fc.Arbitrary<NearMiss>
    /**
     * The values the create form takes and near misses of them, the Twilio code that answers a near miss, the
     * package's guard of the value, and the document's field that holds it (where only the strict profile checks it).
     */
    readonly createValues?: {
      readonly valid: () => fc.Arbitrary<string>
      readonly invalid: () => fc.Arbitrary<NearMiss>
      readonly code: number
      readonly is?: (input: unknown) => boolean
      readonly strictField?: string
    }
  }
  /** A valid create body and its decoded value (with `serviceSid: SERVICE`); bad requests with the exact answer. */
  readonly createRequest?: {
    readonly valid: readonly [string, object]
    readonly answers: ReadonlyArray<readonly [serviceSid: string, body: string, answer: TwilioErrorWire]>
  }
}> = [
  {
    resource: ShortCodeResource,
    prefix: "SC",
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
    prefix: "PN",
    strict: (baseUrl) => makePhoneNumberStrict({ baseUrl }),
    exported: {
      validate: validatePhoneNumber,
      validatePage: validatePhoneNumberPage,
      validateCreateForm: validateCreatePhoneNumberForm,
      validateCreateRequest: validateCreatePhoneNumberRequest,
      toTwilioError: phoneNumberTwilioError
    },
    arbitraries: { wire: phoneNumber, caller: "phoneNumber", sidOption: "phoneNumberSid", nearMiss: invalidPhoneNumber,
      createValues: { valid: phoneNumberSid, invalid: invalidPhoneNumberSid, code: 21421 } },
    createRequest: {
      valid: [`PhoneNumberSid=PN${"b".repeat(32)}&Other=1`, { phoneNumberSid: `PN${"b".repeat(32)}` }],
      answers: [
        [SERVICE, "", twilioError(20001, 400, "Missing required parameter PhoneNumberSid in the post body")],
        [SERVICE, `PhoneNumberSid=PN${"b".repeat(32)}&PhoneNumberSid=PN${"b".repeat(32)}`, twilioError(20001, 400, "PhoneNumberSid must be given once; it was given 2 times")],
        [SERVICE, `PhoneNumberSid=SC${"a".repeat(32)}`, twilioError(21421, 400,
          `You tried to add an invalid Phone Number SID or Short Code SID to a Messaging Service: PhoneNumberSid "SC${"a".repeat(32)}" must start with "PN" (upper case); a PN SID is "PN" followed by 32 hexadecimal digits`)],
        ["MG1", `PhoneNumberSid=PN${"b".repeat(32)}`, twilioError(20404, 404, "The requested resource /v1/Services/MG1/PhoneNumbers was not found")]
      ]
    }
  },
  {
    resource: AlphaSenderResource,
    prefix: "AI",
    strict: (baseUrl: string) => makeAlphaSenderStrict({ baseUrl }),
    exported: {
      validate: validateAlphaSender,
      is: isAlphaSender,
      assert: assertAlphaSender,
      validateCreateForm: validateCreateAlphaSenderForm,
      validateCreateRequest: validateCreateAlphaSenderRequest,
      toTwilioError: alphaSenderTwilioError
    },
    arbitraries: {
      wire: alphaSenderWire, caller: "alphaSenderWire", isSid: isAlphaSenderSid,
      createValues: { valid: alphaSenderText, invalid: invalidAlphaSenderText, code: 21709, is: isAlphaSenderText, strictField: "alpha_sender" }
    },
    createRequest: {
      valid: ["AlphaSender=Acme", { alphaSender: "Acme" }],
      answers: [
        [SERVICE, "AlphaSender=12345", twilioError(21709, 400,
          "Alpha Sender ID is Invalid or Not Authorized for this Messaging Service: AlphaSender \"12345\" must not contain only digits: an alpha sender needs at least one letter or symbol")],
        [SERVICE, "", twilioError(20001, 400, "Missing required parameter AlphaSender in the post body")],
        ["MG1", "AlphaSender=Acme", twilioError(20404, 404, "The requested resource /v1/Services/MG1/AlphaSenders was not found")]
      ]
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

describe.each(RESOURCES)("the validation of $resource.declaration.identifier", ({ resource, prefix, strict, exported, arbitraries, createRequest }) => {
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

  it("validateCreateForm names a parameter that is not text, a repeated and a missing one; validate names a SID of another prefix and refuses an unknown profile", () => {
    const issue = (result: { readonly ok: boolean; readonly issues?: ReadonlyArray<object> }) => result.ok ? [] : result.issues!.map(({ path, rule, message }: any) => ({ path, rule, message }))
    const form = exported.validateCreateForm!
    expect(issue(form({ [wire]: 7 }))).toEqual([{ path: [wire], rule: "type", message: `${wire} must be a string, or an array of strings when the parameter is repeated` }])
    expect(issue(form({ [wire]: ["A", "B"] }))).toEqual([{ path: [wire], rule: "form.repeated", message: `${wire} must be given once; it was given 2 times` }])
    expect(issue(form(""))).toEqual([{ path: [wire], rule: "required", message: `${wire} is required` }])
    expect((fc.sample(arbs.wire, 1)[0] as { readonly sid: string }).sid.slice(0, 2)).toBe(prefix)
    const other = prefix === "SC" ? "PN" : "SC"
    expect(issue(exported.validate!({ sid: other + "a".repeat(32) }))).toEqual([
      { path: ["sid"], rule: "sid.prefix", message: `must start with "${prefix}" (upper case); a ${prefix} SID is "${prefix}" followed by 32 hexadecimal digits` }
    ])
    expect(() => exported.validate!({}, { profile: "loose" as never })).toThrow(`validate${name}: profile must be "spec" or "strict", received "loose"`)
  })

  // A ServiceSid that is not text is shown as JSON in the 404's path: "$" patterns in it stay as sent.
  test("shows a ServiceSid with \"$\" patterns in its 404 as sent", () => {
    const result = reference.validateCreateRequest({ serviceSid: { "$$": "$&" }, body: "" })
    if (result.ok) throw new Error("expected a failure")
    expect(reference.toTwilioError(result).message).toBe(`The requested resource /v1/Services/{"$$":"$&"}/${resource.declaration.plural as string} was not found`)
  })

  if (validatePage !== undefined) {
    // Each kind of near miss, so that every rule (a phone number's E.164 among them) is seen in a page.
    for (const entry of arbs.nearMisses) {
      test.prop([entry.arbitrary], { numRuns: 5 })(`validatePage reports an item's near miss of ${entry.rule} at [${entry.path.join(", ")}] under the page key and its index`, (miss) => {
        const page = { [resource.declaration.pageKey as string]: [miss.value] }
        const result = validatePage(page, { profile: "strict", baseUrl: LOCAL })
        expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.rule])).toStrictEqual([[[resource.declaration.pageKey, 0, ...miss.path], miss.rule]])
      })
    }
  }

  if (arbitraries !== undefined) {
    const { wire: named, caller, sidOption, isSid, nearMiss, createValues } = arbitraries
    // A SID of the resource's prefix that no seed generates by chance.
    const sid = (fc.sample(arbs.wire, 1)[0] as { readonly sid: string }).sid.slice(0, 2) + "f0".repeat(16)
    it(`${caller}: strictly valid documents with the resource's SIDs; the SIDs it is given fixed, url following; one that is not a SID refused`, () => {
      const [fixed] = fc.sample(named({ ...(sidOption === undefined ? {} : { serviceSid: SERVICE, [sidOption]: sid }), baseUrl: LOCAL }), 1)
      if (sidOption !== undefined) {
        expect(fixed).toMatchObject({ sid, service_sid: SERVICE, url: `${LOCAL}/v1/Services/${SERVICE}/${resource.declaration.plural as string}/${sid}` })
        expect(() => named({ serviceSid: "MG1" }))
          .toThrow(`${caller}: serviceSid override is not a valid SID: sid.length: must be exactly 34 characters long: "MG" followed by 32 hexadecimal digits`)
      }
      expect(exported.validate!(fixed, { profile: "strict", baseUrl: LOCAL }).ok).toBe(true)
      for (const value of fc.sample(named({}), 20)) if (isSid !== undefined) expect(isSid(value.sid), String(value.sid)).toBe(true)
    })
    if (nearMiss !== undefined) {
      test.prop([nearMiss()], { numRuns: 50 })("its named near miss is a strict near miss, exactly its rule", (miss) => {
        expectExactlyTheMiss(exported.validate!(miss.value, { profile: "strict" }), miss)
      })
    }
    if (createValues !== undefined) {
      const { valid, invalid, code, is, strictField } = createValues
      const [key] = Object.keys(resource.declaration.create) as [string]
      test.prop([valid()], { numRuns: 200 })(`a ${wire} it generates is taken by the create form`, (value) => {
        if (is !== undefined) expect(is(value)).toBe(true)
        expect(exported.validateCreateForm!(new URLSearchParams({ [wire]: value }))).toEqual({ ok: true, value: { [key]: value } })
      })
      test.prop([invalid()], { numRuns: 300 })(`a ${wire} near miss is exactly its rule at ${wire}, answered ${code} naming its message`, ({ value, rule }) => {
        // A form carries text only: the SID near misses of another type are for JSON documents.
        fc.pre(typeof value === "string" && value !== "")
        if (is !== undefined) expect(is(value)).toBe(false)
        const result = exported.validateCreateForm!(new URLSearchParams({ [wire]: String(value) }))
        if (result.ok) throw new Error(`accepted ${String(value)}`)
        expect(result.issues.map((issue) => [issue.path, issue.rule]), JSON.stringify(value)).toEqual([[[wire], rule]])
        const error = exported.toTwilioError!(result)
        expect([error.code, error.status]).toEqual([code, 400])
        expect(error.message).toContain(`${wire} ${JSON.stringify(value)} ${result.issues[0]!.message}`)
      })
      if (strictField !== undefined) {
        test.prop([arbs.wire, invalid()], { numRuns: 100 })(`a near miss at ${strictField} is refused by the strict profile only, exactly its rule`, (document, miss) => {
          const body = { ...document, [strictField]: miss.value }
          expect(exported.validate!(body).ok).toBe(true)
          const result = exported.validate!(body, { profile: "strict", baseUrl: LOCAL })
          expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.rule])).toEqual([[[strictField], miss.rule]])
        })
      }
    }
  }

  if (createRequest !== undefined && validateCreateRequest !== undefined) {
    it("validateCreateRequest decodes a valid request, and answers bad ones with Twilio's exact errors", () => {
      const [body, value] = createRequest.valid
      expect(validateCreateRequest({ serviceSid: SERVICE, body })).toEqual({ ok: true, value: { serviceSid: SERVICE, ...value } })
      for (const [serviceSid, body, answer] of createRequest.answers) {
        const result = validateCreateRequest({ serviceSid, body })
        if (result.ok) throw new Error(`accepted ${body}`)
        expect(exported.toTwilioError!(result as ValidationFailure), body).toStrictEqual(answer)
      }
    })
  }
})
