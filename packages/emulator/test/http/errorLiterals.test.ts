/**
 * No error answer of the emulator is worded outside the schema package's `inputErrors` table: the request errors
 * (20001 bad input, 20004 method not allowed, 20404 not found) are built with `answerOf` (through `ApiError.answer`
 * or `notFound`), never from a code and a message written in place. The answers themselves are checked row by row
 * against a real server in inputErrors.test.ts; this keeps a new literal from creeping back in beside the table.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const src = fileURLToPath(new URL("../../src/", import.meta.url))
const files = (readdirSync(src, { recursive: true }) as Array<string>).filter((f) => f.endsWith(".ts")).map((f) => join(src, f))

// A code of the table's rows written in place, or a row's wording.
const literal = /ApiError\.of\((20001|20004|20404)\b|makeTwilioError\((20001|20004|20404)\b|["`](Invalid parameter|Invalid request|Method not allowed)\b/

// What stays outside the table, each for its reason.
const allowed = new Map([
  // Never answered: the client has gone (it only carries the error through the body reader).
  ["http/clientAborted.ts", 1],
  // 409 for a conflicting admin request: the admin API's own answer, which the Twilio table has no row for.
  ["routes/admin.ts", 1]
])

describe("the emulator's error answers", () => {
  it("are worded by the inputErrors table, not in place", () => {
    const found: Record<string, number> = {}
    for (const file of files) {
      const lines = readFileSync(file, "utf8").split("\n").filter((line) => !/^\s*(\*|\/\/)/.test(line) && literal.test(line))
      if (lines.length > 0) found[relative(src, file)] = lines.length
    }
    expect(found).toEqual(Object.fromEntries(allowed))
  })
})
