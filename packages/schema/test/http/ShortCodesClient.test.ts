import { test as propTest } from "@fast-check/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { randomAccountSid, randomServiceSid, type ServiceSid, TWILIO_MESSAGING_BASE_URL } from "@shortcode-kit/schema"
import {
  makeShortCodesClient,
  type ShortCodesClient,
  ShortCodesClientError,
  TwilioApiError
} from "@shortcode-kit/schema/http"
import { type Fixture, shortCodeSidOf, startShortCodesServer } from "./support/shortCodesServer.js"

const accountSid = randomAccountSid()
const authToken = "fixture-auth-token"
const serviceSid = randomServiceSid()
const MALFORMED = shortCodeSidOf(0xbad)
const UNAVAILABLE = shortCodeSidOf(0x503)
const PROXY_ERROR = shortCodeSidOf(0x502)
const RATE_LIMITED = shortCodeSidOf(0x429)
const UNAVAILABLE_UNTIL = shortCodeSidOf(0x5031)
const UNAVAILABLE_UNREADABLE = shortCodeSidOf(0x5032)
const twilioBody = (status: number) => ({
  code: 20000 + status,
  message: `Twilio ${status}`,
  more_info: `https://www.twilio.com/docs/errors/${20000 + status}`,
  status
})
// The Date of the 503 below and its Retry-After, an HTTP-date two minutes later.
const SENT_AT = "Wed, 21 Oct 2026 07:28:00 GMT"
const RETRY_AT = "Wed, 21 Oct 2026 07:30:00 GMT"

let server: Fixture
let client: ShortCodesClient

beforeAll(async () => {
  server = await startShortCodesServer({
    accountSid,
    authToken,
    services: [serviceSid],
    intercept: (request) => {
      const path = new URL(request.url).pathname
      if (path.endsWith(MALFORMED)) {
        // A 200 whose body breaks the ShortCode schema at "sid".
        return Response.json({ sid: "SC1", short_code: "12345" })
      }
      if (path.endsWith(UNAVAILABLE)) {
        return Response.json(
          { code: 20503, message: "Service unavailable", more_info: "https://www.twilio.com/docs/errors/20503", status: 503 },
          { status: 503 }
        )
      }
      if (path.endsWith(RATE_LIMITED)) return Response.json(twilioBody(429), { status: 429, headers: { "retry-after": "7" } })
      if (path.endsWith(UNAVAILABLE_UNTIL)) {
        return Response.json(twilioBody(503), { status: 503, headers: { "retry-after": RETRY_AT, date: SENT_AT } })
      }
      if (path.endsWith(UNAVAILABLE_UNREADABLE)) {
        return Response.json(twilioBody(503), { status: 503, headers: { "retry-after": "soon" } })
      }
      if (path.endsWith(PROXY_ERROR)) {
        return new Response("<html>Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html" } })
      }
      return undefined
    }
  })
  client = makeShortCodesClient({ baseUrl: server.url, accountSid, authToken })
})

afterAll(async () => {
  await server?.close()
})

// Each test adds short codes of its own, so that any test can run alone (vitest -t).
let nextSid = 1
const addShortCode = async () => {
  const shortCodeSid = shortCodeSidOf(nextSid++)
  await client.createShortCode({ serviceSid, shortCodeSid })
  return shortCodeSid
}

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error("expected the promise to reject")
}

