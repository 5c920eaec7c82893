// One place decides the property-test seed for the whole run, prints it, and makes every failure replayable:
// FC_SEED=<n> npm test reruns the exact same inputs (fast-check prints the path of a failing case too).
import fc from "fast-check"

const fromEnv = process.env["FC_SEED"]
const seed = fromEnv !== undefined && fromEnv !== "" ? Number(fromEnv) : (Date.now() ^ (Math.random() * 0x100000000)) | 0
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, received ${JSON.stringify(fromEnv)}`)
const numRuns = Number(process.env["FC_NUM_RUNS"] ?? 200)
const interruptAfterTimeLimit = Number(process.env["FC_TIME_LIMIT_MS"] ?? 20_000)

fc.configureGlobal({ seed, numRuns, interruptAfterTimeLimit, markInterruptAsFailure: false })

const announced = globalThis as { __fcSeedAnnounced?: boolean }
if (announced.__fcSeedAnnounced !== true) {
  announced.__fcSeedAnnounced = true
  console.log(`[fast-check] seed ${seed} (replay with FC_SEED=${seed})`)
}
