/**
 * Migration 2: a database file written before the SID identity rule (hex digits compared without regard to case,
 * stored in lower case) may hold upper-case SIDs. Opening it puts them in their canonical form, so the server finds
 * them; a file holding two SIDs that differ only in case is refused at start, naming them, and left untouched.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import BetterSqlite3 from "better-sqlite3"
import { afterAll, describe, expect, it } from "vitest"
import { startServer } from "../../src/Server.js"
import { latestVersion, migrations } from "../../src/store/migrations.js"
import { MAIN } from "../support/child.js"

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-sid-migration-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

const ACCOUNT = `AC${"ab".repeat(16)}`
const SERVICE = `MG${"cd".repeat(16)}`
const SHORT_CODE = `SC${"ef".repeat(16)}`
const upper = (sid: string): string => sid.slice(0, 2) + sid.slice(2).toUpperCase()

/** A file as version 1 of the schema wrote it, with `rows` run against it (SQL with the SIDs as given). */
const versionOneFile = (name: string, rows: string): string => {
  const path = join(folder, name)
  const db = new BetterSqlite3(path)
  db.pragma("foreign_keys = ON")
  db.exec((migrations[0]?.sql ?? "") + rows)
  db.pragma("user_version = 1")
  db.close()
  return path
}

const oneOfEach = (account: string, service: string, shortCode: string): string => `
  INSERT INTO accounts VALUES ('${account}', 'old-token', 0);
  INSERT INTO services (sid, account_sid, friendly_name, date_created, date_updated) VALUES ('${service}', '${account}', 'Old', 0, 0);
  INSERT INTO short_codes VALUES ('${shortCode}', '${account}', '61000', 'US', '["SMS"]', 0, 0);
  INSERT INTO service_short_codes (service_sid, short_code_sid, account_sid, date_created, date_updated) VALUES ('${service}', '${shortCode}', '${account}', 0, 0);
`

const basic = `Basic ${Buffer.from(`${ACCOUNT}:old-token`).toString("base64")}`

describe("migration 2: SIDs written before the identity rule", () => {
  it("lower-cases the upper-case SIDs of an older file, so the Twilio surface finds and answers them", async () => {
    const path = versionOneFile("upper.sqlite", oneOfEach(upper(ACCOUNT), upper(SERVICE), upper(SHORT_CODE)))
    const server = await startServer({ port: 0, host: "127.0.0.1", database: path, log: false, demo: false })
    try {
      const fetched = await fetch(`${server.url}/v1/Services/${SERVICE}/ShortCodes/${SHORT_CODE}`, { headers: { Authorization: basic } })
      const body = await fetched.text()
      expect(fetched.status, body).toBe(200)
      expect(JSON.parse(body)).toMatchObject({ sid: SHORT_CODE, account_sid: ACCOUNT, service_sid: SERVICE })
      const listed = await fetch(`${server.url}/v1/Services/${upper(SERVICE)}/ShortCodes`, { headers: { Authorization: basic } })
      expect(((await listed.json()) as { short_codes: Array<{ sid: string }> }).short_codes.map((s) => s.sid)).toEqual([SHORT_CODE])
    } finally {
      await server.close()
    }
    const db = new BetterSqlite3(path, { readonly: true })
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(latestVersion)
      expect(db.pragma("foreign_key_check")).toEqual([])
      expect(db.prepare("SELECT service_sid, short_code_sid, account_sid FROM service_short_codes").all()).toEqual([
        { service_sid: SERVICE, short_code_sid: SHORT_CODE, account_sid: ACCOUNT }
      ])
    } finally {
      db.close()
    }
  })

  it("refuses to start on a file with SIDs that differ only in case, naming them and the file, and leaves it at version 1", async () => {
    const otherService = `MG${"1a".repeat(16)}`
    const path = versionOneFile(
      "duplicates.sqlite",
      oneOfEach(ACCOUNT, SERVICE, SHORT_CODE) +
        `INSERT INTO accounts VALUES ('${upper(ACCOUNT)}', 'other-token', 0);
         INSERT INTO services (sid, account_sid, friendly_name, date_created, date_updated) VALUES ('${upper(otherService)}', '${ACCOUNT}', 'A', 0, 0);
         INSERT INTO services (sid, account_sid, friendly_name, date_created, date_updated) VALUES ('${otherService}', '${ACCOUNT}', 'B', 0, 0);`
    )
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [MAIN], {
        env: { PATH: process.env["PATH"] ?? "", PORT: "0", HOST: "127.0.0.1", DB: path },
        stdio: ["ignore", "pipe", "pipe"]
      })
      let stdout = ""
      let stderr = ""
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
      child.once("exit", (code) => resolve({ code, stdout, stderr }))
    })
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `cannot use the database file ${path}: it holds SIDs that differ only in letter case, which this version of the emulator treats as the same SID: ` +
        `${upper(ACCOUNT)} and ${ACCOUNT} (accounts); ${upper(otherService)} and ${otherService} (services). ` +
        "Delete all but one of each with the sqlite3 shell, or stop the emulator and delete the file to start over\n"
    })
    const db = new BetterSqlite3(path, { readonly: true })
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(1)
      expect((db.prepare("SELECT sid FROM accounts ORDER BY sid").all() as Array<{ sid: string }>).map((r) => r.sid)).toEqual([upper(ACCOUNT), ACCOUNT])
    } finally {
      db.close()
    }
  })
})
