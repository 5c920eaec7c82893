/**
 * The schema package's typed client (`@shortcode-kit/schema/http`, derived from the `HttpApi`), imported as a user
 * imports it, run against a real emulator over HTTP: every success it decodes and every error answer it turns into
 * its typed errors. Its own tests run it against a model server; this file checks that the client and the service
 * agree on the contract.
 */
import { test as propTest } from "@fast-check/vitest"
import { errorTable, randomShortCodeSid, type ShortCode } from "@shortcode-kit/schema"
import { makeShortCodesClient, type ShortCodesClient, ShortCodesClientError, TwilioApiError } from "@shortcode-kit/schema/http"
import { Effect } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../src/Demo.js"
import { DEFAULT_RETRY_AFTER_SECONDS } from "../src/faults/withFaults.js"
import { startTestServer, type TestServer } from "./support/testServer.js"

let t: TestServer
let client: ShortCodesClient
beforeAll(async () => {
  t = await startTestServer({ demo: true })
  client = makeShortCodesClient({ baseUrl: t.url, accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN })
})
beforeEach(async () => {
  await t.server.reset()
})
afterAll(async () => {
  await t.close()
})

const serviceSid = DEMO_SERVICE_SID
const [first, second, third] = DEMO_SHORT_CODE_SIDS

/** What a call rejected with; fails the test if it resolved. */
const rejection = async (call: Promise<unknown>): Promise<unknown> => {
  try {
    await call
  } catch (error) {
    return error
  }
  throw new Error("expected the call to reject, it resolved")
}

/** The call's rejection as the client's `TwilioApiError`, with the HTTP status and Twilio code expected. */
const expectTwilioApiError = async (call: Promise<unknown>, status: number, code: number): Promise<TwilioApiError> => {
  const error = await rejection(call)
  expect(error).toBeInstanceOf(TwilioApiError)
  const apiError = error as TwilioApiError
  expect({ status: apiError.status, code: apiError.code, bodyStatus: apiError.twilioError.status }).toEqual({ status, code, bodyStatus: status })
  return apiError
}

const sids = (shortCodes: ReadonlyArray<ShortCode>) => shortCodes.map((shortCode) => shortCode.sid)

describe("the typed client against the emulator: successes", () => {
  it("createShortCode answers the decoded ShortCode of the 201", async () => {
    const created = await client.createShortCode({ serviceSid, shortCodeSid: first })
    expect(created).toMatchObject({ sid: first, accountSid: DEMO_ACCOUNT_SID, serviceSid, shortCode: "12345", countryCode: "US", capabilities: ["SMS"] })
    expect(created.dateCreated).toBeInstanceOf(Date)
    expect(created.url?.href).toBe(`https://messaging.twilio.com/v1/Services/${serviceSid}/ShortCodes/${first}`)
    const [entry] = t.server.requests({ method: "POST" })
    expect({ status: entry?.status, form: entry?.form }).toEqual({ status: 201, form: { ShortCodeSid: first } })
  })

  it("fetchShortCode answers the same ShortCode the create answered", async () => {
    const created = await client.createShortCode({ serviceSid, shortCodeSid: second })
    const fetched = await client.fetchShortCode({ serviceSid, sid: second })
    expect(fetched).toEqual(created)
  })

  it("deleteShortCode resolves on the 204, after which the short code is gone and can be added again", async () => {
    await client.createShortCode({ serviceSid, shortCodeSid: first })
    await expect(client.deleteShortCode({ serviceSid, sid: first })).resolves.toBeUndefined()
    expect(t.server.requests({ method: "DELETE" }).map((entry) => entry.status)).toEqual([204])
    await expectTwilioApiError(client.fetchShortCode({ serviceSid, sid: first }), 404, 20404)
    await expect(client.createShortCode({ serviceSid, shortCodeSid: first })).resolves.toMatchObject({ sid: first })
  })

  it("lists every page by following next_page_url, and listAllShortCodes gives the same items in order", async () => {
    // Two more short codes of the demo account, through the admin API: five in all, pages of two.
    const extra = [randomShortCodeSid(), randomShortCodeSid()]
    for (const [i, sid] of extra.entries()) {
      const answer = await t.admin("POST", "/admin/short-codes", { sid, account_sid: DEMO_ACCOUNT_SID, short_code: `5550${i}` })
      expect(answer.status, answer.text).toBe(201)
    }
    const added = [first, second, third, ...extra]
    for (const shortCodeSid of added) await client.createShortCode({ serviceSid, shortCodeSid })

    const pages: Array<ReadonlyArray<string | null>> = []
    let page = await client.listShortCodes({ serviceSid, pageSize: 2 })
    pages.push(sids(page.shortCodes ?? []))
    while (page.meta?.nextPageUrl != null) {
      const next = page.meta.nextPageUrl
      const pageToken = next.searchParams.get("PageToken") ?? undefined
      page = await client.listShortCodes({ serviceSid, pageSize: 2, page: Number(next.searchParams.get("Page")), pageToken })
      pages.push(sids(page.shortCodes ?? []))
    }
    expect(pages).toEqual([added.slice(0, 2), added.slice(2, 4), added.slice(4)])
    expect(page.meta).toMatchObject({ page: 2, pageSize: 2, key: "short_codes", nextPageUrl: null })

    expect(sids(await client.listAllShortCodes({ serviceSid, pageSize: 2 }))).toEqual(added)
    expect(sids(await client.listAllShortCodes({ serviceSid }))).toEqual(added)
  })

  it("listAllShortCodes walks every page for a service SID given with upper-case hex (the service links the lower-case form)", async () => {
    // SIDs' hex digits are case-insensitive: the codecs accept both cases, the emulator answers the lower-case form.
    const upper = `${serviceSid.slice(0, 2)}${serviceSid.slice(2).toUpperCase()}`
    for (const shortCodeSid of DEMO_SHORT_CODE_SIDS) await client.createShortCode({ serviceSid: upper, shortCodeSid })
    const page = await client.listShortCodes({ serviceSid: upper, pageSize: 1 })
    expect(page.meta?.nextPageUrl?.pathname).toBe(`/v1/Services/${serviceSid}/ShortCodes`)
    expect(sids(await client.listAllShortCodes({ serviceSid: upper, pageSize: 1 }))).toEqual(DEMO_SHORT_CODE_SIDS)
  })
})

