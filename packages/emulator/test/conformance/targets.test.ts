// The conformance harness for every target the validator exports (each derived from its resource's declaration),
// against the emulator on 127.0.0.1 with a SQLite file: every check runs, sends requests and passes under the strict
// profile, and the service is left as it was. A target's members, if it takes any, come from the admin inventory.
import * as Conformance from "@shortcode-kit/validator/conformance"
import { alphaSendersTarget, checkNames, formatFailure, phoneNumbersTarget, runConformance, shortCodesTarget } from "@shortcode-kit/validator/conformance"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

/** Three senders of the account's inventory in no service, through `POST /admin/<path>`. */
const inventory = (path: string, number: (i: number) => Record<string, string>) => async (account: TestAccount): Promise<ReadonlyArray<string>> => {
  const sids: Array<string> = []
  for (let i = 0; i < 3; i++) {
    const created = await t.admin("POST", path, { account_sid: account.accountSid, ...number(i) })
    expect(created.status, created.text).toBe(201)
    sids.push((created.json as { sid: string }).sid)
  }
  return sids
}

// Every target, with how its members are made (none for a collection whose service mints them from text).
const TARGETS = [
  { target: shortCodesTarget, members: inventory("/admin/short-codes", (i) => ({ short_code: String(20_000 + i) })) },
  { target: phoneNumbersTarget, members: inventory("/admin/phone-numbers", (i) => ({ phone_number: `+1415555${String(1000 + i)}` })) },
  { target: alphaSendersTarget, members: undefined }
]

describe("the table of targets", () => {
  it("lists every target the conformance entry exports", () => {
    const exported = Object.values(Conformance).filter((value) => typeof value === "object" && value !== null && "pageKey" in value && "member" in value)
    expect(exported.length).toBe(TARGETS.length)
    for (const { target } of TARGETS) expect(exported).toContain(target)
  })
})

describe.each(TARGETS)("runConformance with the $target.name target against the emulator", ({ target, members }) => {
  it("passes every check with the strict profile, and leaves the service as it was", async () => {
    const account = await t.makeAccount(0)
    const memberSids = members === undefined ? undefined : await members(account)
    const report = await runConformance({
      target,
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
    expect(report.checks.filter((check) => check.status !== "passed").map((check) => [check.name, ...check.notes, ...check.failures.map((failure) => formatFailure(report, failure))])).toStrictEqual([])
    expect(report.checks.map((check) => check.name)).toStrictEqual([...checkNames])
    expect(report.checks.filter((check) => check.requests === 0)).toStrictEqual([])
    expect(report.cleanup).toStrictEqual({ restored: true, problems: [] })
    const listed = await t.twilio(account, "GET", target.collectionPath(account.serviceSid))
    expect((listed.json as Record<string, unknown>)[target.pageKey], listed.text).toStrictEqual([])
  })
})
