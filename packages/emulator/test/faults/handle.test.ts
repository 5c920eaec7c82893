import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { FaultRuleState } from "../../src/faults/FaultRule.js"
import { type Emulator, makeServer } from "../../src/Server.js"
import { expectTwilioError, startTestServer, type TestServer } from "../support/testServer.js"

describe("emulator.faults, the TypeScript API", () => {
  let emulator: Emulator
  beforeAll(() => {
    emulator = makeServer({ database: ":memory:", log: false })
  })
  afterAll(async () => {
    await emulator.close()
  })

  it("adds, lists with counters and clears the rules that the handler applies", async () => {
    const added: FaultRuleState = emulator.faults.add({ method: "GET", path: "/v1/Services", status: 429, retryAfter: 3, times: 1 })
    expect(added).toEqual({ id: 1, method: "GET", path: "/v1/Services", status: 429, retryAfter: 3, times: 1, matched: 0, faulted: 0, active: true })
    const limited = await emulator.fetch(new Request("http://local/v1/Services"))
    expect(limited.status).toBe(429)
    expect(limited.headers.get("Retry-After")).toBe("3")
    expect(limited.headers.get("Access-Control-Allow-Origin")).toBe("*")
    expect(await limited.json()).toEqual({ code: 20429, message: "Too Many Requests", more_info: "https://www.twilio.com/docs/errors/20429", status: 429 })
    // Past its `times`, the rule lets requests through to the application (401: no credentials).
    expect((await emulator.fetch(new Request("http://local/v1/Services"))).status).toBe(401)
    expect(emulator.faults.list()).toEqual([{ ...added, matched: 2, faulted: 1, active: false }])
    emulator.faults.clear()
    expect(emulator.faults.list()).toEqual([])
  })

  it("throws on a malformed rule with the reason POST /admin/faults gives, in TypeScript names, and keeps no part of it", () => {
    expect(() => emulator.faults.add({ method: "GET", path: "/v1/Services", status: 503, delayMs: 5 })).toThrow(
      'faults.add: invalid fault rule. delayMs: cannot be combined with status: a rule does one of status, delayMs or action "drop" (received 5)'
    )
    expect(() => emulator.faults.add({ method: "GET", path: "/v1/Services", delayMs: 60_001 })).toThrow(
      "faults.add: invalid fault rule. delayMs: must be a number of milliseconds from 0 to 60000 (received 60001)"
    )
    expect(() => emulator.faults.add({ method: "GET", path: "/v1/Services", retryAfter: 3 })).toThrow(
      'faults.add: invalid fault rule. (root): must say what to do: one of status, delayMs or action "drop" (received {"method":"GET","path":"/v1/Services","retryAfter":3}); ' +
        "retryAfter: goes with status: it is the Retry-After header of an error answer (received 3)"
    )
    expect(emulator.faults.list()).toEqual([])
  })

  it("throws on a wire name (retry_after for retryAfter) and on a rule that is not an object, saying what it takes", () => {
    const wireNamed = { method: "GET", path: "/v1/Services", status: 429, retry_after: 3 } as unknown as Parameters<typeof emulator.faults.add>[0]
    expect(() => emulator.faults.add(wireNamed)).toThrow(
      "faults.add: invalid fault rule. retry_after: is the name in the HTTP body; in TypeScript the field is retryAfter (received 3)"
    )
    for (const [rule, received] of [[null, "null"], [[], "an array"], ["GET /v1/Services", "string"]] as const) {
      expect(() => emulator.faults.add(rule as unknown as Parameters<typeof emulator.faults.add>[0])).toThrow(
        `faults.add: a rule must be an object such as { method: "GET", path: "/v1/Services", status: 503 }, received ${received}`
      )
    }
    expect(emulator.faults.list()).toEqual([])
  })

  it("throws on a field a rule does not have (a JavaScript caller's typo), naming it", () => {
    const typo = { method: "GET", path: "/v1/Services", status: 429, retryAftr: 3 } as unknown as Parameters<typeof emulator.faults.add>[0]
    expect(() => emulator.faults.add(typo)).toThrow("faults.add: invalid fault rule. retryAftr: is not an allowed property (received 3)")
    expect(emulator.faults.list()).toEqual([])
  })
})

describe("startServer(...).faults", () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(async () => {
    await t.close()
  })

  it("is the emulator's handle: a rule added in TypeScript is listed and applied over HTTP", async () => {
    expect(t.server.faults).toBe(t.server.emulator.faults)
    t.server.faults.add({ method: "GET", path: "/v1/Services", status: 503, times: 1 })
    expectTwilioError(await t.request("GET", "/v1/Services"), 503, 20503)
    const listed = await t.admin("GET", "/admin/faults")
    expect(listed.json).toEqual({ faults: [{ id: 1, method: "GET", path: "/v1/Services", status: 503, times: 1, matched: 1, faulted: 1, active: false }] })
    t.server.faults.clear()
    expect((await t.admin("GET", "/admin/faults")).json).toEqual({ faults: [] })
  })
})