describe("the typed client against the emulator: error answers as typed errors", () => {
  it("404 20404 for a short code not in the service, and for a malformed SID in the path", async () => {
    const unknown = await expectTwilioApiError(client.fetchShortCode({ serviceSid, sid: first }), 404, 20404)
    const path = `/v1/Services/${serviceSid}/ShortCodes/${first}`
    expect(unknown.message).toBe(
      `GET ${t.url}${path}: HTTP 404, Twilio error 20404: The requested resource ${path} was not found (https://www.twilio.com/docs/errors/20404)`
    )
    // The client sends any non-empty instance SID; the service answers a malformed one as a resource that does not exist.
    const malformed = await expectTwilioApiError(client.fetchShortCode({ serviceSid, sid: "SCnot-a-sid" }), 404, 20404)
    expect(malformed.twilioError.message).toBe(`The requested resource /v1/Services/${serviceSid}/ShortCodes/SCnot-a-sid was not found`)
    await expectTwilioApiError(client.deleteShortCode({ serviceSid, sid: "SCnot-a-sid" }), 404, 20404)
    await expectTwilioApiError(client.deleteShortCode({ serviceSid, sid: first }), 404, 20404)
  })

  it("409 21710 for a short code already in this service, 409 21712 for one in another", async () => {
    await client.createShortCode({ serviceSid, shortCodeSid: first })
    const again = await expectTwilioApiError(client.createShortCode({ serviceSid, shortCodeSid: first }), 409, 21710)
    expect(again.request).toBe(`POST ${t.url}/v1/Services/${serviceSid}/ShortCodes`)
    const other = await t.admin("POST", "/admin/services", { account_sid: DEMO_ACCOUNT_SID, friendly_name: "other" })
    expect(other.status, other.text).toBe(201)
    const otherSid = (other.json as { sid: string }).sid
    const elsewhere = await expectTwilioApiError(client.createShortCode({ serviceSid: otherSid, shortCodeSid: first }), 409, 21712)
    expect(elsewhere.twilioError.message).toBe("Phone Number or Short Code is associated with another Messaging Service")
  })

  it("a malformed ShortCodeSid is the client's own validation error: nothing reaches the service (it would be 400 21421)", async () => {
    const error = await rejection(client.createShortCode({ serviceSid, shortCodeSid: "SC123" }))
    expect(error).toBeInstanceOf(ShortCodesClientError)
    expect(error).toMatchObject({ reason: "InvalidRequest", request: "createShortCode", status: undefined })
    expect((error as ShortCodesClientError).issues.map((issue) => issue.path.join("."))).toEqual(["shortCodeSid"])
    expect((error as ShortCodesClientError).message).toBe(
      `createShortCode: invalid arguments, nothing was sent: shortCodeSid: must be exactly 34 characters long: "SC" followed by 32 hexadecimal digits (received "SC123")`
    )
    expect(t.server.requests()).toEqual([])
  })

  it("401 20003 for a wrong auth token", async () => {
    const wrong = makeShortCodesClient({ baseUrl: t.url, accountSid: DEMO_ACCOUNT_SID, authToken: "not-the-token" })
    const error = await expectTwilioApiError(wrong.listShortCodes({ serviceSid }), 401, 20003)
    expect(error.message).toBe(
      `GET ${t.url}/v1/Services/${serviceSid}/ShortCodes?PageSize=50&Page=0: HTTP 401, Twilio error 20003: Authenticate (https://www.twilio.com/docs/errors/20003)`
    )
    await expectTwilioApiError(wrong.createShortCode({ serviceSid, shortCodeSid: first }), 401, 20003)
    // Nothing was added under the wrong credentials.
    expect(await client.listAllShortCodes({ serviceSid })).toEqual([])
  })

  it("400 21714 once the service is full (servicePoolLimit: 2, one place taken by the demo phone number)", async () => {
    const small = await startTestServer({ demo: true, servicePoolLimit: 2 })
    try {
      const smallClient = makeShortCodesClient({ baseUrl: small.url, accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN })
      await smallClient.createShortCode({ serviceSid, shortCodeSid: first })
      const full = await expectTwilioApiError(smallClient.createShortCode({ serviceSid, shortCodeSid: second }), 400, 21714)
      expect(full.twilioError.message).toContain("(2 numbers and short codes per service)")
      expect(sids(await smallClient.listAllShortCodes({ serviceSid }))).toEqual([first])
    } finally {
      await small.close()
    }
  })

  it("a fault rule's 429 (with Retry-After) and 503 reach the client as TwilioApiError with their status and code", async () => {
    // The client's fetch, wrapped to see the headers the client itself received.
    const retryAfter: Array<string | null> = []
    const watched = makeShortCodesClient({
      baseUrl: t.url,
      accountSid: DEMO_ACCOUNT_SID,
      authToken: DEMO_AUTH_TOKEN,
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        retryAfter.push(response.headers.get("retry-after"))
        return response
      }
    })
    t.server.faults.add({ method: "POST", path: "/v1/Services/*/ShortCodes", status: 429, retryAfter: 7, times: 1 })
    t.server.faults.add({ method: "GET", path: "/v1/Services/*/ShortCodes/*", status: 503, times: 1 })
    const limited = await expectTwilioApiError(watched.createShortCode({ serviceSid, shortCodeSid: first }), 429, 20429)
    expect(limited.message).toBe(
      `POST ${t.url}/v1/Services/${serviceSid}/ShortCodes: HTTP 429, Twilio error 20429: ${errorTable[20429].message} (https://www.twilio.com/docs/errors/20429)`
    )
    expect(retryAfter).toEqual(["7"])
    const unavailable = await expectTwilioApiError(watched.fetchShortCode({ serviceSid, sid: first }), 503, 20503)
    expect(unavailable.twilioError.message).toBe(errorTable[20503].message)
    // Each rule fired once: the next calls go through.
    await expect(watched.createShortCode({ serviceSid, shortCodeSid: first })).resolves.toMatchObject({ sid: first })
    await expect(watched.fetchShortCode({ serviceSid, sid: first })).resolves.toMatchObject({ sid: first })
  })
})

