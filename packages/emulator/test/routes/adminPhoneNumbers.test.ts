/**
 * What is a phone number's own in `POST /admin/phone-numbers` and the seed (E.164, its defaults, a given SID's
 * canonical form), through the real admin API of a server on a SQLite file in a temp folder. What every kind of the
 * inventory does (404, 409, the shared pool, the return on service delete) is in senderCollections.test.ts.
 */
import { randomAccountSid, randomServiceSid } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { randomIds } from "../../src/controls/Ids.js"
import { Seed } from "../../src/Seed.js"
import { expectTwilioError, startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

let next = 3_105_550_100
const number = () => `+1${next++}`
const upper = (sid: string): string => sid.slice(0, 2) + sid.slice(2).toUpperCase()

const account = async () => {
  const accountSid = randomAccountSid()
  expect((await t.admin("POST", "/admin/accounts", { sid: accountSid, auth_token: "pool-token" })).status).toBe(201)
  const serviceSid = randomServiceSid()
  expect((await t.admin("POST", "/admin/services", { sid: serviceSid, account_sid: accountSid, friendly_name: "pool" })).status).toBe(201)
  return { accountSid, serviceSid, credentials: { accountSid, authToken: "pool-token" } }
}
const dump = async () => Schema.decodeUnknownSync(Seed)((await t.admin("GET", "/admin/dump")).json)

describe("POST /admin/phone-numbers", () => {
  it("answers 201 with the number and its generated PN SID, with the defaults of a short code (US, SMS)", async () => {
    const { accountSid } = await account()
    const phoneNumber = number()
    const created = await t.admin("POST", "/admin/phone-numbers", { account_sid: accountSid, phone_number: phoneNumber })
    expect(created.status, created.text).toBe(201)
    const body = created.json as { sid: string }
    expect(body.sid).toMatch(/^PN[0-9a-f]{32}$/)
    expect(created.json).toEqual({ sid: body.sid, account_sid: accountSid, phone_number: phoneNumber, country_code: "US", capabilities: ["SMS"], service_sid: null })
    expect((await dump()).phoneNumbers?.find((p) => p.sid === body.sid)).toMatchObject({ phoneNumber, serviceSid: null })
  })

  it("takes a given SID (stored in its canonical lower-case form), country, capabilities and a service to place it in", async () => {
    const { accountSid, serviceSid } = await account()
    const sid = randomIds.phoneNumberSid()
    const created = await t.admin("POST", "/admin/phone-numbers", {
      sid: upper(sid),
      account_sid: upper(accountSid),
      phone_number: "+442079460999",
      country_code: "GB",
      capabilities: ["SMS", "Voice"],
      service_sid: upper(serviceSid)
    })
    expect(created.status, created.text).toBe(201)
    expect(created.json).toEqual({ sid, account_sid: accountSid, phone_number: "+442079460999", country_code: "GB", capabilities: ["SMS", "Voice"], service_sid: serviceSid })
    expect((await dump()).phoneNumbers?.find((p) => p.sid === sid)?.serviceSid).toBe(serviceSid)
  })

  it("answers 400 naming the field for a phone_number that is not E.164", async () => {
    const { accountSid } = await account()
    for (const bad of ["12025550101", "+02025550101", "+1", "+1234567890123456", "+1 202 555 0101", ""]) {
      const error = expectTwilioError(await t.admin("POST", "/admin/phone-numbers", { account_sid: accountSid, phone_number: bad }), 400, 20001)
      expect(error.message).toBe(
        `Invalid parameter: body. phone_number: phone_number must be in E.164 format: + followed by 2 to 15 digits, the first not 0, such as +15005550006 (received ${JSON.stringify(bad)})`
      )
    }
    const missing = expectTwilioError(await t.admin("POST", "/admin/phone-numbers", { account_sid: accountSid }), 400, 20001)
    expect(missing.message).toMatch(/^Invalid parameter: body\. phone_number: /)
    const others = expectTwilioError(await t.admin("POST", "/admin/phone-numbers", { sid: "PN1", account_sid: accountSid, phone_number: number(), capabilities: ["Fax"] }), 400, 20001)
    expect(others.message).toContain("sid: ")
    expect(others.message).toContain("capabilities.0: ")
  })
})

describe("phone numbers in seeds", () => {
  it("loads phone_numbers through POST /admin/seed idempotently, placing one, and dumps them in the same format", async () => {
    const accountSid = randomAccountSid()
    const serviceSid = randomServiceSid()
    const placed = { sid: randomIds.phoneNumberSid(), account_sid: accountSid, phone_number: number(), country_code: "US", capabilities: ["MMS", "SMS"], service_sid: serviceSid }
    const seed = {
      accounts: [{ sid: accountSid, auth_token: "seeded" }],
      services: [{ sid: serviceSid, account_sid: accountSid, friendly_name: "From seed" }],
      phone_numbers: [placed, { sid: randomIds.phoneNumberSid(), account_sid: accountSid, phone_number: number() }]
    }
    const first = await t.admin("POST", "/admin/seed", seed)
    expect(first.json, first.text).toEqual({ accounts: 1, services: 1, short_codes: 0, phone_numbers: 2, memberships: 1 })
    expect((await t.admin("POST", "/admin/seed", seed)).json).toEqual({ accounts: 0, services: 0, short_codes: 0, phone_numbers: 0, memberships: 0 })
    const dumped = (await t.admin("GET", "/admin/dump")).json as { phone_numbers: Array<unknown> }
    expect(dumped.phone_numbers).toContainEqual(placed)
    expect(dumped.phone_numbers).toContainEqual({ ...seed.phone_numbers[1], country_code: "US", capabilities: ["SMS"], service_sid: null })
    const changed = expectTwilioError(await t.admin("POST", "/admin/seed", { phone_numbers: [{ ...placed, capabilities: ["SMS"] }] }), 409, 20001)
    expect(changed.message).toContain(`phone_numbers[0]: ${placed.sid} exists with a different account_sid, phone_number, country_code or capabilities`)
    const bad = expectTwilioError(await t.admin("POST", "/admin/seed", { phone_numbers: [{ ...placed, phone_number: "555" }] }), 400, 20001)
    expect(bad.message).toContain('phone_numbers.0.phone_number: phone_number must be in E.164 format')
  })
})
