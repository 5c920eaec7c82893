// The pool checks against the emulator started with a small servicePoolLimit: a sender is in one service at a time,
// and short codes and phone numbers fill one pool together. Behind a proxy that keeps a pool per kind instead (the
// emulator's own limit raised out of reach), pool_shared_limit fails naming the code expected and the answer got.
import { errorTable, moreInfoUrl } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { formatFailure, phoneNumbersTarget, poolCheckNames, runConformance, shortCodesTarget } from "@shortcode-kit/validator/conformance"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"
import { type Fault, type Proxy, startProxy } from "./proxy.js"

const LIMIT = 3

/** An account with its service, three free short codes and three free phone numbers. */
const senders = async (t: TestServer): Promise<{ readonly account: TestAccount; readonly phoneNumberSids: ReadonlyArray<string> }> => {
  const account = await t.makeAccount(3)
  const phoneNumberSids: Array<string> = []
  for (let i = 0; i < 3; i++) {
    const created = await t.admin("POST", "/admin/phone-numbers", { account_sid: account.accountSid, phone_number: `+1415666${String(1000 + Math.floor(Math.random() * 8999))}` })
    expect(created.status, created.text).toBe(201)
    phoneNumberSids.push((created.json as { sid: string }).sid)
  }
  return { account, phoneNumberSids }
}

const poolOptions = (baseUrl: string, { account, phoneNumberSids }: Awaited<ReturnType<typeof senders>>) => ({
  baseUrl,
  accountSid: account.accountSid,
  authToken: account.authToken,
  serviceSid: account.serviceSid,
  checks: poolCheckNames,
  poolLimit: LIMIT,
  poolSenders: [{ target: shortCodesTarget, sids: account.shortCodeSids }, { target: phoneNumbersTarget, sids: phoneNumberSids }],
  runs: 5,
  timeLimitMs: 20_000
})

describe("the pool checks against the emulator with servicePoolLimit 3", () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ servicePoolLimit: LIMIT })
  })
  afterAll(async () => {
    await t.close()
  })

  it("pass, and leave the service and the inventory as they were", async () => {
    const given = await senders(t)
    const report = await runConformance(poolOptions(t.url, given))
    expect(report.checks.map((check) => [check.name, check.status, ...check.failures.map((failure) => formatFailure(report, failure))])).toStrictEqual([
      ["pool_one_service", "passed"],
      ["pool_shared_limit", "passed"]
    ])
    expect(report.checks.every((check) => check.requests > 0)).toBe(true)
    expect(report.cleanup).toStrictEqual({ restored: true, problems: [] })
    // Every sender is free again: the same run passes a second time.
    const again = await runConformance(poolOptions(t.url, given))
    expect(again.checks.map((check) => check.status)).toStrictEqual(["passed", "passed"])
    const services = await t.twilio(given.account, "GET", "/v1/Services")
    expect((services.json as { services: ReadonlyArray<{ sid: string }> }).services.map((service) => service.sid)).toStrictEqual([given.account.serviceSid])
  })

  it("refuses pool checks without poolLimit and poolSenders, and too few senders", async () => {
    const given = await senders(t)
    const options = poolOptions(t.url, given)
    await expect(runConformance({ ...options, poolLimit: undefined })).rejects.toThrow(new TypeError("runConformance: the pool checks need both poolLimit and poolSenders"))
    await expect(runConformance({ ...options, poolLimit: 5 })).rejects.toThrow(new TypeError("runConformance: poolSenders must hold poolLimit 5 senders beside one per target, received 4 beside them"))
    await expect(runConformance({ ...options, poolLimit: undefined, poolSenders: undefined })).rejects.toThrow(new TypeError("runConformance: checks: pool_one_service needs poolLimit and poolSenders"))
  })
})

describe("a pool per kind (a proxy refuses only a kind's fourth sender; the emulator's limit is out of reach)", () => {
  let proxy: Proxy
  let t: TestServer
  beforeAll(async () => {
    proxy = await startProxy()
    t = await startTestServer({ servicePoolLimit: 2 * LIMIT, publicBaseUrl: proxy.url })
    proxy.upstream = t.url
    const perKind: Fault = async (request, forward) => {
      if (request.method !== "POST" || !/\/(ShortCodes|PhoneNumbers)$/.test(new URL(request.url).pathname)) return forward(request)
      const listed = (await (await forward(new Request(`${request.url}?PageSize=1000`, { headers: request.headers }))).json()) as Record<string, unknown>
      const held = Object.values(listed).find(Array.isArray)?.length ?? 0
      if (held < LIMIT) return forward(request)
      const { code, message, status } = errorTable[21714]
      return new Response(JSON.stringify({ code, message, more_info: moreInfoUrl(code), status }), { status, headers: { "Content-Type": "application/json", ...corsHeaders } })
    }
    proxy.fault = perKind
  })
  afterAll(async () => {
    await proxy.close()
    await t.close()
  })

  it("fails pool_shared_limit: the next sender is added, where 21714 is expected", async () => {
    const report = await runConformance({ ...poolOptions(proxy.url, await senders(t)), checks: ["pool_shared_limit"] })
    const failure = report.checks[0]?.failures[0]
    expect(report.checks[0]?.status).toBe("failed")
    expect(failure?.message).toMatch(/^wrong status: POST http:\/\/127\.0\.0\.1:\d+\/v1\/Services\/MG[0-9a-f]{32}\/(ShortCodes|PhoneNumbers) answered 201, expected 400$/)
    expect(failure?.expected).toMatch(/^400 with Twilio error 21714: MG[0-9a-f]{32} holds 3 senders, the limit of its pool, which (short codes|phone numbers) share with the other kinds: /)
    expect(report.cleanup.restored).toBe(true)
  })
})
