// The example app is a conforming implementation: every check passes against it, started in-process on a free port
// with a SQLite file, through the vitest helper users call; and the harness leaves the service as it found it.
import { TWILIO_MESSAGING_BASE_URL } from "@shortcode-kit/schema"
import { checkNames, runConformance } from "@shortcode-kit/validator/conformance"
import { conformanceSuite } from "@shortcode-kit/validator/conformance/vitest"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"

let server: TestServer
let account: TestAccount
let other: TestAccount

beforeAll(async () => {
  server = await startTestServer()
  account = await server.makeAccount(3)
  other = await server.makeAccount(1)
})
afterAll(() => server.close())

const options = () => ({
  baseUrl: server.url,
  accountSid: account.accountSid,
  authToken: account.authToken,
  serviceSid: account.serviceSid,
  shortCodeSids: account.shortCodeSids,
  otherAccount: { accountSid: other.accountSid, authToken: other.authToken },
  // The app reports Twilio's resource URLs (its default PUBLIC_BASE_URL), which the strict profile then expects.
  strict: true,
  publicBaseUrl: TWILIO_MESSAGING_BASE_URL,
  runs: 25,
  timeLimitMs: 20_000
})

conformanceSuite(options, { name: "the example app passes every check" })

describe("the harness against the example app", () => {
  it("left the service and the short codes as it found them", async () => {
    const list = await server.twilio(account, "GET", `/v1/Services/${account.serviceSid}/ShortCodes`)
    expect(list.status).toBe(200)
    expect(list.json).toMatchObject({ short_codes: [] })
    const dump = await server.admin("GET", "/admin/dump")
    const codes = (dump.json as { short_codes: Array<{ sid: string; service_sid?: string | null }> }).short_codes
    for (const sid of account.shortCodeSids) expect(codes.find((code) => code.sid === sid)?.service_sid ?? null, sid).toBeNull()
  })

  it("runs all checks in one call, reports each as passed and the service restored", async () => {
    const report = await runConformance({ ...options(), runs: 10 })
    expect(report.checks.map((check) => [check.name, check.status])).toStrictEqual(checkNames.map((name) => [name, "passed"]))
    expect(report).toMatchObject({ ok: true, setupError: null, cleanup: { restored: true, problems: [] }, interrupted: false })
    expect(report.requests).toBeGreaterThan(100)
    // No secret in the report, which the CLI writes to a file.
    expect(JSON.stringify(report)).not.toContain(account.authToken)
    expect(JSON.stringify(report)).not.toContain(other.authToken)
  })

  it("without a service SID, creates a temporary service and deletes it afterwards", async () => {
    const fresh = await server.makeAccount(2)
    const report = await runConformance({
      baseUrl: server.url,
      accountSid: fresh.accountSid,
      authToken: fresh.authToken,
      shortCodeSids: fresh.shortCodeSids,
      checks: ["stateful", "negative_data_rejection"],
      runs: 10
    })
    expect(report).toMatchObject({ ok: true, target: { temporaryService: true }, cleanup: { restored: true } })
    expect(report.target.serviceSid).toMatch(/^MG[0-9a-f]{32}$/)
    expect(report.target.serviceSid).not.toBe(fresh.serviceSid)
    const services = await server.twilio(fresh, "GET", "/v1/Services")
    expect((services.json as { services: Array<{ sid: string }> }).services.map((service) => service.sid)).toStrictEqual([fresh.serviceSid])
  })

  it("a service that already holds one of the short codes is a setup error, and nothing is run", async () => {
    const fresh = await server.makeAccount(1)
    const sid = fresh.shortCodeSids[0] as string
    expect((await server.twilio(fresh, "POST", `/v1/Services/${fresh.serviceSid}/ShortCodes`, { ShortCodeSid: sid })).status).toBe(201)
    const report = await runConformance({ baseUrl: server.url, accountSid: fresh.accountSid, authToken: fresh.authToken, serviceSid: fresh.serviceSid, shortCodeSids: [sid], runs: 5 })
    expect(report.ok).toBe(false)
    expect(report.setupError).toBe(`${sid} is already in ${fresh.serviceSid}: pass short codes of the account's inventory that are in no service`)
    expect(report.checks.every((check) => check.status === "skipped" && check.runs === 0)).toBe(true)
  })

  it("wrong credentials are a setup error that names what to check", async () => {
    const report = await runConformance({ baseUrl: server.url, accountSid: account.accountSid, authToken: "not-the-token", serviceSid: account.serviceSid, runs: 5 })
    expect(report.ok).toBe(false)
    expect(report.setupError).toMatch(/^cannot list the short codes of MG[0-9a-f]{32}: GET .* listing the service answered 401: .*\(check the base URL, the account SID, the auth token and the service SID\)$/)
  })
})
