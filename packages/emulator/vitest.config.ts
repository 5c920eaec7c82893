import { defineConfig } from "vitest/config"

// One seed for the whole run, decided here in the main process: with `isolate: false` the shared setup file runs
// once per test file in a reused worker, and would otherwise draw a new seed for every file after printing only the
// first. FC_SEED still replays a run.
const seed = process.env["FC_SEED"] !== undefined && process.env["FC_SEED"] !== ""
  ? process.env["FC_SEED"]
  : String((Date.now() ^ (Math.random() * 0x100000000)) | 0)

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    env: { FC_SEED: seed },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Every test file starts its own server on its own database, so nothing is shared between files but the module
    // cache; reusing it saves loading effect, hono and the SDK again for each of the twenty files (most of the
    // suite's time on two cores).
    isolate: false
  }
})
