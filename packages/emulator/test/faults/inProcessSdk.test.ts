/**
 * Fault rules, the journal and fault plans with the official SDK in-process (`makeInProcessHttpClient`): no socket,
 * and the same behaviour a user meets over HTTP.
 */
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import twilio from "twilio"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../../src/Demo.js"
import { applyFaultPlan, type FaultPlan, faultPlan, type FaultTarget } from "../../src/faults/FaultPlan.js"
import { makeInProcessHttpClient, type InProcessHttpClientOptions } from "../../src/InProcessHttpClient.js"
import { makeServer } from "../../src/Server.js"

const emulator = makeServer({ database: ":memory:", log: false })
afterAll(() => emulator.close())
beforeEach(async () => {
  await emulator.reset()
})

const sdk = (options: InProcessHttpClientOptions = {}) =>
  twilio(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, { httpClient: makeInProcessHttpClient(emulator, options) })

const SHORT_CODES = `/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`
const CREATE: FaultTarget = { method: "POST", path: "/v1/Services" }

/** The rejection of `promise` (it must reject). */
const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(() => expect.unreachable("expected the SDK call to fail"), (error: unknown) => error)

describe("fault rules through makeInProcessHttpClient", () => {
  it("autoRetry retries through a 429 rule; the journal shows every attempt with its form", async () => {
    emulator.faults.add({ method: "POST", path: "/v1/Services/*/ShortCodes", status: 429, times: 2 })
    const client = sdk({ autoRetry: true, maxRetries: 3, maxRetryDelay: 0 })
    const added = await client.messaging.v1.services(DEMO_SERVICE_SID).shortCodes.create({ shortCodeSid: DEMO_SHORT_CODE_SIDS[0] })
    expect(added.sid).toBe(DEMO_SHORT_CODE_SIDS[0])
    expect(emulator.faults.list()).toMatchObject([{ matched: 3, faulted: 2, active: false }])
    const form = { ShortCodeSid: DEMO_SHORT_CODE_SIDS[0] }
    expect(emulator.requests({ method: "POST", path: "/v1/Services/*/ShortCodes" }).map(({ path, form, account_sid, status, code }) => ({ path, form, account_sid, status, code }))).toEqual([
      { path: SHORT_CODES, form, account_sid: DEMO_ACCOUNT_SID, status: 429, code: 20429 },
      { path: SHORT_CODES, form, account_sid: DEMO_ACCOUNT_SID, status: 429, code: 20429 },
      { path: SHORT_CODES, form, account_sid: DEMO_ACCOUNT_SID, status: 201, code: null }
    ])
  })

  it("without autoRetry the 429 reaches the caller as a RestException with the rule's status and code", async () => {
    emulator.faults.add({ method: "GET", path: "/v1/Services", status: 429, retryAfter: 7, times: 1 })
    const error = await rejection(sdk().messaging.v1.services.list())
    expect(error).toBeInstanceOf(twilio.RestException)
    expect(error).toMatchObject({ status: 429, code: 20429, moreInfo: "https://www.twilio.com/docs/errors/20429" })
    expect((await sdk().messaging.v1.services.list()).map((s) => s.sid)).toEqual([DEMO_SERVICE_SID])
  })

  it("a drop rule reaches the SDK as a reset connection, not as an answer; the next request is served", async () => {
    emulator.faults.add({ method: "GET", path: "/v1/Services/*", action: "drop", times: 1 })
    const error = await rejection(sdk().messaging.v1.services(DEMO_SERVICE_SID).fetch())
    expect(error).not.toBeInstanceOf(twilio.RestException)
    expect(error).toMatchObject({
      code: "ECONNRESET",
      message: `socket hang up (GET /v1/Services/${DEMO_SERVICE_SID}: the emulator dropped the connection)`
    })
    expect((await sdk().messaging.v1.services(DEMO_SERVICE_SID).fetch()).sid).toBe(DEMO_SERVICE_SID)
    expect(emulator.faults.list()).toMatchObject([{ matched: 2, faulted: 1 }])
  })

  it("a reset clears the rules and the journal", async () => {
    emulator.faults.add({ method: "GET", path: "/v1/Services", status: 503 })
    await rejection(sdk().messaging.v1.services.list())
    expect(emulator.requests()).toHaveLength(1)
    await emulator.reset()
    expect({ faults: emulator.faults.list(), requests: emulator.requests() }).toEqual({ faults: [], requests: [] })
    expect((await sdk().messaging.v1.services.list()).map((s) => s.sid)).toEqual([DEMO_SERVICE_SID])
  })
})

