import { TwilioError } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { makeApp } from "../src/App.js"
import { resolveConfig } from "../src/Config.js"
import { openDatabase } from "../src/store/Database.js"
import { makeRepository, type Repository } from "../src/store/Repository.js"
import { expectCors } from "./support/testServer.js"

describe("the global error handler", () => {
  it("answers a fault of the server with a TwilioError 500, no stack trace, CORS headers, and reports it", async () => {
    const db = openDatabase(":memory:")
    const real = makeRepository(db, { servicePoolLimit: 400 })
    // A store that breaks, as a disk error would: the server's fault, not the client's.
    const broken: Repository = { ...real, findAccount: () => { throw new Error("disk on fire") } }
    const faults: Array<unknown> = []
    const { app, dispose } = makeApp(resolveConfig({ log: false }), broken, { reportFault: (error) => faults.push(error) })
    const response = await app.fetch(new Request("http://local/v1/Services", { headers: { Authorization: `Basic ${btoa("AC:x")}` } }))
    const text = await response.text()
    expect(response.status).toBe(500)
    expectCors(response.headers)
    expect(Schema.decodeUnknownSync(TwilioError)(JSON.parse(text))).toMatchObject({ code: 20500, status: 500 })
    expect(text).not.toContain("disk on fire")
    expect(text).not.toMatch(/at .*\.ts:\d+/)
    expect(faults).toHaveLength(1)
    expect(String(faults[0])).toContain("disk on fire")
    await dispose()
    db.close()
  })

  it("logs one line per request with method, path, status and milliseconds", async () => {
    const db = openDatabase(":memory:")
    const lines: Array<string> = []
    const { app, dispose } = makeApp(resolveConfig({ log: (line) => lines.push(line) }), makeRepository(db, { servicePoolLimit: 400 }))
    await app.fetch(new Request("http://local/nowhere?secret=1"))
    await app.fetch(new Request("http://local/v1/Services", { method: "PUT" }))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z GET \/nowhere 404 \d+\.\dms$/)
    expect(lines[1]).toMatch(/ PUT \/v1\/Services 405 \d+\.\dms$/)
    await dispose()
    db.close()
  })
})
