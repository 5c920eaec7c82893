import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url))
const rootPackage = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as {
  readonly packageManager: string
  readonly scripts: Record<string, string>
}

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-root-scripts-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

/** Only what a shell gives a newcomer: none of the TURBO_* or npm_* variables of the test run that started us. */
const plainEnv = (extra: Record<string, string>): Record<string, string> => ({
  PATH: process.env["PATH"] ?? "",
  HOME: process.env["HOME"] ?? folder,
  ...extra
})

interface Ended {
  readonly exit: number | string
  readonly stdout: string
  readonly stderr: string
}

describe("npm start (the root script)", () => {
  it("prints the banner first: no build output, no tsdown deprecation; Ctrl-C stops the emulator", { timeout: 300_000 }, async () => {
    // Its own process group, as a terminal runs it: Ctrl-C is SIGINT to the group.
    const child = spawn("npm", ["start"], {
      cwd: repositoryRoot,
      detached: true,
      env: plainEnv({ PORT: "0", HOST: "127.0.0.1", DB: ":memory:" }),
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    const ended = new Promise<Ended>((resolve) => {
      child.once("exit", (code, signal) => resolve({ exit: code ?? signal ?? "unknown", stdout, stderr }))
    })
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const before = stdout
      stdout += chunk
      // The banner's last line is the curl's --data line: then the emulator is up.
      if (!before.includes("--data 'ShortCodeSid=") && stdout.includes("--data 'ShortCodeSid=")) process.kill(-(child.pid as number), "SIGINT")
    })
    const { exit, stdout: out, stderr: err } = await ended
    // npm prints the header of the script it runs (no script can turn that off); after it comes the app's output.
    const npmHeader = `\n> start\n> ${rootPackage.scripts["start"]}\n\n`
    expect(out.slice(0, npmHeader.length), out).toBe(npmHeader)
    const lines = out.slice(npmHeader.length).split("\n")
    expect(lines[0]).toMatch(/^shortcode-kit emulator listening on http:\/\/127\.0\.0\.1:\d+$/)
    expect(`${out}${err}`).not.toMatch(/deprecated|tsdown|turbo|Tasks:/i)
    expect(err).toBe("")
    expect(lines.slice(-3)).toEqual(["SIGINT: no new connections; finishing requests in flight, then closing the database", "stopped", ""])
    // After its script exited 0, npm ends itself with the SIGINT it also received, as after any Ctrl-C.
    expect([0, "SIGINT"]).toContain(exit)
  })
})

describe("npm test (the root script)", () => {
  it("runs every workspace's tests when one fails, and still exits non-zero", { timeout: 120_000 }, async () => {
    // A two-package workspace with this repository's test script and turbo.json: `fails` fails at once, `slow` ends
    // later and leaves a file. Turborepo's default would cancel `slow` as soon as `fails` failed.
    const workspace = join(folder, "workspace")
    const write = (path: string, value: unknown) => {
      mkdirSync(join(workspace, path, ".."), { recursive: true })
      writeFileSync(join(workspace, path), typeof value === "string" ? value : JSON.stringify(value, null, 2))
    }
    write("turbo.json", readFileSync(join(repositoryRoot, "turbo.json"), "utf8"))
    write("package.json", { name: "root", private: true, packageManager: rootPackage.packageManager, workspaces: ["packages/*"], scripts: { test: rootPackage.scripts["test"] } })
    write("packages/fails/package.json", { name: "fails", scripts: { test: "node -e \"console.error('fails: 1 test failed'); process.exit(1)\"" } })
    write("packages/slow/package.json", { name: "slow", scripts: { test: "node -e \"setTimeout(() => require('fs').writeFileSync('ran', 'yes'), 2000)\"" } })
    const turboBin = join(repositoryRoot, "node_modules", ".bin")
    const { exit, stdout } = await new Promise<Ended>((resolve) => {
      const child = spawn("npm", ["test"], { cwd: workspace, env: plainEnv({ PATH: `${turboBin}:${process.env["PATH"] ?? ""}` }), stdio: ["ignore", "pipe", "pipe"] })
      let out = ""
      let err = ""
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk))
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk))
      child.once("exit", (code, signal) => resolve({ exit: code ?? signal ?? "unknown", stdout: out, stderr: err }))
    })
    expect(exit).toBe(1)
    expect(stdout).toContain("fails: 1 test failed")
    expect(existsSync(join(workspace, "packages", "slow", "ran")), stdout).toBe(true)
  })
})
