import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import BetterSqlite3 from "better-sqlite3"
import { afterAll, describe, expect, it } from "vitest"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../src/Demo.js"
import { MAIN } from "./support/child.js"

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-streams-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

/**
 * `node dist/main.mjs` on a SQLite file whose stdout (and, with `closeStderr`, stderr) is a pipe this test closes
 * as soon as the first line arrives, as `npm start | head -1` does, or a `| tee` stopped by Ctrl-C before the app.
 */
const startThenCloseOutput = async (database: string, closeStderr: boolean) => {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env["PATH"] ?? "", PORT: "0", HOST: "127.0.0.1", DB: database },
    stdio: ["ignore", "pipe", "pipe"]
  })
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")))
  let stderr = ""
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
  const firstLine = await new Promise<string>((resolve, reject) => {
    let text = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      text += chunk
      const end = text.indexOf("\n")
      if (end >= 0) resolve(text.slice(0, end))
    })
    void exited.then((code) => reject(new Error(`the emulator exited (${code}) before its first line:\n${text}${stderr}`)))
  })
  // The reader goes away: every later write of the child to this pipe fails with EPIPE.
  child.stdout.destroy()
  if (closeStderr) child.stderr.destroy()
  const url = /listening on (http:\/\/\S+)/.exec(firstLine)?.[1]
  if (url === undefined) throw new Error(`no URL in the first line: ${firstLine}`)
  return { child, url, exited, stderr: () => stderr }
}

/** Reopens the database file after the process ended: a clean close checkpointed and removed the -wal file. */
const expectClosedCleanly = (database: string) => {
  expect({ wal: existsSync(`${database}-wal`), shm: existsSync(`${database}-shm`) }).toEqual({ wal: false, shm: false })
  const db = new BetterSqlite3(database, { readonly: true })
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok")
    return db.prepare("SELECT count(*) AS n FROM service_short_codes WHERE short_code_sid = ?").get(DEMO_SHORT_CODE_SIDS[2]) as { n: number }
  } finally {
    db.close()
  }
}

describe("node dist/main.mjs with a closed stdout", () => {
  it("on SIGINT after the reader of stdout went away, closes the database and exits 0", async () => {
    const database = join(folder, "closed-stdout.sqlite")
    const { child, exited, stderr } = await startThenCloseOutput(database, false)
    child.kill("SIGINT")
    expect({ exit: await exited, stderr: stderr() }).toEqual({ exit: 0, stderr: "" })
    expect(expectClosedCleanly(database)).toEqual({ n: 0 })
  })

  it("keeps serving while the request log has no reader (stdout and stderr closed), keeps every write, and exits 0 on SIGINT", async () => {
    const database = join(folder, "closed-stdout-stderr.sqlite")
    const { child, url, exited } = await startThenCloseOutput(database, true)
    const authorization = `Basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")}`
    const add = await fetch(`${url}/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`, {
      method: "POST",
      headers: { Authorization: authorization, "Content-Type": "application/x-www-form-urlencoded" },
      body: `ShortCodeSid=${DEMO_SHORT_CODE_SIDS[2]}`
    })
    expect(add.status, await add.text()).toBe(201)
    // The log line of that request went to the closed pipe on the loop's next turn; the server is still there.
    await new Promise((r) => setTimeout(r, 100))
    const fetched = await fetch(`${url}/v1/Services/${DEMO_SERVICE_SID}/ShortCodes/${DEMO_SHORT_CODE_SIDS[2]}`, { headers: { Authorization: authorization } })
    expect(fetched.status, await fetched.text()).toBe(200)
    await new Promise((r) => setTimeout(r, 100))
    child.kill("SIGINT")
    expect(await exited).toBe(0)
    expect(expectClosedCleanly(database)).toEqual({ n: 1 })
  })
})
