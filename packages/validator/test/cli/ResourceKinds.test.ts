// The CLI's resource kinds through the built bin, as a user runs it, one row each: `sample <kind>` piped into
// `validate <kind> --profile strict` is valid, a sampled document broken in one key is reported with its exact
// line, and each `sample <kind> --invalid` near miss fails validate with exactly its announced rule at its path;
// `sample <kind>-sid` prints SIDs of the resource (near misses none of them), and `validate <kind>-page` takes a page
// of sampled documents under the resource's page key.
import { isAlphaSenderSid, isPhoneNumberSid } from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"
import { lines, run, runShell } from "./run.js"

const KINDS: ReadonlyArray<{
  readonly kind: string
  readonly isSid: (input: unknown) => boolean
  readonly pageKey: string
  readonly broken: Record<string, unknown>
  readonly issue: string
}> = [
  {
    kind: "phone-number",
    isSid: isPhoneNumberSid,
    pageKey: "phone_numbers",
    broken: { phone_number: "4155552671" },
    issue: '  phone_number: phone_number.e164: must be an E.164 phone number: + and 2 to 15 digits (0-9), the first not 0, such as +14155552671 (expected an E.164 phone number; received "4155552671")'
  },
  {
    kind: "alpha-sender",
    isSid: isAlphaSenderSid,
    pageKey: "alpha_senders",
    broken: { alpha_sender: "Acme.Co" },
    issue: '  alpha_sender: alpha-sender.characters: must contain only A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand & (expected A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand &; received "Acme.Co")'
  }
]

describe.each(KINDS)("shortcode-kit with $kind", ({ kind, isSid, pageKey, broken, issue }) => {
  it(`sample ${kind} | validate ${kind} --profile strict: every document valid, exit 0`, async () => {
    const result = await runShell(`shortcode-kit sample ${kind} --count 2 --seed 7 | shortcode-kit validate ${kind} --profile strict`)
    expect(result).toStrictEqual({
      code: 0,
      stdout: [`line 1: valid ${kind} (strict profile)`, `line 2: valid ${kind} (strict profile)`, "2 documents: 2 valid, 0 invalid", ""].join("\n"),
      stderr: ""
    })
  })

  it(`validate ${kind} names the broken rule, exit 1`, async () => {
    const [first] = lines((await run(["sample", kind, "--count", "1", "--seed", "3"], "")).stdout)
    const { code, stdout } = await run(["validate", kind, "--profile", "strict"], JSON.stringify({ ...JSON.parse(first as string), ...broken }))
    expect(code).toBe(1)
    expect(lines(stdout)).toStrictEqual([`invalid ${kind} (strict profile): 1 issue`, issue])
  })

  it(`sample ${kind} --invalid: each near miss fails validate with exactly its announced rule at its path`, async () => {
    const { stdout } = await run(["sample", kind, "--invalid", "--count", "4", "--seed", "11"], "")
    expect(lines(stdout)).toHaveLength(4)
    for (const line of lines(stdout)) {
      const miss = JSON.parse(line) as { value: unknown; rule: string; path: ReadonlyArray<string | number> }
      const result = await run(["validate", kind, "--profile", "strict", "--json"], JSON.stringify(miss.value))
      expect(result.code, line).toBe(1)
      expect((JSON.parse(result.stdout) as { issues: Array<{ rule: string; path: unknown }> }).issues.map((i) => [i.path, i.rule]), line).toEqual([[miss.path, miss.rule]])
    }
  })

  it(`sample ${kind}-sid: SIDs of the resource; --invalid: near misses that are none`, async () => {
    const [valid, invalid] = await Promise.all([
      run(["sample", `${kind}-sid`, "--count", "5", "--seed", "5"], ""),
      run(["sample", `${kind}-sid`, "--invalid", "--count", "20", "--seed", "5"], "")
    ])
    expect([valid.code, invalid.code]).toEqual([0, 0])
    const sids = lines(valid.stdout).map((line) => JSON.parse(line) as unknown)
    expect(sids).toHaveLength(5)
    for (const sid of sids) expect(isSid(sid), String(sid)).toBe(true)
    const misses = lines(invalid.stdout).map((line) => JSON.parse(line) as { value: unknown; rule: string; path: unknown })
    expect(misses).toHaveLength(20)
    for (const miss of misses) {
      expect(isSid(miss.value), JSON.stringify(miss)).toBe(false)
      expect(miss.path).toEqual([])
    }
  })

  it(`validate ${kind}-page --profile strict: a page of sampled documents under ${pageKey} is valid, a broken item is named by its index`, async () => {
    const items = lines((await run(["sample", kind, "--count", "2", "--seed", "9"], "")).stdout).map((line) => JSON.parse(line) as Record<string, unknown>)
    const first = `https://messaging.twilio.com/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/${kind === "phone-number" ? "PhoneNumbers" : "AlphaSenders"}?PageSize=50&Page=0`
    const meta = { page: 0, page_size: 50, first_page_url: first, previous_page_url: null, url: first, next_page_url: null, key: pageKey }
    const valid = await run(["validate", `${kind}-page`, "--profile", "strict"], JSON.stringify({ [pageKey]: items, meta }))
    expect(valid).toStrictEqual({ code: 0, stdout: `valid ${kind}-page (strict profile)\n`, stderr: "" })
    const answer = await run(["validate", `${kind}-page`, "--profile", "strict"], JSON.stringify({ [pageKey]: [items[0], { ...items[1], ...broken }], meta }))
    expect(answer.code).toBe(1)
    expect(lines(answer.stdout)).toStrictEqual([`invalid ${kind}-page (strict profile): 1 issue`, issue.replace(/^  (\w+):/, `  ${pageKey}[1].$1:`)])
  })
})
