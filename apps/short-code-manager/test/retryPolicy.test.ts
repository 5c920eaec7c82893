// The default policy: exponential backoff with a cap, a bounded number of attempts, and Retry-After honoured.
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type CallFailure, exponentialBackoff } from "../src/index.js"

const unavailable: CallFailure = { _tag: "TwilioAnswer", status: 503, code: 20503, message: "Service Unavailable" }
const limited = (retryAfterMs: number): CallFailure => ({ _tag: "TwilioAnswer", status: 429, code: 20429, message: "Too Many Requests", retryAfterMs })

describe("exponentialBackoff", () => {
  it("doubles from baseDelayMs up to maxDelayMs and gives up after maxAttempts", () => {
    const policy = exponentialBackoff({ maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000 })
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => policy.delayAfter(unavailable, attempt, []))
    expect(delays).toEqual([100, 200, 400, 800, 1000, undefined])
  })

  test.prop([fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 10_000 })], { numRuns: 200 })(
    "waits at most maxDelayMs, never less after more failures, and gives up exactly from maxAttempts on",
    (maxAttempts, baseDelayMs, maxDelayMs) => {
      const policy = exponentialBackoff({ maxAttempts, baseDelayMs, maxDelayMs })
      const delays = Array.from({ length: maxAttempts + 2 }, (_, i) => policy.delayAfter(unavailable, i + 1, []))
      const waits = delays.slice(0, maxAttempts - 1) as Array<number>
      expect(delays.slice(maxAttempts - 1)).toEqual([undefined, undefined, undefined])
      for (const [i, wait] of waits.entries()) {
        expect(wait).toBeLessThanOrEqual(maxDelayMs)
        if (i > 0) expect(wait).toBeGreaterThanOrEqual(waits[i - 1] as number)
      }
    }
  )

  it("waits what Retry-After says, beyond the cap, and gives up at once when it says more than maxRetryAfterMs", () => {
    const policy = exponentialBackoff({ maxDelayMs: 500, maxRetryAfterMs: 10_000 })
    expect(policy.delayAfter(limited(2000), 1, [])).toBe(2000)
    expect(policy.delayAfter(limited(0), 1, [])).toBe(0)
    expect(policy.delayAfter(limited(10_001), 1, [])).toBeUndefined()
  })

  it("refuses options it cannot honour, naming the option", () => {
    expect(() => exponentialBackoff({ maxAttempts: 0 })).toThrow("exponentialBackoff: maxAttempts must be a whole number >= 1, received 0")
    expect(() => exponentialBackoff({ baseDelayMs: 1.5 })).toThrow("exponentialBackoff: baseDelayMs must be a whole number >= 0, received 1.5")
    expect(() => exponentialBackoff({ maxDelayMs: -1 })).toThrow("exponentialBackoff: maxDelayMs must be a whole number >= 0, received -1")
    expect(() => exponentialBackoff({ maxRetryAfterMs: Number.NaN })).toThrow("exponentialBackoff: maxRetryAfterMs must be a whole number >= 0, received null")
  })
})
