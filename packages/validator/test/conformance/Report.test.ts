// The report as people and CI systems read it: the summary table, the replay command, JUnit XML, and the
// assertion for any test runner.
import {
  assertConformance,
  type CheckResult,
  ConformanceError,
  type ConformanceFailure,
  type ConformanceReport,
  formatReport,
  formatSummary,
  replayCommand,
  toJUnitXml
} from "@shortcode-kit/validator/conformance"
import { describe, expect, it } from "vitest"

const AC = `AC${"a".repeat(32)}`
const MG = `MG${"b".repeat(32)}`
const SC = `SC${"c".repeat(32)}`

const failure: ConformanceFailure = {
  check: "stateful",
  message: `walking next_page_url with PageSize 1 did not yield each short code exactly once: repeated: ${SC} 2 times <&"\u0001>`,
  expected: `each of 1 short codes once: ${SC}`,
  received: `2 items over 2 pages: ${SC}, ${SC}`,
  exchanges: [{
    step: "list the service with PageSize 1",
    request: { method: "GET", url: `http://127.0.0.1:4010/v1/Services/${MG}/ShortCodes?PageSize=1`, headers: {}, body: null, auth: "the account's credentials" },
    response: { status: 200, headers: { "content-type": "application/json" }, body: "{}" },
    error: null,
    expected: { statuses: [200], code: null, body: "ShortCodePage", because: "the service exists" },
    curl: `curl -i -g --path-as-is \\\n  'http://127.0.0.1:4010/v1/Services/${MG}/ShortCodes?PageSize=1'`
  }],
  failedAt: 0,
  seed: -42,
  path: "3:1:0",
  replayPath: "CDE:F",
  shrinks: 7,
  counterexample: "list(PageSize 1)"
}

const check = (name: CheckResult["name"], status: CheckResult["status"], failures: ReadonlyArray<ConformanceFailure> = [], notes: ReadonlyArray<string> = []): CheckResult =>
  ({ name, description: "", status, runs: 50, requests: 612, durationMs: 1234, notes, failures })

const report: ConformanceReport = {
  ok: false,
  target: { baseUrl: "http://127.0.0.1:4010", accountSid: AC, serviceSid: MG, temporaryService: false, shortCodeSids: [SC], name: "shortCodes", member: { field: "ShortCodeSid" }, pool: null, otherAccountSid: null, strict: true, publicBaseUrl: "https://messaging.twilio.com" },
  seed: -42,
  runs: 50,
  startedAt: "2026-11-29T12:00:00.000Z",
  durationMs: 4321,
  requests: 1224,
  setupError: null,
  cleanup: { restored: true, problems: [] },
  interrupted: false,
  checks: [check("cors_headers", "passed"), check("auth", "passed", [], ["another account's credentials not tried"]), check("stateful", "failed", [failure])]
}

describe("the report", () => {
  it("the summary table: a line per check, then the totals and the seed", () => {
    expect(formatSummary(report).split("\n")).toStrictEqual([
      "check         result       runs  requests    time",
      "cors_headers  passed         50       612    1.2s",
      "auth          passed         50       612    1.2s  another account's credentials not tried",
      "stateful      FAILED         50       612    1.2s",
      "",
      "2 passed, 1 failed, 0 not run; 1224 requests in 4.3s; seed -42"
    ])
  })

  it("the replay command names the target, the check, the seed, the path and the replay path, never a token", () => {
    expect(replayCommand(report, failure)).toBe(
      `shortcode-kit conformance --base-url 'http://127.0.0.1:4010' --account-sid ${AC} --service-sid ${MG} --target short-codes --short-code-sid ${SC} --strict --public-base-url 'https://messaging.twilio.com' --checks stateful --seed -42 --path '3:1:0' --replay-path 'CDE:F'`
    )
  })

  it("the replay command of another target and of the pool checks names their flags, as the CLI takes them", () => {
    const PN = `PN${"d".repeat(32)}`
    const phoneNumbers = {
      ...report,
      target: {
        ...report.target,
        shortCodeSids: [PN],
        name: "phoneNumbers",
        member: { field: "PhoneNumberSid" },
        pool: {
          limit: 3,
          senders: [
            { name: "shortCodes", member: { field: "ShortCodeSid" }, sids: [SC] },
            { name: "phoneNumbers", member: { field: "PhoneNumberSid" }, sids: [PN] }
          ]
        }
      }
    }
    expect(replayCommand(phoneNumbers, { ...failure, check: "pool_shared_limit", replayPath: null })).toBe(
      `shortcode-kit conformance --base-url 'http://127.0.0.1:4010' --account-sid ${AC} --service-sid ${MG} --target phone-numbers --phone-number-sid ${PN} --pool-limit 3 --pool-short-code-sid ${SC} --pool-phone-number-sid ${PN} --strict --public-base-url 'https://messaging.twilio.com' --checks pool_shared_limit --seed -42 --path '3:1:0'`
    )
  })

  it("formatReport: the table, then each failure with its curl commands and the answer that showed it", () => {
    const text = formatReport(report)
    expect(text).toContain(`FAILED stateful: ${failure.message}`)
    expect(text).toContain("1. list the service with PageSize 1   <-- the check failed here")
    expect(text).toContain(`   curl -i -g --path-as-is \\\n     'http://127.0.0.1:4010/v1/Services/${MG}/ShortCodes?PageSize=1'`)
    expect(text).toContain("   | 200\n   | content-type: application/json\n   | \n   | {}")
    expect(text).toContain("replay: seed -42, path 3:1:0, replayPath CDE:F")
    expect(text).toContain("shrunk 7 times; counterexample: list(PageSize 1)")
  })

  it("assertConformance throws a ConformanceError whose message is the whole report, and passes an ok report", () => {
    expect(() => assertConformance(report)).toThrow(ConformanceError)
    expect(() => assertConformance(report)).toThrow(`the implementation at http://127.0.0.1:4010 does not conform:\n${formatReport(report)}`)
    expect(() => assertConformance({ ...report, ok: true })).not.toThrow()
  })

  it("JUnit XML: a test case per check, the failure with its reproduction, escaped, and no control character", () => {
    const xml = toJUnitXml({ ...report, checks: [...report.checks, check("not_a_server_error", "skipped", [], ["not run: setup failed"])] })
    expect(xml).toContain(`<testsuite name="shortcode-kit conformance" tests="4" failures="1" errors="0" skipped="1" time="4.321" timestamp="2026-11-29T12:00:00">`)
    expect(xml).toContain(`<testcase classname="shortcode-kit.conformance" name="cors_headers" time="1.234">\n  </testcase>`)
    expect(xml).toContain(`<failure message="walking next_page_url with PageSize 1 did not yield each short code exactly once: repeated: ${SC} 2 times &lt;&amp;&quot;\\u0001&gt;" type="stateful">FAILED stateful:`)
    expect(xml).toContain(`<skipped message="not run: setup failed"/>`)
    expect(xml).toContain("<system-out>another account's credentials not tried</system-out>")
    // Well-formed: no raw control character, and no markup character left unescaped in text or attributes.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
    const text = xml.replace(/<[^<>]*>/g, "")
    expect(text).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;)/)
  })

  it("JUnit XML: a setup failure and a service that could not be restored are errors", () => {
    const xml = toJUnitXml({ ...report, setupError: "cannot list", cleanup: { restored: false, problems: [`${SC} is still in ${MG}`] } })
    expect(xml).toContain(`errors="1"`)
    expect(xml).toContain(`<error message="setup failed: cannot list">setup failed: cannot list\ncleanup: ${SC} is still in ${MG}</error>`)
  })
})
