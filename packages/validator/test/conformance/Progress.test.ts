// The progress line: rewritten in place on a terminal, plain and sparse in a CI log.
import { describe, expect, it } from "vitest"
import type { ConformanceProgress } from "../../src/conformance/Options.js"
import { makeProgressPrinter } from "../../src/conformance/Progress.js"

const event = (fields: Partial<ConformanceProgress>): ConformanceProgress => ({
  phase: "check", label: "cors_headers", check: "cors_headers", finished: undefined, checksDone: 0, checksTotal: 2,
  runs: 1, numRuns: 50, shrinking: false, requests: 10, failures: 0, elapsedMs: 1000, ...fields
})

const printer = (tty: boolean) => {
  let out = ""
  let clock = 0
  const p = makeProgressPrinter({ write: (text: string) => (out += text) }, { tty, intervalMs: 100, now: () => clock })
  return { p, out: () => out, tick: (ms: number) => (clock += ms) }
}

describe("the progress printer", () => {
  it("on a terminal: one line rewritten in place at most every interval, cleared at the end", () => {
    const { p, out, tick } = printer(true)
    p.onProgress(event({ runs: 1 }))
    p.onProgress(event({ runs: 2 }))
    tick(150)
    p.onProgress(event({ runs: 3, requests: 40, elapsedMs: 2000 }))
    p.onProgress(event({ label: "auth", check: "auth", checksDone: 1, runs: 0, shrinking: true, failures: 1 }))
    p.done()
    expect(out().split("\r\x1b[2K")).toStrictEqual([
      "",
      "conformance: [1/2] cors_headers run 1/50, 10 requests, 0 failed, 10 req/s",
      "conformance: [1/2] cors_headers run 3/50, 40 requests, 0 failed, 20 req/s",
      "conformance: [2/2] auth shrinking a failure (run 0), 10 requests, 1 failed, 10 req/s",
      ""
    ])
  })

  it("in a log: a line per finished check and one per interval, never a carriage return", () => {
    const { p, out, tick } = printer(false)
    p.onProgress(event({ phase: "setup", label: "setup", check: undefined }))
    p.onProgress(event({ runs: 2 }))
    p.onProgress(event({ runs: 3, checksDone: 1, finished: { check: "cors_headers", status: "passed", runs: 50, requests: 612 } }))
    tick(150)
    p.onProgress(event({ label: "auth", check: "auth", checksDone: 1, runs: 7 }))
    p.onProgress(event({ phase: "done", label: "done", check: undefined }))
    p.done()
    expect(out()).toBe([
      "conformance: setup, 10 requests, 0 failed, 10 req/s",
      "conformance: [1/2] cors_headers passed (50 runs, 612 requests)",
      "conformance: [2/2] auth run 7/50, 10 requests, 0 failed, 10 req/s",
      ""
    ].join("\n"))
  })
})
