// The HTTP request arbitraries against a model of a Twilio-compatible server built from this package: if the
// fault table, toTwilioError and the generators ever disagree, these properties fail.
import { fc, test } from "@fast-check/vitest"
import {
  expectedFaultResponses,
  MAX_FORM_BODY_BYTES,
  toTwilioError,
  validateCreateShortCodeRequest
} from "@shortcode-kit/validator"
import {
  createShortCodeHttpRequest,
  type HttpRequestSample,
  invalidCreateShortCodeHttpRequest
} from "@shortcode-kit/validator/arbitraries"
import { describe, expect, it } from "vitest"

const MG = "MGbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/** What a server that follows this package answers: size limit, media type, then the request's parameters. */
const model = (request: HttpRequestSample): { status: number; code: number | null } => {
  if (Buffer.byteLength(request.body) > MAX_FORM_BODY_BYTES) return { status: 413, code: expectedFaultResponses["body.too-large"].code }
  const match = /^\/v1\/Services\/([^/]*)\/ShortCodes$/.exec(request.path)
  if (match === null) return { status: 404, code: 20404 }
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase()
  const body = type === "application/x-www-form-urlencoded" ? request.body : ""
  const result = validateCreateShortCodeRequest({ serviceSid: decodeURIComponent(match[1] as string), body })
  if (result.ok) return { status: 201, code: null }
  const error = toTwilioError(result)
  return { status: error.status, code: error.code }
}

describe("HTTP requests to the create endpoint", () => {
  test.prop([createShortCodeHttpRequest()])("valid requests expect 201 and are valid for the model", (request) => {
    expect(request.fault).toBeNull()
    expect(request.expect).toStrictEqual({ status: 201, code: null })
    expect(model(request)).toStrictEqual(request.expect)
  })

  test.prop([invalidCreateShortCodeHttpRequest()], { numRuns: 500 })("each fault expects what the model answers, from the fault table", (request) => {
    expect(request.fault).not.toBeNull()
    const table = expectedFaultResponses[request.fault as keyof typeof expectedFaultResponses]
    expect(request.expect).toStrictEqual({ status: table.status, code: table.code })
    expect(model(request)).toStrictEqual(request.expect)
    expect(request.method).toBe("POST")
  })

  test.prop([invalidCreateShortCodeHttpRequest({ serviceSid: MG, headers: { Authorization: "Basic abc" } })])(
    "options: the given service (except for path faults) and extra headers, lower-cased",
    (request) => {
      expect(request.headers["authorization"]).toBe("Basic abc")
      if (request.fault !== "path.malformed-service-sid") expect(request.path).toBe(`/v1/Services/${MG}/ShortCodes`)
    }
  )

  it("produces every fault of the table", () => {
    const faults = new Set(fc.sample(invalidCreateShortCodeHttpRequest(), { numRuns: 2000, seed: 11 }).map((request) => request.fault))
    expect([...faults].sort()).toStrictEqual(Object.keys(expectedFaultResponses).sort())
  })

  it("oversized bodies are just over the limit, with a valid ShortCodeSid", () => {
    const large = fc.sample(invalidCreateShortCodeHttpRequest(), { numRuns: 2000, seed: 5 }).filter((request) => request.fault === "body.too-large")
    expect(large.length).toBeGreaterThan(0)
    for (const request of large) {
      expect(Buffer.byteLength(request.body)).toBeGreaterThan(MAX_FORM_BODY_BYTES)
      expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(MAX_FORM_BODY_BYTES + 4096)
      expect(new URLSearchParams(request.body).getAll("ShortCodeSid")).toHaveLength(1)
    }
  })

  it("refuses malformed header options at once", () => {
    expect(() => createShortCodeHttpRequest({ headers: { "bad header": "x" } })).toThrow(TypeError)
  })
})
