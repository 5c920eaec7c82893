// A harness that never fails proves nothing. Behind a proxy that is transparent the example app passes every
// check; with each deliberately broken variant (a bug real implementations have), the check meant for it fails
// with a shrunk reproduction: curl commands, the answer received, what was expected, the seed and path, and
// replaying that seed and path fails the same way.
import { type ConformanceReport, formatFailure, runConformance } from "@shortcode-kit/validator/conformance"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { TestAccount } from "../support/testServer.js"
import { proxiedServer, transparent } from "./proxy.js"
import { setAcceptedCredentials, variants } from "./variants.js"

const ends = proxiedServer()

const optionsFor = (account: TestAccount) => ({
  baseUrl: ends.proxy.url,
  accountSid: account.accountSid,
  authToken: account.authToken,
  serviceSid: account.serviceSid,
  shortCodeSids: account.shortCodeSids,
  timeLimitMs: 15_000
})

/** Dates in bodies and page tokens (positions keep growing) are the only parts of a failure that differ in a replay. */
const withoutTimes = (text: string) =>
  text.replace(/\d{2}:\d{2}:\d{2}/g, "hh:mm:ss").replace(/\d{4}-\d{2}-\d{2}|\w{3}, \d{2} \w{3} \d{4}/g, "date").replace(/PageToken=P[AB][0-9a-fA-F]+/g, "PageToken=…")

describe("the proxy without a fault", () => {
  it("passes every check, with the strict profile on the address it is reached at", async () => {
    ends.proxy.fault = transparent
    const account = await ends.server.makeAccount(3)
    const report = await runConformance({ ...optionsFor(account), strict: true, runs: 15 })
    expect(report.checks.filter((check) => check.status !== "passed")).toStrictEqual([])
    expect(report.ok).toBe(true)
  })
})

describe.each(variants)("broken variant: $name", (variant) => {
  let report: ConformanceReport
  let account: TestAccount

  beforeAll(async () => {
    account = await ends.server.makeAccount(3)
    setAcceptedCredentials(account.accountSid, account.authToken)
    ends.proxy.fault = variant.fault
    report = await runConformance({ ...optionsFor(account), checks: [variant.check], runs: 40 })
  })
  afterAll(() => {
    ends.proxy.fault = transparent
  })

  it(`fails ${variant.check} with a shrunk reproduction of the planted bug`, () => {
    expect(report.ok).toBe(false)
    const [check] = report.checks
    expect(check).toMatchObject({ name: variant.check, status: "failed" })
    const failure = check?.failures[0]
    expect(failure?.check).toBe(variant.check)
    if (failure === undefined) return
    const shown = failure.exchanges[failure.failedAt]
    expect(String(shown?.response?.status), failure.message).toMatch(variant.evidence)
    const text = formatFailure(report, failure)
    expect(text).toContain(`FAILED ${variant.check}: ${failure.message}`)
    expect(text).toContain(`curl -i -g --path-as-is`)
    expect(text).toContain(`--seed ${report.seed}`)
    expect(text).toContain(`--path '${failure.path}'`)
    expect(text).toContain(`expected: ${failure.expected}`)
    expect(text).toContain(`received: ${failure.received}`)
    // Shrunk: a handful of requests, not the whole run that first failed.
    expect(failure.exchanges.length).toBeLessThanOrEqual(12)
  })

  it("replaying the seed and path fails the same way, or the report says the service could not be restored", async () => {
    const failure = report.checks[0]?.failures[0]
    expect(failure).toBeDefined()
    if (failure === undefined) return
    if (!report.cleanup.restored) {
      // A DELETE that removes nothing leaves the harness's short codes behind, the report says so, and a replay
      // would start from another state.
      expect(report.cleanup.problems.join("\n")).toMatch(/is still in MG[0-9a-f]{32}: its DELETE answered a success but it is still listed/)
      return
    }
    // The service is as it was before the run, so the same options with the seed and path replay the failure.
    const replay = await runConformance({
      ...optionsFor(account),
      checks: [variant.check],
      seed: failure.seed,
      path: failure.path,
      ...(failure.replayPath === null ? {} : { replayPath: failure.replayPath })
    })
    expect(replay.checks[0]?.status).toBe("failed")
    const again = replay.checks[0]?.failures[0]
    expect(withoutTimes(again?.message ?? "")).toBe(withoutTimes(failure.message))
    expect(again?.exchanges.map((exchange) => withoutTimes(exchange.curl))).toStrictEqual(failure.exchanges.map((exchange) => withoutTimes(exchange.curl)))
  })
})
