import { fc, test } from "@fast-check/vitest"
import { AccountSid, ServiceSid, ShortCodeSid, toValidationIssues } from "@shortcode-kit/schema"
import { isAccountSid, isServiceSid, isShortCodeSid } from "@shortcode-kit/validator"
import {
  accountSid,
  invalidAccountSid,
  invalidServiceSid,
  invalidShortCodeSid,
  serviceSid,
  shortCodeSid
} from "@shortcode-kit/validator/arbitraries"
import { Result, Schema } from "effect"
import { describe, expect } from "vitest"

const cases = [
  ["ShortCodeSid", "SC", shortCodeSid, invalidShortCodeSid, ShortCodeSid, isShortCodeSid],
  ["ServiceSid", "MG", serviceSid, invalidServiceSid, ServiceSid, isServiceSid],
  ["AccountSid", "AC", accountSid, invalidAccountSid, AccountSid, isAccountSid]
] as const

describe("SID arbitraries", () => {
  for (const [name, prefix, valid, invalid, schema, guard] of cases) {
    test.prop([valid()])(`${name}: ${prefix} and 32 lower-case hex digits, accepted`, (sid) => {
      expect(sid).toMatch(new RegExp(`^${prefix}[0-9a-f]{32}$`))
      expect(guard(sid)).toBe(true)
    })

    test.prop([invalid()])(`${name}: each near miss breaks exactly the announced rule`, (miss) => {
      expect(miss.path).toStrictEqual([])
      expect(guard(miss.value)).toBe(false)
      const result = Schema.decodeUnknownResult(schema)(miss.value, { errors: "all" })
      expect(Result.isFailure(result)).toBe(true)
      if (Result.isFailure(result)) {
        expect(toValidationIssues(result.failure.issue, miss.value).map((issue) => [issue.rule, issue.path])).toStrictEqual([[miss.rule, []]])
      }
    })
  }

  test("every SID rule is produced", () => {
    const rules = new Set(fc.sample(invalidShortCodeSid(), { numRuns: 500, seed: 1 }).map((miss) => miss.rule))
    expect([...rules].sort()).toStrictEqual(["sid.hex", "sid.length", "sid.prefix", "sid.whitespace", "type"])
  })
})
