import { randomServiceSid, randomShortCodeSid, ShortCode, ShortCodePage, TWILIO_MESSAGING_BASE_URL } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectStrictShortCode, expectValidAgainstSpec } from "../support/spec.js"
import { expectTwilioError, startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ servicePoolLimit: 5 })
})
afterAll(async () => {
  await t.close()
})

const collection = (serviceSid: string) => `/v1/Services/${serviceSid}/ShortCodes`

/** Checks a ShortCode body against the official spec and the strict profile, and returns it decoded. */
const expectShortCodeBody = (json: unknown): ShortCode => {
  expectValidAgainstSpec("messaging.v1.service.short_code", json)
  expectStrictShortCode(json, TWILIO_MESSAGING_BASE_URL)
  return Schema.decodeUnknownSync(ShortCode)(json)
}

describe("POST /v1/Services/{ServiceSid}/ShortCodes", () => {
  it("adds a short code of the account's inventory: 201 with the ShortCode, url on the public base URL", async () => {
    const a = await t.makeAccount(1)
    const sid = a.shortCodeSids[0] as string
    const answer = await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: sid })
    expect(answer.status, answer.text).toBe(201)
    const shortCode = expectShortCodeBody(answer.json)
    expect(shortCode).toMatchObject({ sid, accountSid: a.accountSid, serviceSid: a.serviceSid, countryCode: "US", capabilities: ["SMS"] })
    expect(shortCode.url?.href).toBe(`https://messaging.twilio.com/v1/Services/${a.serviceSid}/ShortCodes/${sid}`)
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/)
    expect(answer.headers.get("twilio-request-id")).toMatch(/^RQ[0-9a-f]{32}$/)
  })

  it("ignores form parameters other than ShortCodeSid and accepts a charset on the content type", async () => {
    const a = await t.makeAccount(1)
    const answer = await t.request("POST", collection(a.serviceSid), {
      headers: {
        Authorization: `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64")}`,
        "Content-Type": "Application/X-WWW-Form-Urlencoded; charset=utf-8"
      },
      body: `Foo=bar&ShortCodeSid=${a.shortCodeSids[0]}`
    })
    expect(answer.status, answer.text).toBe(201)
  })

  it("answers 400 21714 once the service holds the pool limit (5 in this test)", async () => {
    const a = await t.makeAccount(6)
    for (const sid of a.shortCodeSids.slice(0, 5)) {
      expect((await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: sid })).status).toBe(201)
    }
    const error = expectTwilioError(await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: a.shortCodeSids[5] as string }), 400, 21714)
    expect(error.message).toContain("(5 numbers and short codes per service)")
    // Still 409 21710 for one already in the full service: the duplicate is the more precise answer.
    expectTwilioError(await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: a.shortCodeSids[0] as string }), 409, 21710)
    const list = await t.twilio(a, "GET", `${collection(a.serviceSid)}?PageSize=50`)
    expect((list.json as { short_codes: Array<unknown> }).short_codes).toHaveLength(5)
  })

  it("answers 404 20404 for a service or short code of another account, or one that does not exist", async () => {
    const a = await t.makeAccount(1)
    const b = await t.makeAccount(1)
    // b's service, a's credentials
    expectTwilioError(await t.twilio(a, "POST", collection(b.serviceSid), { ShortCodeSid: a.shortCodeSids[0] as string }), 404, 20404)
    // a's service, b's short code
    const notOwned = expectTwilioError(await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: b.shortCodeSids[0] as string }), 404, 20404)
    expect(notOwned.message).toContain(b.shortCodeSids[0])
    expectTwilioError(await t.twilio(a, "POST", collection(randomServiceSid()), { ShortCodeSid: a.shortCodeSids[0] as string }), 404, 20404)
    expectTwilioError(await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: randomShortCodeSid() }), 404, 20404)
  })

  it("answers 404 20404 for a malformed ServiceSid in the path", async () => {
    const a = await t.makeAccount(1)
    for (const bad of ["MG123", `mg${"a".repeat(32)}`, `MG${"g".repeat(32)}`, `SC${"a".repeat(32)}`]) {
      const error = expectTwilioError(await t.twilio(a, "POST", collection(bad), { ShortCodeSid: a.shortCodeSids[0] as string }), 404, 20404)
      expect(error.message).toBe(`The requested resource /v1/Services/${bad}/ShortCodes was not found`)
    }
  })

  it("answers 400 21421 for a malformed ShortCodeSid and 400 20001 for a missing, empty or repeated one", async () => {
    const a = await t.makeAccount(1)
    const sid = a.shortCodeSids[0] as string
    const malformed = expectTwilioError(await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: "SC12" }), 400, 21421)
    expect(malformed.message).toContain("SC12")
    const missing = expectTwilioError(await t.twilio(a, "POST", collection(a.serviceSid), { Other: "x" }), 400, 20001)
    expect(missing.message).toBe("Missing required parameter ShortCodeSid in the post body")
    expectTwilioError(await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: "" }), 400, 20001)
    const repeated = await t.request("POST", collection(a.serviceSid), {
      headers: {
        Authorization: `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded"
      },
      body: `ShortCodeSid=${sid}&ShortCodeSid=${sid}`
    })
    expect(expectTwilioError(repeated, 400, 20001).message).toBe("ShortCodeSid must be given once; it was given 2 times")
    // None of these changed anything.
    const list = await t.twilio(a, "GET", collection(a.serviceSid))
    expect((list.json as { short_codes: Array<unknown> }).short_codes).toEqual([])
  })

  it("answers 400 20001 naming the Content-Type when the body is not a form", async () => {
    const a = await t.makeAccount(1)
    const auth = `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64")}`
    const json = await t.request("POST", collection(a.serviceSid), {
      headers: { Authorization: auth, "Content-Type": "application/json" },
      body: JSON.stringify({ ShortCodeSid: a.shortCodeSids[0] })
    })
    expect(expectTwilioError(json, 400, 20001).message).toBe(
      "Invalid parameter: ShortCodeSid. The body must be application/x-www-form-urlencoded; the Content-Type was " +
        "\"application/json\", so ShortCodeSid could not be read"
    )
    const none = await t.request("POST", collection(a.serviceSid), { headers: { Authorization: auth }, body: new TextEncoder().encode(`ShortCodeSid=${a.shortCodeSids[0]}`) })
    expect(expectTwilioError(none, 400, 20001).message).toContain("the request has no Content-Type")
  })
})

