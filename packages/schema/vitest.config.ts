import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// Tests import the package by its public names; inside this package those names resolve to the sources, so a
// build in progress never changes what the tests see. The built dist is checked by publint, attw and the release
// test, which installs the packed tarball.
const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@shortcode-kit\/schema\/http$/, replacement: src("http.ts") },
      { find: /^@shortcode-kit\/schema$/, replacement: src("index.ts") }
    ]
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 120_000
  }
})
