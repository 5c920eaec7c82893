import { TwilioError } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { makeApp } from "../../src/App.js"
import { resolveConfig } from "../../src/Config.js"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS, demoSeed } from "../../src/Demo.js"
import { loadSeed } from "../../src/Seeding.js"
import { openDatabase } from "../../src/store/Database.js"
import type { Durability } from "../../src/store/Durability.js"
import { makeRepository } from "../../src/store/Repository.js"

/** A durability whose flushes the test completes (or fails) by hand. */
const manualDurability = () => {
  const waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = []
  const durability: Durability = {
    flush: () => new Promise<void>((resolve, reject) => waiting.push({ resolve, reject })),
    flushSync: () => undefined,
    pending: () => undefined,
    failure: () => undefined,
    syncCount: () => 0,
    close: () => Promise.resolve()
  }
  return { durability, waiting }
}

const setUp = () => {
  const db = openDatabase(":memory:")
  const repository = makeRepository(db, { servicePoolLimit: 400 })
  loadSeed(repository, demoSeed)
  const manual = manualDurability()
  const faults: Array<unknown> = []
  // Request ids counted as they are drawn: one per answer.
  const drawn: Array<string> = []
  const config = resolveConfig({ log: false })
  const requestId = () => {
    drawn.push(`RQ${drawn.length.toString(16).padStart(32, "0")}`)
    return drawn[drawn.length - 1] as string
  }
  const { app, dispose } = makeApp({ ...config, ids: { ...config.ids, requestId } }, repository, {
    durability: manual.durability,
    reportFault: (error) => faults.push(error)
  })
  const request = async (method: string, path: string, body?: string): Promise<Response> =>
    app.fetch(new Request(`http://local${path}`, {
      method,
      headers: {
        Authorization: `Basic ${btoa(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`)}`,
        "Content-Type": "application/x-www-form-urlencoded"
      },
      ...(body === undefined ? {} : { body })
    }))
  return { app, db, repository, faults, drawn, request, waiting: manual.waiting, close: async () => { await dispose(); db.close() } }
}

const collection = `/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`
const sid = DEMO_SHORT_CODE_SIDS[0]

const isSettled = async (promise: Promise<unknown>): Promise<boolean> => {
  let settled = false
  promise.then(() => (settled = true), () => (settled = true))
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
  return settled
}

describe("durable writes", () => {
  it("answers an add only after the flush that makes it durable", async () => {
    const t = setUp()
    const answer = t.request("POST", collection, `ShortCodeSid=${sid}`)
    expect(await isSettled(answer)).toBe(false)
    expect(t.waiting).toHaveLength(1)
    t.waiting[0]?.resolve()
    expect((await answer).status).toBe(201)
    const removal = t.request("DELETE", `${collection}/${sid}`)
    expect(await isSettled(removal)).toBe(false)
    t.waiting[1]?.resolve()
    expect((await removal).status).toBe(204)
    await t.close()
  })

  it("answers 500, not 201, when the disk refuses the sync, and reports the fault", async () => {
    const t = setUp()
    const answer = t.request("POST", collection, `ShortCodeSid=${sid}`)
    expect(await isSettled(answer)).toBe(false)
    t.waiting[0]?.reject(new Error("the disk refused to sync"))
    const response = await answer
    expect(response.status).toBe(500)
    expect(Schema.decodeUnknownSync(TwilioError)(await response.json())).toMatchObject({ code: 20500, status: 500 })
    expect(String(t.faults[0])).toContain("the disk refused to sync")
    // The 500 is the one answer: it carries the one request id drawn (a seeded sequence does not move) and the
    // CORS headers once.
    expect(t.drawn).toHaveLength(1)
    expect(response.headers.get("twilio-request-id")).toBe(t.drawn[0])
    expect(response.headers.get("access-control-allow-origin")).toBe("*")
    await t.close()
  })

  it("does not wait for the disk when nothing was written: reads, refused writes, preflights", async () => {
    const t = setUp()
    expect((await t.request("GET", `${collection}?PageSize=5`)).status).toBe(200)
    expect((await t.request("POST", collection, "ShortCodeSid=PN1")).status).toBe(400)
    expect((await t.request("DELETE", `${collection}/${DEMO_SHORT_CODE_SIDS[1]}`)).status).toBe(404)
    expect((await t.request("OPTIONS", collection)).status).toBe(204)
    expect(t.waiting).toHaveLength(0)
    await t.close()
  })
})