describe("the typed client against the emulator: Retry-After", () => {
  it("the Retry-After of a 429 and a 503 fault rule added with retry_after (POST /admin/faults) is TwilioApiError.retryAfter, in seconds", async () => {
    for (const rule of [
      { method: "POST", path: "/v1/Services/*/ShortCodes", status: 429, retry_after: 7, times: 1 },
      { method: "GET", path: "/v1/Services/*/ShortCodes", status: 503, retry_after: 120, times: 1 }
    ]) {
      const added = await t.admin("POST", "/admin/faults", rule)
      expect(added.status, added.text).toBe(201)
    }
    const limited = await expectTwilioApiError(client.createShortCode({ serviceSid, shortCodeSid: first }), 429, 20429)
    expect(limited.retryAfter).toBe(7)
    const unavailable = await expectTwilioApiError(client.listAllShortCodes({ serviceSid, pageSize: 1 }), 503, 20503)
    expect(unavailable.retryAfter).toBe(120)
  })

  it("a 429 rule without retry_after carries the emulator's default Retry-After; an answer without the header has no retryAfter", async () => {
    t.server.faults.add({ method: "GET", path: "/v1/Services/*/ShortCodes/*", status: 429, times: 1 })
    const limited = await expectTwilioApiError(client.fetchShortCode({ serviceSid, sid: first }), 429, 20429)
    expect(limited.retryAfter).toBe(DEFAULT_RETRY_AFTER_SECONDS)
    const notFound = await expectTwilioApiError(client.fetchShortCode({ serviceSid, sid: first }), 404, 20404)
    expect(notFound.retryAfter).toBeUndefined()
  })

  it("listAllShortCodes fails with the 429 of the third page after two pages were read (pages of one)", async () => {
    for (const shortCodeSid of DEMO_SHORT_CODE_SIDS) await client.createShortCode({ serviceSid, shortCodeSid })
    // The third list request is faulted: the first two pages pass.
    t.server.faults.add({ method: "GET", path: "/v1/Services/*/ShortCodes", status: 429, retryAfter: 3, nth: 3, times: 1 })
    const limited = await expectTwilioApiError(client.listAllShortCodes({ serviceSid, pageSize: 1 }), 429, 20429)
    expect(limited.retryAfter).toBe(3)
    expect(limited.request).toMatch(/[?&]Page=2(&|$)/)
    expect(t.server.requests({ method: "GET" }).map((entry) => entry.status)).toEqual([200, 200, 429])
  })
})

