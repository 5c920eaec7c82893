import { describe, expect, it } from "vitest"
import { expectStrictShortCode, expectValidAgainstSpec, type SpecSchemaName, specErrors } from "./spec.js"

// The checks every success body goes through must be able to fail, or the suite proves nothing.
describe("the spec checks used by the suite", () => {
  const valid = {
    sid: `SC${"a".repeat(32)}`,
    account_sid: `AC${"a".repeat(32)}`,
    service_sid: `MG${"a".repeat(32)}`,
    date_created: "2015-07-30T20:12:31Z",
    date_updated: "2015-07-30T20:12:33Z",
    short_code: "12345",
    country_code: "US",
    capabilities: ["SMS"],
    url: `https://messaging.twilio.com/v1/Services/MG${"a".repeat(32)}/ShortCodes/SC${"a".repeat(32)}`
  }

  it("accepts the documentation's example and nulls where the spec says nullable", () => {
    expectValidAgainstSpec("messaging.v1.service.short_code", valid)
    expectValidAgainstSpec("messaging.v1.service.short_code", { ...valid, short_code: null, capabilities: null })
    expectStrictShortCode(valid)
  })

  it("rejects a malformed SID, a non-URI url and a non-string capability (ajv)", () => {
    const keywords = (name: SpecSchemaName, body: unknown) => specErrors(name, body).map((e) => `${e.instancePath} ${e.keyword}`)
    expect(keywords("messaging.v1.service.short_code", { ...valid, sid: "SC1" })).toEqual(["/sid minLength", "/sid pattern"])
    expect(keywords("messaging.v1.service.short_code", { ...valid, url: "not a uri" })).toEqual(["/url format"])
    expect(keywords("messaging.v1.service.short_code", { ...valid, capabilities: [1] })).toEqual(["/capabilities/0 type"])
    expect(keywords("messaging.v1.service", { validity_period: "long" })).toEqual(["/validity_period type"])
    expect(keywords("messaging.v1.service", { inbound_method: "PUT" })).toEqual(["/inbound_method enum"])
    expect(() => expectValidAgainstSpec("messaging.v1.service.short_code", { ...valid, sid: 1 })).toThrow(/not a valid/)
  })

  it("rejects a url that is not the resource's own, and a null sid (strict profile)", () => {
    expect(() => expectStrictShortCode({ ...valid, url: "https://messaging.twilio.com/v1/Services/x" })).toThrow()
    expect(() => expectStrictShortCode({ ...valid, sid: null })).toThrow()
    expect(() => expectStrictShortCode(valid, "http://127.0.0.1:4010")).toThrow()
  })
})
