import { defineConfig } from "vitest/config"

// One seed for the whole run, decided here in the main process (as in packages/emulator): with `isolate: false` the
// shared setup file runs once per test file in a reused worker and would otherwise draw a new seed for every file
// after printing only the first. FC_SEED=<n> replays a run.
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
    // Each file makes its own emulator, so files share nothing but the module cache; reusing it saves loading the
    // SDK, effect and hono again per file.
    isolate: false
  }
})
