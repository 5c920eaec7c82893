// Micro-benchmarks on tinybench, made robust for a noisy 2-core machine: every function runs in batches (one timed
// sample = BATCH calls, far above the timer's resolution), each round runs every task once after a warm-up, and the
// rounds interleave subjects and baselines so that drift (another process, a frequency change) hits both. A task's
// figure is the median over rounds of the round's median sample.
import { Bench } from "tinybench"

const BATCH = 64
let sink

/** Runs `fn` BATCH times; the result goes to a module variable so that no call can be optimised away. */
const batched = (fn) => () => {
  for (let i = 0; i < BATCH; i++) sink = fn()
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * ops/s of every task (`{ name: fn }`), median of `rounds` rounds; `onRound(i)` reports progress.
 *
 * @example
 * const opsPerSecond = await measure({ ajv: () => validate(input), ours: () => isShortCode(input) })
 */
export const measure = async (tasks, { rounds = 7, time = 150, warmupTime = 60, onRound } = {}) => {
  const perRound = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]))
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time, warmupTime, iterations: 16, warmupIterations: 8, timestampProvider: "hrtimeNow", throws: true })
    // Alternate the order between rounds so that no task always runs right after the same neighbour.
    const names = round % 2 === 0 ? Object.keys(tasks) : Object.keys(tasks).reverse()
    for (const name of names) bench.add(name, batched(tasks[name]))
    await bench.run()
    for (const task of bench.tasks) {
      const result = task.result
      if (result.state !== "completed") throw new Error(`benchmark ${task.name} did not complete: ${result.state}`)
      perRound[task.name].push((BATCH * 1000) / result.latency.p50)
    }
    onRound?.(round + 1)
  }
  if (sink === Symbol.for("never")) console.log(sink)
  return Object.fromEntries(Object.entries(perRound).map(([name, values]) => [name, median(values)]))
}
