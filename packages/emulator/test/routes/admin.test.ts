import { randomAccountSid, randomServiceSid, randomShortCodeSid } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Seed } from "../../src/Seed.js"
import { expectTwilioError, startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ servicePoolLimit: 2 })
})
afterAll(async () => {
  await t.close()
})

describe("admin API", () => {
  it("creates an account with a generated SID and token that then authenticates on the Twilio surface", async () => {
    const created = await t.admin("POST", "/admin/accounts", {})
    expect(created.status, created.text).toBe(201)
    const { sid, auth_token } = created.json as { sid: string; auth_token: string }
    expect(sid).toMatch(/^AC[0-9a-f]{32}$/)
    expect(auth_token).toMatch(/^[0-9a-f]{32}$/)
    expect((await t.twilio({ accountSid: sid, authToken: auth_token }, "GET", "/v1/Services")).status).toBe(200)
  })

  it("creates inventory with defaults (US, SMS), optionally placed in a service", async () => {
    const accountSid = randomAccountSid()
    await t.admin("POST", "/admin/accounts", { sid: accountSid, auth_token: "tok-123" })
    const service = await t.admin("POST", "/admin/services", { account_sid: accountSid, friendly_name: "Admin made" })
    expect(service.status).toBe(201)
    const serviceSid = (service.json as { sid: string }).sid
    const plain = await t.admin("POST", "/admin/short-codes", { account_sid: accountSid, short_code: "77701" })
    expect(plain.json).toMatchObject({ account_sid: accountSid, short_code: "77701", country_code: "US", capabilities: ["SMS"], service_sid: null })
    const placed = await t.admin("POST", "/admin/short-codes", { account_sid: accountSid, short_code: "77702", capabilities: ["MMS"], service_sid: serviceSid })
    expect(placed.status).toBe(201)
    const placedSid = (placed.json as { sid: string }).sid
    const fetched = await t.twilio({ accountSid, authToken: "tok-123" }, "GET", `/v1/Services/${serviceSid}/ShortCodes/${placedSid}`)
    expect(fetched.json).toMatchObject({ sid: placedSid, short_code: "77702", capabilities: ["MMS"] })
  })

  it("answers 400 20001 naming each bad field, 404 for an unknown account, 409 for duplicates", async () => {
    const bad = expectTwilioError(await t.admin("POST", "/admin/short-codes", { account_sid: "AC1", short_code: "12", country_code: "XX" }), 400, 20001)
    expect(bad.message).toContain("account_sid")
    expect(bad.message).toContain("short_code")
    expect(bad.message).toContain("country_code")
    const stranger = randomAccountSid()
    expect(expectTwilioError(await t.admin("POST", "/admin/services", { account_sid: stranger, friendly_name: "x" }), 404, 20404).message).toBe(
      `The requested resource /2010-04-01/Accounts/${stranger}.json was not found`
    )
    const accountSid = randomAccountSid()
    expect((await t.admin("POST", "/admin/accounts", { sid: accountSid })).status).toBe(201)
    expectTwilioError(await t.admin("POST", "/admin/accounts", { sid: accountSid }), 409, 20001)
    expect((await t.admin("POST", "/admin/short-codes", { account_sid: accountSid, short_code: "88801" })).status).toBe(201)
    const duplicateNumber = expectTwilioError(await t.admin("POST", "/admin/short-codes", { account_sid: accountSid, short_code: "88801" }), 409, 20001)
    expect(duplicateNumber.message).toContain("already exists")
    const notJson = await t.request("POST", "/admin/accounts", { headers: { Authorization: "Bearer test-admin-token-0123456789", "Content-Type": "application/json" }, body: "{" })
    expect(expectTwilioError(notJson, 400, 20001).message).toContain("not valid JSON")
    const form = await t.request("POST", "/admin/accounts", { headers: { Authorization: "Bearer test-admin-token-0123456789", "Content-Type": "application/x-www-form-urlencoded" }, body: "sid=x" })
    expect(expectTwilioError(form, 400, 20001).message).toBe(
      'Invalid parameter: body. the admin API takes application/json; the Content-Type was "application/x-www-form-urlencoded"'
    )
    const untyped = await t.request("POST", "/admin/accounts", { headers: { Authorization: "Bearer test-admin-token-0123456789" } })
    expect(expectTwilioError(untyped, 400, 20001).message).toBe("Invalid parameter: body. the admin API takes application/json; the request has no Content-Type")
  })

  it("names what was sent and what it conflicts with, never a SID nobody asked for", async () => {
    const accountSid = randomAccountSid()
    expect((await t.admin("POST", "/admin/accounts", { sid: accountSid })).status).toBe(201)
    const first = await t.admin("POST", "/admin/short-codes", { account_sid: accountSid, short_code: "88811", country_code: "CA" })
    expect(first.status, first.text).toBe(201)
    const existing = (first.json as { sid: string }).sid
    const byNumber = expectTwilioError(await t.admin("POST", "/admin/short-codes", { account_sid: accountSid, short_code: "88811", country_code: "CA" }), 409, 20001)
    expect(byNumber.message).toBe(`Conflict: the number CA 88811 already exists as short code ${existing} of account ${accountSid}`)
    const bySid = expectTwilioError(await t.admin("POST", "/admin/short-codes", { sid: existing, account_sid: accountSid, short_code: "88812" }), 409, 20001)
    expect(bySid.message).toBe(`Conflict: short code ${existing} already exists`)
    const serviceSid = randomServiceSid()
    expect((await t.admin("POST", "/admin/services", { sid: serviceSid, account_sid: accountSid, friendly_name: "x" })).status).toBe(201)
    const service = expectTwilioError(await t.admin("POST", "/admin/services", { sid: serviceSid, account_sid: accountSid, friendly_name: "y" }), 409, 20001)
    expect(service.message).toBe(`Conflict: service ${serviceSid} already exists`)
    const account = expectTwilioError(await t.admin("POST", "/admin/accounts", { sid: accountSid }), 409, 20001)
    expect(account.message).toBe(`Conflict: account ${accountSid} already exists`)
  })

  it("places nothing when the placement fails (short code and placement are one transaction)", async () => {
    const accountSid = randomAccountSid()
    await t.admin("POST", "/admin/accounts", { sid: accountSid })
    const sid = randomShortCodeSid()
    expectTwilioError(await t.admin("POST", "/admin/short-codes", { sid, account_sid: accountSid, short_code: "66601", service_sid: randomServiceSid() }), 404, 20404)
    const dump = Schema.decodeUnknownSync(Seed)((await t.admin("GET", "/admin/dump")).json)
    expect(dump.shortCodes.some((s) => s.sid === sid)).toBe(false)
  })

  it("loads a seed idempotently and dumps the same format", async () => {
    const accountSid = randomAccountSid()
    const serviceSid = randomServiceSid()
    const seed = {
      accounts: [{ sid: accountSid, auth_token: "seeded" }],
      services: [{ sid: serviceSid, account_sid: accountSid, friendly_name: "From seed" }],
      short_codes: [{ sid: randomShortCodeSid(), account_sid: accountSid, short_code: "44401", service_sid: serviceSid }]
    }
    const first = await t.admin("POST", "/admin/seed", seed)
    expect(first.json).toEqual({ accounts: 1, services: 1, short_codes: 1, phone_numbers: 0, memberships: 1 })
    expect((await t.admin("POST", "/admin/seed", seed)).json).toEqual({ accounts: 0, services: 0, short_codes: 0, phone_numbers: 0, memberships: 0 })
    const conflict = expectTwilioError(await t.admin("POST", "/admin/seed", { accounts: [{ sid: accountSid, auth_token: "changed" }] }), 409, 20001)
    expect(conflict.message).toContain("different auth_token")
    const dump = (await t.admin("GET", "/admin/dump")).json as { accounts: Array<unknown>; services: Array<unknown>; short_codes: Array<unknown> }
    expect(dump.accounts).toContainEqual(seed.accounts[0])
    expect(dump.services).toContainEqual(seed.services[0])
    expect(dump.short_codes).toContainEqual({ ...seed.short_codes[0], country_code: "US", capabilities: ["SMS"] })
    Schema.decodeUnknownSync(Seed)(dump)
  })
})
