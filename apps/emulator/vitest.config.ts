import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Every test file starts its own server on its own database, so nothing is shared between files but the module
    // cache; reusing it saves loading effect, hono and the SDK again for each of the twenty files (most of the
    // suite's time on two cores).
    isolate: false
  }
})
