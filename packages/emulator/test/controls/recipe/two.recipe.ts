import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN } from "@shortcode-kit/emulator"
import { describe, expect, it } from "vitest"
import { freshAccount } from "./account.js"
import { useEmulator } from "./emulator.js"

const demo = `Basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")}`
const form = { "Content-Type": "application/x-www-form-urlencoded" }
const listNames = async (url: string, authorization: string): Promise<Array<string>> => {
  const page = (await (await fetch(`${url}/v1/Services?PageSize=1000`, { headers: { Authorization: authorization } })).json()) as { services: Array<{ friendly_name: string }> }
  return page.services.map((s) => s.friendly_name)
}

describe("one emulator per file (two)", () => {
  const server = useEmulator()
  for (const round of [1, 2, 3]) {
    it(`sees only its own services, round ${round}`, async () => {
      const { url } = server()
      for (let i = 0; i < 5; i++) {
        const created = await fetch(`${url}/v1/Services`, { method: "POST", headers: { Authorization: demo, ...form }, body: `FriendlyName=two-${round}-${i}` })
        expect(created.status).toBe(201)
        await new Promise((r) => setTimeout(r, 5))
      }
      expect(await listNames(url, demo)).toEqual(["Demo Messaging Service", ...[0, 1, 2, 3, 4].map((i) => `two-${round}-${i}`)])
      expect(server().requests({ method: "POST" })).toHaveLength(5)
    })
  }
})

describe("a fresh account per test on a shared emulator (two)", () => {
  for (const round of [1, 2, 3]) {
    it(`sees only its own services, round ${round}`, async () => {
      const { url, authorization } = await freshAccount()
      for (let i = 0; i < 5; i++) {
        await fetch(`${url}/v1/Services`, { method: "POST", headers: { Authorization: authorization, ...form }, body: `FriendlyName=two-${i}` })
        await new Promise((r) => setTimeout(r, 5))
      }
      expect(await listNames(url, authorization)).toEqual([0, 1, 2, 3, 4].map((i) => `two-${i}`))
    })
  }
})
