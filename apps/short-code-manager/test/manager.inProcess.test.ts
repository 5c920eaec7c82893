// The manager against the emulator in this process (makeServer + makeInProcessHttpClient): what it sends, what it
// answers, and how it copes with faults. Every test starts from the demo data (reset in beforeEach).
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS, type JournalFilter, makeServer } from "@shortcode-kit/emulator"
import { makeInProcessHttpClient } from "@shortcode-kit/emulator/twilio"
import { errorTable } from "@shortcode-kit/schema"
import twilio from "twilio"
import { describe, expect, it } from "vitest"
import { exponentialBackoff } from "../src/index.js"
import { managerFor, recordingSleep, useInProcessEmulator } from "./support/inProcess.js"

const emulator = useInProcessEmulator()
const [SC1, SC2, SC3] = DEMO_SHORT_CODE_SIDS
const ADD_PATH = `/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`
const ADDS: JournalFilter = { method: "POST", path: "/v1/Services/*" }
/** What the journal says of each request: status and Twilio code. */
const answers = (filter = ADDS) => emulator().requests(filter).map((r) => [r.status, r.code])

describe("attach", () => {
  it("sends exactly one POST with the ShortCodeSid form and answers Attached", async () => {
    const outcome = await managerFor(emulator()).attach(DEMO_SERVICE_SID, SC1)
    expect(outcome).toEqual({ _tag: "Attached", serviceSid: DEMO_SERVICE_SID, shortCodeSid: SC1, via: "created", attempts: 1 })
    expect(emulator().requests().map((r) => [r.method, r.path, r.form, r.status])).toEqual([["POST", ADD_PATH, { ShortCodeSid: SC1 }, 201]])
  })

  it("is idempotent: a short code already in the service (409 21710) is success", async () => {
    const manager = managerFor(emulator())
    await manager.attach(DEMO_SERVICE_SID, SC1)
    expect(await manager.attach(DEMO_SERVICE_SID, SC1)).toMatchObject({ _tag: "Attached", via: "already-attached", attempts: 1 })
    expect(answers()).toEqual([[201, null], [409, errorTable[21710].code]])
  })

  it("answers InAnotherService (21712) for a short code in another service", async () => {
    const sdk = twilio(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, { httpClient: makeInProcessHttpClient(emulator()) })
    const other = await sdk.messaging.v1.services.create({ friendlyName: "Other" })
    await sdk.messaging.v1.services(other.sid).shortCodes.create({ shortCodeSid: SC1 })
    expect(await managerFor(emulator()).attach(DEMO_SERVICE_SID, SC1)).toEqual({
      _tag: "InAnotherService",
      shortCodeSid: SC1,
      message: errorTable[21712].message
    })
  })

  it("answers PoolFull (21714) when the service holds as many short codes as it may", async () => {
    // The demo phone number takes one of the two places of the demo service's pool.
    const small = makeServer({ database: ":memory:", log: false, servicePoolLimit: 2 })
    try {
      const manager = managerFor(small)
      expect(await manager.attach(DEMO_SERVICE_SID, SC1)).toMatchObject({ _tag: "Attached" })
      expect(await manager.attach(DEMO_SERVICE_SID, SC2)).toEqual({
        _tag: "PoolFull",
        serviceSid: DEMO_SERVICE_SID,
        message: "The Messaging Service number pool is full (2 numbers and short codes per service)" // the emulator names its limit
      })
    } finally {
      await small.close()
    }
  })

  it("answers NotFound (20404) for a service the account does not have", async () => {
    const missing = `MG${"0".repeat(32)}`
    expect(await managerFor(emulator()).attach(missing, SC1)).toEqual({
      _tag: "NotFound",
      message: `The requested resource /v1/Services/${missing}/ShortCodes was not found`
    })
  })

  it("answers Rejected with Twilio's status and code for wrong credentials, without retrying", async () => {
    expect(await managerFor(emulator(), { authToken: "not-the-token" }).attach(DEMO_SERVICE_SID, SC1)).toEqual({
      _tag: "Rejected",
      status: errorTable[20003].status,
      code: errorTable[20003].code,
      message: errorTable[20003].message
    })
    expect(answers()).toEqual([[401, 20003]])
  })
})

describe("detach and listAll", () => {
  it("detaches, after which the short code is gone and a second detach is NotFound", async () => {
    const manager = managerFor(emulator())
    await manager.attach(DEMO_SERVICE_SID, SC1)
    expect(await manager.detach(DEMO_SERVICE_SID, SC1)).toEqual({ _tag: "Detached", serviceSid: DEMO_SERVICE_SID, shortCodeSid: SC1, attempts: 1 })
    expect(await manager.listAll(DEMO_SERVICE_SID)).toEqual({ _tag: "Listed", serviceSid: DEMO_SERVICE_SID, shortCodes: [], pages: 1 })
    expect(await manager.detach(DEMO_SERVICE_SID, SC1)).toEqual({
      _tag: "NotFound",
      message: `The requested resource ${ADD_PATH}/${SC1} was not found`
    })
  })

  it("walks every page, one GET per page, each short code once in the order added", async () => {
    const manager = managerFor(emulator())
    for (const sid of [SC2, SC1, SC3]) await manager.attach(DEMO_SERVICE_SID, sid)
    const listed = await manager.listAll(DEMO_SERVICE_SID, { pageSize: 1 })
    expect(listed).toMatchObject({ _tag: "Listed", pages: 3 })
    expect(listed._tag === "Listed" && listed.shortCodes.map((s) => s.sid)).toEqual([SC2, SC1, SC3])
    expect(emulator().requests({ method: "GET", path: ADD_PATH }).map((r) => r.query["PageSize"])).toEqual(["1", "1", "1"])
  })

  it("retries a page that failed without starting the walk again", async () => {
    const manager = managerFor(emulator())
    for (const sid of [SC1, SC2, SC3]) await manager.attach(DEMO_SERVICE_SID, sid)
    emulator().faults.add({ method: "GET", path: "/v1/Services/*/ShortCodes", nth: 2, times: 1, status: 503 })
    const listed = await manager.listAll(DEMO_SERVICE_SID, { pageSize: 1 })
    expect(listed._tag === "Listed" && listed.shortCodes.map((s) => s.sid)).toEqual([SC1, SC2, SC3])
    expect(answers({ method: "GET", path: ADD_PATH })).toEqual([[200, null], [503, 20503], [200, null], [200, null]])
  })
})

