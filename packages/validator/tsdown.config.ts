import { defineConfig } from "tsdown"

export default defineConfig([
  {
    entry: ["src/index.ts", "src/arbitraries.ts", "src/conformance.ts", "src/conformance/vitest.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    platform: "node",
    target: "node20"
  },
  {
    // The bin is ESM only: it is run, never imported.
    entry: ["src/cli.ts"],
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    platform: "node",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" }
  }
])
