import twilio from "twilio"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeInProcessHttpClient } from "../src/InProcessHttpClient.js"
import { makeServer } from "../src/Server.js"
import { makeTwilioHttpClient } from "../src/TwilioHttpClient.js"
import { startTestServer, type TestAccount, type TestServer } from "./support/testServer.js"

const restError = async (promise: Promise<unknown>): Promise<{ status: number; code: number }> => {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(twilio.RestException)
    const e = error as InstanceType<typeof twilio.RestException>
    return { status: e.status, code: e.code ?? 0 }
  }
  throw new Error("expected the SDK call to fail")
}

describe("makeInProcessHttpClient: the official SDK against the handler, no socket", () => {
  let t: TestServer
  let account: TestAccount
  const log: Array<string> = []
  beforeAll(async () => {
    t = await startTestServer({ log: (line) => log.push(line) })
    account = await t.makeAccount(3)
  })
  afterAll(async () => {
    await t.close()
  })

  const inProcess = (authToken = account.authToken) =>
    twilio(account.accountSid, authToken, { httpClient: makeInProcessHttpClient(t.server.emulator) })

  it("creates, adds, fetches, lists following next_page_url, removes; errors are RestExceptions", async () => {
    const client = inProcess()
    const service = await client.messaging.v1.services.create({ friendlyName: "in process" })
    expect(service.friendlyName).toBe("in process")
    const shortCodes = client.messaging.v1.services(service.sid).shortCodes
    const [first, second, third] = account.shortCodeSids as [string, string, string]
    const added = await shortCodes.create({ shortCodeSid: first })
    expect(added).toMatchObject({ sid: first, accountSid: account.accountSid, serviceSid: service.sid, capabilities: ["SMS"] })
    expect(added.dateCreated).toBeInstanceOf(Date)
    await shortCodes.create({ shortCodeSid: second })
    await shortCodes.create({ shortCodeSid: third })

    log.length = 0
    expect((await shortCodes.list({ pageSize: 1 })).map((s) => s.sid)).toEqual([first, second, third])
    // Three pages, the second and third reached through the next_page_url of the one before.
    expect(log.filter((line) => line.includes(`GET /v1/Services/${service.sid}/ShortCodes 200`))).toHaveLength(3)

    expect(await shortCodes(first).remove()).toBe(true)
    expect(await restError(shortCodes(first).fetch())).toEqual({ status: 404, code: 20404 })
    expect(await restError(shortCodes.create({ shortCodeSid: second }))).toEqual({ status: 409, code: 21710 })
    expect(await restError(inProcess("wrong-token").messaging.v1.services(service.sid).fetch())).toEqual({ status: 401, code: 20003 })
    expect(await client.messaging.v1.services(service.sid).remove()).toBe(true)
  })

  it("answers exactly what the same SDK gets over loopback HTTP from the same emulator", async () => {
    const overHttp = twilio(account.accountSid, account.authToken, { httpClient: makeTwilioHttpClient(t.url) })
    const client = inProcess()
    const service = await client.messaging.v1.services.create({ friendlyName: "compare" })
    await overHttp.messaging.v1.services(service.sid).shortCodes.create({ shortCodeSid: account.shortCodeSids[0] as string })
    const base = `https://messaging.twilio.com/v1/Services/${service.sid}`
    const requests = [
      { method: "get", uri: `${base}/ShortCodes`, params: { PageSize: 1 } },
      { method: "get", uri: `${base}/ShortCodes/${account.shortCodeSids[0]}` },
      { method: "get", uri: `${base}/ShortCodes/${account.shortCodeSids[1]}` },
      { method: "get", uri: `${base}/ShortCodes`, params: { PageSize: "zero" } },
      { method: "post", uri: `${base}/ShortCodes`, data: { ShortCodeSid: "SCnot-a-sid" } },
      { method: "post", uri: `${base}/ShortCodes`, data: { ShortCodeSid: account.shortCodeSids[0] } },
      { method: "delete", uri: `${base}/Nothing` }
    ] as const
    for (const request of requests) {
      const [a, b] = await Promise.all([client.request({ ...request }), overHttp.request({ ...request })])
      const parse = (body: unknown) => (typeof body === "string" && body !== "" ? JSON.parse(body) : body === "" ? null : body)
      expect({ status: a.statusCode, body: parse(a.body) }, `${request.method} ${request.uri}`).toEqual({ status: b.statusCode, body: parse(b.body) })
      expect(a.headers["twilio-request-id"]).toMatch(/^RQ[0-9a-f]{32}$/)
    }
  })

  it("starts in-process on :memory: with the demo data and needs no port", async () => {
    const emulator = makeServer({ database: ":memory:", log: false })
    try {
      const client = twilio("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "demo-auth-token", { httpClient: makeInProcessHttpClient(emulator) })
      const added = await client.messaging.v1.services("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").shortCodes.create({ shortCodeSid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
      expect(added.shortCode).toBe("12345")
    } finally {
      await emulator.close()
    }
  })

  it("refuses options that are not whole numbers, naming them", () => {
    const emulator = { fetch: async () => new Response(null) }
    expect(() => makeInProcessHttpClient(emulator, { maxRetries: -1 })).toThrow("makeInProcessHttpClient: maxRetries must be a whole number >= 0, received -1")
    expect(() => makeInProcessHttpClient(emulator, { maxRetryDelay: 1.5 })).toThrow("makeInProcessHttpClient: maxRetryDelay must be a whole number >= 0, received 1.5")
  })

  it("retries a 429 with autoRetry, as the SDK's own client does, and reports a dropped connection as a reset", async () => {
    let calls = 0
    const flaky = {
      fetch: async () => {
        calls++
        return calls <= 2
          ? new Response(JSON.stringify({ code: 20429, message: "Too Many Requests", more_info: "https://www.twilio.com/docs/errors/20429", status: 429 }), { status: 429 })
          : new Response(JSON.stringify({ sid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }), { status: 200 })
      }
    }
    const retrying = makeInProcessHttpClient(flaky, { autoRetry: true, maxRetries: 3, maxRetryDelay: 1 })
    const answer = await retrying.request({ method: "get", uri: "https://messaging.twilio.com/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
    expect({ status: answer.statusCode, calls }).toEqual({ status: 200, calls: 3 })

    calls = 0
    const once = makeInProcessHttpClient(flaky)
    expect((await once.request({ method: "get", uri: "https://messaging.twilio.com/v1/Services" })).statusCode).toBe(429)
    expect(calls).toBe(1)

    const dropping = makeInProcessHttpClient({ fetch: () => Promise.reject(new TypeError("connection dropped")) })
    await expect(dropping.request({ method: "post", uri: "https://messaging.twilio.com/v1/Services", data: {} })).rejects.toMatchObject({
      code: "ECONNRESET",
      message: "socket hang up (POST /v1/Services: the emulator dropped the connection)"
    })
  })
})
