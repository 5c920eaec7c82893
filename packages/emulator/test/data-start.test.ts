/**
 * A database file the emulator cannot use is refused at start, by the command line entry, with the file's path and
 * the cause, and exit code 1: not a crash later, and not a 500 where a request first meets a damaged page.
 */
import { spawn } from "node:child_process"
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { randomAccountSid } from "@shortcode-kit/schema"
import BetterSqlite3 from "better-sqlite3"
import { afterAll, describe, expect, it } from "vitest"
import { openDatabase } from "../src/store/Database.js"
import { MAIN } from "./support/child.js"

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-data-start-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

/** Runs `node dist/main.mjs` with `DB` and waits for it to exit (it must not start listening). */
const startWith = (database: string): Promise<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env["PATH"] ?? "", PORT: "0", HOST: "127.0.0.1", DB: database },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`the emulator did not exit within 20 s:\n${stdout}${stderr}`))
    }, 20_000)
    child.once("exit", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })

describe("a database file the emulator cannot use, at start", () => {
  it("refuses a file that is not a database, naming it", async () => {
    const database = join(folder, "notes.sqlite")
    writeFileSync(database, "these are my notes, not an SQLite database\n".repeat(20))
    const result = await startWith(database)
    expect(result.stderr).toBe(`cannot use the database file ${database}: file is not a database (SQLITE_NOTADB)\n`)
    expect(result.code).toBe(1)
  })

  it("refuses a path whose folder cannot be made because a file is in the way, naming both", async () => {
    const inTheWay = join(folder, "a-file")
    writeFileSync(inTheWay, "x")
    const database = join(inTheWay, "emulator.sqlite")
    const result = await startWith(database)
    expect(result.stderr).toBe(
      `cannot open the database file ${database}: its folder ${inTheWay} cannot be made (EEXIST: file already exists, mkdir '${inTheWay}')\n`
    )
    expect(result.code).toBe(1)
  })

  // Node 20's recursive mkdirSync never returns for a folder under /proc: the emulator makes its folders one by one.
  it.runIf(existsSync("/proc/self"))("refuses a folder the kernel will not make (under /proc) at once, naming it", async () => {
    const database = "/proc/shortcode-kit-no-such-folder/deeper/emulator.sqlite"
    const result = await startWith(database)
    expect(result.stderr).toBe(
      `cannot open the database file ${database}: its folder /proc/shortcode-kit-no-such-folder/deeper cannot be made (ENOENT: no such file or directory, mkdir '/proc/shortcode-kit-no-such-folder')\n`
    )
    expect(result.code).toBe(1)
  })

  it("refuses a database with a damaged interior page, naming the file and the page", async () => {
    const database = join(folder, "damaged.sqlite")
    // Enough accounts for the table's B-tree to need interior pages.
    const db = openDatabase(database)
    const insert = db.prepare("INSERT INTO accounts (sid, auth_token, date_created) VALUES (?, ?, 0)")
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(randomAccountSid(), `token-${i}`)
    })()
    db.close()
    // Find an interior page of the accounts table with SQLite's own page statistics (read-only: nothing changes).
    const inspect = new BetterSqlite3(database, { readonly: true })
    const interior = inspect.prepare<[], { pageno: number }>(
      "SELECT pageno FROM dbstat WHERE name = 'accounts' AND pagetype = 'internal' ORDER BY pageno LIMIT 1"
    ).get()
    const pageSize = inspect.pragma("page_size", { simple: true }) as number
    inspect.close()
    expect(interior).toBeDefined()
    const page = (interior as { pageno: number }).pageno
    // Overwrite its cell pointers (they follow the 12-byte interior page header) with garbage.
    const fd = openSync(database, "r+")
    writeSync(fd, Buffer.alloc(200, 0xff), 0, 200, (page - 1) * pageSize + 12)
    closeSync(fd)

    const result = await startWith(database)
    // The damage stops the check itself: SQLite reports the file as malformed.
    expect(result.stderr).toBe(
      `the database file ${database} is damaged (PRAGMA quick_check: database disk image is malformed (SQLITE_CORRUPT)): ` +
        "restore it from a copy, or stop the emulator and delete it to start over\n"
    )
    expect(result.stdout).not.toContain("listening on")
    expect(result.code).toBe(1)
  })

  it("opens a healthy file it made itself again (the check finds nothing)", async () => {
    const database = join(folder, "healthy.sqlite")
    openDatabase(database).close()
    expect(() => openDatabase(database).close()).not.toThrow()
  })
})
