// Writes packages/schema/openapi.json, the OpenAPI document of ShortCodesApi, from the TypeScript sources (through
// tsx, so no build is needed first). test/http/openapi.test.ts fails when the committed file differs from what the
// built package's `openApiDocumentText()` returns.
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { tsImport } from "tsx/esm/api"

const http = await tsImport("../src/http.ts", import.meta.url)
const target = fileURLToPath(new URL("../openapi.json", import.meta.url))
writeFileSync(target, http.openApiDocumentText())
console.log(`write-openapi: wrote ${target}`)
