import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { makeJournal, type JournalEntry } from "../../src/controls/Journal.js"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../../src/Demo.js"
import { makeServer } from "../../src/Server.js"
import { ADMIN_TOKEN, expectTwilioError, startTestServer, type TestServer } from "../support/testServer.js"

const demo = { accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN }
const shortCodes = `/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ demo: true })
})
afterAll(() => t.close())
beforeEach(async () => {
  expect((await t.admin("DELETE", "/admin/requests")).status).toBe(204)
})

const journal = async (query = ""): Promise<ReadonlyArray<JournalEntry>> => {
  const answer = await t.admin("GET", `/admin/requests${query}`)
  expect(answer.status, answer.text).toBe(200)
  return (answer.json as { requests: ReadonlyArray<JournalEntry> }).requests
}

describe("GET /admin/requests", () => {
  it("journals each Twilio request, oldest first, with its decoded query and form, account, status and error code", async () => {
    expect((await t.twilio(demo, "POST", `${shortCodes}?Note=a%20b&Note=c`, { ShortCodeSid: DEMO_SHORT_CODE_SIDS[0] })).status).toBe(201)
    // Twice: the second is answered from the response cache, and journals too.
    expect((await t.twilio(demo, "GET", `${shortCodes}/${DEMO_SHORT_CODE_SIDS[0]}`)).status).toBe(200)
    expect((await t.twilio(demo, "GET", `${shortCodes}/${DEMO_SHORT_CODE_SIDS[0]}`)).status).toBe(200)
    expect((await t.twilio({ ...demo, authToken: "wrong" }, "GET", "/v1/Services")).status).toBe(401)
    expect((await t.twilio(demo, "POST", shortCodes, { ShortCodeSid: "SC123" })).status).toBe(400)

    const entries = await journal()
    expect(entries.map(({ duration_ms, at, ...rest }) => rest)).toEqual([
      {
        method: "POST",
        path: shortCodes,
        query: { Note: ["a b", "c"] },
        form: { ShortCodeSid: DEMO_SHORT_CODE_SIDS[0] },
        account_sid: DEMO_ACCOUNT_SID,
        status: 201,
        code: null
      },
      { method: "GET", path: `${shortCodes}/${DEMO_SHORT_CODE_SIDS[0]}`, query: {}, form: {}, account_sid: DEMO_ACCOUNT_SID, status: 200, code: null },
      { method: "GET", path: `${shortCodes}/${DEMO_SHORT_CODE_SIDS[0]}`, query: {}, form: {}, account_sid: DEMO_ACCOUNT_SID, status: 200, code: null },
      { method: "GET", path: "/v1/Services", query: {}, form: {}, account_sid: null, status: 401, code: 20003 },
      { method: "POST", path: shortCodes, query: {}, form: { ShortCodeSid: "SC123" }, account_sid: DEMO_ACCOUNT_SID, status: 400, code: 21421 }
    ])
    for (const entry of entries) {
      expect(entry.duration_ms).toBeGreaterThanOrEqual(0)
      expect(new Date(entry.at).toISOString()).toBe(entry.at)
    }
    const times = entries.map((e) => Date.parse(e.at))
    expect([...times].sort((a, b) => a - b)).toEqual(times)
    // The handle answers the same entries.
    expect(t.server.requests()).toEqual(entries)
  })

  it("journals the form of a POST that a fault rule answered before the application read its body", async () => {
    t.server.faults.add({ method: "POST", path: "/v1/Services", status: 429, times: 1 })
    t.server.faults.add({ method: "POST", path: "/v1/Services/*/ShortCodes", status: 503, times: 1 })
    try {
      // A name of 40,000 bytes comes in several chunks; the form is still whole.
      const long = "x".repeat(40_000)
      expect((await t.twilio(demo, "POST", "/v1/Services", { FriendlyName: long })).status).toBe(429)
      expect((await t.twilio(demo, "POST", shortCodes, { ShortCodeSid: DEMO_SHORT_CODE_SIDS[1] })).status).toBe(503)
      // The connection goes on serving after a body the tap read.
      expect((await t.twilio(demo, "POST", shortCodes, { ShortCodeSid: DEMO_SHORT_CODE_SIDS[1] })).status).toBe(201)
    } finally {
      t.server.faults.clear()
    }
    expect((await journal()).map(({ form, status, code }) => ({ form, status, code }))).toEqual([
      { form: { FriendlyName: "x".repeat(40_000) }, status: 429, code: 20429 },
      { form: { ShortCodeSid: DEMO_SHORT_CODE_SIDS[1] }, status: 503, code: 20503 },
      { form: { ShortCodeSid: DEMO_SHORT_CODE_SIDS[1] }, status: 201, code: null }
    ])
  })

  it("holds no secret: neither the Authorization header nor an auth token", async () => {
    await t.twilio(demo, "GET", "/v1/Services")
    await t.twilio({ ...demo, authToken: "a-wrong-token-xyz" }, "GET", "/v1/Services")
    const answer = await t.admin("GET", "/admin/requests")
    expect(answer.text).not.toContain(DEMO_AUTH_TOKEN)
    expect(answer.text).not.toContain("a-wrong-token-xyz")
    expect(answer.text).not.toContain(Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64"))
    expect(answer.text).not.toMatch(/authorization/i)
  })

  it("leaves out admin requests and /healthz", async () => {
    await t.request("GET", "/healthz")
    await t.admin("GET", "/admin/dump")
    await t.admin("POST", "/admin/accounts", {})
    await t.twilio(demo, "GET", "/v1/Services")
    expect((await journal()).map((e) => e.path)).toEqual(["/v1/Services"])
  })

  it("names the account of credentials whose SID has upper-case hex digits in its canonical form, as the API authenticated it", async () => {
    // The demo data as at start (earlier tests of this file placed the demo short codes), and an empty journal.
    await t.server.reset()
    const upperCaseSid = `AC${DEMO_ACCOUNT_SID.slice(2).toUpperCase()}`
    expect(upperCaseSid).not.toBe(DEMO_ACCOUNT_SID)
    // A list and a fetch of one short code, each with the upper-case account SID.
    expect((await t.twilio({ ...demo, accountSid: upperCaseSid }, "GET", "/v1/Services")).status).toBe(200)
    expect((await t.twilio(demo, "POST", shortCodes, { ShortCodeSid: DEMO_SHORT_CODE_SIDS[1] })).status).toBe(201)
    expect((await t.twilio({ ...demo, accountSid: upperCaseSid }, "GET", `${shortCodes}/${DEMO_SHORT_CODE_SIDS[1]}`)).status).toBe(200)
    expect((await journal("?method=GET")).map((e) => e.account_sid)).toEqual([DEMO_ACCOUNT_SID, DEMO_ACCOUNT_SID])
    expect((await t.twilio(demo, "DELETE", `${shortCodes}/${DEMO_SHORT_CODE_SIDS[1]}`)).status).toBe(204)
  })

  it("filters by method (any letter case) and by path, exactly or by the prefix before a final *", async () => {
    await t.twilio(demo, "GET", "/v1/Services")
    await t.twilio(demo, "GET", `/v1/Services/${DEMO_SERVICE_SID}`)
    await t.twilio(demo, "GET", shortCodes)
    await t.twilio(demo, "DELETE", `${shortCodes}/${DEMO_SHORT_CODE_SIDS[2]}`)
    const pick = async (query: string) => (await journal(query)).map((e) => `${e.method} ${e.path}`)
    expect(await pick("?path=/v1/Services")).toEqual(["GET /v1/Services"])
    expect(await pick(`?path=${encodeURIComponent(`/v1/Services/${DEMO_SERVICE_SID}*`)}`)).toEqual([
      `GET /v1/Services/${DEMO_SERVICE_SID}`,
      `GET ${shortCodes}`,
      `DELETE ${shortCodes}/${DEMO_SHORT_CODE_SIDS[2]}`
    ])
    expect(await pick("?method=delete")).toEqual([`DELETE ${shortCodes}/${DEMO_SHORT_CODE_SIDS[2]}`])
    expect(await pick(`?method=GET&path=${encodeURIComponent(`${shortCodes}*`)}`)).toEqual([`GET ${shortCodes}`])
    expect(t.server.requests({ method: "GET", path: "/v1/Services/*" })).toHaveLength(2)
  })

  it("filters by path with a * segment standing for one segment, as a fault rule's path does", async () => {
    await t.twilio(demo, "GET", "/v1/Services")
    await t.twilio(demo, "GET", `/v1/Services/${DEMO_SERVICE_SID}`)
    await t.twilio(demo, "POST", shortCodes, { ShortCodeSid: DEMO_SHORT_CODE_SIDS[0] })
    await t.twilio(demo, "GET", `${shortCodes}/${DEMO_SHORT_CODE_SIDS[0]}`)
    const pick = async (query: string) => (await journal(query)).map((e) => `${e.method} ${e.path}`)
    // The path of the README's fault rule example picks the requests that rule would match.
    expect(await pick(`?path=${encodeURIComponent("/v1/Services/*/ShortCodes")}`)).toEqual([`POST ${shortCodes}`])
    expect(await pick(`?path=${encodeURIComponent("/v1/Services/*/ShortCodes/*")}`)).toEqual([`GET ${shortCodes}/${DEMO_SHORT_CODE_SIDS[0]}`])
    expect(t.server.requests({ path: "/v1/*" })).toHaveLength(4)
    // A * inside a segment is a plain character, and the other characters of the pattern are literal.
    expect(t.server.requests({ path: "/v1/Serv*/ShortCodes" })).toEqual([])
    expect(t.server.requests({ path: "/v1/Services/.*" })).toEqual([])
  })

  it("refuses an unknown or repeated filter, naming it", async () => {
    const unknown = await t.admin("GET", "/admin/requests?status=200")
    expect(expectTwilioError(unknown, 400, 20001).message).toBe("Invalid parameter: status. /admin/requests filters by method and path only")
    const repeated = await t.admin("GET", "/admin/requests?method=GET&method=POST")
    expect(expectTwilioError(repeated, 400, 20001).message).toBe("Invalid parameter: method. Give it once, not empty")
  })

  it("needs the admin token, and answers 405 naming the allowed methods", async () => {
    const anonymous = await t.request("GET", "/admin/requests")
    expect(expectTwilioError(anonymous, 401, 20003).message).toBe("Authenticate: the admin API needs Authorization: Bearer <ADMIN_TOKEN>")
    expect(anonymous.headers.get("WWW-Authenticate")).toBe('Bearer realm="shortcode-kit emulator admin"')
    const post = await t.request("POST", "/admin/requests", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })
    expect(expectTwilioError(post, 405, 20004).message).toBe("Method not allowed: POST is not supported on /admin/requests; allowed: GET, HEAD, DELETE, OPTIONS")
    expect(post.headers.get("Allow")).toBe("GET, HEAD, DELETE, OPTIONS")
  })

  it("DELETE empties it, and clearRequests() does too", async () => {
    await t.twilio(demo, "GET", "/v1/Services")
    expect(await journal()).toHaveLength(1)
    expect((await t.admin("DELETE", "/admin/requests")).status).toBe(204)
    expect(await journal()).toEqual([])
    await t.twilio(demo, "GET", "/v1/Services")
    t.server.clearRequests()
    expect(await journal()).toEqual([])
  })
})

describe("the journal under load", () => {
  it("keeps every one of 50 parallel requests over HTTP, cached answers, forms and failures alike", async () => {
    const requests = Array.from({ length: 50 }, (_, i) => {
      switch (i % 5) {
        case 0: // answered from the response cache after the first
          return { method: "GET", path: `${shortCodes}/${DEMO_SHORT_CODE_SIDS[0]}`, credentials: demo, form: undefined }
        case 1:
          return { method: "POST", path: "/v1/Services", credentials: demo, form: { FriendlyName: `parallel ${i}` } }
        case 2:
          return { method: "GET", path: `/v1/Services?Page=0&PageSize=${i}`, credentials: demo, form: undefined }
        case 3:
          return { method: "POST", path: "/v1/Services", credentials: { ...demo, authToken: `wrong ${i}` }, form: { FriendlyName: `refused ${i}` } }
        default:
          return { method: "POST", path: shortCodes, credentials: demo, form: { ShortCodeSid: `SC${i}` } }
      }
    })
    // The first short code is in the service (and only that) before the fetches run in parallel.
    await t.server.reset()
    expect((await t.twilio(demo, "POST", shortCodes, { ShortCodeSid: DEMO_SHORT_CODE_SIDS[0] })).status).toBe(201)
    t.server.clearRequests()
    const answers = await Promise.all(requests.map((r) => t.twilio(r.credentials, r.method, r.path, r.form)))
    expect(answers.map((a) => a.status)).toEqual(requests.map((_, i) => [200, 201, 200, 401, 400][i % 5]))

    const entries = await journal()
    expect(entries).toHaveLength(50)
    const key = (e: { method: string; path: string; form: object }) => `${e.method} ${e.path} ${JSON.stringify(e.form)}`
    const expected = requests.map((r, i) => ({
      method: r.method,
      path: r.path.split("?")[0] as string,
      form: r.form ?? {},
      account_sid: i % 5 === 3 ? null : DEMO_ACCOUNT_SID,
      status: answers[i]?.status
    }))
    const sorted = <T extends { method: string; path: string; form: object }>(list: ReadonlyArray<T>) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1))
    expect(sorted(entries.map(({ method, path, form, account_sid, status }) => ({ method, path, form, account_sid, status })))).toEqual(sorted(expected))
  })
})

describe("the journal's cap (journalLimit)", () => {
  it("keeps the newest journalLimit requests", async () => {
    const small = await startTestServer({ demo: true, journalLimit: 2 })
    try {
      for (const page of ["0", "1", "2"]) await small.twilio(demo, "GET", `/v1/Services?Page=${page}`)
      expect(small.server.requests().map((e) => e.query)).toEqual([{ Page: "1" }, { Page: "2" }])
      const health = await small.request("GET", "/healthz")
      expect(health.json).toMatchObject({ journal: { size: 2, limit: 2 } })
    } finally {
      await small.close()
    }
  })

  test.prop([fc.nat({ max: 6 }), fc.array(fc.nat({ max: 999 }), { maxLength: 20 })], { numRuns: 100 })(
    "is the last min(n, limit) recorded, in order",
    (limit, statuses) => {
      const j = makeJournal(limit)
      const entry = (status: number): JournalEntry => ({
        method: "GET", path: "/", query: {}, form: {}, account_sid: null, status, code: null, duration_ms: 0, at: "2024-01-01T00:00:00.000Z"
      })
      statuses.forEach((s) => j.record(entry(s)))
      const kept = limit === 0 ? [] : statuses.slice(-limit)
      expect(j.entries().map((e) => e.status)).toEqual(kept)
      expect(j.size()).toBe(kept.length)
    }
  )
})

describe("in-process fetch", () => {
  it("journals the form of a web Request too", async () => {
    const emulator = makeServer({ log: false })
    try {
      const response = await emulator.fetch(new Request(`http://local${shortCodes}`, {
        method: "POST",
        headers: {
          Authorization: `Basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded"
        },
        body: `ShortCodeSid=${DEMO_SHORT_CODE_SIDS[1]}`
      }))
      expect(response.status).toBe(201)
      expect(emulator.requests()).toMatchObject([{ method: "POST", form: { ShortCodeSid: DEMO_SHORT_CODE_SIDS[1] }, account_sid: DEMO_ACCOUNT_SID, status: 201 }])
    } finally {
      await emulator.close()
    }
  })
})
