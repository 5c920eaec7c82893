// Each response check on single answers: what passes, and for what fails, the exact sentence the report shows.
import { corsHeaders } from "@shortcode-kit/schema/http"
import { describe, expect, it } from "vitest"
import type { ResponseCheckName } from "../../src/conformance/Checks.js"
import { expectError, expectSuccess, type Expectation } from "../../src/conformance/Expectation.js"
import type { Exchange } from "../../src/conformance/Http.js"
import { judgeResponse } from "../../src/conformance/Oracles.js"
import { shortCodesTarget } from "../../src/conformance/ShortCodesTarget.js"
import { MG, SC, strictShortCode, twilioError404 } from "../fixtures.js"

const url = `http://127.0.0.1:4010/v1/Services/${MG}/ShortCodes/${SC}`

const exchange = (status: number, body: unknown, expected: Expectation, headers: Record<string, string> = {}): Exchange => ({
  step: "fetch",
  request: { method: "GET", url, headers: {}, body: null, auth: "the account's credentials" },
  response: {
    status,
    headers: { "content-type": "application/json", ...Object.fromEntries(Object.entries(corsHeaders).map(([name, value]) => [name.toLowerCase(), value])), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body)
  },
  error: null,
  expected,
  curl: `curl '${url}'`
})

const fetched = expectSuccess(200, "ShortCode", `${SC} was added above`)
const gone = expectError(404, 20404, `${SC} was removed above`)
const judge = (check: ResponseCheckName, e: Exchange) => judgeResponse(check, e, { strictBaseUrl: undefined, resource: shortCodesTarget })

describe("the response checks", () => {
  it("pass a conforming 200 ShortCode and a conforming 404 Twilio error", () => {
    for (const check of ["not_a_server_error", "status_code_conformance", "content_type_conformance", "cors_headers", "response_schema_conformance"] as const) {
      expect(judge(check, exchange(200, strictShortCode, fetched)), check).toBeUndefined()
      expect(judge(check, exchange(404, twilioError404, gone)), check).toBeUndefined()
    }
  })

  it("an answer that never came fails every check, saying why", () => {
    const lost: Exchange = { ...exchange(200, "", fetched), response: null, error: "no answer within 50 ms" }
    expect(judge("cors_headers", lost)).toStrictEqual({
      message: `GET ${url} got no answer: no answer within 50 ms`,
      expected: `200 with a ShortCode: ${SC} was added above`,
      received: "no answer within 50 ms"
    })
  })

  it("not_a_server_error: a 5xx", () => {
    expect(judge("not_a_server_error", exchange(503, twilioError404, gone))?.message).toBe(`a server error: GET ${url} answered 503`)
  })

  it("status_code_conformance: the status, the Twilio code, and the status in the body", () => {
    expect(judge("status_code_conformance", exchange(200, strictShortCode, gone))?.message).toBe(`wrong status: GET ${url} answered 200, expected 404`)
    expect(judge("status_code_conformance", exchange(404, { ...twilioError404, code: 20001 }, gone))?.message).toBe("wrong Twilio error code: expected 20404, the body has 20001")
    expect(judge("status_code_conformance", exchange(404, "Not Found", gone))?.message).toBe("wrong Twilio error code: expected 20404, the body has no code (not a JSON object)")
    expect(judge("status_code_conformance", exchange(404, { ...twilioError404, status: 400 }, gone))?.message).toBe("the error body says status 400 but the answer's status is 404")
  })

  it("content_type_conformance: the media type, JSON that parses, and no body on a 204", () => {
    expect(judge("content_type_conformance", exchange(200, strictShortCode, fetched, { "content-type": "application/json; charset=utf-8" }))).toBeUndefined()
    expect(judge("content_type_conformance", exchange(404, twilioError404, gone, { "content-type": "text/html" }))?.message).toBe(`the body is not labelled application/json (Content-Type "text/html")`)
    expect(judge("content_type_conformance", exchange(200, "{", fetched))?.message).toMatch(/^the body is labelled application\/json but is not JSON: /)
    expect(judge("content_type_conformance", exchange(204, "x", expectSuccess(204, "empty", "removed")))?.message).toBe("a 204 answer must have no body")
    expect(judge("content_type_conformance", exchange(200, "", fetched))?.message).toBe("a 200 answer without a body: a JSON body was expected")
  })

  it("cors_headers: each of the five, present and with the API's values (lists compared as sets)", () => {
    expect(judge("cors_headers", exchange(200, strictShortCode, fetched, { "access-control-allow-methods": "options, delete, post, get" }))).toBeUndefined()
    const missing = exchange(404, twilioError404, gone)
    delete (missing.response?.headers as Record<string, string>)["access-control-allow-origin"]
    expect(judge("cors_headers", missing)?.message).toBe("CORS headers: Access-Control-Allow-Origin is missing (on a 404 answer)")
    expect(judge("cors_headers", exchange(200, strictShortCode, fetched, { "access-control-allow-credentials": "true" }))?.message).toBe(
      `CORS headers: Access-Control-Allow-Credentials is "true", expected "false" (on a 200 answer)`
    )
  })

  it("response_schema_conformance: ShortCode by the spec profile, the strict one when asked, TwilioError for errors", () => {
    expect(judge("response_schema_conformance", exchange(200, { ...strictShortCode, sid: "SC12" }, fetched))?.message).toBe(
      `the body is not a ShortCode (spec profile): sid: sid.length: must be exactly 34 characters long: "SC" followed by 32 hexadecimal digits (expected "SC" followed by 32 hexadecimal digits; received "SC12")`
    )
    const local = judgeResponse("response_schema_conformance", exchange(200, strictShortCode, fetched), { strictBaseUrl: "http://127.0.0.1:4010", resource: shortCodesTarget })
    expect(local?.message).toMatch(/^the body is not a ShortCode of the strict profile: url: url\.canonical: /)
    expect(judge("response_schema_conformance", exchange(404, { code: 20404, message: "x" }, gone))?.message).toMatch(/^the error body is not a TwilioError: more_info: required: /)
    // The wording after the rule id is the validator's own (tested with it); here, that the page's issue is passed on.
    expect(judge("response_schema_conformance", exchange(200, { short_codes: [{ ...strictShortCode, account_sid: 1 }] }, expectSuccess(200, "ShortCodePage", "listed")))?.message).toMatch(
      /^the body is not a page of ShortCodes \(spec profile\): short_codes\[0\]\.account_sid: type: .*; received 1\)$/
    )
  })
})
