/**
 * Bad input: thousands of malformed create requests from the validator's arbitraries against a real server. None
 * may get a 5xx, every answer must be a Twilio error body with the status and code the arbitrary expects, the
 * server must stay up and nothing may change.
 */
import { fc, test } from "@fast-check/vitest"
import { TwilioError } from "@shortcode-kit/schema"
import { expectedFaultResponses } from "@shortcode-kit/validator"
import { invalidCreateShortCodeHttpRequest } from "@shortcode-kit/validator/arbitraries"
import { Result, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectCors, startTestServer, type TestAccount, type TestServer } from "./support/testServer.js"

const RUNS = 2_000

let t: TestServer
let account: TestAccount
let authorization: string
let before: { readonly list: unknown; readonly dump: unknown }
const faultsSeen = new Map<string, number>()
let sent = 0

const snapshot = async () => ({
  list: (await t.twilio(account, "GET", `/v1/Services/${account.serviceSid}/ShortCodes?PageSize=1000`)).json,
  dump: (await t.admin("GET", "/admin/dump")).json
})

beforeAll(async () => {
  t = await startTestServer()
  account = await t.makeAccount(3)
  authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`
  // One short code already in the service, so "unchanged" covers a non-empty list.
  await t.twilio(account, "POST", `/v1/Services/${account.serviceSid}/ShortCodes`, { ShortCodeSid: account.shortCodeSids[0] as string })
  before = await snapshot()
})
afterAll(async () => {
  await t.close()
})

const decodeError = Schema.decodeUnknownResult(TwilioError)

describe("malformed create requests", () => {
  test.prop(
    [fc.constant(null).chain(() => invalidCreateShortCodeHttpRequest({
      serviceSid: account.serviceSid,
      // A short code of the inventory in no service: had any faulty request been accepted, it would have been added.
      shortCodeSid: account.shortCodeSids[1] as string,
      headers: { authorization }
    }))],
    { numRuns: RUNS, interruptAfterTimeLimit: 170_000 }
  )("each gets the expected Twilio error, never a 5xx", async (request) => {
    sent++
    faultsSeen.set(request.fault ?? "none", (faultsSeen.get(request.fault ?? "none") ?? 0) + 1)
    // Bytes, so that fetch adds no Content-Type of its own: the headers are exactly the sample's.
    const response = await fetch(`${t.url}${request.path}`, { method: request.method, headers: request.headers, body: Buffer.from(request.body) })
    const text = await response.text()
    expect(response.status, text).toBeLessThan(500)
    expectCors(response.headers)
    const decoded = decodeError(JSON.parse(text))
    expect(Result.isSuccess(decoded), text).toBe(true)
    const error = (decoded as Result.Success<TwilioError, never>).success
    expect({ fault: request.fault, status: response.status, code: error.code, bodyStatus: error.status }).toEqual({
      fault: request.fault,
      status: request.expect.status,
      code: request.expect.code,
      bodyStatus: request.expect.status
    })
  })

  it(`sent at least ${RUNS} of them, covering every fault`, () => {
    expect(sent).toBeGreaterThanOrEqual(RUNS)
    expect([...faultsSeen.keys()].sort()).toEqual(Object.keys(expectedFaultResponses).sort())
  })

  it("left the server up and the data unchanged", async () => {
    expect(await snapshot()).toEqual(before)
    const added = await t.twilio(account, "POST", `/v1/Services/${account.serviceSid}/ShortCodes`, { ShortCodeSid: account.shortCodeSids[1] as string })
    expect(added.status).toBe(201)
  })
})

describe("arbitrary requests", () => {
  const segment = fc.oneof(
    fc.constantFrom("v1", "Services", "ShortCodes", "admin", "docs", "openapi.json", "", "..", "%00", "%ZZ", "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    fc.string({ maxLength: 40 }).map(encodeURIComponent)
  )
  const request = fc.record({
    method: fc.constantFrom("GET", "POST", "DELETE", "PUT", "PATCH", "HEAD"),
    path: fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => `/${parts.join("/")}`),
    query: fc.option(fc.string({ maxLength: 60 }).map((q) => `?${encodeURI(q)}`), { nil: "" }),
    contentType: fc.option(fc.constantFrom("application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data"), { nil: undefined }),
    body: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
    authorized: fc.boolean()
  })

  test.prop([request], { numRuns: 300, interruptAfterTimeLimit: 60_000 })("never get a 5xx; every error is a Twilio error body", async (r) => {
    const headers: Record<string, string> = {}
    if (r.contentType !== undefined) headers["content-type"] = r.contentType
    if (r.authorized) headers["authorization"] = authorization
    const withBody = r.body !== undefined && r.method !== "GET" && r.method !== "HEAD"
    const response = await fetch(`${t.url}${r.path}${r.query}`, { method: r.method, headers, ...(withBody ? { body: Buffer.from(r.body ?? "") } : {}) })
    const text = await response.text()
    expect(response.status, `${r.method} ${r.path}${r.query}: ${text}`).toBeLessThan(500)
    expectCors(response.headers)
    if (response.status >= 400 && r.method !== "HEAD") expect(Result.isSuccess(decodeError(JSON.parse(text))), text).toBe(true)
  })
})
