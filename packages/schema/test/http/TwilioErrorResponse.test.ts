// The Twilio codes of each error response are data on the contract, so tools read them instead of restating them.
import { Schema, SchemaAST } from "effect"
import { describe, expect, it } from "vitest"
import { inputErrors, moreInfoUrl } from "@shortcode-kit/schema"
import {
  createShortCode,
  inputErrorResponse,
  listShortCodes,
  TwilioErrorMethodNotAllowed,
  twilioErrorCodesOf,
  twilioErrorResponse,
  TwilioErrorUnauthorized
} from "@shortcode-kit/schema/http"

describe("twilioErrorCodesOf", () => {
  it("reads the codes each declared error response was given, in order", () => {
    expect([...createShortCode.error].map(twilioErrorCodesOf)).toStrictEqual([[20001, 21421, 21714], [20404], [21710, 21712], [20001]])
    expect(twilioErrorCodesOf(TwilioErrorUnauthorized)).toStrictEqual([20003])
    expect(twilioErrorCodesOf(TwilioErrorMethodNotAllowed)).toStrictEqual([20004])
    expect(twilioErrorCodesOf(twilioErrorResponse(404, "Not found", [20404]).annotate({ title: "x" }))).toStrictEqual([20404])
  })
  it("the answers any request can meet are rows of inputErrors: their status, their code, their message", () => {
    const rows = [
      [TwilioErrorUnauthorized, "credentials"],
      [TwilioErrorMethodNotAllowed, "method.not-allowed"],
      [[...createShortCode.error].at(-1)!, "body.too-large"],
      [[...listShortCodes.error].at(-1)!, "parameter.invalid"]
    ] as const
    for (const [schema, row] of rows) {
      const { status, code, message } = inputErrors[row]
      expect(twilioErrorCodesOf(schema), row).toStrictEqual([code])
      const body = (answered: number) => ({ code, message: "m", moreInfo: new URL(moreInfoUrl(code)), status: answered })
      expect(Schema.is(schema)(body(status)), row).toBe(true)
      expect(Schema.is(schema)(body(status === 400 ? 413 : 400)), row).toBe(false)
      expect(SchemaAST.resolve(schema.ast)?.description, row).toContain(`Twilio error ${code} "${message}"`)
    }
  })
  it("describes a row's answer with the summary first", () => {
    expect(SchemaAST.resolve(inputErrorResponse("body.too-large", "Too large").ast)?.description).toBe(
      'Too large. Twilio error 20001 "Request body too large: the limit is {limit} bytes"'
    )
  })
  it("is empty for a schema that is not a Twilio error response", () => {
    expect(twilioErrorCodesOf(Schema.String)).toStrictEqual([])
  })
})
