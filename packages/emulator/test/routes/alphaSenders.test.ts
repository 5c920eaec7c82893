// AlphaSenders through the official twilio SDK, unmodified, against a real emulator on 127.0.0.1: one alpha sender
// per service. A text refused by a rule, the raw bodies under the strict profile and Twilio's official schema, the
// page key and an unknown service are AlphaSenders' row of the create forms in senderCollections.test.ts.
import { errorTable, moreInfoUrl } from "@shortcode-kit/schema"
import twilio from "twilio"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTwilioHttpClient } from "../../src/TwilioHttpClient.js"
import { startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"

describe("AlphaSenders through the official twilio SDK", () => {
  let t: TestServer
  let account: TestAccount
  beforeAll(async () => {
    t = await startTestServer()
    account = await t.makeAccount(0)
  })
  afterAll(async () => {
    await t.close()
  })

  const alphaSenders = () =>
    twilio(account.accountSid, account.authToken, { httpClient: makeTwilioHttpClient(t.url) }).messaging.v1.services(account.serviceSid).alphaSenders

  const restError = async (promise: Promise<unknown>) => {
    try {
      await promise
    } catch (error) {
      expect(error).toBeInstanceOf(twilio.RestException)
      const e = error as InstanceType<typeof twilio.RestException>
      return { status: e.status, code: e.code, message: e.message, moreInfo: e.moreInfo }
    }
    throw new Error("expected the SDK call to fail")
  }

  it("creates (201), fetches, lists, refuses a second one naming the first, deletes, then takes a new one", async () => {
    const created = await alphaSenders().create({ alphaSender: "Acme-Co" })
    expect(created).toMatchObject({ accountSid: account.accountSid, serviceSid: account.serviceSid, alphaSender: "Acme-Co", capabilities: ["SMS"] })
    expect(created.sid).toMatch(/^AI[0-9a-f]{32}$/)
    expect(created.url).toBe(`https://messaging.twilio.com/v1/Services/${account.serviceSid}/AlphaSenders/${created.sid}`)
    expect((await alphaSenders()(created.sid).fetch()).alphaSender).toBe("Acme-Co")
    expect((await alphaSenders().list()).map((a) => a.sid)).toEqual([created.sid])

    expect(await restError(alphaSenders().create({ alphaSender: "Other" }))).toEqual({
      status: 400,
      code: 21709,
      message: `${errorTable[21709].message}: the Messaging Service already has the alpha sender "Acme-Co" (${created.sid}); delete it first`,
      moreInfo: moreInfoUrl(21709)
    })

    expect(await alphaSenders()(created.sid).remove()).toBe(true)
    expect(await restError(alphaSenders()(created.sid).fetch())).toMatchObject({ status: 404, code: 20404 })
    const replaced = await alphaSenders().create({ alphaSender: "Other" })
    expect(replaced.sid).not.toBe(created.sid)
    expect((await alphaSenders().list()).map((a) => a.alphaSender)).toEqual(["Other"])
    expect(await alphaSenders()(replaced.sid).remove()).toBe(true)
  })
})
