import { randomServiceSid } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MessagingService, MessagingServicePage } from "../../src/MessagingService.js"
import { expectStrictShortCode, expectValidAgainstSpec } from "../support/spec.js"
import { expectTwilioError, startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ publicBaseUrl: "http://emulator.test:4010" })
})
afterAll(async () => {
  await t.close()
})

const expectServiceBody = (json: unknown): MessagingService => {
  expectValidAgainstSpec("messaging.v1.service", json)
  return Schema.decodeUnknownSync(MessagingService)(json)
}

describe("POST /v1/Services", () => {
  it("creates a service for the authenticated account: 201, valid against messaging.v1.service", async () => {
    const a = await t.makeAccount(0)
    const answer = await t.twilio(a, "POST", "/v1/Services", { FriendlyName: "My Service!" })
    expect(answer.status, answer.text).toBe(201)
    const service = expectServiceBody(answer.json)
    expect(service.accountSid).toBe(a.accountSid)
    expect(service.friendlyName).toBe("My Service!")
    expect(service.sid).toMatch(/^MG[0-9a-f]{32}$/)
    expect(service.url?.href).toBe(`http://emulator.test:4010/v1/Services/${service.sid}`)
    // Every link of Twilio's body, in Twilio's order, as wire JSON.
    const base = `http://emulator.test:4010/v1/Services/${service.sid}`
    expect(Object.entries((answer.json as { links: Record<string, string> }).links)).toEqual([
      ["phone_numbers", `${base}/PhoneNumbers`],
      ["short_codes", `${base}/ShortCodes`],
      ["alpha_senders", `${base}/AlphaSenders`],
      ["messages", `${base}/Messages`],
      ["us_app_to_person", `${base}/Compliance/Usa2p`],
      ["us_app_to_person_usecases", `${base}/Compliance/Usa2p/Usecases`],
      ["channel_senders", `${base}/ChannelSenders`],
      ["destination_alpha_senders", `${base}/DestinationAlphaSenders`]
    ])
    expect(Object.keys(answer.json as object)).toContain("use_inbound_webhook_on_number")
    const fetched = await t.twilio(a, "GET", `/v1/Services/${service.sid}`)
    expect(fetched.status).toBe(200)
    expectServiceBody(fetched.json)
    expect(fetched.json).toEqual(answer.json)
  })

  it("answers 400 20001 when FriendlyName is missing, empty, repeated or longer than 64 characters", async () => {
    const a = await t.makeAccount(0)
    const missing = expectTwilioError(await t.twilio(a, "POST", "/v1/Services", { Other: "x" }), 400, 20001)
    expect(missing.message).toBe("Invalid parameter: FriendlyName. FriendlyName is required")
    // An empty form parameter is a missing one, as for ShortCodeSid (src/api/singleValues.ts).
    const empty = expectTwilioError(await t.twilio(a, "POST", "/v1/Services", { FriendlyName: "" }), 400, 20001)
    expect(empty.message).toBe("Invalid parameter: FriendlyName. FriendlyName is required")
    expectTwilioError(await t.twilio(a, "POST", "/v1/Services", { FriendlyName: "x".repeat(65) }), 400, 20001)
    expect((await t.twilio(a, "POST", "/v1/Services", { FriendlyName: "x".repeat(64) })).status).toBe(201)
    const repeated = await t.request("POST", "/v1/Services", {
      headers: {
        Authorization: `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded"
      },
      body: "FriendlyName=a&FriendlyName=b"
    })
    expect(expectTwilioError(repeated, 400, 20001).message).toBe("Invalid parameter: FriendlyName. FriendlyName must be given once; it was given 2 times")
  })

  it("counts FriendlyName in characters (code points), not UTF-16 units: 64 emoji pass, 65 are refused", async () => {
    const a = await t.makeAccount(0)
    const created = await t.twilio(a, "POST", "/v1/Services", { FriendlyName: "\u{1F600}".repeat(64) })
    expect(created.status, created.text).toBe(201)
    expect((created.json as { friendly_name: string }).friendly_name).toBe("\u{1F600}".repeat(64))
    const refused = expectTwilioError(await t.twilio(a, "POST", "/v1/Services", { FriendlyName: "\u{1F600}".repeat(65) }), 400, 20001)
    expect(refused.message).toBe("Invalid parameter: FriendlyName. FriendlyName must be at most 64 characters long (it has 65)")
  })
})

describe("GET /v1/Services", () => {
  it("lists only the account's services, paged, with key services", async () => {
    const a = await t.makeAccount(0)
    const b = await t.makeAccount(0)
    for (const name of ["one", "two"]) await t.twilio(a, "POST", "/v1/Services", { FriendlyName: name })
    const first = await t.twilio(a, "GET", "/v1/Services?PageSize=2")
    expectValidAgainstSpec("ListServiceResponse", first.json)
    const page = Schema.decodeUnknownSync(MessagingServicePage)(first.json)
    // makeAccount's own service, then the two created here
    expect(page.services.map((s) => s.friendlyName)).toEqual(["test service", "one"])
    expect(page.meta.key).toBe("services")
    expect(page.meta.url?.href).toBe("http://emulator.test:4010/v1/Services?PageSize=2&Page=0")
    const next = page.meta.nextPageUrl as URL
    const second = Schema.decodeUnknownSync(MessagingServicePage)((await t.twilio(a, "GET", next.pathname + next.search)).json)
    expect(second.services.map((s) => s.friendlyName)).toEqual(["two"])
    expect(second.meta.nextPageUrl).toBeNull()
    const others = Schema.decodeUnknownSync(MessagingServicePage)((await t.twilio(b, "GET", "/v1/Services")).json)
    expect(others.services.map((s) => s.sid)).toEqual([b.serviceSid])
  })
})

describe("GET and DELETE /v1/Services/{Sid}", () => {
  it("answers 404 20404 for another account's service, an unknown one and a malformed SID", async () => {
    const a = await t.makeAccount(0)
    const b = await t.makeAccount(0)
    expectTwilioError(await t.twilio(a, "GET", `/v1/Services/${b.serviceSid}`), 404, 20404)
    expectTwilioError(await t.twilio(a, "DELETE", `/v1/Services/${b.serviceSid}`), 404, 20404)
    expectTwilioError(await t.twilio(a, "GET", `/v1/Services/${randomServiceSid()}`), 404, 20404)
    const malformed = expectTwilioError(await t.twilio(a, "GET", "/v1/Services/MGxyz"), 404, 20404)
    expect(malformed.message).toBe("The requested resource /v1/Services/MGxyz was not found")
    // Another prefix is well-formed for the contract (any non-empty Sid) but names no service.
    const shortCodeShaped = `SC${"a".repeat(32)}`
    const wrongPrefix = expectTwilioError(await t.twilio(a, "DELETE", `/v1/Services/${shortCodeShaped}`), 404, 20404)
    expect(wrongPrefix.message).toBe(`The requested resource /v1/Services/${shortCodeShaped} was not found`)
    expectTwilioError(await t.twilio(a, "DELETE", "/v1/Services/MGxyz"), 404, 20404)
  })

  it("takes a Service SID in any hex case and answers with the canonical lower-case one", async () => {
    const a = await t.makeAccount(0)
    const created = await t.twilio(a, "POST", "/v1/Services", { FriendlyName: "cased" })
    const sid = (created.json as { sid: string }).sid
    const upper = `MG${sid.slice(2).toUpperCase()}`
    const fetched = await t.twilio(a, "GET", `/v1/Services/${upper}`)
    expect(fetched.status).toBe(200)
    expect(expectServiceBody(fetched.json).sid).toBe(sid)
    expect((await t.twilio(a, "DELETE", `/v1/Services/${upper}`)).status).toBe(204)
    expectTwilioError(await t.twilio(a, "GET", `/v1/Services/${sid}`), 404, 20404)
  })

  it("deletes with 204; its short codes return to the inventory", async () => {
    const a = await t.makeAccount(1)
    const sid = a.shortCodeSids[0] as string
    expect((await t.twilio(a, "POST", `/v1/Services/${a.serviceSid}/ShortCodes`, { ShortCodeSid: sid })).status).toBe(201)
    const deleted = await t.twilio(a, "DELETE", `/v1/Services/${a.serviceSid}`)
    expect(deleted.status).toBe(204)
    expect(deleted.text).toBe("")
    expectTwilioError(await t.twilio(a, "GET", `/v1/Services/${a.serviceSid}`), 404, 20404)
    expectTwilioError(await t.twilio(a, "GET", `/v1/Services/${a.serviceSid}/ShortCodes`), 404, 20404)
    const created = await t.twilio(a, "POST", "/v1/Services", { FriendlyName: "again" })
    const newSid = (created.json as { sid: string }).sid
    const added = await t.twilio(a, "POST", `/v1/Services/${newSid}/ShortCodes`, { ShortCodeSid: sid })
    expect(added.status).toBe(201)
    // Resource URLs follow PUBLIC_BASE_URL: the strict profile for this origin accepts the body.
    expectStrictShortCode(added.json, "http://emulator.test:4010")
  })
})
