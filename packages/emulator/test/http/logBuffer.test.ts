/** The request log's line buffer: one write per turn of the event loop, at most one per millisecond, in order. */
import { describe, expect, it } from "vitest"
import { makeLineBuffer } from "../../src/http/logBuffer.js"

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("makeLineBuffer", () => {
  it("writes the lines of a turn in one write at its end, and those that come within a millisecond of a write a millisecond after it", async () => {
    const writes: Array<string> = []
    let clock = 100
    const lines = makeLineBuffer((text) => writes.push(text), () => clock)
    lines.push("a")
    lines.push("b")
    expect(writes).toEqual([])
    await nextTurn()
    expect(writes).toEqual(["a\nb\n"])
    // Half a millisecond later: the line waits for the rest of the millisecond.
    clock = 100.5
    lines.push("c")
    await nextTurn()
    expect(writes).toEqual(["a\nb\n"])
    lines.push("d")
    await sleep(20)
    expect(writes).toEqual(["a\nb\n", "c\nd\n"])
    // Later than a millisecond after the last write: at the end of the turn again.
    clock = 200
    lines.push("e")
    await nextTurn()
    expect(writes).toEqual(["a\nb\n", "c\nd\n", "e\n"])
  })

  it("writes what is queued at once on flush, and nothing twice", async () => {
    const writes: Array<string> = []
    const lines = makeLineBuffer((text) => writes.push(text), () => 0)
    lines.push("a")
    lines.flush()
    expect(writes).toEqual(["a\n"])
    lines.push("b")
    lines.flush()
    await sleep(20)
    expect(writes).toEqual(["a\n", "b\n"])
  })
})
