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
    // The library names each camelCase key (wire.sdk-key); the CLI then adds no summary of its own.
    const sdkKey = (domain: string, wire: string, value: string) =>
      `  ${domain}: wire.sdk-key: is the twilio SDK's name of ${wire}: a wire body names it ${wire}; validate an SDK ShortCodeInstance (or its toJSON()) with validateShortCodeInstance (expected ${wire}; received ${JSON.stringify(value)})`
    expect(lines(stdout)).toStrictEqual([
      "invalid short-code (spec profile): 6 issues",
      sdkKey("accountSid", "account_sid", AC),
      sdkKey("serviceSid", "service_sid", MG),
      sdkKey("dateCreated", "date_created", sdkJson.dateCreated),
      sdkKey("dateUpdated", "date_updated", sdkJson.dateUpdated),
      sdkKey("shortCode", "short_code", "12345"),
      sdkKey("countryCode", "country_code", "US")
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
