import { defineConfig } from "tsdown"

export default defineConfig({
  entry: ["src/main.ts", "src/index.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  platform: "node",
  target: "node20",
  // twilio is a devDependency used only by the exported SDK helper; users of that helper bring their own copy.
  external: ["twilio"]
})