describe("GET /v1/Services/{ServiceSid}/ShortCodes/{Sid}", () => {
  it("fetches a short code in the service: 200, valid against the spec and the strict profile", async () => {
    const a = await t.makeAccount(1)
    const sid = a.shortCodeSids[0] as string
    const created = await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: sid })
    const fetched = await t.twilio(a, "GET", `${collection(a.serviceSid)}/${sid}`)
    expect(fetched.status).toBe(200)
    expectShortCodeBody(fetched.json)
    expect(fetched.json).toEqual(created.json)
  })

  it("answers 404 20404 for a short code not in the service, a malformed Sid, or another account's service", async () => {
    const a = await t.makeAccount(1)
    const b = await t.makeAccount(1)
    await t.twilio(b, "POST", collection(b.serviceSid), { ShortCodeSid: b.shortCodeSids[0] as string })
    const notInService = expectTwilioError(await t.twilio(a, "GET", `${collection(a.serviceSid)}/${a.shortCodeSids[0]}`), 404, 20404)
    expect(notInService.message).toBe(`The requested resource ${collection(a.serviceSid)}/${a.shortCodeSids[0]} was not found`)
    expectTwilioError(await t.twilio(a, "GET", `${collection(a.serviceSid)}/not-a-sid`), 404, 20404)
    expectTwilioError(await t.twilio(a, "GET", `${collection(b.serviceSid)}/${b.shortCodeSids[0]}`), 404, 20404)
    expectTwilioError(await t.twilio(a, "GET", `${collection("MGnope")}/${b.shortCodeSids[0]}`), 404, 20404)
  })
})

describe("DELETE /v1/Services/{ServiceSid}/ShortCodes/{Sid}", () => {
  it("removes the short code with 204 and no body; it returns to the inventory and can be added again", async () => {
    const a = await t.makeAccount(1)
    const sid = a.shortCodeSids[0] as string
    await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: sid })
    const removed = await t.twilio(a, "DELETE", `${collection(a.serviceSid)}/${sid}`)
    expect(removed.status).toBe(204)
    expect(removed.text).toBe("")
    expectTwilioError(await t.twilio(a, "GET", `${collection(a.serviceSid)}/${sid}`), 404, 20404)
    expectTwilioError(await t.twilio(a, "DELETE", `${collection(a.serviceSid)}/${sid}`), 404, 20404)
    const dump = await t.admin("GET", "/admin/dump")
    const inventory = (dump.json as { short_codes: Array<{ sid: string; service_sid: string | null }> }).short_codes.find((s) => s.sid === sid)
    expect(inventory?.service_sid).toBeNull()
    const other = await t.admin("POST", "/admin/services", { account_sid: a.accountSid, friendly_name: "next" })
    expect((await t.twilio(a, "POST", collection((other.json as { sid: string }).sid), { ShortCodeSid: sid })).status).toBe(201)
  })

  it("answers 404 20404 when another account deletes", async () => {
    const a = await t.makeAccount(1)
    const b = await t.makeAccount(0)
    const sid = a.shortCodeSids[0] as string
    await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: sid })
    expectTwilioError(await t.twilio(b, "DELETE", `${collection(a.serviceSid)}/${sid}`), 404, 20404)
    expect((await t.twilio(a, "GET", `${collection(a.serviceSid)}/${sid}`)).status).toBe(200)
  })
})

