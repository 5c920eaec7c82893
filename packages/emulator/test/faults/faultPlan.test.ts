import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { applyFaultPlan, describeFaultPlan, type FaultPlan, faultPlan, type FaultTarget } from "../../src/faults/FaultPlan.js"
import { startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"

let t: TestServer
let account: TestAccount
beforeAll(async () => {
  t = await startTestServer()
  account = await t.makeAccount(0)
})
afterEach(() => {
  t.server.faults.clear()
})
afterAll(async () => {
  await t.close()
})

const CREATE: FaultTarget = { method: "POST", path: "/v1/Services" }
const LIST: FaultTarget = { method: "GET", path: "/v1/Services" }

const basic = () => `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`

/** One attempt to create a service: its status, or `"network"` when the connection was dropped. */
const attempt = async (): Promise<number | "network"> => {
  try {
    const response = await fetch(`${t.url}/v1/Services`, {
      method: "POST",
      headers: { Authorization: basic(), "Content-Type": "application/x-www-form-urlencoded" },
      body: "FriendlyName=plan"
    })
    await response.arrayBuffer()
    return response.status
  } catch {
    return "network"
  }
}

/**
 * A client with a planted bug: it retries 5xx answers and dropped connections, and 429s too, but counts 429s over
 * the whole call and gives up on the second one.
 */
const naiveCreate = async (): Promise<number> => {
  let tooManyRequests = 0
  for (let i = 0; i < 6; i++) {
    const status = await attempt()
    if (status === 429 && ++tooManyRequests === 2) throw new Error("gave up after a second 429")
    if (status === "network" || status === 429 || status >= 500) continue
    return status
  }
  throw new Error("out of attempts")
}

/** The same client without the bug: every transient answer is retried, up to six attempts. */
const fixedCreate = async (): Promise<number> => {
  for (let i = 0; i < 6; i++) {
    const status = await attempt()
    if (status === "network" || status === 429 || status >= 500) continue
    return status
  }
  throw new Error("out of attempts")
}

// At most four faulted creates, so six attempts always reach the emulator's own answer.
const plans = faultPlan({ targets: [CREATE, LIST], maxRequests: 4, maxDelayMs: 20 })

const createsUnder = async (client: () => Promise<number>, plan: FaultPlan): Promise<void> => {
  applyFaultPlan(t.server.faults, plan)
  expect(await client()).toBe(201)
}

describe("fault plans that shrink", () => {
  it("find the planted bug and shrink it to the minimal plan: 429 on the first two creates", async () => {
    // The search for the planted bug must not depend on the machine's speed: the suite's time cap (FC_TIME_LIMIT_MS)
    // would end it early, unfailed, on a loaded machine; the seed alone decides what it finds. 100 runs missed the bug
    // for some seeds (FC_SEED=1330851852); the search stops at the first failure, so a larger bound costs only there.
    const result = await fc.check(fc.asyncProperty(plans, (plan) => createsUnder(naiveCreate, plan)), { numRuns: 2000, interruptAfterTimeLimit: 600_000 })
    expect(result.failed).toBe(true)
    const [minimal] = result.counterexample as [FaultPlan]
    expect(minimal).toEqual([
      { target: CREATE, nth: 1, fault: "429" },
      { target: CREATE, nth: 2, fault: "429" }
    ])
    const report = fc.defaultReportMessage(result) ?? ""
    expect(report).toContain(`seed: ${result.seed}`)
    expect(report).toContain(["fault plan, 2 steps:", "  POST /v1/Services #1 -> 429", "  POST /v1/Services #2 -> 429"].join("\n"))
    expect(String(result.errorInstance)).toBe("Error: gave up after a second 429")
  })

  test.prop([plans], { numRuns: 25 })("do not fail a client that copes with every fault of the plan", async (plan) => {
    await createsUnder(fixedCreate, plan)
  })
})

describe("faultPlan", () => {
  test.prop([faultPlan({ targets: [CREATE, LIST], faults: ["503", "delay"], maxRequests: 3, maxDelayMs: 7 })], { numRuns: 200 })(
    "draws steps of the given kinds within the first maxRequests of each target, in target and request order",
    (plan) => {
      for (const step of plan) {
        expect(["503", "delay"]).toContain(step.fault)
        expect(step.nth).toBeGreaterThanOrEqual(1)
        expect(step.nth).toBeLessThanOrEqual(3)
        if (step.fault === "delay") expect(step.delayMs).toBeLessThanOrEqual(7)
      }
      const order = plan.map((step) => [step.target === CREATE ? 0 : 1, step.nth])
      expect(order).toEqual([...order].sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number)))
      expect(fc.stringify(plan)).toBe(describeFaultPlan(plan))
    }
  )

  it("refuses options it cannot honour", () => {
    expect(() => faultPlan({ targets: [] })).toThrow("faultPlan: give at least one target")
    expect(() => faultPlan({ targets: [CREATE], faults: [] })).toThrow("faultPlan: give at least one fault kind")
    expect(() => faultPlan({ targets: [CREATE], maxRequests: 0 })).toThrow("faultPlan: maxRequests must be a positive integer, received 0")
    expect(() => faultPlan({ targets: [CREATE], maxDelayMs: 60_001 })).toThrow("faultPlan: maxDelayMs must be an integer from 0 to 60000, received 60001")
  })
})

describe("applyFaultPlan", () => {
  it("replaces the emulator's rules with one per step, each faulting exactly its request", async () => {
    t.server.faults.add({ method: "POST", path: "/v1/Services", status: 500 })
    const rules = applyFaultPlan(t.server.faults, [
      { target: CREATE, nth: 2, fault: "503" },
      { target: CREATE, nth: 3, fault: "drop" },
      { target: CREATE, nth: 4, fault: "delay", delayMs: 5 },
      { target: CREATE, nth: 5, fault: "429" }
    ], { retryAfter: 0 })
    expect(rules.map((r) => r.id)).toEqual([1, 2, 3, 4])
    const seen: Array<number | "network"> = []
    for (let i = 0; i < 6; i++) seen.push(await attempt())
    expect(seen).toEqual([201, 503, "network", 201, 429, 201])
    expect(t.server.faults.list().map((r) => [r.matched, r.faulted])).toEqual([[6, 1], [6, 1], [6, 1], [6, 1]])
    expect(t.server.faults.list()[3]).toMatchObject({ status: 429, retryAfter: 0 })
  })

  it("describes an empty plan", () => {
    expect(describeFaultPlan([])).toBe("fault plan, no steps (no request is faulted)")
  })
})
