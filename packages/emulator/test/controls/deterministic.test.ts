import { describe, expect, it } from "vitest"
import { makeTestClock } from "../../src/controls/Clock.js"
import { configFromEnv, resolveConfig } from "../../src/Config.js"
import { spawnEmulator } from "../support/child.js"
import { ADMIN_TOKEN, type Answer, startTestServer, type TestServer } from "../support/testServer.js"

/** The same sequence of requests, with generated SIDs and tokens, against one emulator; every answer in order. */
const scenario = async (t: TestServer, advance: (ms: number) => void) => {
  const answers: Array<{ status: number; body: string; requestId: string | null }> = []
  const keep = (a: Answer): Answer => {
    answers.push({ status: a.status, body: a.text, requestId: a.headers.get("Twilio-Request-Id") })
    return a
  }
  const account = keep(await t.admin("POST", "/admin/accounts", {})).json as { sid: string; auth_token: string }
  const credentials = { accountSid: account.sid, authToken: account.auth_token }
  const shortCode = keep(await t.admin("POST", "/admin/short-codes", { account_sid: account.sid, short_code: "55501" })).json as { sid: string }
  advance(1500)
  const service = keep(await t.twilio(credentials, "POST", "/v1/Services", { FriendlyName: "snapshot" })).json as { sid: string }
  advance(60_000)
  keep(await t.twilio(credentials, "POST", `/v1/Services/${service.sid}/ShortCodes`, { ShortCodeSid: shortCode.sid }))
  keep(await t.twilio(credentials, "GET", `/v1/Services/${service.sid}/ShortCodes/${shortCode.sid}`))
  keep(await t.twilio(credentials, "GET", "/v1/Services?PageSize=1"))
  const journal = t.server.requests().map(({ duration_ms, ...rest }) => rest)
  return { answers, journal }
}

const run = async (sidSeed: number, healthPolls = 0) => {
  const clock = makeTestClock("2024-03-01T09:00:00Z")
  const t = await startTestServer({ sidSeed, clock: clock.now })
  try {
    // A runner waiting on /healthz polls a varying number of times: that must not shift the sequence.
    for (let i = 0; i < healthPolls; i++) expect((await t.request("GET", "/healthz")).status).toBe(200)
    return await scenario(t, clock.advance)
  } finally {
    await t.close()
  }
}

