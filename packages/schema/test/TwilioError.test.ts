import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { errorTable, makeTwilioError, TwilioError } from "@shortcode-kit/schema"
import { issuesOf } from "./support/issues.js"

describe("TwilioError", () => {
  it("round-trips a Twilio error body", () => {
    const wire = { code: 20404, message: "The requested resource /v1/Services/MGx was not found", more_info: "https://www.twilio.com/docs/errors/20404", status: 404 }
    expect(Schema.encodeSync(TwilioError)(Schema.decodeUnknownSync(TwilioError)(wire))).toEqual(wire)
  })

  it("makes the body of each table entry with its status and documentation link", () => {
    for (const entry of Object.values(errorTable)) {
      const wire = Schema.encodeSync(TwilioError)(makeTwilioError(entry.code, "ShortCodeSid"))
      expect(wire.status).toBe(entry.status)
      expect(wire.more_info).toBe(`https://www.twilio.com/docs/errors/${entry.code}`)
      expect(entry.source.length).toBeGreaterThan(10)
    }
    expect(makeTwilioError(20001, "ShortCodeSid").message).toBe("Invalid parameter: ShortCodeSid")
    expect(makeTwilioError(20404).message).toBe("The requested resource was not found")
  })

  it("rejects a status outside 100-599 and a code that is not an integer, each under its rule", () => {
    expect(issuesOf(TwilioError, { code: 1.5, message: "m", more_info: "https://x.example/", status: 600 })).toStrictEqual([
      { path: ["code"], rule: "integer", message: "must be a whole number", expected: "integer", received: "1.5" },
      { path: ["status"], rule: "status.range", message: "must be an HTTP status code from 100 to 599", expected: "100..599", received: "600" }
    ])
  })
})
