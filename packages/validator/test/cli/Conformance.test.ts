// `shortcode-kit conformance --target` and the pool flags, through the built bin: --help names them, and every usage
// error exits 2 with its reason on standard error before any request (runs against a real emulator are in
// packages/emulator/test/conformance/cli.test.ts).
import { checkNames, poolCheckNames } from "@shortcode-kit/validator/conformance"
import { describe, expect, it } from "vitest"
import { run } from "./run.js"

const sid = (prefix: string, digit: string) => `${prefix}${digit.repeat(32)}`
// Port 1 is never listened on: a case that got past the usage checks would fail to connect, not pass.
const base = ["conformance", "--base-url", "http://127.0.0.1:1", "--account-sid", sid("AC", "a"), "--auth-token", "t"]

describe("shortcode-kit conformance --target and the pool flags", () => {
  it("--help lists the targets, the member-SID flag of each, the pool flags and the pool checks", async () => {
    const { code, stdout } = await run(["conformance", "--help"])
    expect(code).toBe(0)
    expect(stdout).toContain("(choices: short-codes, phone-numbers, alpha-senders)")
    for (const flag of ["--target", "--short-code-sid", "--phone-number-sid", "--pool-limit", "--pool-short-code-sid", "--pool-phone-number-sid"]) expect(stdout).toContain(flag)
    for (const name of poolCheckNames) expect(stdout).toContain(name)
    expect(stdout).toContain("shortcode-kit conformance --base-url http://127.0.0.1:4010 --account-sid AC... --target phone-numbers --phone-number-sid PN...")
  })

  it("exits 2 with the reason for each usage error, naming the flag and what was expected", async () => {
    const twoShortCodes = ["--pool-short-code-sid", sid("SC", "b"), "--pool-short-code-sid", sid("SC", "c")]
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
      [["--target", "sms"], `Invalid value for flag --target: "sms". Expected: "short-codes" | "phone-numbers" | "alpha-senders"`],
      [["--target", "alpha-senders", "--short-code-sid", sid("SC", "b")], "--target alpha-senders takes no member SIDs (its alpha senders are created from their AlphaSender): drop --short-code-sid"],
      [["--target", "phone-numbers", "--short-code-sid", sid("SC", "b")], "--short-code-sid is for --target short-codes; --target phone-numbers takes --phone-number-sid"],
      [["--phone-number-sid", sid("PN", "b")], "--phone-number-sid is for --target phone-numbers; --target short-codes takes --short-code-sid"],
      [["--target", "phone-numbers", "--phone-number-sid", "PN1"], `--phone-number-sid #1 must be "PN" followed by 32 hexadecimal digits, received "PN1"`],
      [["--target", "phone-numbers", "--phone-number-sid", sid("PN", "b"), "--phone-number-sid", sid("PN", "b")], `--phone-number-sid lists ${sid("PN", "b")} twice`],
      [["--target", "phone-numbers", "--checks", "stateful"], "the stateful check needs --phone-number-sid: a phone number of the account's inventory that is in no service (repeat the flag for several)"],
      [["--pool-limit", "3"], "the pool checks need --pool-limit, --pool-short-code-sid and --pool-phone-number-sid together: the limit and free senders of each kind"],
      [twoShortCodes, "the pool checks need --pool-limit, --pool-short-code-sid and --pool-phone-number-sid together: the limit and free senders of each kind"],
      [["--checks", "auth,pool_one_service"], "--checks: pool_one_service needs --pool-limit, --pool-short-code-sid and --pool-phone-number-sid"],
      [["--pool-limit", "1", ...twoShortCodes], "--pool-phone-number-sid must be two or more Phone Number SIDs (one is kept back beyond the limit), received []"],
      [["--pool-limit", "1", ...twoShortCodes, "--pool-phone-number-sid", sid("PN", "b"), "--pool-phone-number-sid", "PN1"], `--pool-phone-number-sid #2 must be "PN" followed by 32 hexadecimal digits, received "PN1"`],
      [["--pool-limit", "0", ...twoShortCodes], "--pool-limit must be an integer from 1 to 100000, received 0"],
      [["--pool-limit", "4", ...twoShortCodes, "--pool-phone-number-sid", sid("PN", "b"), "--pool-phone-number-sid", sid("PN", "c")], "--pool-short-code-sid and --pool-phone-number-sid must hold --pool-limit 4 senders beside one per target, received 2 beside them"],
      [["--pool-limit", "1", ...twoShortCodes, "--pool-phone-number-sid", sid("PN", "b"), "--pool-phone-number-sid", sid("PN", "c"), "--checks", "pool_two"], `--checks: unknown check "pool_two"; the checks are ${[...checkNames, ...poolCheckNames].join(", ")}`]
    ]
    const results = await Promise.all(cases.map(([args]) => run([...base, ...args])))
    results.forEach((result, i) => {
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr).toContain(cases[i]?.[1])
      expect(result.stdout).toBe("")
    })
  })
})
