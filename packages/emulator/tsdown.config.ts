import { defineConfig } from "tsdown"

export default defineConfig({
  entry: ["src/main.ts", "src/index.ts", "src/twilio.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  platform: "node",
  target: "node20",
  // twilio is an optional peer dependency, imported only by the `./twilio` entry: users of that entry bring their own.
  external: ["twilio"]
})