describe("makeShortCodesClient against a server of ShortCodesApi", () => {
  test("createShortCode sends the form body and decodes the 201 ShortCode", async () => {
    const shortCodeSid = shortCodeSidOf(nextSid++)
    const created = await client.createShortCode({ serviceSid, shortCodeSid })
    expect(created.sid).toBe(shortCodeSid)
    expect(created.accountSid).toBe(accountSid)
    expect(created.serviceSid).toBe(serviceSid)
    expect(created.dateCreated).toBeInstanceOf(Date)
    expect(created.url).toBeInstanceOf(URL)
    expect(created.url?.href).toBe(`${server.url}/v1/Services/${serviceSid}/ShortCodes/${shortCodeSid}`)
    expect(created.capabilities).toEqual(["SMS"])
    expect(server.requests.at(-1)).toBe(`POST /v1/Services/${serviceSid}/ShortCodes`)
  })

  test("every request carries HTTP Basic credentials AccountSid:AuthToken", async () => {
    await client.fetchShortCode({ serviceSid, sid: await addShortCode() })
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`, "utf8").toString("base64")}`
    expect(server.authorizations.length).toBeGreaterThan(0)
    expect(new Set(server.authorizations)).toEqual(new Set([expected]))
  })

  test("fetchShortCode decodes the 200 ShortCode", async () => {
    const sid = await addShortCode()
    const fetched = await client.fetchShortCode({ serviceSid, sid })
    expect(fetched).toEqual(server.shortCodes.get(serviceSid)?.get(sid))
  })

  test("listShortCodes decodes the page and its meta", async () => {
    await addShortCode()
    const page = await client.listShortCodes({ serviceSid, pageSize: 20 })
    expect(page.shortCodes?.map((code) => code.sid)).toEqual([...(server.shortCodes.get(serviceSid)?.keys() ?? [])])
    expect(page.shortCodes?.length).toBeGreaterThan(0)
    expect(page.meta?.pageSize).toBe(20)
    expect(page.meta?.page).toBe(0)
    expect(page.meta?.nextPageUrl).toBeNull()
    expect(page.meta?.url).toBeInstanceOf(URL)
    expect(server.requests.at(-1)).toBe(`GET /v1/Services/${serviceSid}/ShortCodes?PageSize=20&Page=0`)
  })

  test("deleteShortCode answers 204, after which fetch is a TwilioApiError 404 with code 20404", async () => {
    const sid = await addShortCode()
    await expect(client.deleteShortCode({ serviceSid, sid })).resolves.toBeUndefined()
    const error = await rejection(client.fetchShortCode({ serviceSid, sid }))
    expect(error).toBeInstanceOf(TwilioApiError)
    const apiError = error as TwilioApiError
    expect(server.statuses.at(-1)).toBe(404)
    expect(apiError.status).toBe(404)
    expect(apiError.code).toBe(20404)
    expect(apiError.twilioError.moreInfo.href).toBe("https://www.twilio.com/docs/errors/20404")
    expect(apiError.message).toBe(
      `GET ${server.url}/v1/Services/${serviceSid}/ShortCodes/${sid}: HTTP 404, Twilio error 20404: ` +
        `The requested resource /v1/Services/${serviceSid}/ShortCodes/${sid} was not found ` +
        "(https://www.twilio.com/docs/errors/20404)"
    )
  })

  test("the server picks each error's status from the error value: a duplicate create is 409, code 21710", async () => {
    const error = await rejection(client.createShortCode({ serviceSid, shortCodeSid: await addShortCode() }))
    expect(error).toBeInstanceOf(TwilioApiError)
    expect(server.statuses.at(-1)).toBe(409)
    expect((error as TwilioApiError).status).toBe(409)
    expect((error as TwilioApiError).code).toBe(21710)
  })

  test("a wrong Auth Token is a TwilioApiError 401 with code 20003", async () => {
    const intruder = makeShortCodesClient({ baseUrl: server.url, accountSid, authToken: "wrong" })
    const error = await rejection(intruder.listShortCodes({ serviceSid }))
    expect(error).toBeInstanceOf(TwilioApiError)
    expect(server.statuses.at(-1)).toBe(401)
    expect((error as TwilioApiError).status).toBe(401)
    expect((error as TwilioApiError).code).toBe(20003)
  })

  test("a malformed success body is rejected with InvalidResponse naming the path", async () => {
    const error = await rejection(client.fetchShortCode({ serviceSid, sid: MALFORMED }))
    expect(error).toBeInstanceOf(ShortCodesClientError)
    const clientError = error as ShortCodesClientError
    expect(clientError.reason).toBe("InvalidResponse")
    expect(clientError.status).toBe(200)
    expect(clientError.issues).toEqual([
      {
        path: ["sid"],
        rule: "sid.length",
        message: `must be exactly 34 characters long: "SC" followed by 32 hexadecimal digits`,
        expected: `"SC" followed by 32 hexadecimal digits`,
        received: `"SC1"`
      }
    ])
    expect(clientError.message).toBe(
      `GET ${server.url}/v1/Services/${serviceSid}/ShortCodes/${MALFORMED}: the HTTP 200 response body does not match ` +
        `the API: sid: must be exactly 34 characters long: "SC" followed by 32 hexadecimal digits (received "SC1")`
    )
  })

  test("an undeclared status with a Twilio error body is still a TwilioApiError", async () => {
    const error = await rejection(client.fetchShortCode({ serviceSid, sid: UNAVAILABLE }))
    expect(error).toBeInstanceOf(TwilioApiError)
    expect((error as TwilioApiError).status).toBe(503)
    expect((error as TwilioApiError).code).toBe(20503)
  })

  test("the Retry-After of a 429 is TwilioApiError.retryAfter, in seconds", async () => {
    const error = await rejection(client.fetchShortCode({ serviceSid, sid: RATE_LIMITED }))
    expect(error).toBeInstanceOf(TwilioApiError)
    expect(error).toMatchObject({ status: 429, code: 20429, retryAfter: 7 })
  })

  test("a Retry-After HTTP-date counts from the response's Date; an unreadable or absent one gives no retryAfter", async () => {
    await expect(client.fetchShortCode({ serviceSid, sid: UNAVAILABLE_UNTIL })).rejects.toMatchObject({ status: 503, retryAfter: 120 })
    const unreadable = await rejection(client.fetchShortCode({ serviceSid, sid: UNAVAILABLE_UNREADABLE }))
    expect(unreadable).toMatchObject({ _tag: "TwilioApiError", status: 503 })
    expect((unreadable as TwilioApiError).retryAfter).toBeUndefined()
    expect((await rejection(client.fetchShortCode({ serviceSid, sid: UNAVAILABLE }))) as TwilioApiError).toHaveProperty("retryAfter", undefined)
  })

  test("an undeclared status without a Twilio error body is UnexpectedStatus, with the body's start", async () => {
    const error = await rejection(client.fetchShortCode({ serviceSid, sid: PROXY_ERROR }))
    expect(error).toBeInstanceOf(ShortCodesClientError)
    expect((error as ShortCodesClientError).reason).toBe("UnexpectedStatus")
    expect((error as ShortCodesClientError).status).toBe(502)
    expect((error as ShortCodesClientError).message).toContain(`unexpected HTTP 502 without a Twilio error body: "<html>Bad Gateway</html>"`)
  })

  test("invalid arguments fail with InvalidRequest under the caller's names, and nothing is sent", async () => {
    const sent = server.requests.length
    const error = await rejection(client.createShortCode({ serviceSid: "MG1", shortCodeSid: "sc" + "a".repeat(32) }))
    expect(error).toBeInstanceOf(ShortCodesClientError)
    const clientError = error as ShortCodesClientError
    expect(clientError.reason).toBe("InvalidRequest")
    expect(clientError.issues.map((issue) => [issue.path, issue.rule])).toEqual([
      [["serviceSid"], "sid.length"],
      [["shortCodeSid"], "sid.prefix"]
    ])
    expect(clientError.message.startsWith("createShortCode: invalid arguments, nothing was sent: serviceSid: ")).toBe(true)
    await expect(client.listShortCodes({ serviceSid, pageSize: 1001 })).rejects.toMatchObject({
      reason: "InvalidRequest",
      issues: [{ path: ["pageSize"], rule: "query.range", message: "PageSize must be between 1 and 1000" }]
    })
    await expect(client.listShortCodes({ serviceSid, pageSize: 2.5, page: -1 })).rejects.toMatchObject({
      reason: "InvalidRequest",
      issues: [
        { path: ["pageSize"], rule: "query.range", message: "PageSize must be between 1 and 1000" },
        { path: ["page"], rule: "query.range", message: "Page must be between 0 and 9007199254740991" }
      ]
    })
    await expect(client.fetchShortCode({ serviceSid, sid: ".." })).rejects.toMatchObject({
      reason: "InvalidRequest",
      issues: [{ path: ["sid"] }]
    })
    expect(server.requests.length).toBe(sent)
  })

  test("no server listening is a Transport error", async () => {
    const closed = await startShortCodesServer({ accountSid, authToken, services: [] })
    await closed.close()
    const offline = makeShortCodesClient({ baseUrl: closed.url, accountSid, authToken })
    await expect(offline.listShortCodes({ serviceSid })).rejects.toMatchObject({
      _tag: "ShortCodesClientError",
      reason: "Transport",
      status: undefined
    })
  })

  test("the Effect form fails with the same typed errors, in the error channel", async () => {
    const code = await Effect.runPromise(
      client.effect.fetchShortCode({ serviceSid, sid: shortCodeSidOf(404) }).pipe(
        Effect.map(() => 0),
        Effect.catchTag("TwilioApiError", (error) => Effect.succeed(error.code))
      )
    )
    expect(code).toBe(20404)
  })

  test("bad options throw at once with a precise message", () => {
    expect(() => makeShortCodesClient({ baseUrl: "messaging.twilio.com", accountSid, authToken })).toThrow(
      `makeShortCodesClient: baseUrl must be an absolute http(s) URL, received "messaging.twilio.com"`
    )
    expect(() => makeShortCodesClient({ baseUrl: "ftp://example.com", accountSid, authToken })).toThrow(
      `makeShortCodesClient: baseUrl must use http or https, received "ftp://example.com/"`
    )
    expect(() => makeShortCodesClient({ accountSid: "", authToken })).toThrow(
      `makeShortCodesClient: accountSid must be a non-empty string without ":" (HTTP Basic user name), received ""`
    )
    expect(() => makeShortCodesClient({ accountSid, authToken: "" })).toThrow("makeShortCodesClient: authToken must be a non-empty string")
    expect(makeShortCodesClient({ accountSid, authToken }).baseUrl).toBe("https://messaging.twilio.com")
  })
})

