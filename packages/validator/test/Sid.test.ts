import { isAccountSid, isServiceSid, isShortCodeSid } from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"
import { AC, MG, SC } from "./fixtures.js"

describe("SID guards", () => {
  it("each accepts its own prefix only", () => {
    expect([isShortCodeSid(SC), isShortCodeSid(MG), isShortCodeSid(AC)]).toStrictEqual([true, false, false])
    expect([isServiceSid(SC), isServiceSid(MG), isServiceSid(AC)]).toStrictEqual([false, true, false])
    expect([isAccountSid(SC), isAccountSid(MG), isAccountSid(AC)]).toStrictEqual([false, false, true])
  })

  it("accepts upper-case hex (the official pattern allows it) and refuses near misses", () => {
    expect(isShortCodeSid(`SC${"A".repeat(32)}`)).toBe(true)
    for (const bad of [`sc${"a".repeat(32)}`, `SC${"a".repeat(31)}`, `SC${"a".repeat(33)}`, `${SC}\n`, ` ${SC}`, `SC${"a".repeat(31)}g`, `\u0421C${"a".repeat(32)}`, `SC${"a".repeat(31)}\uFF10`, 42, null, undefined]) {
      expect(isShortCodeSid(bad)).toBe(false)
    }
  })

  it("narrows the type", () => {
    const input: unknown = MG
    if (isServiceSid(input)) {
      const sid: `${string}` = input
      expect(sid).toBe(MG)
    }
  })
})
