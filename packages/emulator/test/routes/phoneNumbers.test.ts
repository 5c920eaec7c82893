/**
 * PhoneNumbers of a Messaging Service through the official twilio SDK (6.3.1, unmodified; only its HTTP client
 * points at the server) and raw HTTP, against a real server on 127.0.0.1 with a SQLite file in a temp folder; and the
 * one pool that phone numbers and short codes share. Raw bodies are checked against the strict profile, which the
 * schema package's tests hold to Twilio's official schema.
 */
import { PhoneNumberStrict, randomServiceSid } from "@shortcode-kit/schema"
import { Schema } from "effect"
import twilio from "twilio"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { randomIds } from "../../src/controls/Ids.js"
import { makeTwilioHttpClient } from "../../src/TwilioHttpClient.js"
import { expectTwilioError, startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"

const LIMIT = 3
let t: TestServer
let account: TestAccount
let next = 4_155_550_100
beforeAll(async () => {
  t = await startTestServer({ servicePoolLimit: LIMIT })
  account = await t.makeAccount(2)
})
afterAll(async () => {
  await t.close()
})

const sdk = () => twilio(account.accountSid, account.authToken, { httpClient: makeTwilioHttpClient(t.url) })
/** A phone number of the account's inventory (in no service), via the admin API. */
const inventoryNumber = async (): Promise<string> => {
  const created = await t.admin("POST", "/admin/phone-numbers", { account_sid: account.accountSid, phone_number: `+1${next++}` })
  expect(created.status, created.text).toBe(201)
  return (created.json as { sid: string }).sid
}
const newService = async (): Promise<string> => (await sdk().messaging.v1.services.create({ friendlyName: "phones" })).sid
const restError = async (promise: Promise<unknown>): Promise<{ status: number; code: number; message: string }> => {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(twilio.RestException)
    const e = error as InstanceType<typeof twilio.RestException>
    return { status: e.status, code: e.code ?? 0, message: e.message }
  }
  throw new Error("expected the SDK call to fail")
}

describe("PhoneNumbers through the official twilio SDK", () => {
  it("creates, lists, fetches and removes a phone number of a service", async () => {
    const serviceSid = await newService()
    const sid = await inventoryNumber()
    const phoneNumbers = sdk().messaging.v1.services(serviceSid).phoneNumbers
    const created = await phoneNumbers.create({ phoneNumberSid: sid })
    expect(created).toMatchObject({ sid, accountSid: account.accountSid, serviceSid, countryCode: "US", capabilities: ["SMS"] })
    expect(created.phoneNumber).toMatch(/^\+1\d{10}$/)
    expect(created.url).toBe(`https://messaging.twilio.com/v1/Services/${serviceSid}/PhoneNumbers/${sid}`)
    expect((await phoneNumbers.list()).map((p) => p.sid)).toEqual([sid])
    expect((await sdk().messaging.v1.services(serviceSid).phoneNumbers(sid).fetch()).phoneNumber).toBe(created.phoneNumber)
    const raw = (await t.twilio(account, "GET", `/v1/Services/${serviceSid}/PhoneNumbers/${sid}`)).json
    expect(Schema.decodeUnknownExit(PhoneNumberStrict)(raw)._tag, JSON.stringify(raw)).toBe("Success")
    expect(await sdk().messaging.v1.services(serviceSid).phoneNumbers(sid).remove()).toBe(true)
    expect(await phoneNumbers.list()).toEqual([])
    expect(await restError(sdk().messaging.v1.services(serviceSid).phoneNumbers(sid).fetch())).toMatchObject({ status: 404, code: 20404 })
  })

  it("answers 21710 for a number already in the service and 21712 for one in another service", async () => {
    const [first, second] = [await newService(), await newService()]
    const sid = await inventoryNumber()
    await sdk().messaging.v1.services(first).phoneNumbers.create({ phoneNumberSid: sid })
    expect(await restError(sdk().messaging.v1.services(first).phoneNumbers.create({ phoneNumberSid: sid }))).toEqual({
      status: 409, code: 21710, message: "Phone Number or Short Code is already in the Messaging Service."
    })
    expect(await restError(sdk().messaging.v1.services(second).phoneNumbers.create({ phoneNumberSid: sid }))).toEqual({
      status: 409, code: 21712, message: "Phone Number or Short Code is associated with another Messaging Service"
    })
  })

  it("answers a malformed, missing, repeated or unknown PhoneNumberSid, and an unknown service, as for short codes", async () => {
    const serviceSid = await newService()
    const collection = `/v1/Services/${serviceSid}/PhoneNumbers`
    expect(await restError(sdk().messaging.v1.services(serviceSid).phoneNumbers.create({ phoneNumberSid: "PN123" }))).toMatchObject({ status: 400, code: 21421 })
    const malformed = expectTwilioError(await t.twilio(account, "POST", collection, { PhoneNumberSid: "SC" + "a".repeat(32) }), 400, 21421)
    expect(malformed.message).toContain('PhoneNumberSid "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" must start with "PN" (upper case)')
    expect(expectTwilioError(await t.twilio(account, "POST", collection, {}), 400, 20001).message).toBe("Missing required parameter PhoneNumberSid in the post body")
    const sid = await inventoryNumber()
    const repeated = await t.request("POST", collection, {
      headers: { Authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: `PhoneNumberSid=${sid}&PhoneNumberSid=${sid}`
    })
    expect(expectTwilioError(repeated, 400, 20001).message).toBe("PhoneNumberSid must be given once; it was given 2 times")
    const unknown = randomIds.phoneNumberSid()
    expect(await restError(sdk().messaging.v1.services(serviceSid).phoneNumbers.create({ phoneNumberSid: unknown }))).toEqual({
      status: 404, code: 20404, message: `The requested resource /2010-04-01/Accounts/${account.accountSid}/IncomingPhoneNumbers/${unknown}.json was not found`
    })
    const noService = randomServiceSid()
    expect(await restError(sdk().messaging.v1.services(noService).phoneNumbers.create({ phoneNumberSid: sid }))).toEqual({
      status: 404, code: 20404, message: `The requested resource /v1/Services/${noService}/PhoneNumbers was not found`
    })
  })
})

describe("the pool of a service", () => {
  it("counts phone numbers and short codes together up to servicePoolLimit; the next of either kind is 21714", async () => {
    const serviceSid = await newService()
    const service = sdk().messaging.v1.services(serviceSid)
    await service.phoneNumbers.create({ phoneNumberSid: await inventoryNumber() })
    await service.shortCodes.create({ shortCodeSid: account.shortCodeSids[0] as string })
    await service.phoneNumbers.create({ phoneNumberSid: await inventoryNumber() })
    const full = { status: 400, code: 21714, message: `The Messaging Service number pool is full (${LIMIT} numbers and short codes per service)` }
    const refused = await inventoryNumber()
    expect(await restError(service.phoneNumbers.create({ phoneNumberSid: refused }))).toEqual(full)
    expect(await restError(service.shortCodes.create({ shortCodeSid: account.shortCodeSids[1] as string }))).toEqual(full)
    // Neither refused sender joined: both are still free for another service.
    const other = sdk().messaging.v1.services(await newService())
    expect((await other.phoneNumbers.create({ phoneNumberSid: refused })).sid).toBe(refused)
    expect((await other.shortCodes.create({ shortCodeSid: account.shortCodeSids[1] as string })).sid).toBe(account.shortCodeSids[1])
  })
})
