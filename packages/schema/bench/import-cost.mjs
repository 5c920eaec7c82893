// Import cost: what `import { ShortCode } from "@shortcode-kit/schema"` and the validator's entry add to a
// browser/edge bundle, next to the same schema written in zod 4, all bundled by esbuild (minified, tree-shaken) and
// gzipped. Run after a build; `npm run bench` at the root includes these rows.
import { build } from "esbuild"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gzipSync } from "node:zlib"

const entries = {
  "@shortcode-kit/schema ShortCode": `import { ShortCode } from "@shortcode-kit/schema"; import { Schema } from "effect"; globalThis.decode = Schema.decodeUnknownSync(ShortCode)`,
  "@shortcode-kit/schema whole index": `export * from "@shortcode-kit/schema"`,
  "@shortcode-kit/validator validateShortCode": `import { validateShortCode } from "@shortcode-kit/validator"; globalThis.validate = validateShortCode`,
  "zod 4 equivalent ShortCode": `import { z } from "zod"
const sid = (p) => z.string().length(34).regex(new RegExp("^" + p + "[0-9a-fA-F]{32}$"))
const ShortCode = z.object({
  sid: sid("SC").nullable().optional(), account_sid: sid("AC").nullable().optional(), service_sid: sid("MG").nullable().optional(),
  date_created: z.iso.datetime({ offset: true }).nullable().optional(), date_updated: z.iso.datetime({ offset: true }).nullable().optional(),
  short_code: z.string().nullable().optional(), country_code: z.string().nullable().optional(),
  capabilities: z.array(z.string()).nullable().optional(), url: z.url().nullable().optional()
})
globalThis.decode = (u) => ShortCode.parse(u)`
}

const dir = mkdtempSync(join(tmpdir(), "import-cost-"))
try {
  const rows = []
  for (const [name, source] of Object.entries(entries)) {
    const file = join(dir, "entry.mjs")
    writeFileSync(file, source)
    const result = await build({
      entryPoints: [file], bundle: true, minify: true, format: "esm", platform: "browser", write: false,
      nodePaths: [new URL("../../../node_modules", import.meta.url).pathname, new URL("../node_modules", import.meta.url).pathname],
      logLevel: "silent"
    })
    const code = result.outputFiles[0].contents
    rows.push({ bundle: name, minifiedKiB: +(code.length / 1024).toFixed(1), gzipKiB: +(gzipSync(code).length / 1024).toFixed(1) })
  }
  console.table(rows)
  if (process.argv.includes("--json")) console.log(JSON.stringify(rows))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
