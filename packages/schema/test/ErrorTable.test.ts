import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { errorTable, makeTwilioError, TwilioError } from "@shortcode-kit/schema"

describe("errorTable", () => {
  it("has Twilio's rate-limit and server errors with their statuses and Twilio's wording", () => {
    const pick = (code: 20429 | 20500 | 20503) => ({ status: errorTable[code].status, message: errorTable[code].message })
    expect([pick(20429), pick(20500), pick(20503)]).toStrictEqual([
      { status: 429, message: "Too Many Requests" },
      { status: 500, message: "Internal Server Error" },
      { status: 503, message: "Service Unavailable" }
    ])
  })

  it("makes their error bodies, documented at Twilio's error pages", () => {
    expect(Schema.encodeSync(TwilioError)(makeTwilioError(20429))).toStrictEqual({
      code: 20429,
      message: "Too Many Requests",
      more_info: "https://www.twilio.com/docs/errors/20429",
      status: 429
    })
    expect(errorTable[20503].source).toBe("Twilio error dictionary, https://www.twilio.com/docs/errors/20503")
  })

  it("keys every entry by its own code", () => {
    for (const [key, entry] of Object.entries(errorTable)) expect(entry.code).toBe(Number(key))
  })
})
