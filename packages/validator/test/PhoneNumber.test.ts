// What is PhoneNumbers' own in the validator: E.164 in a page, the exact 21421/20001/404 wording of a failed create
// request, and the arbitraries' PhoneNumberSid option. The laws every resource obeys are in ResourceValidation.test.ts
// (the validation functions) and arbitraries/Resource.test.ts (valid values and near misses).
import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import {
  phoneNumberTwilioError,
  validateCreatePhoneNumberForm,
  validateCreatePhoneNumberRequest,
  validatePhoneNumber,
  validatePhoneNumberPage
} from "@shortcode-kit/validator"
import { invalidPhoneNumber, invalidPhoneNumberSid, phoneNumber } from "@shortcode-kit/validator/arbitraries"
import { expectExactlyTheMiss } from "./arbitraries/laws.js"

const SERVICE = "MG" + "a".repeat(32)
const SID = "PN" + "b".repeat(32)

describe("validatePhoneNumber and its arbitraries: what is theirs", () => {
  // The named arbitraries are resourceArbitraries' (whose laws are in arbitraries/Resource.test.ts), under the strict profile.
  test.prop([invalidPhoneNumber()], { numRuns: 50 })("invalidPhoneNumber is a strict near miss, exactly its rule", (miss) => {
    expectExactlyTheMiss(validatePhoneNumber(miss.value, { profile: "strict" }), miss)
  })

  test.prop([invalidPhoneNumberSid()], { numRuns: 100 })("a PhoneNumberSid near miss is 21421 naming its rule's message", ({ value, rule }) => {
    // A form carries text only: the SID near misses of another type are for JSON documents.
    fc.pre(typeof value === "string" && value !== "")
    const result = validateCreatePhoneNumberForm(new URLSearchParams({ PhoneNumberSid: String(value) }))
    if (result.ok) throw new Error(`accepted ${String(value)}`)
    expect(result.issues.map((issue) => issue.rule)).toEqual([rule])
    const error = phoneNumberTwilioError(result)
    expect([error.code, error.status]).toEqual([21421, 400])
    expect(error.message).toContain(`PhoneNumberSid ${JSON.stringify(value)} ${result.issues[0]!.message}`)
  })

  test("fixes the SIDs it is given, and the url with them", () => {
    const [wire] = fc.sample(phoneNumber({ serviceSid: SERVICE, phoneNumberSid: SID, baseUrl: "http://127.0.0.1:4010" }), 1)
    expect(wire).toMatchObject({ sid: SID, service_sid: SERVICE, url: `http://127.0.0.1:4010/v1/Services/${SERVICE}/PhoneNumbers/${SID}` })
    expect(() => phoneNumber({ serviceSid: "MG1" }))
      .toThrow('phoneNumber: serviceSid override is not a valid SID: sid.length: must be exactly 34 characters long: "MG" followed by 32 hexadecimal digits')
  })

  test("validates a page, its items under the profile", () => {
    const [item] = fc.sample(phoneNumber(), 1)
    expect(validatePhoneNumberPage({ phone_numbers: [item], meta: { key: "phone_numbers" } }, { profile: "strict" }).ok).toBe(true)
    const bad = validatePhoneNumberPage({ phone_numbers: [{ ...item, phone_number: "555" }] }, { profile: "strict" })
    expect(bad.ok ? [] : bad.issues.map((issue) => [issue.path, issue.rule])).toEqual([[["phone_numbers", 0, "phone_number"], "phone_number.e164"]])
  })
})

describe("validateCreatePhoneNumberRequest and phoneNumberTwilioError", () => {
  const answer = (serviceSid: unknown, body: unknown) => {
    const result = validateCreatePhoneNumberRequest({ serviceSid, body })
    if (result.ok) throw new Error("expected a failure")
    return phoneNumberTwilioError(result)
  }

  test("decodes a valid request", () => {
    expect(validateCreatePhoneNumberRequest({ serviceSid: SERVICE, body: `PhoneNumberSid=${SID}&Other=1` })).toEqual({
      ok: true, value: { serviceSid: SERVICE, phoneNumberSid: SID }
    })
  })

  test("answers Twilio's codes with their exact messages", () => {
    expect(answer(SERVICE, "")).toEqual({ code: 20001, status: 400, message: "Missing required parameter PhoneNumberSid in the post body", more_info: "https://www.twilio.com/docs/errors/20001" })
    expect(answer(SERVICE, `PhoneNumberSid=${SID}&PhoneNumberSid=${SID}`).message).toBe("PhoneNumberSid must be given once; it was given 2 times")
    expect(answer(SERVICE, "PhoneNumberSid=SC" + "a".repeat(32))).toMatchObject({
      code: 21421,
      message: `You tried to add an invalid Phone Number SID or Short Code SID to a Messaging Service: PhoneNumberSid "SC${"a".repeat(32)}" must start with "PN" (upper case); a PN SID is "PN" followed by 32 hexadecimal digits`
    })
    expect(answer("MG1", `PhoneNumberSid=${SID}`)).toMatchObject({ code: 20404, status: 404, message: "The requested resource /v1/Services/MG1/PhoneNumbers was not found" })
  })
})
