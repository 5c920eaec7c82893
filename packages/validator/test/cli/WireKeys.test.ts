import { describe, expect, it } from "vitest"
import { AC, MG, SC, strictShortCode } from "../fixtures.js"
import { lines, run } from "./run.js"

const WIRE_KEYS = "sid, account_sid, service_sid, date_created, date_updated, short_code, country_code, capabilities, url"

// The keys of the twilio SDK's ShortCodeInstance.toJSON(): camelCase, with sid, capabilities and url as on the wire.
const sdkJson = {
  sid: SC,
  accountSid: AC,
  serviceSid: MG,
  dateCreated: "2015-07-30T20:12:31.000Z",
  dateUpdated: "2015-07-30T20:12:33.000Z",
  shortCode: "12345",
  countryCode: "US",
  capabilities: ["SMS"],
  url: strictShortCode.url
}

describe("shortcode-kit validate: documents without the resource's wire keys", () => {
  it("an SDK toJSON() with camelCase keys: exit 1, naming each camelCase key, its wire key, and the SDK-instance validation", async () => {
    const { code, stdout } = await run(["validate", "short-code"], JSON.stringify(sdkJson))
    expect(code).toBe(1)
    expect(lines(stdout)).toStrictEqual([
      "invalid short-code (spec profile): 1 issue",
      "  (root): wire.keys: has the twilio SDK's camelCase keys where the wire has snake_case ones (accountSid for account_sid, serviceSid for service_sid, dateCreated for date_created, dateUpdated for date_updated, shortCode for short_code, countryCode for country_code), so they were not checked: this looks like an SDK object or its toJSON(); validate the wire JSON Twilio sent, or validate the SDK instance shape in code with validateShortCodeInstance from @shortcode-kit/validator " +
      `(expected an object with the wire keys ${WIRE_KEYS}; received an object with the keys ${Object.keys(sdkJson).join(", ")})`
    ])
  })

  it("an object with none of the wire keys, and {}: exit 1 naming the expected wire keys", async () => {
    const [other, empty, page] = await Promise.all([
      run(["validate", "short-code", "--json"], JSON.stringify({ phone_number: "+15005550006" })),
      run(["validate", "short-code"], "{}"),
      run(["validate", "short-code-page"], JSON.stringify({ shortCodes: [] }))
    ])
    expect(other.code).toBe(1)
    expect(JSON.parse(other.stdout)).toStrictEqual({
      valid: false,
      issues: [{
        path: [],
        rule: "wire.keys",
        message: "has none of the short-code wire keys, so nothing in it could be checked",
        expected: `an object with the wire keys ${WIRE_KEYS}`,
        received: "an object with the keys phone_number"
      }]
    })
    expect(empty.code).toBe(1)
    expect(lines(empty.stdout)[1]).toBe(`  (root): wire.keys: has none of the short-code wire keys, so nothing in it could be checked (expected an object with the wire keys ${WIRE_KEYS}; received an object with no keys)`)
    expect(page.code).toBe(1)
    expect(lines(page.stdout)[1]).toContain("(shortCodes for short_codes)")
    expect(lines(page.stdout)[1]).toContain("expected an object with the wire keys short_codes, meta;")
  })

  it("a wire document with only some keys still passes the spec profile", async () => {
    expect(await run(["validate", "short-code"], JSON.stringify({ sid: SC }))).toStrictEqual({ code: 0, stdout: "valid short-code (spec profile)\n", stderr: "" })
  })
})
