import twilio from "twilio"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTwilioHttpClient, rewriteTwilioUrl } from "../src/TwilioHttpClient.js"
import { expectStrictShortCode, expectValidAgainstSpec } from "./support/spec.js"
import { startTestServer, type TestAccount, type TestServer } from "./support/testServer.js"

describe("rewriteTwilioUrl", () => {
  it("sends Twilio hosts to the base URL, keeping path and query, and leaves other URLs alone", () => {
    const base = "http://127.0.0.1:4010"
    expect(rewriteTwilioUrl("https://messaging.twilio.com/v1/Services?PageSize=1&Page=1&PageToken=PA2", base))
      .toBe("http://127.0.0.1:4010/v1/Services?PageSize=1&Page=1&PageToken=PA2")
    expect(rewriteTwilioUrl("https://api.twilio.com/2010-04-01/Accounts.json", base)).toBe("http://127.0.0.1:4010/2010-04-01/Accounts.json")
    expect(rewriteTwilioUrl("https://messaging.twilio.com/v1/Services", "http://proxy.test/emulator/")).toBe("http://proxy.test/emulator/v1/Services")
    expect(rewriteTwilioUrl("https://example.com/v1/Services", base)).toBe("https://example.com/v1/Services")
    expect(rewriteTwilioUrl("https://nottwilio.com/x", base)).toBe("https://nottwilio.com/x")
    expect(rewriteTwilioUrl("http://messaging.twilio.com/x", base)).toBe("http://messaging.twilio.com/x")
  })

  it("refuses a base URL that is not an absolute http(s) URL", () => {
    expect(() => makeTwilioHttpClient("127.0.0.1:4010")).toThrow("makeTwilioHttpClient: baseUrl must")
    expect(() => makeTwilioHttpClient("ftp://127.0.0.1")).toThrow("must use http or https")
  })
})

describe("the official twilio SDK against the emulator", () => {
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

  const sdk = (authToken = account.authToken) => twilio(account.accountSid, authToken, { httpClient: makeTwilioHttpClient(t.url) })

  const restError = async (promise: Promise<unknown>): Promise<{ status: number; code: number; moreInfo: string }> => {
    try {
      await promise
    } catch (error) {
      expect(error).toBeInstanceOf(twilio.RestException)
      const e = error as InstanceType<typeof twilio.RestException>
      return { status: e.status, code: e.code ?? 0, moreInfo: e.moreInfo ?? "" }
    }
    throw new Error("expected the SDK call to fail")
  }

  it("creates a service, adds, fetches, lists (following next_page_url), removes; errors are RestExceptions", async () => {
    const client = sdk()
    const service = await client.messaging.v1.services.create({ friendlyName: "SDK made" })
    expect(service.sid).toMatch(/^MG[0-9a-f]{32}$/)
    expect(service.friendlyName).toBe("SDK made")
    const shortCodes = client.messaging.v1.services(service.sid).shortCodes

    const [first, second, third] = account.shortCodeSids as [string, string, string]
    const added = await shortCodes.create({ shortCodeSid: first })
    expect(added).toMatchObject({ sid: first, accountSid: account.accountSid, serviceSid: service.sid, countryCode: "US", capabilities: ["SMS"] })
    expect(added.url).toBe(`https://messaging.twilio.com/v1/Services/${service.sid}/ShortCodes/${first}`)
    expect(added.dateCreated).toBeInstanceOf(Date)

    const fetched = await shortCodes(first).fetch()
    expect(fetched.sid).toBe(first)
    expect(fetched.shortCode).toBe(added.shortCode)

    await shortCodes.create({ shortCodeSid: second })
    await shortCodes.create({ shortCodeSid: third })
    log.length = 0
    const listed = await shortCodes.list({ pageSize: 1 })
    expect(listed.map((s) => s.sid)).toEqual([first, second, third])
    // Three pages of one, each fetched by following the previous page's next_page_url through the client.
    expect(log.filter((line) => line.includes(`GET /v1/Services/${service.sid}/ShortCodes 200`))).toHaveLength(3)

    const page = await shortCodes.page({ pageSize: 2 })
    expect(page.instances.map((s) => s.sid)).toEqual([first, second])
    const next = await page.nextPage()
    expect(next?.instances.map((s) => s.sid)).toEqual([third])

    expect(await shortCodes(first).remove()).toBe(true)
    expect(await restError(shortCodes(first).fetch())).toEqual({ status: 404, code: 20404, moreInfo: "https://www.twilio.com/docs/errors/20404" })
    expect(await restError(shortCodes.create({ shortCodeSid: second }))).toMatchObject({ status: 409, code: 21710 })
    expect(await restError(sdk("wrong-token").messaging.v1.services(service.sid).shortCodes.list())).toMatchObject({ status: 401, code: 20003 })

    const services = await client.messaging.v1.services.list()
    expect(services.map((s) => s.sid)).toContain(service.sid)
    expect(await client.messaging.v1.services(service.sid).remove()).toBe(true)
    expect(await restError(client.messaging.v1.services(service.sid).fetch())).toMatchObject({ status: 404, code: 20404 })
  })

  it("sees bodies that are valid against the official spec and the strict profile", async () => {
    const client = sdk()
    const service = await client.messaging.v1.services.create({ friendlyName: "raw" })
    // The SDK's instances are camelCase copies; the raw body is what the spec describes.
    expectValidAgainstSpec("messaging.v1.service", (await t.twilio(account, "GET", `/v1/Services/${service.sid}`)).json)
    const sid = account.shortCodeSids[1] as string
    // The earlier test left this one in a deleted service, so it is free again.
    await client.messaging.v1.services(service.sid).shortCodes.create({ shortCodeSid: sid })
    const raw = await t.twilio(account, "GET", `/v1/Services/${service.sid}/ShortCodes/${sid}`)
    expectValidAgainstSpec("messaging.v1.service.short_code", raw.json)
    expectStrictShortCode(raw.json)
  })
})
