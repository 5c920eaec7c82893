// The conformance harness for PhoneNumbers (its target derived from the schema's group, its form faults the generic
// ones), against the emulator on 127.0.0.1 with a SQLite file: every check passes, under the strict profile.
import { checkNames, formatFailure, phoneNumbersTarget, runConformance } from "@shortcode-kit/validator/conformance"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

describe("runConformance with phoneNumbersTarget against the emulator", () => {
  it("passes every check with the strict profile", async () => {
    const account = await t.makeAccount(0)
    const memberSids: Array<string> = []
    for (let i = 0; i < 3; i++) {
      const created = await t.admin("POST", "/admin/phone-numbers", { account_sid: account.accountSid, phone_number: `+1415555${String(1000 + i)}` })
      expect(created.status, created.text).toBe(201)
      memberSids.push((created.json as { sid: string }).sid)
    }
    const report = await runConformance({
      target: phoneNumbersTarget,
      baseUrl: t.url,
      accountSid: account.accountSid,
      authToken: account.authToken,
      serviceSid: account.serviceSid,
      memberSids,
      strict: true,
      publicBaseUrl: "https://messaging.twilio.com",
      runs: 10,
      timeLimitMs: 20_000
    })
    expect(report.checks.filter((check) => check.status !== "passed").map((check) => [check.name, ...check.failures.map((failure) => formatFailure(report, failure))])).toStrictEqual([])
    // Every check of the harness ran and sent requests to the PhoneNumbers paths.
    expect(report.checks.map((check) => check.name)).toStrictEqual([...checkNames])
    expect(report.checks.filter((check) => check.requests === 0)).toStrictEqual([])
  })
})
