// The conformance harness for AlphaSenders (a collection whose create form carries a value and whose service mints
// the member), its target derived from the schema's group and the validator's arbitraries, against the emulator on
// 127.0.0.1 with a SQLite file: every check passes, under the strict profile, and the service is left as it was.
import { alphaSendersTarget, checkNames, formatFailure, runConformance } from "@shortcode-kit/validator/conformance"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

describe("runConformance with alphaSendersTarget against the emulator", () => {
  it("passes every check with the strict profile, and leaves the service without an alpha sender", async () => {
    const account = await t.makeAccount(0)
    const report = await runConformance({
      target: alphaSendersTarget,
      baseUrl: t.url,
      accountSid: account.accountSid,
      authToken: account.authToken,
      serviceSid: account.serviceSid,
      strict: true,
      runs: 10,
      timeLimitMs: 20_000
    })
    expect(report.checks.filter((check) => check.status !== "passed").map((check) => [check.name, ...check.notes, ...check.failures.map((failure) => formatFailure(report, failure))])).toStrictEqual([])
    expect(report.checks.map((check) => check.name)).toStrictEqual([...checkNames])
    expect(report.checks.filter((check) => check.requests === 0)).toStrictEqual([])
    expect(report.cleanup).toStrictEqual({ restored: true, problems: [] })
    const listed = await fetch(`${t.url}/v1/Services/${account.serviceSid}/AlphaSenders`, {
      headers: { Authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}` }
    })
    expect(((await listed.json()) as { alpha_senders: ReadonlyArray<unknown> }).alpha_senders).toStrictEqual([])
  })
})
