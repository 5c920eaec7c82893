import { describe, expect, it } from "vitest"
import { ruleExamples } from "./ruleExamples.js"

describe("every rule, with its exact issue", () => {
  for (const [rule, run, issue] of ruleExamples) {
    it(rule, () => {
      expect(issue.rule).toBe(rule)
      expect(run()).toStrictEqual({ ok: false, issues: [issue] })
    })
  }
})
