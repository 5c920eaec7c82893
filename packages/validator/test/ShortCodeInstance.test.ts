import { fc, test } from "@fast-check/vitest"
import { assertShortCodeInstance, validateShortCode, validateShortCodeInstance, ValidationError, type ValidationIssue } from "@shortcode-kit/validator"
import { invalidShortCodeWire, shortCodeWire } from "@shortcode-kit/validator/arbitraries"
import { describe, expect, it } from "vitest"
import { AC, MG, SC, sdkInstance, sdkNameOf, wireShortCode } from "./sdk/support.js"

const strict = { profile: "strict" } as const
const SID_SHAPE = (prefix: string) => `"${prefix}" followed by 32 hexadecimal digits`
const toSdkPath = (issue: ValidationIssue): ValidationIssue => {
  const [head, ...rest] = issue.path
  return { ...issue, path: [typeof head === "string" ? sdkNameOf[head] ?? head : head as number, ...rest] }
}
// The SDK reads a date it cannot parse as the text, and an impossible, zone-less or RFC 2822 one as another real
// Date (Feb 30 is Mar 2): what it changed is out of an instance's reach (the httpClient wrapper sees the raw body).
// And it cannot build an instance of what is not an object.
const sdkCanCarry = (path: ReadonlyArray<string | number>) => path.length > 0 && path[0] !== "date_created" && path[0] !== "date_updated"

describe("validateShortCodeInstance: the twilio SDK's ShortCodeInstance", () => {
  it("accepts the SDK's instance of a valid body and decodes it, as validateShortCode decodes the body", () => {
    const wire = wireShortCode(SC)
    const instance = sdkInstance(wire)
    const result = validateShortCodeInstance(instance, strict)
    expect(result).toStrictEqual(validateShortCode(wire, strict))
    expect(result.ok && result.value.accountSid).toBe(AC)
    expect(validateShortCodeInstance(instance.toJSON(), strict)).toStrictEqual(result)
  })

  it("reports a broken account_sid under the SDK's name, accountSid", () => {
    const instance = sdkInstance({ ...wireShortCode(SC), account_sid: "AC12" })
    const issue = {
      path: ["accountSid"], rule: "sid.length", message: `must be exactly 34 characters long: ${SID_SHAPE("AC")}`, expected: SID_SHAPE("AC"), received: "\"AC12\""
    }
    expect(validateShortCodeInstance(instance)).toStrictEqual({ ok: false, issues: [issue] })
    expect(validateShortCodeInstance(instance.toJSON())).toStrictEqual({ ok: false, issues: [issue] })
  })

  it("reports a missing short_code (strict) as a missing shortCode", () => {
    const { short_code: _, ...wire } = wireShortCode(SC)
    expect(validateShortCodeInstance(sdkInstance(wire), strict)).toStrictEqual({
      ok: false, issues: [{ path: ["shortCode"], rule: "required", message: "is required", expected: "a value", received: "(missing)" }]
    })
  })

  it("reports a date the SDK could not parse, kept as text, at dateCreated", () => {
    const instance = sdkInstance({ ...wireShortCode(SC), date_created: "yesterday" })
    expect(instance.dateCreated).toBe("yesterday")
    expect(validateShortCodeInstance(instance)).toMatchObject({
      ok: false, issues: [{ path: ["dateCreated"], rule: "format.date-time", received: "\"yesterday\"" }]
    })
  })

  it("reports a Date with milliseconds (what the SDK makes of a missing date: the current time) as date.representable", () => {
    const dateCreated = new Date(Date.UTC(2015, 6, 30, 20, 12, 31, 5))
    expect(validateShortCodeInstance({ ...sdkInstance(wireShortCode(SC)).toJSON(), dateCreated })).toMatchObject({
      ok: false, issues: [{ path: ["dateCreated"], rule: "date.representable", received: "2015-07-30T20:12:31.005Z" }]
    })
  })

  it("refuses a wire-keyed object with a clear issue per wire name, never a silent success", () => {
    const wire = wireShortCode(SC)
    const result = validateShortCodeInstance(wire)
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.rule])).toStrictEqual([
      [["account_sid"], "instance.wire-key"],
      [["service_sid"], "instance.wire-key"],
      [["date_created"], "instance.wire-key"],
      [["date_updated"], "instance.wire-key"],
      [["short_code"], "instance.wire-key"],
      [["country_code"], "instance.wire-key"]
    ])
    expect(result.ok ? undefined : result.issues[0]).toStrictEqual({
      path: ["account_sid"],
      rule: "instance.wire-key",
      message: "is the wire name of accountSid: the twilio SDK's ShortCodeInstance names it accountSid; validate wire JSON with validateShortCode",
      expected: "accountSid",
      received: `"${AC}"`
    })
  })

  it("refuses what is not an object, and throws only for malformed options", () => {
    expect(validateShortCodeInstance("SC")).toStrictEqual({
      ok: false, issues: [{ path: [], rule: "type", message: "must be a twilio ShortCodeInstance or its toJSON(), an object", expected: "object", received: "\"SC\"" }]
    })
    expect(() => validateShortCodeInstance({}, { profile: "lenient" as "spec" })).toThrow(
      new TypeError("validateShortCodeInstance: profile must be \"spec\" or \"strict\", received \"lenient\"")
    )
  })

  it("turns a throwing getter into an issue", () => {
    const instance = Object.defineProperty({ sid: SC }, "accountSid", { enumerable: true, get: () => { throw new Error("boom") } })
    expect(validateShortCodeInstance(instance)).toStrictEqual({
      ok: false, issues: [{ path: ["accountSid"], rule: "type", message: "could not be read (boom); expected plain JSON data", expected: "plain JSON data", received: "(unreadable)" }]
    })
  })

  it("answers a revoked proxy with an issue instead of throwing", () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const result = validateShortCodeInstance(proxy)
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.rule, issue.received])).toStrictEqual([[[], "type", "(unreadable)"]])
  })

  it("assertShortCodeInstance throws a ValidationError listing the SDK paths", () => {
    expect(() => assertShortCodeInstance({ sid: SC, serviceSid: "MG1" })).toThrow(ValidationError)
    expect(() => assertShortCodeInstance({ sid: SC, serviceSid: "MG1" })).toThrow(/serviceSid: sid\.length/)
  })
})

