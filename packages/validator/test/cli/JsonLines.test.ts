import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { validateShortCode } from "@shortcode-kit/validator"
import { afterAll, describe, expect, it } from "vitest"
import { strictShortCode } from "../fixtures.js"
import { lines, run, runShell } from "./run.js"

const dir = mkdtempSync(join(tmpdir(), "shortcode-kit-jsonl-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const bad = { ...strictShortCode, sid: "SC12" }
const SID_ISSUE = "  sid: sid.length: must be exactly 34 characters long: \"SC\" followed by 32 hexadecimal digits (expected \"SC\" followed by 32 hexadecimal digits; received \"SC12\")"

describe("shortcode-kit validate with JSON Lines", () => {
  it("sample --count 3 | validate short-code: one report per document and exit 0", async () => {
    const result = await runShell("shortcode-kit sample short-code --count 3 --seed 7 | shortcode-kit validate short-code")
    expect(result).toStrictEqual({
      code: 0,
      stdout: [
        "line 1: valid short-code (spec profile)",
        "line 2: valid short-code (spec profile)",
        "line 3: valid short-code (spec profile)",
        "3 documents: 3 valid, 0 invalid",
        ""
      ].join("\n"),
      stderr: ""
    })
  })

  it("exit 1 when any document is invalid, each report under its own line number; blank lines are skipped", async () => {
    const input = [JSON.stringify(strictShortCode), "", JSON.stringify(bad), JSON.stringify(strictShortCode), ""].join("\n")
    const { code, stdout, stderr } = await run(["validate", "short-code"], input)
    expect(code).toBe(1)
    expect(stderr).toBe("")
    expect(lines(stdout)).toStrictEqual([
      "line 1: valid short-code (spec profile)",
      "line 3: invalid short-code (spec profile): 1 issue",
      SID_ISSUE,
      "line 4: valid short-code (spec profile)",
      "3 documents: 2 valid, 1 invalid"
    ])
  })

  it("--json prints one { line, valid, issues } per document", async () => {
    const path = join(dir, "codes.jsonl")
    writeFileSync(path, `${JSON.stringify(bad)}\r\n${JSON.stringify(strictShortCode)}\r\n`)
    const { code, stdout } = await run(["validate", "short-code", "--json", path])
    expect(code).toBe(1)
    const expected = validateShortCode(bad)
    expect(lines(stdout).map((line) => JSON.parse(line))).toStrictEqual([
      { line: 1, valid: false, issues: expected.ok ? [] : expected.issues },
      { line: 2, valid: true, issues: [] }
    ])
  })

  it("one document, on one line or pretty-printed, is reported as before: no line number", async () => {
    const [oneLine, pretty] = await Promise.all([
      run(["validate", "short-code"], `${JSON.stringify(bad)}\n`),
      run(["validate", "short-code"], JSON.stringify(bad, null, 2))
    ])
    for (const result of [oneLine, pretty]) {
      expect(result.code).toBe(1)
      expect(lines(result.stdout)).toStrictEqual(["invalid short-code (spec profile): 1 issue", SID_ISSUE])
    }
  })

  it("a line that is not JSON is a usage error naming the input and its line number, with nothing on stdout", async () => {
    const input = [JSON.stringify(strictShortCode), JSON.stringify(strictShortCode), "{\"sid\": SC12}"].join("\n")
    const { code, stdout, stderr } = await run(["validate", "short-code"], input)
    expect(code).toBe(2)
    expect(stdout).toBe("")
    expect(stderr).toContain("standard input line 3 is not valid JSON: Unexpected token 'S', \"{\"sid\": SC12}\" is not valid JSON (JSON Lines: one document per line)")
  })

  it("a broken pretty-printed document is still reported as one document, not as a bad line", async () => {
    const { code, stderr } = await run(["validate", "short-code"], "{\n  \"sid\": \"SC12\",\n}\n")
    expect(code).toBe(2)
    expect(stderr).toContain("standard input is not valid JSON: ")
    expect(stderr).not.toContain("line")
  })
})
