#!/usr/bin/env node
// The `shortcode-kit` bin. It is committed, not built, because npm links a workspace's bin only if the file exists
// at install time: `npm ci && npm run build` then gives a working `npx shortcode-kit`. The command is dist/cli.mjs.
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

const cli = new URL("../dist/cli.mjs", import.meta.url)
if (!existsSync(cli)) {
  process.stderr.write(`shortcode-kit: ${fileURLToPath(cli)} is missing: build the package first (npm run build)\n`)
  process.exit(1)
}
await import(cli.href)