describe("sidSeed and clock", () => {
  it("two emulators with the same seed and clock give identical bodies and request ids for the same requests", async () => {
    const [a, b] = await Promise.all([run(42), run(42, 3)])
    expect(a.answers.map((x) => x.status)).toEqual([201, 201, 201, 201, 200, 200])
    expect(b).toEqual(a)
    // Dates come from the clock, SIDs from the seed.
    const service = JSON.parse(a.answers[2]?.body ?? "{}") as { date_created: string; sid: string }
    expect(service.date_created).toBe("2024-03-01T09:00:01Z")
    // The admin requests are not journaled; the Twilio ones carry the clock's time.
    expect(a.journal.map((e) => e.at)).toEqual([
      "2024-03-01T09:00:01.500Z",
      "2024-03-01T09:01:01.500Z",
      "2024-03-01T09:01:01.500Z",
      "2024-03-01T09:01:01.500Z"
    ])
    const other = await run(43)
    expect(JSON.parse(other.answers[0]?.body ?? "{}")).not.toEqual(JSON.parse(a.answers[0]?.body ?? "{}"))
  })

  it("a reset starts the seeded sequences over: after POST /admin/reset or reset(), the same requests answer what they did after the start", async () => {
    const start = "2024-03-01T09:00:00Z"
    const clock = makeTestClock(start)
    const t = await startTestServer({ sidSeed: 42, clock: clock.now })
    try {
      const first = await scenario(t, clock.advance)
      clock.set(start)
      const reset = await t.admin("POST", "/admin/reset")
      expect(reset.status, reset.text).toBe(200)
      const afterHttpReset = await scenario(t, clock.advance)
      clock.set(start)
      await t.server.reset()
      const afterReset = await scenario(t, clock.advance)
      expect(afterHttpReset).toEqual(first)
      expect(afterReset).toEqual(first)
      // What a fresh emulator with the same seed answers, too.
      expect(await run(42)).toEqual(first)
    } finally {
      await t.close()
    }
  })

  it("is random without a seed", async () => {
    const t = await startTestServer({})
    const u = await startTestServer({})
    try {
      const [x, y] = await Promise.all([t.admin("POST", "/admin/accounts", {}), u.admin("POST", "/admin/accounts", {})])
      expect(x.json).not.toEqual(y.json)
    } finally {
      await t.close()
      await u.close()
    }
  })

  it("refuses a seed that is not a safe integer", () => {
    expect(() => resolveConfig({ sidSeed: 1.5 })).toThrow("shortcode-kit emulator: sidSeed must be a safe integer, received 1.5")
    expect(() => resolveConfig({ journalLimit: -1 })).toThrow("shortcode-kit emulator: journalLimit must be an integer of 0 or more, received -1")
  })

  it("reads SID_SEED, FIXED_TIME and JOURNAL_LIMIT from the environment, and names a bad value", () => {
    const { options } = configFromEnv({ SID_SEED: "7", FIXED_TIME: "2024-01-02T03:04:05Z", JOURNAL_LIMIT: "10" }, ":memory:")
    expect(options.sidSeed).toBe(7)
    expect(options.journalLimit).toBe(10)
    expect(options.clock?.().toISOString()).toBe("2024-01-02T03:04:05.000Z")
    for (const text of ["2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T12:00:00+02:00", "2024-01-01T24:00:00Z", "2024-01-01T10:60:00Z", "2024-01-01T10:00:60Z"]) {
      expect(() => configFromEnv({ FIXED_TIME: text }, ":memory:"), text).toThrow(`shortcode-kit emulator: FIXED_TIME names a date or time that does not exist: "${text}"`)
    }
    expect(configFromEnv({ FIXED_TIME: "2024-02-29T23:59:59.5-05:00" }, ":memory:").options.clock?.().toISOString()).toBe("2024-03-01T04:59:59.500Z")
    expect(() => configFromEnv({ FIXED_TIME: "2024-01-02" }, ":memory:")).toThrow(
      'shortcode-kit emulator: FIXED_TIME must be an ISO 8601 time with its offset, such as 2024-01-01T00:00:00Z, received "2024-01-02"'
    )
    expect(() => configFromEnv({ SID_SEED: "seven" }, ":memory:")).toThrow('shortcode-kit emulator: SID_SEED must be an integer, received "seven"')
  })

  it("node dist/main.mjs with SID_SEED and FIXED_TIME answers the same bodies on two runs", async () => {
    const once = async (): Promise<ReadonlyArray<string>> => {
      const child = await spawnEmulator({ DB: ":memory:", SID_SEED: "5", FIXED_TIME: "2024-06-01T00:00:00Z", ADMIN_TOKEN })
      try {
        const admin = { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" }
        const account = await (await fetch(`${child.url}/admin/accounts`, { method: "POST", headers: admin, body: "{}" })).text()
        const { sid, auth_token } = JSON.parse(account) as { sid: string; auth_token: string }
        const service = await (await fetch(`${child.url}/v1/Services`, {
          method: "POST",
          headers: { Authorization: `Basic ${Buffer.from(`${sid}:${auth_token}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
          body: "FriendlyName=cli"
        })).text()
        return [account, service]
      } finally {
        child.process.kill("SIGTERM")
        await child.exited
      }
    }
    const first = await once()
    expect(JSON.parse(first[1] ?? "{}")).toMatchObject({ date_created: "2024-06-01T00:00:00Z", friendly_name: "cli" })
    expect(await once()).toEqual(first)
  })
})
