// Hostile inputs: the validators must answer, not throw, for anything a caller can hand them.
import { fc, test } from "@fast-check/vitest"
import {
  validateCreateShortCodeRequest,
  validateListShortCodesQuery,
  validateShortCode,
  validateShortCodePage,
  validateTwilioError
} from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"
import { SC, strictShortCode } from "../fixtures.js"

const throwingGetter = (key: string) =>
  Object.defineProperty({}, key, { enumerable: true, get: () => { throw new Error(`getter ${key} exploded`) } })

const revokedProxy = () => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

const trapEverything = () =>
  new Proxy({}, {
    get: () => { throw new Error("get trap") },
    has: () => { throw new Error("has trap") },
    ownKeys: () => { throw new Error("ownKeys trap") },
    getOwnPropertyDescriptor: () => { throw new Error("descriptor trap") },
    getPrototypeOf: () => { throw new Error("prototype trap") }
  })

const cyclic = () => {
  const a: Record<string, unknown> = { sid: SC }
  a["self"] = a
  a["capabilities"] = ["SMS"]
  return a
}

// Kept as factories: fast-check inspects generated values (to clone them), which these would break.
const hostile: ReadonlyArray<() => unknown> = [
  () => throwingGetter("sid"),
  () => throwingGetter("short_codes"),
  () => ({ short_codes: [throwingGetter("sid")] }),
  revokedProxy,
  trapEverything,
  cyclic,
  () => ({ sid: 1n }),
  () => ({ [Symbol("sid")]: SC, sid: Symbol("x") }),
  () => Object.create(null) as unknown,
  () => new Date(Number.NaN),
  () => ({ capabilities: new Proxy(["SMS"], { get: () => { throw new Error("array trap") } }) }),
  () => ({ ...strictShortCode, toJSON: () => { throw new Error("toJSON") } }),
  () => ({ sid: { toString: () => { throw new Error("toString") } } })
]

const validators: ReadonlyArray<readonly [string, (input: unknown) => { ok: boolean }]> = [
  ["validateShortCode spec", (input) => validateShortCode(input)],
  ["validateShortCode strict", (input) => validateShortCode(input, { profile: "strict" })],
  ["validateShortCodePage", (input) => validateShortCodePage(input)],
  ["validateShortCodePage strict", (input) => validateShortCodePage(input, { profile: "strict" })],
  ["validateTwilioError", validateTwilioError],
  ["validateListShortCodesQuery", validateListShortCodesQuery],
  ["validateCreateShortCodeRequest (request)", (input) => validateCreateShortCodeRequest(input as never)],
  ["validateCreateShortCodeRequest (body)", (input) => validateCreateShortCodeRequest({ serviceSid: input, body: input })]
]

describe("never throws", () => {
  for (const [name, validate] of validators) {
    test.prop([fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true })], { numRuns: 300 })(
      `${name}: answers every input with ok or issues`,
      (input) => {
        const result = validate(input) as { ok: boolean; issues?: ReadonlyArray<{ rule: string }> }
        expect(typeof result.ok).toBe("boolean")
        if (!result.ok) expect(result.issues?.length).toBeGreaterThan(0)
      }
    )

    it(`${name}: answers hostile objects (throwing getters, proxies, cycles, BigInt, symbols)`, () => {
      for (const make of hostile) {
        const result = validate(make()) as { ok: boolean; issues?: ReadonlyArray<{ rule: string }> }
        expect(typeof result.ok).toBe("boolean")
        if (!result.ok) expect(result.issues?.length).toBeGreaterThan(0)
      }
    })
  }

  it("reports an unreadable property as a type issue at its path", () => {
    expect(validateShortCode(throwingGetter("sid"))).toStrictEqual({
      ok: false,
      issues: [{ path: ["sid"], rule: "type", message: "could not be read (getter sid exploded); expected plain JSON data", expected: "plain JSON data", received: "(unreadable)" }]
    })
    const nested = validateShortCodePage({ short_codes: [throwingGetter("url")] })
    expect(nested.ok ? [] : nested.issues.map((issue) => [issue.path, issue.rule])).toStrictEqual([[["short_codes", 0, "url"], "type"]])
    const proxy = validateShortCode(revokedProxy())
    expect(proxy.ok ? [] : proxy.issues.map((issue) => [issue.path, issue.rule])).toStrictEqual([[[], "type"]])
  })

  it("reads a cyclic object like any other (extra keys are ignored)", () => {
    expect(validateShortCode(cyclic()).ok).toBe(true)
  })
})
