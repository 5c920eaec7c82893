// The same manager over a real socket: startServer({ port: 0 }) on 127.0.0.1 and makeTwilioHttpClient, i.e. the
// SDK's own axios client. What differs from in-process is the transport: how a dropped connection and Retry-After
// reach the code, and the next_page_url the SDK follows.
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS, type JournalEntry, type RunningServer, startServer } from "@shortcode-kit/emulator"
import { makeTwilioHttpClient } from "@shortcode-kit/emulator/twilio"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { makeShortCodeManager } from "../src/index.js"
import { recordingSleep } from "./support/inProcess.js"

let server: RunningServer
beforeAll(async () => {
  server = await startServer({ port: 0, database: ":memory:", log: false })
})
beforeEach(async () => {
  // Over HTTP as a script would do it; `await server.reset()` is the same.
  const reset = await fetch(`${server.url}/admin/reset`, { method: "POST", headers: { Authorization: `Bearer ${server.adminToken}` } })
  expect(reset.status).toBe(200)
})
afterAll(async () => {
  await server.close()
})

const [SC1, SC2, SC3] = DEMO_SHORT_CODE_SIDS

const manager = (sleep = recordingSleep().sleep) =>
  makeShortCodeManager({ accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN, httpClient: makeTwilioHttpClient(server.url), sleep })

/** The journal over HTTP, as a test in another process would read it. */
const journal = async (query: string): Promise<ReadonlyArray<JournalEntry>> => {
  const response = await fetch(`${server.url}/admin/requests?${query}`, { headers: { Authorization: `Bearer ${server.adminToken}` } })
  return ((await response.json()) as { requests: ReadonlyArray<JournalEntry> }).requests
}

describe("over HTTP", () => {
  it("attaches with one POST, as the journal over HTTP shows", async () => {
    expect(await manager().attach(DEMO_SERVICE_SID, SC1)).toMatchObject({ _tag: "Attached", via: "created", attempts: 1 })
    const adds = await journal("method=POST&path=/v1/Services/*")
    expect(adds.map((r) => [r.path, r.form, r.status, r.account_sid])).toEqual([
      [`/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`, { ShortCodeSid: SC1 }, 201, DEMO_ACCOUNT_SID]
    ])
  })

  it("reads Retry-After from the axios answer and retries a real dropped socket", async () => {
    server.faults.add({ method: "POST", path: "/v1/Services/*/ShortCodes", status: 429, retryAfter: 3, times: 1 })
    server.faults.add({ method: "POST", path: "/v1/Services/*/ShortCodes", nth: 2, action: "drop", times: 1 })
    const { waits, sleep } = recordingSleep()
    expect(await manager(sleep).attach(DEMO_SERVICE_SID, SC1)).toMatchObject({ _tag: "Attached", via: "created", attempts: 3 })
    // 3 s from Retry-After, then the backoff's second step after the drop.
    expect(waits).toEqual([3000, 200])
    expect(server.faults.list().map((r) => [r.matched, r.faulted])).toEqual([[3, 1], [3, 1]])
    // The dropped attempt is journaled too, with no answer (status null).
    expect(server.requests({ method: "POST", path: "/v1/Services/*" }).map((r) => [r.status, r.code])).toEqual([[429, 20429], [null, null], [201, null]])
  })

  it("walks the pages through the next_page_url the SDK follows", async () => {
    const m = manager()
    for (const sid of [SC3, SC1, SC2]) await m.attach(DEMO_SERVICE_SID, sid)
    const listed = await m.listAll(DEMO_SERVICE_SID, { pageSize: 2 })
    expect(listed).toMatchObject({ _tag: "Listed", pages: 2 })
    expect(listed._tag === "Listed" && listed.shortCodes.map((s) => s.sid)).toEqual([SC3, SC1, SC2])
    expect((await journal("method=GET")).map((r) => Object.keys(r.query).sort())).toEqual([["PageSize"], ["Page", "PageSize", "PageToken"]])
  })
})
