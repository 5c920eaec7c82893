// The banner is printed at every start, also on a database kept from an earlier run: what it says the printed curl
// answers must be what that curl answers with this database, whatever state the demo data is in.
import { afterEach, describe, expect, it } from "vitest"
import { banner } from "../src/Banner.js"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_PHONE_NUMBER_SIDS, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../src/Demo.js"
import { type RunningServer, startServer } from "../src/Server.js"

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const basic = `Basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")}`
const twilio = (running: RunningServer, method: string, path: string, form?: Record<string, string>) =>
  fetch(`${running.url}${path}`, {
    method,
    headers: { Authorization: basic, ...(form === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" }) },
    ...(form === undefined ? {} : { body: new URLSearchParams(form).toString() })
  })

/** The hint line above the curl, and the curl as the banner prints it, sent once. */
const hintAndAnswer = async (running: RunningServer) => {
  const text = banner({ server: running, databasePath: ":memory:", adminTokenGenerated: false })
  const hint = text.split("\n").find((line) => line.startsWith("Add the first demo short code"))
  const url = /curl --request POST '([^']+)'/.exec(text)?.[1]
  const data = /--data '([^']+)'/.exec(text)?.[1]
  if (url === undefined || data === undefined) throw new Error(`no curl in the banner:\n${text}`)
  const response = await fetch(url, {
    method: "POST",
    headers: { Authorization: basic, "Content-Type": "application/x-www-form-urlencoded" },
    body: data
  })
  const body = await response.json() as { readonly code?: number; readonly sid?: string }
  return { hint, status: response.status, body }
}

const addFirst = { ShortCodeSid: DEMO_SHORT_CODE_SIDS[0] }

describe("banner: what the printed curl answers", () => {
  it("a fresh database: 201 and the ShortCode JSON, then 409 21710", async () => {
    server = await startServer({ port: 0, database: ":memory:", log: false })
    const { hint, status, body } = await hintAndAnswer(server)
    expect(hint).toBe("Add the first demo short code to the demo service (it is in no service: 201 and the ShortCode JSON; run again: 409 code 21710):")
    expect(status).toBe(201)
    expect(body.sid).toBe(DEMO_SHORT_CODE_SIDS[0])
    const again = await hintAndAnswer(server)
    expect([again.status, again.body.code]).toEqual([409, 21710])
  })

  it("the short code already in the demo service (a database kept from an earlier run): 409 21710, and how to reset", async () => {
    server = await startServer({ port: 0, database: ":memory:", log: false })
    expect((await twilio(server, "POST", `/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`, addFirst)).status).toBe(201)
    const { hint, status, body } = await hintAndAnswer(server)
    expect(hint).toBe("Add the first demo short code to the demo service (it is already in the service: 409 code 21710; POST /admin/reset puts the demo data back):")
    expect([status, body.code]).toEqual([409, 21710])
    // The hint's way back works: after a reset, the banner says 201 again and the curl gets it.
    await server.reset()
    const again = await hintAndAnswer(server)
    expect(again.hint).toContain("it is in no service: 201")
    expect(again.status).toBe(201)
  })

  it("the short code in another service: 409 21712 naming that service", async () => {
    server = await startServer({ port: 0, database: ":memory:", log: false })
    const created = await twilio(server, "POST", "/v1/Services", { FriendlyName: "Elsewhere" })
    const other = (await created.json() as { sid: string }).sid
    expect((await twilio(server, "POST", `/v1/Services/${other}/ShortCodes`, addFirst)).status).toBe(201)
    const { hint, status, body } = await hintAndAnswer(server)
    expect(hint).toBe(`Add the first demo short code to the demo service (it is in service ${other}: 409 code 21712; POST /admin/reset puts the demo data back):`)
    expect([status, body.code]).toEqual([409, 21712])
  })

  it("the demo service deleted: 404 20404", async () => {
    server = await startServer({ port: 0, database: ":memory:", log: false })
    expect((await twilio(server, "DELETE", `/v1/Services/${DEMO_SERVICE_SID}`)).status).toBe(204)
    const { hint, status, body } = await hintAndAnswer(server)
    expect(hint).toBe("Add the first demo short code to the demo service (the demo service was deleted: 404 code 20404; POST /admin/reset puts the demo data back):")
    expect([status, body.code]).toEqual([404, 20404])
  })
})

describe("banner: the demo pool", () => {
  // A service's pool holds phone numbers and short codes together; the banner shows where each demo sender is now.
  const phoneLine = (running: RunningServer, sid: string) =>
    banner({ server: running, databasePath: ":memory:", adminTokenGenerated: false }).split("\n").find((line) => line.includes(sid))

  it("names each demo phone number with the service it is in, as the API moves it", async () => {
    server = await startServer({ port: 0, database: ":memory:", log: false })
    const [inService, free] = [DEMO_PHONE_NUMBER_SIDS[0], DEMO_PHONE_NUMBER_SIDS[1]]
    expect(phoneLine(server, inService)).toBe(`  phone numbers ${inService}  +12025550101 US SMS,MMS,Voice  in service ${DEMO_SERVICE_SID}`)
    expect(phoneLine(server, free)).toBe(`                ${free}  +12025550102 US SMS,Voice  in no service`)
    expect((await twilio(server, "POST", `/v1/Services/${DEMO_SERVICE_SID}/PhoneNumbers`, { PhoneNumberSid: free })).status).toBe(201)
    expect(phoneLine(server, free)).toBe(`                ${free}  +12025550102 US SMS,Voice  in service ${DEMO_SERVICE_SID}`)
    expect((await twilio(server, "DELETE", `/v1/Services/${DEMO_SERVICE_SID}`)).status).toBe(204)
    // Deleting the service gives its numbers back to the inventory.
    expect(phoneLine(server, inService)).toBe(`  phone numbers ${inService}  +12025550101 US SMS,MMS,Voice  in no service`)
  })
})
