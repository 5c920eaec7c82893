import { afterEach, describe, expect, it, vi } from "vitest"
import { logLine, logTimestamp } from "../../src/http/requestLog.js"

afterEach(() => {
  vi.useRealTimers()
})

describe("logTimestamp", () => {
  it("is the ISO time of the current millisecond, made again as soon as the millisecond moves", () => {
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(new Date("2026-12-02T04:05:06.789Z"))
    expect(logTimestamp()).toBe("2026-12-02T04:05:06.789Z")
    expect(logLine("GET", "/v1/Services", 200, performance.now())).toMatch(/^2026-12-02T04:05:06\.789Z GET \/v1\/Services 200 \d+\.\dms$/)
    vi.setSystemTime(new Date("2026-12-02T04:05:06.790Z"))
    expect(logTimestamp()).toBe("2026-12-02T04:05:06.790Z")
    // A clock set back (NTP) is followed too.
    vi.setSystemTime(new Date("2026-12-02T04:05:06.100Z"))
    expect(logTimestamp()).toBe("2026-12-02T04:05:06.100Z")
  })
})
