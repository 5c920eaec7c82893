// Fault plans from the emulator: fast-check draws which adds of a short code fail and how, the emulator executes the
// plan, and the property says attach must still end with the short code in the service exactly once. The same
// arbitrary finds a planted bug in a variant of the retry policy and shrinks it to the smallest plan that breaks it.
import { test } from "@fast-check/vitest"
import { applyFaultPlan, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS, type FaultPlan, faultPlan, type FaultTarget } from "@shortcode-kit/emulator"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { exponentialBackoff, type RetryPolicy } from "../src/index.js"
import { managerFor, recordingSleep, useInProcessEmulator } from "./support/inProcess.js"

const emulator = useInProcessEmulator()
const [SC1] = DEMO_SHORT_CODE_SIDS
const ADD: FaultTarget = { method: "POST", path: "/v1/Services/*/ShortCodes" }

// A plan faults at most the first four adds, so five attempts always reach the emulator's own answer.
const MAX_FAULTED = 4
const policy = exponentialBackoff({ maxAttempts: MAX_FAULTED + 1 })

/** The planted bug: the real policy, except that it gives up on the second 429 of a call. */
const givesUpOnSecond429: RetryPolicy = {
  delayAfter: (failure, attempt, history) =>
    history.filter((f) => f._tag === "TwilioAnswer" && f.status === 429).length >= 2 ? undefined : policy.delayAfter(failure, attempt, history)
}

/** Runs one attach under `plan` from the demo data; throws, with the outcome's message, unless it is Attached. */
const attachUnder = async (retry: RetryPolicy, plan: FaultPlan): Promise<void> => {
  await emulator().reset() // a fresh start for every run of the property (it also clears the rules)
  applyFaultPlan(emulator().faults, plan)
  const outcome = await managerFor(emulator(), { retry, sleep: recordingSleep().sleep }).attach(DEMO_SERVICE_SID, SC1)
  if (outcome._tag !== "Attached") throw new Error(outcome.message)
  emulator().faults.clear()
  const listed = await managerFor(emulator()).listAll(DEMO_SERVICE_SID)
  expect(listed._tag === "Listed" && listed.shortCodes.map((s) => s.sid)).toEqual([SC1])
}

describe("attach under fault plans", () => {
  test.prop([faultPlan({ targets: [ADD], maxRequests: MAX_FAULTED, maxDelayMs: 10 })], { numRuns: 40 })(
    "ends with the short code in the service exactly once, whatever the plan",
    async (plan) => {
      await attachUnder(policy, plan)
      const adds = emulator().requests({ method: "POST", path: "/v1/Services/*" })
      // The last add is the one that went through; dropped ones leave no entry (no answer to record).
      expect(adds.at(-1)).toMatchObject({ status: 201, form: { ShortCodeSid: SC1 } })
    }
  )

  it("finds the planted bug (giving up on the second 429) and shrinks it to two 429s on the first two adds", async () => {
    // Only the transient answers, so that a drawn plan holds two 429s often and the search is quick.
    const plans = faultPlan({ targets: [ADD], faults: ["429", "503", "drop"], maxRequests: MAX_FAULTED })
    // The search for the planted bug must not depend on the machine's speed: the suite's time cap (FC_TIME_LIMIT_MS)
    // would end it early, unfailed, on a loaded machine; the seed alone decides what it finds.
    const result = await fc.check(fc.asyncProperty(plans, (plan) => attachUnder(givesUpOnSecond429, plan)), { numRuns: 200, interruptAfterTimeLimit: 600_000 })
    expect(result.failed).toBe(true)
    const [minimal] = result.counterexample as [FaultPlan]
    expect(minimal).toEqual([
      { target: ADD, nth: 1, fault: "429" },
      { target: ADD, nth: 2, fault: "429" }
    ])
    expect(String(result.errorInstance)).toBe("Error: gave up after 2 attempts: 429 20429 Too Many Requests")
    const report = fc.defaultReportMessage(result) ?? ""
    expect(report).toContain(`seed: ${result.seed}`)
    expect(report).toContain(["fault plan, 2 steps:", "  POST /v1/Services/*/ShortCodes #1 -> 429", "  POST /v1/Services/*/ShortCodes #2 -> 429"].join("\n"))
  })
})
