import { expectedFaultResponses, validateCreateShortCodeRequest, validateShortCode, validateShortCodePage } from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"
import { lines, run } from "./run.js"

const parse = (stdout: string) => lines(stdout).map((line) => JSON.parse(line) as unknown)

describe("shortcode-kit sample", () => {
  it("the same seed prints the same lines; another seed other lines", async () => {
    const [a, b, c] = await Promise.all([
      run(["sample", "short-code", "--count", "5", "--seed", "42"]),
      run(["sample", "short-code", "--count", "5", "--seed", "42"]),
      run(["sample", "short-code", "--count", "5", "--seed", "43"])
    ])
    expect(a.code).toBe(0)
    expect(lines(a.stdout)).toHaveLength(5)
    expect(b.stdout).toBe(a.stdout)
    expect(c.stdout).not.toBe(a.stdout)
    expect(a.stderr).toBe("")
  })

  it("without --seed, prints the seed it used on stderr, and that seed replays the output", async () => {
    const first = await run(["sample", "service-sid", "--count", "3"])
    const seed = /--seed (-?\d+)/.exec(first.stderr)?.[1]
    expect(seed).toBeDefined()
    const again = await run(["sample", "service-sid", "--count", "3", "--seed", seed as string])
    expect(again.stdout).toBe(first.stdout)
  })

  it("valid strict short codes and pages validate", async () => {
    const [codesRun, pagesRun] = await Promise.all([
      run(["sample", "short-code", "--count", "20", "--seed", "1", "--profile", "strict", "--nulls"]),
      run(["sample", "short-code-page", "--count", "5", "--seed", "1"])
    ])
    const codes = parse(codesRun.stdout)
    expect(codes).toHaveLength(20)
    for (const value of codes) expect(validateShortCode(value, { profile: "strict" }).ok).toBe(true)
    const pages = parse(pagesRun.stdout)
    expect(pages).toHaveLength(5)
    for (const value of pages) expect(validateShortCodePage(value).ok).toBe(true)
  })

  it("--invalid near misses survive JSON: each still breaks exactly its rule", async () => {
    const misses = parse((await run(["sample", "short-code", "--invalid", "--count", "200", "--seed", "9", "--profile", "strict"])).stdout) as Array<{ value: unknown; rule: string; path: Array<string | number> }>
    expect(misses).toHaveLength(200)
    for (const miss of misses) {
      const result = validateShortCode(miss.value, { profile: "strict" })
      expect(result.ok ? [] : result.issues.map((issue) => ({ rule: issue.rule, path: issue.path }))).toStrictEqual([{ rule: miss.rule, path: miss.path }])
    }
  })

  it("create-form, create-request and create-http", async () => {
    const [formsRun, badFormsRun, requestsRun, httpRun] = await Promise.all([
      run(["sample", "create-form", "--count", "20", "--seed", "2"]),
      run(["sample", "create-form", "--invalid", "--count", "50", "--seed", "2"]),
      run(["sample", "create-request", "--count", "10", "--seed", "2"]),
      run(["sample", "create-http", "--invalid", "--count", "50", "--seed", "2"])
    ])
    for (const body of parse(formsRun.stdout)) expect(validateCreateShortCodeRequest({ serviceSid: `MG${"a".repeat(32)}`, body }).ok).toBe(true)
    const badForms = parse(badFormsRun.stdout) as Array<{ value: string; rule: string }>
    expect(badForms).toHaveLength(50)
    for (const miss of badForms) {
      expect(typeof miss.value).toBe("string")
      const result = validateCreateShortCodeRequest({ serviceSid: `MG${"a".repeat(32)}`, body: miss.value })
      expect(result.ok ? [] : result.issues.map((issue) => issue.rule)).toStrictEqual([miss.rule])
    }
    for (const request of parse(requestsRun.stdout)) expect(validateCreateShortCodeRequest(request as never).ok).toBe(true)
    const http = parse(httpRun.stdout) as Array<{ fault: keyof typeof expectedFaultResponses; expect: { status: number; code: number | null } }>
    expect(http).toHaveLength(50)
    for (const request of http) {
      expect(request.expect).toStrictEqual({ status: expectedFaultResponses[request.fault].status, code: expectedFaultResponses[request.fault].code })
    }
  })

  it("usage errors exit 2", async () => {
    const [count, profile, kind, baseUrl] = await Promise.all([
      run(["sample", "short-code", "--count", "0"]),
      run(["sample", "twilio-error", "--nulls"]),
      run(["sample", "no-such-kind"]),
      run(["sample", "phone-number-sid", "--base-url", "http://127.0.0.1:4010"])
    ])
    expect(count.code).toBe(2)
    expect(count.stderr).toContain("--count must be between 1 and 100000, received 0")
    expect(profile.code).toBe(2)
    expect(profile.stderr).toContain("--profile and --nulls apply to short-code and short-code-page, not to twilio-error")
    expect(kind.code).toBe(2)
    expect(baseUrl.code).toBe(2)
    expect(baseUrl.stderr).toContain("--base-url applies to short-code, short-code-page, phone-number, alpha-sender, not to phone-number-sid")
  })

  it("--help", async () => {
    const { code, stdout } = await run(["sample", "--help"])
    expect(code).toBe(0)
    expect(stdout).toContain("shortcode-kit sample [flags] <kind>")
    expect(stdout).toContain("short-code, short-code-page, twilio-error, create-form, create-request, create-http, short-code-sid, service-sid, account-sid, phone-number, phone-number-sid, alpha-sender, alpha-sender-sid")
  })
})
