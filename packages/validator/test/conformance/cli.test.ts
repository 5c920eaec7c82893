// `shortcode-kit conformance` usage errors, through the built bin: exit 2 and the reason on standard error, before
// any request (the runs against a real target are tested with the example app, packages/emulator/test/conformance).
import { checkNames } from "@shortcode-kit/validator/conformance"
import { describe, expect, it } from "vitest"
import { run } from "../cli/run.js"

const AC = `AC${"a".repeat(32)}`

describe("shortcode-kit conformance (usage)", () => {
  it("--help describes every flag and names every check", async () => {
    const { code, stdout } = await run(["conformance", "--help"])
    expect(code).toBe(0)
    for (const flag of ["--base-url", "--account-sid", "--auth-token", "--service-sid", "--short-code-sid", "--other-account-sid", "--checks", "--runs", "--seed", "--path", "--replay-path", "--strict", "--report", "--junit"]) {
      expect(stdout).toContain(flag)
    }
    for (const name of checkNames) expect(stdout).toContain(name)
  })

  it("exits 2 with the reason for each usage error", async () => {
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
      [["conformance", "--account-sid", AC, "--auth-token", "t"], "--base-url"],
      [["conformance", "--base-url", "http://127.0.0.1:1", "--account-sid", AC], "--auth-token is required (or set SHORTCODE_KIT_AUTH_TOKEN)"],
      [["conformance", "--base-url", "http://127.0.0.1:1", "--account-sid", AC, "--auth-token", "t", "--checks", "stateful,cors"], `--checks: unknown check "cors"`],
      [["conformance", "--base-url", "http://127.0.0.1:1", "--account-sid", AC, "--auth-token", "t", "--runs", "0"], "--runs must be between 1 and 100000, received 0"],
      [["conformance", "--base-url", "127.0.0.1:1", "--account-sid", AC, "--auth-token", "t"], `baseUrl must be an absolute http(s) URL such as "http://127.0.0.1:4010", received "127.0.0.1:1"`],
      [["conformance", "--base-url", "http://127.0.0.1:1", "--account-sid", AC, "--auth-token", "t", "--short-code-sid", "SC1"], `--short-code-sid #1 must be "SC" followed by 32 hexadecimal digits, received "SC1"`],
      [["conformance", "--base-url", "http://127.0.0.1:1", "--account-sid", AC, "--auth-token", "t", "--public-base-url", "https://messaging.twilio.com"], "publicBaseUrl is only used by the strict profile"],
      [["conformance", "--base-url", "http://127.0.0.1:1", "--account-sid", AC, "--auth-token", "t", "--checks", "stateful"], "the stateful check needs --short-code-sid"],
      [["conformance", "--base-url", "http://127.0.0.1:1", "--account-sid", AC, "--auth-token", "t", "--path", "1:2"], "path replays a failure only with the seed it was found with: pass seed too"],
      [["conformance", "--base-url", "http://127.0.0.1:1", "--account-sid", AC, "--auth-token", "t", "--other-account-sid", `AC${"b".repeat(32)}`], "--other-account-sid and --other-auth-token (or SHORTCODE_KIT_OTHER_AUTH_TOKEN) go together"]
    ]
    const results = await Promise.all(cases.map(([args]) => run(args)))
    results.forEach((result, i) => {
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr).toContain(cases[i]?.[1])
      expect(result.stdout).toBe("")
    })
  })
})