describe("GET /v1/Services/{ServiceSid}/ShortCodes", () => {
  it("answers Twilio's page: short_codes and meta with absolute URLs on the public base URL, key short_codes", async () => {
    const a = await t.makeAccount(3)
    for (const sid of a.shortCodeSids) await t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: sid })
    const first = await t.twilio(a, "GET", `${collection(a.serviceSid)}?PageSize=2`)
    expect(first.status).toBe(200)
    expectValidAgainstSpec("ListShortCodeResponse", first.json)
    const page = Schema.decodeUnknownSync(ShortCodePage)(first.json)
    for (const item of (first.json as { short_codes: Array<unknown> }).short_codes) expectShortCodeBody(item)
    const base = `https://messaging.twilio.com${collection(a.serviceSid)}`
    expect(page.meta?.key).toBe("short_codes")
    expect(page.meta?.page).toBe(0)
    expect(page.meta?.pageSize).toBe(2)
    expect(page.meta?.url?.href).toBe(`${base}?PageSize=2&Page=0`)
    expect(page.meta?.firstPageUrl?.href).toBe(`${base}?PageSize=2&Page=0`)
    expect(page.meta?.previousPageUrl).toBeNull()
    expect(page.meta?.nextPageUrl?.href).toMatch(new RegExp(`^${base.replace(/[.?]/g, "\\$&")}\\?PageSize=2&Page=1&PageToken=PA[0-9a-f]{32}$`))
    expect(page.shortCodes?.map((s) => s.sid)).toEqual(a.shortCodeSids.slice(0, 2))

    const nextPath = (page.meta?.nextPageUrl as URL).pathname + (page.meta?.nextPageUrl as URL).search
    const second = await t.twilio(a, "GET", nextPath)
    const last = Schema.decodeUnknownSync(ShortCodePage)(second.json)
    expectValidAgainstSpec("ListShortCodeResponse", second.json)
    expect(last.shortCodes?.map((s) => s.sid)).toEqual(a.shortCodeSids.slice(2))
    expect(last.meta?.page).toBe(1)
    expect(last.meta?.url?.href).toBe(`https://messaging.twilio.com${nextPath}`)
    expect(last.meta?.nextPageUrl).toBeNull()
    expect(last.meta?.previousPageUrl?.href).toMatch(/PageSize=2&Page=0&PageToken=PB[0-9a-f]{32}$/)
    const previousUrl = last.meta?.previousPageUrl as URL
    const back = Schema.decodeUnknownSync(ShortCodePage)((await t.twilio(a, "GET", previousUrl.pathname + previousUrl.search)).json)
    expect(back.shortCodes?.map((s) => s.sid)).toEqual(a.shortCodeSids.slice(0, 2))
  })

  it("defaults to PageSize 50 and Page 0; an empty service is an empty page with next_page_url null", async () => {
    const a = await t.makeAccount(0)
    const answer = await t.twilio(a, "GET", collection(a.serviceSid))
    expectValidAgainstSpec("ListShortCodeResponse", answer.json)
    const page = Schema.decodeUnknownSync(ShortCodePage)(answer.json)
    expect(page.shortCodes).toEqual([])
    expect(page.meta).toMatchObject({ page: 0, pageSize: 50, previousPageUrl: null, nextPageUrl: null, key: "short_codes" })
  })

  it("answers 400 20001 for a bad PageSize, Page or PageToken, naming it", async () => {
    const a = await t.makeAccount(0)
    for (const [query, name] of [
      ["PageSize=0", "PageSize"],
      ["PageSize=1001", "PageSize"],
      ["PageSize=abc", "PageSize"],
      ["PageSize=1&PageSize=2", "PageSize"],
      ["Page=-1", "Page"],
      ["Page=1.5", "Page"],
      ["PageToken=nope", "PageToken"],
      ["PageToken=PA99999999999999999", "PageToken"]
    ] as const) {
      const error = expectTwilioError(await t.twilio(a, "GET", `${collection(a.serviceSid)}?${query}`), 400, 20001)
      expect(error.message, query).toContain(`Invalid parameter: ${name}.`)
    }
  })

  it("pages by Page * PageSize when no PageToken is given, and answers a page past the end empty", async () => {
    const a = await t.makeAccount(3)
    for (const sid of a.shortCodeSids) await t.twilio(a, "GET", collection(a.serviceSid)).then(() => t.twilio(a, "POST", collection(a.serviceSid), { ShortCodeSid: sid }))
    const second = Schema.decodeUnknownSync(ShortCodePage)((await t.twilio(a, "GET", `${collection(a.serviceSid)}?PageSize=1&Page=1`)).json)
    expect(second.shortCodes?.map((s) => s.sid)).toEqual([a.shortCodeSids[1]])
    const beyond = Schema.decodeUnknownSync(ShortCodePage)((await t.twilio(a, "GET", `${collection(a.serviceSid)}?PageSize=1&Page=9007199254740991`)).json)
    expect(beyond.shortCodes).toEqual([])
    expect(beyond.meta?.nextPageUrl).toBeNull()
  })

  it("answers 404 20404 for another account's service and for a malformed ServiceSid", async () => {
    const a = await t.makeAccount(0)
    const b = await t.makeAccount(0)
    expectTwilioError(await t.twilio(a, "GET", collection(b.serviceSid)), 404, 20404)
    expectTwilioError(await t.twilio(a, "GET", collection("MG1")), 404, 20404)
  })
})
