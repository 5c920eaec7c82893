// `shortcode-kit conformance` as a user runs it (the validator's bin, in a child process) against the example app:
// exit 0 when every check passes, 1 with reproductions when one fails (and the printed replay command fails the same
// way), 2 when the target cannot be set up; the report and JUnit files, and no secret in either; `--target` for the
// phone numbers and the alpha senders, and the pool flags against an emulator with a small pool. Usage errors, which
// need no target, are tested with the validator (packages/validator/test/conformance/cli.test.ts, test/cli).
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_PHONE_NUMBER_SIDS, DEMO_SHORT_CODE_SIDS } from "../../src/Demo.js"
import { startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"
import { type Proxy, startProxy, transparent } from "./proxy.js"
import { variants } from "./variants.js"

const validatorPackage = createRequire(import.meta.url).resolve("@shortcode-kit/validator/package.json")
const BIN = join(dirname(validatorPackage), (JSON.parse(readFileSync(validatorPackage, "utf8")) as { bin: Record<string, string> }).bin["shortcode-kit"] as string)

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs a shell-free argv, or a command line as the report prints it (through sh, which reads the token from the environment). */
const run = (args: ReadonlyArray<string> | string, env: Record<string, string>): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = typeof args === "string"
      ? spawn("sh", ["-c", args.replace(/^shortcode-kit /, `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} `)], { env: { ...process.env, ...env } })
      : spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

let server: TestServer
let proxy: Proxy
let account: TestAccount
const dir = mkdtempSync(join(tmpdir(), "shortcode-kit-conformance-cli-"))

beforeAll(async () => {
  proxy = await startProxy()
  server = await startTestServer({ publicBaseUrl: proxy.url })
  proxy.upstream = server.url
  account = await server.makeAccount(2)
})
afterAll(async () => {
  await proxy.close()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

const target = () => [
  "--base-url", proxy.url,
  "--account-sid", account.accountSid,
  "--service-sid", account.serviceSid,
  ...account.shortCodeSids.flatMap((sid) => ["--short-code-sid", sid])
]
const env = () => ({ SHORTCODE_KIT_AUTH_TOKEN: account.authToken, NO_COLOR: "1" })

describe("shortcode-kit conformance", () => {
  it("exits 0 when every check passes, prints the summary table, and writes the report and JUnit XML", async () => {
    proxy.fault = transparent
    const report = join(dir, "report.json")
    const junit = join(dir, "junit.xml")
    const result = await run([...target(), "--strict", "--runs", "8", "--seed", "42", "--report", report, "--junit", junit].flatMap((arg, i) => (i === 0 ? ["conformance", arg] : [arg])), env())
    expect(result.stderr).toMatch(/^conformance: \[1\/8\] not_a_server_error passed \(8 runs, \d+ requests\)$/m)
    expect(result.code, result.stdout + result.stderr).toBe(0)
    const lines = result.stdout.split("\n")
    expect(lines[0]).toMatch(/^check\s+result\s+runs\s+requests\s+time$/)
    for (const name of ["not_a_server_error", "cors_headers", "negative_data_rejection", "auth", "stateful"]) {
      expect(result.stdout).toMatch(new RegExp(`^${name}\\s+passed\\s+8\\s+\\d+`, "m"))
    }
    expect(result.stdout).toMatch(/^8 passed, 0 failed, 0 not run; \d+ requests in [\d.]+s; seed 42$/m)
    const written = readFileSync(report, "utf8")
    expect(JSON.parse(written)).toMatchObject({ ok: true, seed: 42, runs: 8, target: { baseUrl: proxy.url, strict: true } })
    expect(written).not.toContain(account.authToken)
    const xml = readFileSync(junit, "utf8")
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuite name="shortcode-kit conformance" tests="8" failures="0" errors="0" skipped="0" /)
    expect(xml.match(/<testcase /g)).toHaveLength(8)
  })

  it("exits 1 with the shrunk reproduction when a check fails, and the printed replay command fails the same way", async () => {
    const cors = variants.find((variant) => variant.check === "cors_headers")
    if (cors === undefined) throw new Error("no cors_headers variant")
    proxy.fault = cors.fault
    try {
      const result = await run(["conformance", ...target(), "--checks", "cors_headers,auth", "--runs", "20", "--seed", "7"], env())
      expect(result.code, result.stdout + result.stderr).toBe(1)
      expect(result.stdout).toMatch(/^cors_headers\s+FAILED\s+\d+/m)
      expect(result.stdout).toMatch(/^auth\s+passed\s+/m)
      expect(result.stdout).toContain("FAILED cors_headers: CORS headers: Access-Control-Allow-Origin is missing (on a 4")
      expect(result.stdout).toContain("reproduce (export SHORTCODE_KIT_AUTH_TOKEN first):")
      expect(result.stdout).toContain("curl -i -g --path-as-is")
      expect(result.stdout).not.toContain(account.authToken)
      const replay = /^ {2}(shortcode-kit conformance .* --checks cors_headers --seed 7 --path '[\d:]+'.*)$/m.exec(result.stdout)?.[1]
      expect(replay, result.stdout).toBeDefined()
      const again = await run(replay as string, env())
      expect(again.code, again.stdout + again.stderr).toBe(1)
      const message = (text: string) => /^FAILED cors_headers: .*$/m.exec(text)?.[0]
      expect(message(again.stdout)).toBe(message(result.stdout))
    } finally {
      proxy.fault = transparent
    }
  })

  it("exits 2 when the target cannot be set up (a wrong token), saying why", async () => {
    const result = await run(["conformance", ...target(), "--runs", "5"], { ...env(), SHORTCODE_KIT_AUTH_TOKEN: "wrong-token" })
    expect(result.code).toBe(2)
    expect(result.stdout).toMatch(/^setup failed, nothing was checked: cannot list the short codes of MG[0-9a-f]{32}: .* answered 401/m)
  })
})

/** The summary's tally line: `<passed> passed, 0 failed, 0 not run; ...`. */
const allPassed = (checks: number) => new RegExp(`^${checks} passed, 0 failed, 0 not run; \\d+ requests in [\\d.]+s; seed 3$`, "m")

describe("shortcode-kit conformance --target", () => {
  it("--target phone-numbers with --phone-number-sid passes every check and exits 0", async () => {
    const phoneNumberSids: Array<string> = []
    for (const phoneNumber of ["+14155550161", "+14155550162"]) {
      const created = await server.admin("POST", "/admin/phone-numbers", { account_sid: account.accountSid, phone_number: phoneNumber })
      expect(created.status, created.text).toBe(201)
      phoneNumberSids.push((created.json as { sid: string }).sid)
    }
    const args = ["conformance", "--base-url", proxy.url, "--account-sid", account.accountSid, "--service-sid", account.serviceSid, "--target", "phone-numbers"]
    const result = await run([...args, ...phoneNumberSids.flatMap((sid) => ["--phone-number-sid", sid]), "--strict", "--runs", "5", "--seed", "3"], env())
    expect(result.code, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^stateful\s+passed\s+5\s+\d+/m)
    expect(result.stdout).toMatch(allPassed(8))
  })

  it("--target alpha-senders passes every check without member SIDs and exits 0", async () => {
    const args = ["conformance", "--base-url", proxy.url, "--account-sid", account.accountSid, "--service-sid", account.serviceSid, "--target", "alpha-senders"]
    const result = await run([...args, "--strict", "--runs", "5", "--seed", "3"], env())
    expect(result.code, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^stateful\s+passed\s+5\s+\d+/m)
    expect(result.stdout).toMatch(allPassed(8))
  })
})

describe("shortcode-kit conformance with the pool flags, against an emulator with servicePoolLimit 3 and the demo data", () => {
  let pooled: TestServer
  beforeAll(async () => {
    pooled = await startTestServer({ servicePoolLimit: 3, demo: true })
  })
  afterAll(async () => {
    await pooled.close()
  })

  it("runs the pool checks beside the others; they pass and the run exits 0", async () => {
    const result = await run([
      "conformance", "--base-url", pooled.url, "--account-sid", DEMO_ACCOUNT_SID,
      "--pool-limit", "3",
      ...DEMO_SHORT_CODE_SIDS.flatMap((sid) => ["--pool-short-code-sid", sid]),
      // The first demo phone number is in the demo service.
      ...DEMO_PHONE_NUMBER_SIDS.slice(1).flatMap((sid) => ["--pool-phone-number-sid", sid]),
      "--checks", "auth,pool_one_service,pool_shared_limit", "--runs", "3", "--seed", "3"
    ], { SHORTCODE_KIT_AUTH_TOKEN: DEMO_AUTH_TOKEN, NO_COLOR: "1" })
    expect(result.code, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^pool_one_service\s+passed\s+3\s+\d+/m)
    expect(result.stdout).toMatch(/^pool_shared_limit\s+passed\s+3\s+\d+/m)
    expect(result.stdout).toMatch(allPassed(3))
  })

  it("exits 2 with the library's reason when the pool senders cannot fill the limit, naming the flags", async () => {
    const result = await run([
      "conformance", "--base-url", pooled.url, "--account-sid", DEMO_ACCOUNT_SID,
      "--pool-limit", "3",
      ...DEMO_SHORT_CODE_SIDS.slice(0, 2).flatMap((sid) => ["--pool-short-code-sid", sid]),
      ...DEMO_PHONE_NUMBER_SIDS.slice(1).flatMap((sid) => ["--pool-phone-number-sid", sid])
    ], { SHORTCODE_KIT_AUTH_TOKEN: DEMO_AUTH_TOKEN, NO_COLOR: "1" })
    expect(result.code, result.stdout + result.stderr).toBe(2)
    expect(result.stderr).toContain("--pool-short-code-sid and --pool-phone-number-sid must hold --pool-limit 3 senders beside one per target, received 2 beside them")
    expect(result.stdout).toBe("")
  })
})
