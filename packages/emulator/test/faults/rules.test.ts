import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { ConnectionDropped } from "../../src/faults/withFaults.js"
import { makeServer } from "../../src/Server.js"
import { expectTwilioError, startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"

let t: TestServer
let account: TestAccount
beforeAll(async () => {
  t = await startTestServer()
  account = await t.makeAccount(3)
})
afterEach(async () => {
  await t.admin("DELETE", "/admin/faults")
})
afterAll(async () => {
  await t.close()
})

const SHORT_CODES = "/v1/Services/*/ShortCodes"

const listFaults = async (): Promise<ReadonlyArray<Record<string, unknown>>> => {
  const answer = await t.admin("GET", "/admin/faults")
  expect(answer.status, answer.text).toBe(200)
  return (answer.json as { faults: ReadonlyArray<Record<string, unknown>> }).faults
}

const addFault = async (rule: unknown): Promise<Record<string, unknown>> => {
  const answer = await t.admin("POST", "/admin/faults", rule)
  expect(answer.status, answer.text).toBe(201)
  return answer.json as Record<string, unknown>
}

const listServices = () => t.twilio(account, "GET", "/v1/Services")

describe("POST /admin/faults: error answers", () => {
  it("answers 429 (20429, Retry-After 1, CORS) for `times` matches, then the normal answer; the list counts both", async () => {
    const created = await addFault({ method: "POST", path: SHORT_CODES, status: 429, times: 2 })
    expect(created).toEqual({ id: 1, method: "POST", path: SHORT_CODES, status: 429, times: 2, matched: 0, faulted: 0, active: true })
    const add = () => t.twilio(account, "POST", `/v1/Services/${account.serviceSid}/ShortCodes`, { ShortCodeSid: account.shortCodeSids[0] as string })
    for (let i = 0; i < 2; i++) {
      const answer = await add()
      const error = expectTwilioError(answer, 429, 20429)
      expect(error.message).toBe("Too Many Requests")
      expect(error.moreInfo.href).toBe("https://www.twilio.com/docs/errors/20429")
      expect(answer.headers.get("Retry-After")).toBe("1")
      expect(answer.headers.get("Twilio-Request-Id")).toMatch(/^RQ[0-9a-f]{32}$/)
    }
    expect((await add()).status).toBe(201)
    expect(await listFaults()).toEqual([{ ...created, matched: 3, faulted: 2, active: false }])
  })

  it("answers 500 (20500) and 503 (20503, with retry_after) by default, a table code with the table's words, any other code", async () => {
    await addFault({ method: "GET", path: "/v1/Services", status: 500, times: 1 })
    await addFault({ method: "GET", path: "/v1/Services", status: 503, retry_after: 7, times: 1 })
    await addFault({ method: "GET", path: "/v1/Services", status: 409, code: 21710, times: 1 })
    await addFault({ method: "GET", path: "/v1/Services", status: 400, code: 30001, times: 1 })
    const e500 = await listServices()
    expect(expectTwilioError(e500, 500, 20500).message).toBe("Internal Server Error")
    expect(e500.headers.get("Retry-After")).toBeNull()
    const e503 = await listServices()
    expect(expectTwilioError(e503, 503, 20503).message).toBe("Service Unavailable")
    expect(e503.headers.get("Retry-After")).toBe("7")
    expect(expectTwilioError(await listServices(), 409, 21710).message).toBe("Phone Number or Short Code is already in the Messaging Service.")
    expect(expectTwilioError(await listServices(), 400, 30001).message).toBe("Error 30001, injected by the emulator's fault rule 4")
    expect((await listServices()).status).toBe(200)
  })
})

describe("which requests a rule matches", () => {
  it("`*` stands for exactly one path segment, and the method must match", async () => {
    await addFault({ method: "GET", path: SHORT_CODES, status: 503 })
    const sid = account.serviceSid
    expect((await t.twilio(account, "GET", `/v1/Services/${sid}/ShortCodes`)).status).toBe(503)
    expect((await t.twilio(account, "GET", `/v1/Services/${sid}/ShortCodes?PageSize=1`)).status).toBe(503)
    expect((await t.twilio(account, "GET", `/v1/Services/${sid}/ShortCodes/${account.shortCodeSids[1]}`)).status).toBe(404)
    expect((await t.twilio(account, "GET", `/v1/Services/${sid}`)).status).toBe(200)
    expect((await t.twilio(account, "GET", "/v1/Services//ShortCodes")).status).toBe(404)
    expect((await t.twilio(account, "DELETE", `/v1/Services/${sid}/ShortCodes`)).status).toBe(405)
    expect((await listFaults())[0]).toMatchObject({ matched: 2, faulted: 2, active: true })
  })

  it("`nth` lets the first n-1 matches through; with `times: 1` only the n-th is faulted", async () => {
    await addFault({ method: "GET", path: "/v1/Services", status: 500, nth: 3, times: 1 })
    const statuses: Array<number> = []
    for (let i = 0; i < 5; i++) statuses.push((await listServices()).status)
    expect(statuses).toEqual([200, 200, 500, 200, 200])
  })

  it("a seeded `probability` faults the same requests every time the same rule is added", async () => {
    const run = async () => {
      await addFault({ method: "GET", path: "/v1/Services", status: 503, probability: 0.5, seed: 42 })
      const statuses: Array<number> = []
      for (let i = 0; i < 16; i++) statuses.push((await listServices()).status)
      await t.admin("DELETE", "/admin/faults")
      return statuses
    }
    const first = await run()
    expect(first).toContain(503)
    expect(first).toContain(200)
    expect(await run()).toEqual(first)
    // Another seed draws another sequence.
    await addFault({ method: "GET", path: "/v1/Services", status: 503, probability: 0.5, seed: 43 })
    const other: Array<number> = []
    for (let i = 0; i < 16; i++) other.push((await listServices()).status)
    expect(other).not.toEqual(first)
  })

  it("the first rule that fires decides; every matching rule counts the request", async () => {
    await addFault({ method: "GET", path: "/v1/Services", status: 500, times: 1 })
    await addFault({ method: "GET", path: "/v1/Services", status: 503, nth: 2, times: 1 })
    expect([(await listServices()).status, (await listServices()).status, (await listServices()).status]).toEqual([500, 503, 200])
    expect((await listFaults()).map((f) => [f["matched"], f["faulted"]])).toEqual([[3, 1], [3, 1]])
  })

  it("never faults /admin/faults or the controls, so a test can always clear, reset, read the journal and the health", async () => {
    // Every admin path and every one-segment path: the controls and /admin/faults are met by the rules but never faulted.
    for (const method of ["GET", "POST", "DELETE"]) {
      await addFault({ method, path: "/admin/*", status: 500 })
      await addFault({ method, path: "/*", status: 500 })
    }
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
    expect((await t.admin("GET", "/admin/requests")).status).toBe(200)
    // (POST /admin/reset is a control too; it would clear the rules and this file's accounts.)
    expect((await listFaults()).length).toBe(6)
    // Another admin path is faulted.
    expectTwilioError(await t.admin("GET", "/admin/dump"), 500, 20500)
    expect((await t.admin("DELETE", "/admin/faults")).status).toBe(204)
    expect(await listFaults()).toEqual([])
  })

  it("refuses a rule for a path no rule reaches, naming them, rather than keep one that never fires", async () => {
    for (const path of ["/admin/faults", "/healthz", "/admin/reset", "/admin/requests"]) {
      const answer = await t.admin("POST", "/admin/faults", { method: "GET", path, status: 503 })
      expect(expectTwilioError(answer, 400, 20001).message).toBe(
        `Invalid parameter: body. path: is a path no rule reaches: /healthz, /admin/reset, /admin/requests, /admin/faults answer before the fault rules, so that a test can always reset, read the journal and the health of a faulted emulator (received ${JSON.stringify(path)})`
      )
    }
    expect(() => makeServer({ database: ":memory:", log: false }).faults.add({ method: "GET", path: "/healthz", status: 503 })).toThrow(
      'faults.add: invalid fault rule. path: is a path no rule reaches: /healthz, /admin/reset, /admin/requests, /admin/faults answer before'
    )
    expect(await listFaults()).toEqual([])
  })
})

describe("delays and dropped connections", () => {
  it("`delay_ms` holds the normal answer back: a later, quick request is answered first", async () => {
    await addFault({ method: "GET", path: `/v1/Services/${account.serviceSid}`, delay_ms: 400, times: 1 })
    const order: Array<string> = []
    const slow = t.twilio(account, "GET", `/v1/Services/${account.serviceSid}`).then((answer) => {
      order.push("delayed")
      return answer
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await listServices().then(() => order.push("quick"))
    const answer = await slow
    expect(order).toEqual(["quick", "delayed"])
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({ sid: account.serviceSid })
  })

  it("`action: \"drop\"` closes the connection without an answer; the next request is served", async () => {
    await addFault({ method: "GET", path: "/v1/Services", action: "drop", times: 1 })
    const error = await listServices().then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe("fetch failed")
    expect(String((error as { cause?: unknown }).cause)).toMatch(/other side closed|socket hang up|ECONNRESET/)
    expect((await listServices()).status).toBe(200)
    expect((await listFaults())[0]).toMatchObject({ matched: 2, faulted: 1, active: false })
    // Over HTTP too, the journal keeps the dropped request, without an answer, before the one served.
    expect(t.server.requests({ method: "GET", path: "/v1/Services" }).slice(-2).map((e) => e.status)).toEqual([null, 200])
  })

  it("in-process, a dropped request rejects like fetch does when the connection is reset", async () => {
    const emulator = makeServer({ database: ":memory:", log: false })
    try {
      emulator.faults.add({ method: "GET", path: "/v1/Services", action: "drop" })
      const error = await emulator.fetch(new Request("http://local/v1/Services")).then(() => undefined, (e: unknown) => e)
      expect(error).toBeInstanceOf(ConnectionDropped)
      expect(error).toBeInstanceOf(TypeError)
      expect((error as TypeError).message).toBe("fetch failed")
      expect((error as { cause: { code: string; message: string } }).cause).toMatchObject({
        code: "ECONNRESET",
        message: "the emulator dropped the connection (fault rule 1)"
      })
      // The journal has the dropped request, without an answer.
      expect(emulator.requests()).toMatchObject([{ method: "GET", path: "/v1/Services", status: null, code: null }])
    } finally {
      await emulator.close()
    }
  })
})

describe("the response cache", () => {
  it("lets a rule meet a fetch whose answer is kept; the kept answer is served again once the rule is cleared", async () => {
    const sid = account.shortCodeSids[2] as string
    const path = `/v1/Services/${account.serviceSid}/ShortCodes/${sid}`
    expect((await t.twilio(account, "POST", `/v1/Services/${account.serviceSid}/ShortCodes`, { ShortCodeSid: sid })).status).toBe(201)
    // The second fetch is answered from the cache.
    expect((await t.twilio(account, "GET", path)).status).toBe(200)
    expect((await t.twilio(account, "GET", path)).status).toBe(200)
    await addFault({ method: "GET", path: "/v1/Services/*/ShortCodes/*", status: 503 })
    expectTwilioError(await t.twilio(account, "GET", path), 503, 20503)
    expect((await listFaults())[0]).toMatchObject({ matched: 1, faulted: 1 })
    await t.admin("DELETE", "/admin/faults")
    expect((await t.twilio(account, "GET", path)).status).toBe(200)
  })
})

describe("malformed rules and auth", () => {
  const rejected = async (rule: unknown): Promise<string> => {
    const answer = await t.admin("POST", "/admin/faults", rule)
    return expectTwilioError(answer, 400, 20001).message
  }

  it("answers 400 20001 naming the field, what was received and what is expected", async () => {
    expect(await rejected({ method: "FETCH", path: "/v1/Services", status: 500 })).toBe(
      'Invalid parameter: body. method: must be "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS" (received "FETCH")'
    )
    expect(await rejected({ method: "GET", path: "v1/Services?x=1", status: 500 })).toBe(
      'Invalid parameter: body. path: must be a path of non-empty segments starting with /, such as /v1/Services/*/ShortCodes (no query) (received "v1/Services?x=1")'
    )
    expect(await rejected({ method: "GET", path: "/v1/Services" })).toBe(
      'Invalid parameter: body. (root): must say what to do: one of status, delay_ms or action "drop" (received {"method":"GET","path":"/v1/Services"})'
    )
    expect(await rejected({ method: "GET", path: "/v1/Services", status: 500, delay_ms: 10 })).toBe(
      'Invalid parameter: body. delay_ms: cannot be combined with status: a rule does one of status, delay_ms or action "drop" (received 10)'
    )
    expect(await rejected({ method: "GET", path: "/v1/Services", status: 418 })).toBe(
      "Invalid parameter: body. code: is required with status 418: Twilio has no generic code for it (the defaults are 429 -> 20429, 500 -> 20500, 503 -> 20503) (received (missing))"
    )
    expect(await rejected({ method: "GET", path: "/v1/Services", status: 429, probability: 1.5, times: 0 })).toBe(
      "Invalid parameter: body. probability: must be a number from 0 to 1 (received 1.5); times: must be an integer from 1 to 1000000 (received 0)"
    )
    expect(await rejected({ method: "GET", path: "/v1/Services", delay_ms: 10, seed: 3 })).toBe(
      "Invalid parameter: body. seed: goes with probability: it seeds the draws of a probabilistic rule (received 3)"
    )
    expect(await listFaults()).toEqual([])
  })

  it("refuses a field a rule does not have, naming it, rather than running another rule than the one meant", async () => {
    // `retryAfter` is the TypeScript name: over HTTP it is `retry_after`, and ignoring it would send Retry-After: 1.
    expect(await rejected({ method: "POST", path: "/v1/Services", status: 429, retryAfter: 5 })).toBe(
      "Invalid parameter: body. retryAfter: is not an allowed property (received 5)"
    )
    expect(await rejected({ method: "POST", path: "/v1/Services", action: "drop", time: 1, nth: 0 })).toBe(
      "Invalid parameter: body. time: is not an allowed property (received 1); nth: must be an integer from 1 to 1000000 (received 0)"
    )
    expect(await listFaults()).toEqual([])
  })

  it("needs the admin token", async () => {
    const answer = await t.request("POST", "/admin/faults", {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ method: "GET", path: "/v1/Services", status: 500 })
    })
    expectTwilioError(answer, 401, 20003)
    expect(await listFaults()).toEqual([])
  })
})
