import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_PHONE_NUMBER_SIDS, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../../src/Demo.js"
import { MAIN } from "../support/child.js"
import { expectTwilioError, startTestServer } from "../support/testServer.js"

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-ready-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

describe("GET /healthz", () => {
  it("answers 200 without credentials, with nothing secret in it", async () => {
    const t = await startTestServer({ demo: true })
    try {
      const health = await t.request("GET", "/healthz")
      expect(health.status).toBe(200)
      expect(health.headers.get("Content-Type")).toBe("application/json")
      expect(health.json).toEqual({ status: "ok", database: t.databasePath, demo: true, uptime_s: expect.any(Number), journal: { size: 0, limit: 1000 } })
      expect(health.text).not.toContain(t.server.adminToken)
      expect(health.text).not.toContain(DEMO_AUTH_TOKEN)
      const head = await t.request("HEAD", "/healthz")
      expect({ status: head.status, text: head.text }).toEqual({ status: 200, text: "" })
      const post = await t.request("POST", "/healthz")
      expect(expectTwilioError(post, 405, 20004).message).toBe("Method not allowed: POST is not supported on /healthz; allowed: GET, HEAD, OPTIONS")
      expect((await t.request("OPTIONS", "/healthz")).status).toBe(204)
    } finally {
      await t.close()
    }
  })
})

/** Spawns dist/main.mjs and resolves with its first stdout line. */
const firstLine = (env: Record<string, string>): Promise<{ line: string; child: ChildProcess; exited: Promise<number | string>; output: () => string }> => {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env["PATH"] ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  let output = ""
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")))
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line within 20 s:\n${output}`)), 20_000)
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk
      const end = output.indexOf("\n")
      if (end >= 0) {
        clearTimeout(timer)
        resolve({ line: output.slice(0, end), child, exited, output: () => output })
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`exited (${code}):\n${output}`))
    })
  })
}

describe("READY_JSON=1 (node dist/main.mjs)", () => {
  it("prints one JSON line first, with the URL, port, admin token, database and demo credentials", async () => {
    const database = join(folder, "ready.sqlite")
    const { line, child, exited, output } = await firstLine({ DB: database, READY_JSON: "1" })
    try {
      const signal = JSON.parse(line) as Record<string, unknown>
      expect(signal).toEqual({
        ready: true,
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:[0-9]+$/),
        host: "127.0.0.1",
        port: expect.any(Number),
        admin_token: expect.stringMatching(/^[0-9a-f]{64}$/),
        database,
        demo: { account_sid: DEMO_ACCOUNT_SID, auth_token: DEMO_AUTH_TOKEN, service_sid: DEMO_SERVICE_SID, short_code_sids: [...DEMO_SHORT_CODE_SIDS], phone_number_sids: [...DEMO_PHONE_NUMBER_SIDS] }
      })
      expect(signal["url"]).toBe(`http://127.0.0.1:${String(signal["port"])}`)
      // The emulator serves when the line is out: health, and the admin token works.
      const health = await fetch(`${String(signal["url"])}/healthz`)
      expect(health.status).toBe(200)
      const reset = await fetch(`${String(signal["url"])}/admin/reset`, { method: "POST", headers: { Authorization: `Bearer ${String(signal["admin_token"])}` } })
      expect(reset.status).toBe(200)
      // The human banner follows.
      await new Promise((r) => setTimeout(r, 100))
      expect(output()).toContain(`listening on ${String(signal["url"])}`)
    } finally {
      child.kill("SIGTERM")
      expect(await exited).toBe(0)
    }
  })

  it("has demo null when a seed file replaces the demo data; no line without READY_JSON", async () => {
    const seedFile = join(folder, "seed.json")
    writeFileSync(seedFile, JSON.stringify({ accounts: [{ sid: "AC11111111111111111111111111111111", auth_token: "t" }] }))
    const seeded = await firstLine({ DB: ":memory:", READY_JSON: "true", SEED_FILE: seedFile, ADMIN_TOKEN: "fixed-admin-token-0001" })
    try {
      expect(JSON.parse(seeded.line)).toMatchObject({ admin_token: "fixed-admin-token-0001", database: ":memory:", demo: null })
    } finally {
      seeded.child.kill("SIGTERM")
      await seeded.exited
    }
    const plain = await firstLine({ DB: ":memory:" })
    try {
      expect(plain.line).toMatch(/^shortcode-kit emulator listening on /)
    } finally {
      plain.child.kill("SIGTERM")
      await plain.exited
    }
  })

  it("exits 1 naming READY_JSON when its value is not 1, true, 0 or false", async () => {
    const bad = spawn(process.execPath, [MAIN], { env: { PATH: process.env["PATH"] ?? "", PORT: "0", DB: ":memory:", READY_JSON: "yes" }, stdio: ["ignore", "pipe", "pipe"] })
    let stderr = ""
    bad.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    const code = await new Promise((resolve) => bad.once("exit", resolve))
    expect({ code, stderr }).toEqual({ code: 1, stderr: 'shortcode-kit emulator: READY_JSON must be 1, true, 0 or false, received "yes"\n' })
  })
})
