import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { validateShortCode } from "@shortcode-kit/validator"
import { afterAll, describe, expect, it } from "vitest"
import { MG, SC, strictShortCode, twilioError404 } from "../fixtures.js"
import { lines, run, runShell } from "./run.js"

const dir = mkdtempSync(join(tmpdir(), "shortcode-kit-cli-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const bad = { ...strictShortCode, sid: "SC12", capabilities: ["SMS", 7] }

describe("shortcode-kit validate", () => {
  it("a valid file: exit 0 and one line", async () => {
    const result = await run(["validate", "short-code", file("ok.json", JSON.stringify(strictShortCode))])
    expect(result).toStrictEqual({ code: 0, stdout: "valid short-code (spec profile)\n", stderr: "" })
  })

  it("invalid input from standard input: exit 1 and one line per issue with path, rule, expected, received", async () => {
    const { code, stdout } = await run(["validate", "short-code", "-"], JSON.stringify(bad))
    expect(code).toBe(1)
    expect(lines(stdout)).toStrictEqual([
      "invalid short-code (spec profile): 2 issues",
      "  sid: sid.length: must be exactly 34 characters long: \"SC\" followed by 32 hexadecimal digits (expected \"SC\" followed by 32 hexadecimal digits; received \"SC12\")",
      "  capabilities[1]: type: must be string (expected string; received 7)"
    ])
  })

  it("--json prints { valid, issues } with the library's issues", async () => {
    const { code, stdout } = await run(["validate", "short-code", "--json"], JSON.stringify(bad))
    expect(code).toBe(1)
    const expected = validateShortCode(bad)
    expect(JSON.parse(stdout)).toStrictEqual({ valid: false, issues: expected.ok ? [] : expected.issues })
    const ok = await run(["validate", "twilio-error", "--json", file("error.json", JSON.stringify(twilioError404))])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toStrictEqual({ valid: true, issues: [] })
  })

  it("--profile strict with --base-url", async () => {
    const local = { ...strictShortCode, url: `http://127.0.0.1:4010/v1/Services/${MG}/ShortCodes/${SC}` }
    const path = file("local.json", JSON.stringify(local))
    expect((await run(["validate", "short-code", path, "--profile", "strict", "--base-url", "http://127.0.0.1:4010"])).code).toBe(0)
    const { code, stdout } = await run(["validate", "short-code", path, "--profile", "strict"])
    expect(code).toBe(1)
    expect(stdout).toContain("url: url.canonical: ")
  })

  it("a page and a create form", async () => {
    const [page, form, repeated] = await Promise.all([
      run(["validate", "short-code-page"], JSON.stringify({ short_codes: [strictShortCode] })),
      // A text file's final line break is not part of the form.
      run(["validate", "create-form", file("form.txt", `ShortCodeSid=${SC}\n`)]),
      run(["validate", "create-form"], `ShortCodeSid=${SC}&ShortCodeSid=${SC}`)
    ])
    expect(page.code).toBe(0)
    expect(form).toStrictEqual({ code: 0, stdout: "valid create-form\n", stderr: "" })
    expect(repeated.code).toBe(1)
    expect(lines(repeated.stdout)[1]).toBe(`  ShortCodeSid: form.repeated: ShortCodeSid must be given once; it was given 2 times (expected exactly one ShortCodeSid; received ["${SC}","${SC}"])`)
  })

  it("usage errors and unreadable input exit 2 with a message on stderr", async () => {
    const [notJson, missing, kind, profile, baseUrl] = await Promise.all([
      run(["validate", "short-code"], "{\"sid\":"),
      run(["validate", "short-code", join(dir, "nope.json")]),
      run(["validate", "short-codes"]),
      run(["validate", "twilio-error", "--profile", "strict"], "{}"),
      run(["validate", "short-code", "--profile", "strict", "--base-url", "ftp://x"], "{}")
    ])
    expect(notJson.code).toBe(2)
    expect(notJson.stdout).toBe("")
    expect(notJson.stderr).toContain("standard input is not valid JSON")
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(`cannot read ${join(dir, "nope.json")}: ENOENT`)
    expect(kind.code).toBe(2)
    expect(kind.stderr).toContain("Invalid value for argument <kind>: \"short-codes\"")
    expect(profile.code).toBe(2)
    expect(profile.stderr).toContain("--profile and --base-url apply to short-code, short-code-page, phone-number, phone-number-page, alpha-sender, alpha-sender-page, not to twilio-error")
    expect(baseUrl.code).toBe(2)
    expect(baseUrl.stderr).toContain("baseUrl must be an http(s) origin")
  })

  it("empty input and input too large to read are usage errors that say so; a byte order mark is not part of the JSON", async () => {
    // A sparse file: its size is 600 MiB without a byte on the disk.
    const huge = join(dir, "huge.jsonl")
    writeFileSync(huge, "")
    truncateSync(huge, 600 * 2 ** 20)
    const [empty, blank, fromFile, fromStdin, bom] = await Promise.all([
      run(["validate", "short-code"], ""),
      run(["validate", "short-code"], " \n\t\n"),
      run(["validate", "short-code", huge]),
      runShell("head -c 629145600 /dev/zero | shortcode-kit validate short-code"),
      run(["validate", "short-code"], `\uFEFF${JSON.stringify({ sid: SC })}`)
    ])
    for (const result of [empty, blank]) {
      expect(result.code).toBe(2)
      expect(result.stderr).toContain("standard input is empty: expected a JSON document, or JSON Lines (one document per line)")
    }
    expect(fromFile.code).toBe(2)
    expect(fromFile.stderr).toContain(`cannot read ${huge}: it is larger than 511 MiB (600 MiB), the most one run reads: split JSON Lines into smaller files (split -l) and validate each`)
    expect(fromStdin.code).toBe(2)
    expect(fromStdin.stderr).toMatch(/cannot read standard input: it is larger than 511 MiB \(51\d MiB or more\), the most one run reads/)
    expect(bom).toStrictEqual({ code: 0, stdout: "valid short-code (spec profile)\n", stderr: "" })
  })

  it("--help", async () => {
    const { code, stdout } = await run(["validate", "--help"])
    expect(code).toBe(0)
    expect(stdout).toContain("shortcode-kit validate [flags] <kind> [<file>]")
    expect(stdout).toContain("--profile choice")
  })
})