describe("retries", () => {
  it("waits what Retry-After says after a 429, then succeeds: two journal entries", async () => {
    emulator().faults.add({ method: "POST", path: "/v1/Services/*/ShortCodes", status: 429, retryAfter: 2, times: 1 })
    const { waits, sleep } = recordingSleep()
    expect(await managerFor(emulator(), { sleep }).attach(DEMO_SERVICE_SID, SC1)).toMatchObject({ _tag: "Attached", via: "created", attempts: 2 })
    expect(waits).toEqual([2000])
    expect(answers()).toEqual([[429, 20429], [201, null]])
  })

  it("backs off exponentially on 503s", async () => {
    emulator().faults.add({ method: "POST", path: "/v1/Services/*/ShortCodes", status: 503, times: 2 })
    const { waits, sleep } = recordingSleep()
    const manager = managerFor(emulator(), { sleep, retry: exponentialBackoff({ baseDelayMs: 100 }) })
    expect(await manager.attach(DEMO_SERVICE_SID, SC1)).toMatchObject({ _tag: "Attached", attempts: 3 })
    expect(waits).toEqual([100, 200])
    expect(answers()).toEqual([[503, 20503], [503, 20503], [201, null]])
  })

  it("retries a dropped connection (the emulator drops it before the request is carried out)", async () => {
    emulator().faults.add({ method: "POST", path: "/v1/Services/*/ShortCodes", action: "drop", times: 1 })
    const { waits, sleep } = recordingSleep()
    expect(await managerFor(emulator(), { sleep }).attach(DEMO_SERVICE_SID, SC1)).toMatchObject({ _tag: "Attached", via: "created", attempts: 2 })
    expect(waits).toEqual([100])
    expect(emulator().faults.list()).toMatchObject([{ matched: 2, faulted: 1 }])
    // The dropped request is journaled without an answer (status null), then the retry's 201.
    expect(answers()).toEqual([[null, null], [201, null]])
    expect(emulator().requests({ method: "POST" })[0]?.form).toEqual({ ShortCodeSid: SC1 })
  })

  it("gives up after maxAttempts and says on what", async () => {
    emulator().faults.add({ method: "POST", path: "/v1/Services/*/ShortCodes", status: 503 })
    const { waits, sleep } = recordingSleep()
    const manager = managerFor(emulator(), { sleep, retry: exponentialBackoff({ maxAttempts: 3 }) })
    expect(await manager.attach(DEMO_SERVICE_SID, SC1)).toEqual({
      _tag: "GaveUp",
      attempts: 3,
      last: { _tag: "TwilioAnswer", status: 503, code: 20503, message: errorTable[20503].message },
      message: `gave up after 3 attempts: 503 20503 ${errorTable[20503].message}`
    })
    expect(waits).toEqual([100, 200])
    expect(answers()).toEqual([[503, 20503], [503, 20503], [503, 20503]])
  })

  it("gives up at once on a Retry-After longer than it will wait", async () => {
    emulator().faults.add({ method: "POST", path: "/v1/Services/*/ShortCodes", status: 429, retryAfter: 3600 })
    const { waits, sleep } = recordingSleep()
    const manager = managerFor(emulator(), { sleep, retry: exponentialBackoff({ maxRetryAfterMs: 60_000 }) })
    expect(await manager.attach(DEMO_SERVICE_SID, SC1)).toMatchObject({ _tag: "GaveUp", attempts: 1, last: { status: 429, retryAfterMs: 3_600_000 } })
    expect(waits).toEqual([])
  })

  it("counts a 21710 after a lost answer as success: the first attempt did add the short code", async () => {
    // The emulator's drop fault closes the connection before the request is carried out, so the answer is lost
    // here instead: the emulator adds the short code, and the client never hears of it.
    let lose = 1
    const losing = {
      fetch: async (request: Request) => {
        const response = await emulator().fetch(request)
        if (request.method === "POST" && lose-- > 0) throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } })
        return response
      }
    }
    const outcome = await managerFor(losing).attach(DEMO_SERVICE_SID, SC1)
    expect(outcome).toEqual({ _tag: "Attached", serviceSid: DEMO_SERVICE_SID, shortCodeSid: SC1, via: "retried-after-lost-answer", attempts: 2 })
    expect(answers()).toEqual([[201, null], [409, 21710]])
    const listed = await managerFor(emulator()).listAll(DEMO_SERVICE_SID)
    expect(listed._tag === "Listed" && listed.shortCodes.map((s) => s.sid)).toEqual([SC1])
  })
})