describe("listAllShortCodes", () => {
  // Each run adds codes to a fresh service and reads them back through every page.
  propTest.prop(
    [fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 5 })],
    { numRuns: 15 }
  )("follows next_page_url through every page and returns each short code once, in order", async (count, pageSize) => {
    const fresh = randomServiceSid() as ServiceSid
    server.shortCodes.set(fresh, new Map())
    const sids = Array.from({ length: count }, (_, i) => shortCodeSidOf(0x1000 + i))
    for (const shortCodeSid of sids) await client.createShortCode({ serviceSid: fresh, shortCodeSid })
    const before = server.requests.length
    const all = await client.listAllShortCodes({ serviceSid: fresh, pageSize })
    expect(all.map((code) => code.sid)).toEqual(sids)
    // One request per page, and one for an empty list.
    expect(server.requests.length - before).toBe(Math.max(1, Math.ceil(count / pageSize)))
    const pageRequests = server.requests.slice(before)
    pageRequests.forEach((line, page) => {
      expect(line).toBe(
        `GET /v1/Services/${fresh}/ShortCodes?PageSize=${pageSize}&Page=${page}${page === 0 ? "" : `&PageToken=PT${page}`}`
      )
    })
  })

  test("stops at a next_page_url of another list, whatever the case of its SID's hex digits", async () => {
    const other = randomServiceSid()
    const linking = await startShortCodesServer({
      accountSid,
      authToken,
      services: [serviceSid],
      // The first page links the next page of another service's list.
      intercept: () => Response.json({ short_codes: [], meta: { key: "short_codes", next_page_url: `${TWILIO_MESSAGING_BASE_URL}/v1/Services/${other.toUpperCase()}/ShortCodes?PageSize=1&Page=1` } })
    })
    try {
      const linked = makeShortCodesClient({ baseUrl: linking.url, accountSid, authToken })
      await expect(linked.listAllShortCodes({ serviceSid })).rejects.toMatchObject({
        _tag: "ShortCodesClientError",
        reason: "InvalidResponse",
        message: `GET ${TWILIO_MESSAGING_BASE_URL}/v1/Services/${other.toUpperCase()}/ShortCodes?PageSize=1&Page=1: next_page_url does not address the ShortCodes list of ${serviceSid}`
      })
    } finally {
      await linking.close()
    }
  })
})
