import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { fc, test } from "@fast-check/vitest"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { readSeedFile } from "../src/Config.js"
import { expectTwilioError, startTestServer, type TestServer } from "./support/testServer.js"

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 32, maxLength: 32 })
const mask = fc.array(fc.boolean(), { minLength: 32, maxLength: 32 })
/** `sid` with the hex digits chosen by `upper` in upper case. */
const mix = (sid: string, upper: ReadonlyArray<boolean>): string =>
  sid.slice(0, 2) + [...sid.slice(2)].map((d, i) => (upper[i] === true ? d.toUpperCase() : d)).join("")
const upper = (sid: string): string => sid.slice(0, 2) + sid.slice(2).toUpperCase()

let number = 600_000

describe("a SID's hex digits are compared without regard to case", () => {
  test.prop([hex, hex, hex, mask, mask, mask, mask], { numRuns: 15 })(
    "every operation agrees on any case mix of the account, service and short code SIDs, and answers the lower-case form",
    async (accountHex, serviceHex, shortCodeHex, accountCase, serviceCase, shortCodeCase, otherCase) => {
      const accountSid = `AC${accountHex}`
      const serviceSid = `MG${serviceHex}`
      const shortCodeSid = `SC${shortCodeHex}`
      // Set up with SIDs in one case mix (admin bodies), use them in others (paths, forms, Basic auth).
      const created = await t.admin("POST", "/admin/accounts", { sid: mix(accountSid, otherCase), auth_token: "case-token" })
      fc.pre(created.status === 201) // the same hex drawn twice in one run
      expect(created.json).toEqual({ sid: accountSid, auth_token: "case-token" })
      const service = await t.admin("POST", "/admin/services", { sid: mix(serviceSid, accountCase), account_sid: mix(accountSid, serviceCase), friendly_name: "case" })
      expect(service.status, service.text).toBe(201)
      expect(service.json).toEqual({ sid: serviceSid, account_sid: accountSid, friendly_name: "case" })
      const inventory = await t.admin("POST", "/admin/short-codes", { sid: mix(shortCodeSid, serviceCase), account_sid: mix(accountSid, shortCodeCase), short_code: String(number++) })
      expect(inventory.status, inventory.text).toBe(201)
      expect(inventory.json).toMatchObject({ sid: shortCodeSid, account_sid: accountSid })

      const as = { accountSid: mix(accountSid, accountCase), authToken: "case-token" }
      const collection = `/v1/Services/${mix(serviceSid, serviceCase)}/ShortCodes`
      const added = await t.twilio(as, "POST", collection, { ShortCodeSid: mix(shortCodeSid, shortCodeCase) })
      expect(added.status, added.text).toBe(201)
      expect(added.json).toMatchObject({ sid: shortCodeSid, account_sid: accountSid, service_sid: serviceSid })
      // The same short code under another case mix is the same one: already in this service.
      expectTwilioError(await t.twilio(as, "POST", collection, { ShortCodeSid: mix(shortCodeSid, otherCase) }), 409, 21710)

      const instance = `/v1/Services/${mix(serviceSid, otherCase)}/ShortCodes/${mix(shortCodeSid, accountCase)}`
      const fetched = await t.twilio({ ...as, accountSid: mix(accountSid, otherCase) }, "GET", instance)
      expect(fetched.status, fetched.text).toBe(200)
      expect(fetched.json).toEqual(added.json)
      const fetchedService = await t.twilio(as, "GET", `/v1/Services/${mix(serviceSid, shortCodeCase)}`)
      expect(fetchedService.status, fetchedService.text).toBe(200)
      expect(fetchedService.json).toMatchObject({ sid: serviceSid, account_sid: accountSid })
      const listed = await t.twilio(as, "GET", `${collection}?PageSize=1`)
      expect(listed.status, listed.text).toBe(200)
      expect((listed.json as { short_codes: Array<unknown> }).short_codes).toEqual([added.json])

      // The admin API refuses another case mix of an existing SID as the same account, service and short code.
      expectTwilioError(await t.admin("POST", "/admin/accounts", { sid: mix(accountSid, shortCodeCase) }), 409, 20001)
      expectTwilioError(await t.admin("POST", "/admin/services", { sid: mix(serviceSid, otherCase), account_sid: accountSid, friendly_name: "case" }), 409, 20001)
      // A seed naming them in another case mix is what is already there: nothing to add.
      const seeded = await t.admin("POST", "/admin/seed", {
        accounts: [{ sid: mix(accountSid, serviceCase), auth_token: "case-token" }],
        services: [{ sid: mix(serviceSid, accountCase), account_sid: mix(accountSid, otherCase), friendly_name: "case" }]
      })
      expect(seeded.json, seeded.text).toEqual({ accounts: 0, services: 0, short_codes: 0, phone_numbers: 0, memberships: 0 })

      expect((await t.twilio(as, "DELETE", `/v1/Services/${mix(serviceSid, accountCase)}/ShortCodes/${mix(shortCodeSid, otherCase)}`)).status).toBe(204)
      expectTwilioError(await t.twilio(as, "GET", instance), 404, 20404)
    }
  )

  it("refuses ACAAAA... beside ACaaaa... as the same account, naming it in its canonical form", async () => {
    const lower = `AC${"ab".repeat(16)}`
    expect((await t.admin("POST", "/admin/accounts", { sid: lower })).status).toBe(201)
    const refused = expectTwilioError(await t.admin("POST", "/admin/accounts", { sid: upper(lower) }), 409, 20001)
    expect(refused.message).toBe(`Conflict: account ${lower} already exists`)
  })

  it("stores a seed file's upper-case SIDs in lower case, where the Twilio surface and the dump find them", async () => {
    const accountSid = `AC${"cd".repeat(16)}`
    const serviceSid = `MG${"cd".repeat(16)}`
    const shortCodeSid = `SC${"cd".repeat(16)}`
    const file = join(t.folder, "upper-case-seed.json")
    writeFileSync(file, JSON.stringify({
      accounts: [{ sid: upper(accountSid), auth_token: "file-token" }],
      services: [{ sid: upper(serviceSid), account_sid: upper(accountSid), friendly_name: "From a file" }],
      short_codes: [{ sid: upper(shortCodeSid), account_sid: upper(accountSid), short_code: "61234", service_sid: upper(serviceSid) }]
    }))
    const seed = readSeedFile(file)
    expect(seed.shortCodes[0]).toMatchObject({ sid: shortCodeSid, accountSid, serviceSid })
    const other = await startTestServer({ seed })
    try {
      const fetched = await other.twilio({ accountSid, authToken: "file-token" }, "GET", `/v1/Services/${serviceSid}/ShortCodes/${shortCodeSid}`)
      expect(fetched.status, fetched.text).toBe(200)
      const dump = (await other.admin("GET", "/admin/dump")).json as { accounts: Array<{ sid: string }> }
      expect(dump.accounts.map((a) => a.sid)).toEqual([accountSid])
    } finally {
      await other.close()
    }
  })
})
