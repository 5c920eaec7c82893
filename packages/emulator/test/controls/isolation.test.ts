import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN } from "../../src/Demo.js"
import { startTestServer, type TestServer } from "../support/testServer.js"

const demo = { accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN }
const names = async (t: TestServer, credentials: { accountSid: string; authToken: string }) =>
  ((await t.twilio(credentials, "GET", "/v1/Services?PageSize=1000")).json as { services: Array<{ friendly_name: string }> }).services.map((s) => s.friendly_name)

describe("isolation across parallel tests", () => {
  it("two emulators driven at the same time do not see each other's data or requests", async () => {
    const [a, b] = await Promise.all([startTestServer({ demo: true }), startTestServer({ demo: true })])
    try {
      const drive = async (t: TestServer, tag: string) => {
        for (let i = 0; i < 10; i++) expect((await t.twilio(demo, "POST", "/v1/Services", { FriendlyName: `${tag}${i}` })).status).toBe(201)
      }
      await Promise.all([drive(a, "a"), drive(b, "b")])
      const expected = (tag: string) => ["Demo Messaging Service", ...Array.from({ length: 10 }, (_, i) => `${tag}${i}`)]
      expect(await names(a, demo)).toEqual(expected("a"))
      expect(await names(b, demo)).toEqual(expected("b"))
      expect(a.server.requests({ method: "POST" }).map((e) => e.form["FriendlyName"])).toEqual(expected("a").slice(1))
      await a.server.reset()
      expect(await names(b, demo)).toEqual(expected("b"))
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it("two accounts of one emulator do not see each other's services", async () => {
    const t = await startTestServer()
    try {
      const [x, y] = await Promise.all([t.makeAccount(0), t.makeAccount(0)])
      await Promise.all([
        t.twilio(x, "POST", "/v1/Services", { FriendlyName: "x's" }),
        t.twilio(y, "POST", "/v1/Services", { FriendlyName: "y's" })
      ])
      expect(await names(t, x)).toEqual(["test service", "x's"])
      expect(await names(t, y)).toEqual(["test service", "y's"])
      expect(t.server.requests({ method: "POST" }).map((e) => e.account_sid).sort()).toEqual([x.accountSid, y.accountSid].sort())
    } finally {
      await t.close()
    }
  })

  it("the README's recipe runs: two vitest workers, one emulator per file and a fresh account per test", async () => {
    // vitest's command line script, found from its package.json (the script is not in its exports).
    const vitest = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs")
    const config = fileURLToPath(new URL("./recipe/vitest.config.ts", import.meta.url))
    const child = spawn(process.execPath, [vitest, "run", "--config", config, "--reporter", "json"], {
      env: { ...process.env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    const code = await new Promise((resolve) => child.once("exit", resolve))
    const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { numTotalTests: number; numPassedTests: number; numFailedTests: number }
    expect({ code, total: report.numTotalTests, passed: report.numPassedTests, failed: report.numFailedTests }, stderr).toEqual({ code: 0, total: 12, passed: 12, failed: 0 })
  })
})
