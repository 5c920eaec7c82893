// Reading what the SDK throws: Twilio's error answers (any body the published arbitrary draws), lost connections,
// and everything else, which is a bug and must not be mistaken for a failure to retry.
import { test } from "@fast-check/vitest"
import { errorTable } from "@shortcode-kit/schema"
import { twilioError } from "@shortcode-kit/validator/arbitraries"
import fc from "fast-check"
import twilio from "twilio"
import { describe, expect, it } from "vitest"
import { isTransient, mayHaveHappened, parseRetryAfter, parseSdkError } from "../src/index.js"

// What the SDK throws for an error answer: a RestException built from the response.
const restException = (status: number, body: unknown) => new twilio.RestException({ statusCode: status, body: JSON.stringify(body) })

describe("parseSdkError", () => {
  test.prop([twilioError(), fc.option(fc.nat(86_400), { nil: undefined })], { numRuns: 200 })(
    "reads status, code, message and Retry-After of every Twilio error answer",
    (body, retryAfter) => {
      const headers = retryAfter === undefined ? {} : { "retry-after": String(retryAfter) }
      expect(parseSdkError(restException(body.status, body), headers)).toEqual({
        _tag: "TwilioAnswer",
        status: body.status,
        code: body.code,
        message: body.message,
        ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter * 1000 })
      })
    }
  )

  test.prop([twilioError()], { numRuns: 100 })("calls an answer transient exactly when it is a rate limit or a server error", (body) => {
    const failure = parseSdkError(restException(body.status, body))
    const transient: ReadonlyArray<number> = [20429, 20500, 20503].map((code) => errorTable[code as keyof typeof errorTable].status)
    expect(failure !== undefined && isTransient(failure)).toBe(transient.includes(body.status))
  })

  it("reads an answer whose body is not JSON as its status with no code", () => {
    const failure = parseSdkError(new twilio.RestException({ statusCode: 502, body: "<html>Bad Gateway</html>" }))
    expect(failure).toEqual({ _tag: "TwilioAnswer", status: 502, code: undefined, message: "[HTTP 502] Failed to execute request" })
  })

  test.prop([fc.constantFrom("ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ECONNABORTED")])(
    "reads node's and axios's broken connections as lost, transient, and possibly carried out",
    (code) => {
      const failure = parseSdkError(Object.assign(new Error("socket hang up"), { code }))
      expect(failure).toEqual({ _tag: "ConnectionLost", code, message: "socket hang up" })
      expect(isTransient(failure!)).toBe(true)
      expect(mayHaveHappened(failure!)).toBe(true)
    }
  )

  test.prop([fc.oneof(fc.anything(), fc.string().map((message) => new TypeError(message)))], { numRuns: 100 })(
    "refuses to read anything else (a bug is rethrown, not retried)",
    (thrown) => {
      expect(parseSdkError(thrown)).toBeUndefined()
    }
  )
})

describe("parseRetryAfter", () => {
  it("reads delay-seconds and HTTP dates, and ignores anything else", () => {
    const now = Date.parse("2024-01-01T00:00:00Z")
    expect(parseRetryAfter("7", now)).toBe(7000)
    expect(parseRetryAfter(" 0 ", now)).toBe(0)
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:00:03 GMT", now)).toBe(3000)
    expect(parseRetryAfter("Sun, 31 Dec 2023 23:59:00 GMT", now)).toBe(0)
    expect(parseRetryAfter("soon", now)).toBeUndefined()
    expect(parseRetryAfter("-1", now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })
})
