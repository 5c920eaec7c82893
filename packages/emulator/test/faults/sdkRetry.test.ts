import twilio from "twilio"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { makeTwilioHttpClient } from "../../src/TwilioHttpClient.js"
import { startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"

// The official SDK's `autoRetry` (twilio/lib/base/RequestClient.js) retries 429 answers only, up to `maxRetries`
// times, after a full-jitter backoff of random(0, min(maxRetryDelay, 100 ms * 2^attempt)); it does not read
// Retry-After.
describe("the twilio SDK's autoRetry through a 429 fault rule", () => {
  let t: TestServer
  let account: TestAccount
  const log: Array<string> = []
  beforeAll(async () => {
    t = await startTestServer({ log: (line) => log.push(line) })
    account = await t.makeAccount(3)
  })
  afterEach(async () => {
    await t.admin("DELETE", "/admin/faults")
  })
  afterAll(async () => {
    await t.close()
  })

  const rule = { method: "POST", path: "/v1/Services/*/ShortCodes", status: 429, times: 2 } as const
  const postsOf = (serviceSid: string) => log.filter((line) => line.includes(` POST /v1/Services/${serviceSid}/ShortCodes `))

  const restError = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(twilio.RestException)
    return error as InstanceType<typeof twilio.RestException>
  }

  it("retries twice and the create succeeds: 3 requests, 2 faulted", async () => {
    const client = twilio(account.accountSid, account.authToken, {
      httpClient: makeTwilioHttpClient(t.url, { autoRetry: true, maxRetries: 3 }),
      autoRetry: true,
      maxRetries: 3
    })
    expect((await t.admin("POST", "/admin/faults", rule)).status).toBe(201)
    const sid = account.shortCodeSids[0] as string
    const added = await client.messaging.v1.services(account.serviceSid).shortCodes.create({ shortCodeSid: sid })
    expect(added).toMatchObject({ sid, serviceSid: account.serviceSid })
    expect((await t.admin("GET", "/admin/faults")).json).toEqual({ faults: [{ id: 1, ...rule, matched: 3, faulted: 2, active: false }] })
    expect(postsOf(account.serviceSid).map((line) => line.split(" ")[3])).toEqual(["429", "429", "201"])
  })

  it("without the options on the http client, the SDK's own autoRetry does not apply and the 429 reaches the caller", async () => {
    const client = twilio(account.accountSid, account.authToken, { httpClient: makeTwilioHttpClient(t.url), autoRetry: true, maxRetries: 3 })
    await t.admin("POST", "/admin/faults", rule)
    const error = await restError(client.messaging.v1.services(account.serviceSid).shortCodes.create({ shortCodeSid: account.shortCodeSids[1] as string }))
    expect({ status: error.status, code: error.code, message: error.message }).toEqual({ status: 429, code: 20429, message: "Too Many Requests" })
    expect((await t.admin("GET", "/admin/faults")).json).toMatchObject({ faults: [{ matched: 1, faulted: 1, active: true }] })
  })

  it("gives up after maxRetries: four 429s in a row reach the caller as a RestException 20429", async () => {
    const client = twilio(account.accountSid, account.authToken, { httpClient: makeTwilioHttpClient(t.url, { autoRetry: true, maxRetries: 3 }) })
    await t.admin("POST", "/admin/faults", { ...rule, times: 4 })
    const error = await restError(client.messaging.v1.services(account.serviceSid).shortCodes.create({ shortCodeSid: account.shortCodeSids[2] as string }))
    expect({ status: error.status, code: error.code }).toEqual({ status: 429, code: 20429 })
    expect((await t.admin("GET", "/admin/faults")).json).toMatchObject({ faults: [{ matched: 4, faulted: 4, active: false }] })
  })
})