describe("validateShortCode: an SDK instance's toJSON() no longer passes silently", () => {
  it("reports each camelCase key of the SDK as wire.sdk-key, pointing to validateShortCodeInstance", () => {
    const json = sdkInstance(wireShortCode(SC)).toJSON()
    const result = validateShortCode(json)
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.issues.map((issue) => issue.path[0])).toStrictEqual(
      ["accountSid", "serviceSid", "dateCreated", "dateUpdated", "shortCode", "countryCode"]
    )
    expect(result.ok ? undefined : result.issues[1]).toStrictEqual({
      path: ["serviceSid"],
      rule: "wire.sdk-key",
      message: "is the twilio SDK's name of service_sid: a wire body names it service_sid; validate an SDK ShortCodeInstance (or its toJSON()) with validateShortCodeInstance",
      expected: "service_sid",
      received: `"${MG}"`
    })
  })

  it("still ignores a camelCase key next to its wire key (an unknown extra property)", () => {
    expect(validateShortCode({ ...wireShortCode(SC), accountSid: "anything" }, strict).ok).toBe(true)
  })
})

describe("properties, with the SDK's own ShortCodeInstance", () => {
  test.prop([fc.oneof(shortCodeWire({ nulls: true }), shortCodeWire({ profile: "strict" }))], { numRuns: 100 })(
    "the instance of any valid body validates, decoded as its body",
    (wire) => {
      const instance = sdkInstance(wire)
      expect(validateShortCodeInstance(instance)).toStrictEqual(validateShortCode(wire))
      expect(validateShortCodeInstance(instance.toJSON())).toStrictEqual(validateShortCode(wire))
    }
  )

  test.prop([fc.oneof(invalidShortCodeWire(), invalidShortCodeWire(strict)).filter((miss) => sdkCanCarry(miss.path))], { numRuns: 100 })(
    "the instance of a near miss has the body's issues, under the SDK's names",
    (miss) => {
      const profile = validateShortCode(miss.value).ok ? strict : undefined
      const wire = validateShortCode(miss.value, profile)
      expect(wire.ok).toBe(false)
      const issues = wire.ok ? [] : wire.issues.map(toSdkPath)
      expect(validateShortCodeInstance(sdkInstance(miss.value), profile)).toStrictEqual({ ok: false, issues })
      expect(issues).toContainEqual(expect.objectContaining({ rule: miss.rule, path: toSdkPath({ path: miss.path } as ValidationIssue).path }))
    }
  )
})
