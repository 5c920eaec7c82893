// The Twilio codes of each error response are data on the contract, so tools read them instead of restating them.
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { createShortCode, TwilioErrorMethodNotAllowed, twilioErrorCodesOf, twilioErrorResponse, TwilioErrorUnauthorized } from "@shortcode-kit/schema/http"

describe("twilioErrorCodesOf", () => {
  it("reads the codes each declared error response was given, in order", () => {
    expect([...createShortCode.error].map(twilioErrorCodesOf)).toStrictEqual([[20001, 21421, 21714], [20404], [21710, 21712], []])
    expect(twilioErrorCodesOf(TwilioErrorUnauthorized)).toStrictEqual([20003])
    expect(twilioErrorCodesOf(TwilioErrorMethodNotAllowed)).toStrictEqual([20004])
    expect(twilioErrorCodesOf(twilioErrorResponse(404, "Not found", [20404]).annotate({ title: "x" }))).toStrictEqual([20404])
  })
  it("is empty for a schema that is not a Twilio error response", () => {
    expect(twilioErrorCodesOf(Schema.String)).toStrictEqual([])
  })
})
