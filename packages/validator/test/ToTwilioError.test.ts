import { validateTwilioError, toTwilioError, validateCreateShortCodeRequest } from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"
import { MG, SC } from "./fixtures.js"

const errorFor = (serviceSid: unknown, body: unknown) => {
  const result = validateCreateShortCodeRequest({ serviceSid, body })
  if (result.ok) throw new Error("expected an invalid request")
  return toTwilioError(result)
}

describe("toTwilioError", () => {
  it("a bad ServiceSid is 404 20404 naming the resource, whatever the body", () => {
    expect(errorFor("MG1", "")).toStrictEqual({
      code: 20404,
      message: "The requested resource /v1/Services/MG1/ShortCodes was not found",
      more_info: "https://www.twilio.com/docs/errors/20404",
      status: 404
    })
  })

  it("a missing or empty ShortCodeSid is 400 20001", () => {
    const missing = {
      code: 20001,
      message: "Missing required parameter ShortCodeSid in the post body",
      more_info: "https://www.twilio.com/docs/errors/20001",
      status: 400
    }
    expect(errorFor(MG, "FriendlyName=x")).toStrictEqual(missing)
    expect(errorFor(MG, "ShortCodeSid=")).toStrictEqual(missing)
  })

  it("a repeated ShortCodeSid is 400 20001 saying so", () => {
    expect(errorFor(MG, `ShortCodeSid=${SC}&ShortCodeSid=${SC}`)).toStrictEqual({
      code: 20001,
      message: "ShortCodeSid must be given once; it was given 2 times",
      more_info: "https://www.twilio.com/docs/errors/20001",
      status: 400
    })
  })

  it("a malformed ShortCodeSid is 400 21421 naming the parameter and the reason", () => {
    expect(errorFor(MG, `ShortCodeSid=SC${"a".repeat(31)}`)).toStrictEqual({
      code: 21421,
      message: `You tried to add an invalid Phone Number SID or Short Code SID to a Messaging Service: ShortCodeSid "SC${"a".repeat(31)}" must be exactly 34 characters long: "SC" followed by 32 hexadecimal digits`,
      more_info: "https://www.twilio.com/docs/errors/21421",
      status: 400
    })
    expect(errorFor(MG, { ShortCodeSid: 5 }).code).toBe(21421)
  })

  it("a body that is not a form is 400 20001", () => {
    expect(errorFor(MG, 42)).toStrictEqual({
      code: 20001,
      message: "Invalid parameter: the body must be a form body: a string, URLSearchParams, or a record of string or string[] values",
      more_info: "https://www.twilio.com/docs/errors/20001",
      status: 400
    })
  })

  it("an issue at another parameter is 400 20001 naming it, worded as the emulator words parameters", () => {
    expect(errorFor(MG, { ShortCodeSid: SC, A: 1 })).toStrictEqual({
      code: 20001,
      message: "Invalid parameter: A. A must be a string, or an array of strings when the parameter is repeated",
      more_info: "https://www.twilio.com/docs/errors/20001",
      status: 400
    })
  })

  it("every answer is a valid TwilioError body", () => {
    for (const [serviceSid, body] of [["x", ""], [MG, ""], [MG, "ShortCodeSid=1"], [MG, 1], [MG, { A: 1 }]] as const) {
      expect(validateTwilioError(errorFor(serviceSid, body)).ok).toBe(true)
    }
  })

  it("refuses a successful result: there is no error to answer", () => {
    const ok = validateCreateShortCodeRequest({ serviceSid: MG, body: `ShortCodeSid=${SC}` })
    expect(() => toTwilioError(ok as never)).toThrow(TypeError)
  })
})
