import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// The recipe's own vitest project, run by isolation.test.ts in a child process (its files are not *.test.ts, so
// the emulator's suite does not pick them up). Two workers, so the two files run at the same time.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["*.recipe.ts"],
    globalSetup: ["./globalSetup.ts"],
    maxWorkers: 2,
    fileParallelism: true
  }
})
