import { assertTwilioError, validateTwilioError, ValidationError } from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"
import { twilioError404 } from "./fixtures.js"

describe("validateTwilioError", () => {
  it("accepts Twilio's error body and decodes more_info", () => {
    expect(validateTwilioError(twilioError404)).toStrictEqual({
      ok: true,
      value: { code: 20404, message: twilioError404.message, moreInfo: new URL(twilioError404.more_info), status: 404 }
    })
  })

  it("lists every problem", () => {
    const result = validateTwilioError({ code: "20404", more_info: "/docs/errors/20404", status: 99 })
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.rule])).toStrictEqual([
      [["code"], "type"],
      [["message"], "required"],
      [["more_info"], "format.uri"],
      [["status"], "status.range"]
    ])
  })

  it("assertTwilioError", () => {
    expect(assertTwilioError(twilioError404).status).toBe(404)
    expect(() => assertTwilioError({})).toThrow(ValidationError)
  })
})
