/**
 * `SERVICE_POOL_LIMIT` as the command line entry reads it, in a spawned `node dist/main.mjs`: the demo service's
 * pool starts with the demo phone number, so a limit of 2 leaves one place for a short code.
 */
import { describe, expect, it } from "vitest"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../src/Demo.js"
import { spawnEmulator } from "./support/child.js"

const add = (url: string, shortCodeSid: string) =>
  fetch(`${url}/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded"
    },
    body: new URLSearchParams({ ShortCodeSid: shortCodeSid }).toString()
  })

describe("SERVICE_POOL_LIMIT", () => {
  it("limits every service's pool, phone numbers and short codes together", async () => {
    const child = await spawnEmulator({ DB: ":memory:", SERVICE_POOL_LIMIT: "2" })
    try {
      const fits = await add(child.url, DEMO_SHORT_CODE_SIDS[0])
      expect(fits.status, await fits.text()).toBe(201)
      const full = await add(child.url, DEMO_SHORT_CODE_SIDS[1])
      expect(full.status).toBe(400)
      expect(await full.json()).toMatchObject({ code: 21714, message: "The Messaging Service number pool is full (2 numbers and short codes per service)" })
    } finally {
      child.process.kill("SIGTERM")
      await child.exited
    }
  })

  it("exits 1 naming the variable and the value for one that is not a positive whole number", async () => {
    await expect(spawnEmulator({ DB: ":memory:", SERVICE_POOL_LIMIT: "0" })).rejects.toThrow(
      'SERVICE_POOL_LIMIT must be a positive whole number (phone numbers and short codes per service), received "0"'
    )
  })
})
