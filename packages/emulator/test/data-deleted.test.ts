/**
 * Deleting (or replacing) the database file under a running emulator: SQLite would go on writing the deleted file,
 * and every write answered 201 would vanish at the next start. The emulator refuses writes instead, saying why, and
 * keeps serving what it has.
 */
import { copyFileSync, renameSync, rmSync } from "node:fs"
import { afterEach, describe, expect, it } from "vitest"
import { expectTwilioError, startTestServer, type TestServer } from "./support/testServer.js"

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const refusal = (label: string, path: string, what: string) =>
  `Internal Server Error: ${label} ${path} was ${what} while the emulator was running; ` +
  "writes are refused, since they would be lost at the next start: restart the emulator"

describe("the database file deleted or replaced while the emulator runs", () => {
  it("refuses writes after the file is deleted, naming it, and still serves reads", async () => {
    server = await startTestServer()
    const account = await server.makeAccount(2)
    const [kept, refused] = account.shortCodeSids as [string, string]
    const path = `/v1/Services/${account.serviceSid}/ShortCodes`
    expect((await server.twilio(account, "POST", path, { ShortCodeSid: kept })).status).toBe(201)

    rmSync(server.databasePath)

    const write = await server.twilio(account, "POST", path, { ShortCodeSid: refused })
    expect(expectTwilioError(write, 500, 20500).message).toBe(refusal("the database file", server.databasePath, "deleted"))
    const admin = await server.admin("POST", "/admin/accounts", {})
    expect(expectTwilioError(admin, 500, 20500).message).toBe(refusal("the database file", server.databasePath, "deleted"))
    // What was there before the delete is still readable from the open file.
    const read = await server.twilio(account, "GET", `${path}/${kept}`)
    expect(read.status, read.text).toBe(200)
    const missing = await server.twilio(account, "GET", `${path}/${refused}`)
    expectTwilioError(missing, 404, 20404)
  })

  it("refuses writes after the file is replaced by another one (a copy moved over it)", async () => {
    server = await startTestServer()
    const account = await server.makeAccount(1)
    const copy = `${server.databasePath}.copy`
    copyFileSync(server.databasePath, copy)
    renameSync(copy, server.databasePath)
    const write = await server.twilio(account, "POST", `/v1/Services/${account.serviceSid}/ShortCodes`, {
      ShortCodeSid: account.shortCodeSids[0] as string
    })
    expect(expectTwilioError(write, 500, 20500).message).toBe(refusal("the database file", server.databasePath, "replaced by another file"))
  })

  it("refuses writes after only the WAL file is deleted, naming it", async () => {
    server = await startTestServer()
    const account = await server.makeAccount(1)
    rmSync(`${server.databasePath}-wal`)
    const write = await server.twilio(account, "POST", `/v1/Services/${account.serviceSid}/ShortCodes`, {
      ShortCodeSid: account.shortCodeSids[0] as string
    })
    expect(expectTwilioError(write, 500, 20500).message).toBe(refusal("the database's WAL file", `${server.databasePath}-wal`, "deleted"))
  })
})