describe("the typed client against the emulator: the Effect form and the transport", () => {
  it("client.effect fails in its typed error channel with the TwilioApiError of the answer", async () => {
    const code = await Effect.runPromise(
      client.effect.fetchShortCode({ serviceSid, sid: first }).pipe(
        Effect.map(() => 0),
        Effect.catchTag("TwilioApiError", (error) => Effect.succeed(error.code))
      )
    )
    expect(code).toBe(20404)
    const created = await Effect.runPromise(client.effect.createShortCode({ serviceSid, shortCodeSid: first }))
    expect(created.sid).toBe(first)
  })

  it("a fault rule's 500 is a TwilioApiError 500 20500; a dropped connection is a ShortCodesClientError of reason Transport", async () => {
    t.server.faults.add({ method: "GET", path: "/v1/Services/*/ShortCodes", status: 500, times: 1 })
    const failed = await expectTwilioApiError(client.listShortCodes({ serviceSid }), 500, 20500)
    expect(failed.twilioError.message).toBe(errorTable[20500].message)
    t.server.faults.add({ method: "GET", path: "/v1/Services/*/ShortCodes/*", action: "drop", times: 1 })
    const dropped = await rejection(client.fetchShortCode({ serviceSid, sid: first }))
    expect(dropped).toBeInstanceOf(ShortCodesClientError)
    const request = `GET ${t.url}/v1/Services/${serviceSid}/ShortCodes/${first}`
    expect(dropped).toMatchObject({ reason: "Transport", request, status: undefined, message: `${request}: Transport error (${request})` })
    expect(t.server.requests({ method: "GET", path: "/v1/Services/*/ShortCodes/*" }).map((entry) => entry.status)).toEqual([null])
  })
})

describe("the typed client against the emulator: a property", () => {
  type Step = { readonly op: "create" | "remove"; readonly sid: string }
  const step: fc.Arbitrary<Step> = fc.record({ op: fc.constantFrom("create", "remove"), sid: fc.constantFrom(...DEMO_SHORT_CODE_SIDS) })

  /** The service's short codes in the order they were (last) added: the list's order. */
  const apply = (state: ReadonlyArray<string>, op: Step["op"], sid: string) =>
    op === "create" ? (state.includes(sid) ? state : [...state, sid]) : state.filter((s) => s !== sid)

  propTest.prop([fc.array(step, { maxLength: 12 })], { numRuns: 30 })(
    "after any create/remove sequence the client's list is the state the journal's successes lead to, and each answer is the expected one",
    async (steps) => {
      await t.server.reset()
      let expected: ReadonlyArray<string> = []
      for (const { op, sid } of steps) {
        const present = expected.includes(sid)
        if (op === "create") {
          if (present) await expectTwilioApiError(client.createShortCode({ serviceSid, shortCodeSid: sid }), 409, 21710)
          else expect((await client.createShortCode({ serviceSid, shortCodeSid: sid })).sid).toBe(sid)
        } else {
          if (present) await expect(client.deleteShortCode({ serviceSid, sid })).resolves.toBeUndefined()
          else await expectTwilioApiError(client.deleteShortCode({ serviceSid, sid }), 404, 20404)
        }
        expected = apply(expected, op, sid)
      }
      // The state the emulator's journal says it reached: every 201 an add, every 204 a removal, in order.
      let journaled: ReadonlyArray<string> = []
      for (const entry of t.server.requests({ path: "/v1/Services/*" })) {
        if (entry.method === "POST" && entry.status === 201) journaled = apply(journaled, "create", String(entry.form["ShortCodeSid"]))
        if (entry.method === "DELETE" && entry.status === 204) journaled = apply(journaled, "remove", entry.path.split("/").at(-1) as string)
      }
      expect(journaled).toEqual(expected)
      // Pages of one, so that every element is reached through the client's paging.
      expect(sids(await client.listAllShortCodes({ serviceSid, pageSize: 1 }))).toEqual(expected)
    }
  )
})