/** Whether the SDK call failed for a reason a client should retry: a 5xx or a dropped connection. */
const isTransient = (error: unknown): boolean =>
  error instanceof twilio.RestException ? error.status >= 500 : (error as { code?: unknown }).code === "ECONNRESET"

/** A service create that retries 5xx answers and dropped connections, and leaves 429s to the SDK's autoRetry. */
const createService = async (maxRetries: number): Promise<string> => {
  const client = sdk({ autoRetry: true, maxRetries, maxRetryDelay: 0 })
  for (let attempt = 0; ; attempt++) {
    try {
      return (await client.messaging.v1.services.create({ friendlyName: "plan" })).sid
    } catch (error) {
      if (attempt >= 5 || !isTransient(error)) throw error
    }
  }
}

// At most three faulted creates: the retries above always reach the emulator's own answer.
const plans = faultPlan({ targets: [CREATE], faults: ["429", "500", "503", "drop"], maxRequests: 3 })

describe("fault plans with the SDK in-process", () => {
  test.prop([plans], { numRuns: 30 })("a client that retries transient faults creates exactly one service under any plan", async (plan) => {
    await emulator.reset()
    applyFaultPlan(emulator.faults, plan)
    const sid = await createService(3)
    // One service more than the demo data, and every attempt is in the journal (a dropped one without a status),
    // the last a 201.
    expect((await sdk().messaging.v1.services.list()).map((s) => s.sid).sort()).toEqual([DEMO_SERVICE_SID, sid].sort())
    // The attempts: the n-th create meets the step at n, if any; the first without one is created.
    const expected: Array<number | "drop"> = []
    for (let n = 1; ; n++) {
      const step = plan.find((s) => s.nth === n)
      if (step === undefined) break
      expected.push(step.fault === "drop" ? "drop" : Number(step.fault))
    }
    expect(emulator.faults.list().reduce((sum, rule) => sum + rule.faulted, 0)).toBe(expected.length)
    expect(emulator.requests({ method: "POST", path: "/v1/Services" }).map((e) => e.status)).toEqual([
      ...expected.map((status) => (status === "drop" ? null : status)),
      201
    ])
  })

  it("shrinks the failure of a client whose SDK gives up on the second 429 (maxRetries: 1) to the two 429s", async () => {
    // Two kinds, so that the failing schedules (two 429s in a row from the first create) are common enough that 200
    // runs meet one whatever the seed.
    const result = await fc.check(
      fc.asyncProperty(faultPlan({ targets: [CREATE], faults: ["429", "503"], maxRequests: 3 }), async (plan) => {
        await emulator.reset()
        applyFaultPlan(emulator.faults, plan)
        await createService(1)
      }),
      // No suite time cap (FC_TIME_LIMIT_MS): on a loaded machine it would end the search early, unfailed.
      { numRuns: 200, interruptAfterTimeLimit: 600_000 }
    )
    expect(result.failed).toBe(true)
    expect(result.counterexample as [FaultPlan]).toEqual([[
      { target: CREATE, nth: 1, fault: "429" },
      { target: CREATE, nth: 2, fault: "429" }
    ]])
    expect(result.errorInstance).toMatchObject({ status: 429, code: 20429 })
  })
})
