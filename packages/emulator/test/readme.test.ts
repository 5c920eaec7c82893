// Every README example, run as a reader meets them: root README, emulator, validator, schema, in that order, against
// one emulator started as the root README says (`npm start`, on a new database), so one example cannot leave state
// that breaks the next. Blocks are found by their `<!-- readme-test: name -->` marker (test/support/readmeBlocks.ts)
// and run as written, with exactly two substitutions, both what a reader's own terminal would have:
//   - the base URL `http://127.0.0.1:4010` becomes the URL the emulator printed (it listens on port 0 here);
//   - `$ADMIN_TOKEN` is set in the environment to the admin token the banner printed, and `node_modules/.bin` is on
//     PATH (as after `npm install`), so `shortcode-kit` and `shortcode-kit-emulator` are the installed commands.
// TypeScript blocks are written to a temp folder inside this package (so `@shortcode-kit/*` and `twilio` resolve as
// for a user) and run with the repository's `tsx` (what `npx tsx` runs). Blocks that cannot run against the emulator are listed in `skipped` with why.
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID } from "../src/Demo.js"
import { Seed } from "../src/Seed.js"
import { blockTitle, type ReadmeBlock, readmeBlocks } from "./support/readmeBlocks.js"

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url))
const packageRoot = fileURLToPath(new URL("../", import.meta.url))
const README_BASE_URL = "http://127.0.0.1:4010"

/** The READMEs in the order the root README leads a reader through them. */
const files = ["README.md", "packages/emulator/README.md", "packages/validator/README.md", "packages/schema/README.md"] as const
const blocksOf = new Map(files.map((file) => [file, readmeBlocks(repositoryRoot, file)]))
const block = (file: (typeof files)[number], name: string): ReadmeBlock => {
  const found = blocksOf.get(file)?.find((b) => b.name === name)
  if (found === undefined) throw new Error(`${file} has no block marked <!-- readme-test: ${name} -->`)
  return found
}

/** Blocks that cannot run against the emulator, and why. Every other block is run below. */
const skipped: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "packages/emulator/README.md": {
    "install-and-run": "installs from the npm registry; its `npx shortcode-kit-emulator` runs in the ready-json block",
    "typescript-handle": "a fragment of the reader's test: `expect`, `myOwnState` and the code under test are theirs",
    "parallel-workers-recipe": "a vitest support module; the same recipe runs in test/controls/isolation.test.ts",
    "faults-handle": "a fragment: `startServer` is not imported and the code under test is the reader's",
    "fault-plan": "needs the reader's `createServiceWithRetries`; fault plans are tested in test/faults/faultPlan.test.ts",
    "fault-plan-report": "fast-check's report of a failing reader's client, shown as an illustration"
  },
  "packages/validator/README.md": {
    install: "installs from the npm registry",
    "validate-twilio-response": "calls Twilio itself with real credentials",
    "validate-incoming-request": "a server of the reader's own on port 4010, not the emulator (compiled by the validator's test/readme.test.ts)",
    "property-test-handler": "needs the reader's `parseShortCode` (compiled by the validator's test/readme.test.ts)",
    "sdk-instance": "calls Twilio itself with real credentials",
    "sdk-http-client": "calls Twilio itself with the SDK's own RequestClient",
    "issue-interface": "a type declaration",
    "cli-synopsis": "the usage synopsis, not a command",
    "conformance-failure": "the report of a deliberately broken variant; it replays in test/conformance/brokenVariants.test.ts",
    "conformance-vitest": "a vitest test file; conformanceSuite is tested in the validator's test/conformance"
  },
  "packages/schema/README.md": {
    "decode-short-code": "a fragment: `response` is the reader's",
    "http-client": "placeholder SIDs (`AC...`) and Twilio itself"
  }
}

interface Ran {
  readonly exit: number
  readonly stdout: string
  readonly stderr: string
}

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-readme-"))
// Inside the package, so that the TypeScript examples resolve the workspace packages and twilio.
const scripts = mkdtempSync(join(packageRoot, ".readme-test-"))
let emulator: ChildProcess | undefined
let startOutput = ""
let baseUrl = ""
let adminToken = ""

const blockEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  PATH: `${join(repositoryRoot, "node_modules", ".bin")}:${process.env["PATH"] ?? ""}`,
  HOME: process.env["HOME"] ?? folder,
  ADMIN_TOKEN: adminToken,
  ...extra
})
const substitute = (code: string): string => code.replaceAll(README_BASE_URL, baseUrl)

const run = (command: string, args: ReadonlyArray<string>, cwd: string, env: Record<string, string>): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(command, args, { cwd, env, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exit = error === null ? 0 : typeof error.code === "number" ? error.code : -1
      resolve({ exit, stdout, stderr })
    })
  })
const runShell = (code: string, env: Record<string, string> = {}, cwd = folder): Promise<Ran> =>
  run("bash", ["-e", "-o", "pipefail", "-c", substitute(code)], cwd, blockEnv(env))
let scriptCount = 0
const runTypeScript = (code: string, env: Record<string, string> = {}): Promise<Ran> => {
  const file = join(scripts, `example${++scriptCount}.mts`)
  writeFileSync(file, substitute(code))
  // The `tsx` that `npx tsx` finds (node_modules/.bin is on PATH), run here: npm exec would move to the package
  // folder and leave the example's junit.xml there.
  return run("tsx", [file], scripts, blockEnv(env))
}

/** What a `// ...` or `# ...` comment after `marker` shows, e.g. the `[ '23456' ]` of `console.log(x) // [ '23456' ]`. */
const shownAfter = (code: string, marker: string): string => {
  const line = code.split("\n").find((l) => l.includes(marker))
  if (line === undefined) throw new Error(`no line with ${JSON.stringify(marker)} in:\n${code}`)
  return line.slice(line.indexOf(marker) + marker.length).trim()
}
/** The JSON a comment shows before its `...}`: `# prints ...: {"sid":"SC...",...}` gives `{"sid":"SC...",`. */
const shownJsonPrefix = (comment: string): string => {
  const start = comment.indexOf("{")
  const end = comment.indexOf("...}")
  if (start === -1 || end === -1) throw new Error(`no {...} in the comment ${JSON.stringify(comment)}`)
  return comment.slice(start, end)
}

const basic = `Basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")}`
const getJson = async (path: string, authorization = basic): Promise<unknown> => {
  const response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: authorization } })
  expect(response.status, path).toBe(200)
  return response.json()
}
const serviceNames = async (): Promise<ReadonlyArray<string>> =>
  ((await getJson("/v1/Services")) as { services: ReadonlyArray<{ friendly_name: string }> }).services.map((s) => s.friendly_name)

const ran = new Set<string>()
/** A test that runs one block; its name names the block. */
const runs = (file: (typeof files)[number], name: string, body: (b: ReadmeBlock) => Promise<void> | void, timeout = 60_000) => {
  ran.add(`${file}#${name}`)
  const b = block(file, name)
  it(blockTitle(b), { timeout }, () => body(b))
}

beforeAll(async () => {
  // As the root README says, on a new database (a fresh clone has none) and with a generated admin token.
  const child = spawn("npm", ["start"], {
    cwd: repositoryRoot,
    detached: true,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? folder, PORT: "0", DB: join(folder, "readme.sqlite") },
    stdio: ["ignore", "pipe", "pipe"]
  })
  emulator = child
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no banner within 120 s:\n${startOutput}`)), 120_000)
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (startOutput += chunk))
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      startOutput += chunk
      if (!startOutput.includes("--data 'ShortCodeSid=")) return
      clearTimeout(timer)
      resolve()
    })
    child.once("exit", (code) => reject(new Error(`npm start exited (${String(code)}):\n${startOutput}`)))
  })
  baseUrl = /listening on (http:\/\/\S+)/.exec(startOutput)?.[1] ?? ""
  adminToken = /admin token {3}(\S+)/.exec(startOutput)?.[1] ?? ""
}, 130_000)

afterAll(async () => {
  const child = emulator
  if (child?.pid !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve))
    process.kill(-child.pid, "SIGINT")
    await exited
  }
  rmSync(scripts, { recursive: true, force: true })
  rmSync(folder, { recursive: true, force: true })
})

describe("the READMEs, in the order a reader meets them, against one `npm start`", () => {
  runs("README.md", "newcomer-commands", (b) => {
    // `npm start` is what started the emulator every other block uses; `npm ci` and `npm test` are this run itself.
    expect(b.code.split("\n")[0]).toMatch(/^npm ci && npm start +#/)
    expect(b.code.split("\n")[1]).toMatch(/^npm test +#/)
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(adminToken).toMatch(/^[0-9a-f]{64}$/)
  })

  runs("README.md", "add-demo-short-code", async (b) => {
    const first = await runShell(b.code)
    expect(first.exit, first.stderr).toBe(0)
    expect(first.stdout.startsWith(shownJsonPrefix(shownAfter(b.code, "# prints")))).toBe(true)
    const again = await runShell(b.code)
    expect(again.stdout.startsWith(shownJsonPrefix(shownAfter(b.code, "# run it again")))).toBe(true)
    expect(JSON.parse(again.stdout)).toMatchObject({ code: 21710, status: 409 })
  })

  runs("packages/emulator/README.md", "banner", (b) => {
    // The banner of the new database, with this run's URL, database and generated token put back as the README shows them.
    const from = startOutput.indexOf("shortcode-kit emulator listening")
    const banner = startOutput.slice(from, startOutput.indexOf("\n", startOutput.indexOf("--data 'ShortCodeSid=")) + 1)
    const database = /database {6}(\S+)/.exec(startOutput)?.[1] ?? ""
    const normalized = banner.replaceAll(baseUrl, README_BASE_URL).replace(database, "/path/to/project/.data/shortcode-kit.sqlite").replace(adminToken, "3f0c…")
    expect(normalized).toBe(b.code)
  })

  runs("packages/emulator/README.md", "documentation-curl", async (b) => {
    // After the root README's curl the short code is in the service: the error body the text before the block shows.
    const { exit, stdout } = await runShell(b.code)
    expect(exit).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ code: 21710, status: 409 })
  })

  runs("packages/emulator/README.md", "sdk", async (b) => {
    const shown = `${shownAfter(b.code, "console.log(all.map((shortCode) => shortCode.shortCode)) //")}\n`
    for (const time of ["first", "second"]) {
      const { exit, stdout, stderr } = await runTypeScript(b.code)
      expect(exit, `${time} run: ${stderr}`).toBe(0)
      expect(stdout).toBe(shown)
    }
    // Nothing left behind: no "Integration tests" service.
    expect(await serviceNames()).toEqual(["Demo Messaging Service"])
  })

  runs("packages/emulator/README.md", "sdk-phone-numbers", async (b) => {
    const shown = [
      shownAfter(b.code, "console.log((await phoneNumbers.list()).map((p) => p.phoneNumber)) //"),
      shownAfter(b.code, ".catch((e) => console.log(e.code)) //")
    ].join("\n")
    for (const time of ["first", "second"]) {
      const { exit, stdout, stderr } = await runTypeScript(b.code)
      expect(exit, `${time} run: ${stderr}`).toBe(0)
      expect(stdout).toBe(`${shown}\n`)
    }
    expect(await serviceNames()).toEqual(["Demo Messaging Service"])
  })

  runs("packages/emulator/README.md", "sdk-alpha-sender", async (b) => {
    for (const time of ["first", "second"]) {
      const { exit, stdout, stderr } = await runTypeScript(b.code)
      expect(exit, `${time} run: ${stderr}`).toBe(0)
      const [refused, replaced, ...rest] = stdout.split("\n")
      expect(refused).toMatch(/^21709 Alpha Sender ID is Invalid or Not Authorized for this Messaging Service: the Messaging Service already has the alpha sender "Acme" \(AI[0-9a-f]{32}\); delete it first$/)
      expect([replaced, ...rest]).toEqual([shownAfter(b.code, "console.log((await alphaSenders.create({ alphaSender: \"Other\" })).alphaSender) //"), ""])
    }
    expect(await serviceNames()).toEqual(["Demo Messaging Service"])
  })

  runs("packages/emulator/README.md", "in-process-server", async (b) => {
    const { exit, stderr } = await runTypeScript(b.code)
    expect(exit, stderr).toBe(0)
  })

  runs("packages/emulator/README.md", "pool-property", async (b) => {
    const { exit, stdout, stderr } = await runTypeScript(b.code)
    expect(exit, stderr).toBe(0)
    expect(stdout).toBe(`${shownAfter(b.code, 'console.log("any mix of 4 senders: the fourth is 21714, the pool holds 3") //')}\n`)
  })

  runs("packages/emulator/README.md", "in-process-sdk", async (b) => {
    const { exit, stdout, stderr } = await runTypeScript(b.code)
    expect(exit, stderr).toBe(0)
    expect(stdout).toBe(`${shownAfter(b.code, "console.log(services.map((service) => service.friendlyName)) //")}\n`)
  })

  runs("packages/emulator/README.md", "controls-curl", async (b) => {
    const { exit, stdout, stderr } = await runShell(b.code)
    expect(exit, stderr).toBe(0)
    expect(stdout).toContain(`"status":"ok"`)
    // The reset answers what it restored: the demo data.
    expect(stdout).toContain(`{"accounts":1,"services":1,"short_codes":3,"phone_numbers":3,"memberships":1}`)
    expect(stdout).toContain(`{"requests":[`)
  })

  runs("packages/emulator/README.md", "journal-entry", async (b) => {
    await getJson(`/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`)
    const { requests } = (await getJson("/admin/requests", `Bearer ${adminToken}`)) as { requests: ReadonlyArray<Record<string, unknown>> }
    const shown = JSON.parse(b.code) as Record<string, unknown>
    expect(Object.keys(shown)).toEqual(Object.keys(requests.at(-1) ?? {}))
  })

  let readyLine: Record<string, unknown> | undefined
  runs("packages/emulator/README.md", "ready-json", async (b) => {
    // The command runs until stopped: its first stdout line is read, then its process group is stopped.
    const cwd = mkdtempSync(join(scripts, "ready-"))
    const child = spawn("bash", ["-c", b.code], { cwd, detached: true, env: blockEnv(), stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (out += chunk))
    const exited = new Promise((resolve) => child.once("exit", resolve))
    try {
      const first = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ready line within 30 s:\n${out}`)), 30_000)
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          out += chunk
          if (!out.includes("\n")) return
          clearTimeout(timer)
          resolve(out.slice(0, out.indexOf("\n")))
        })
      })
      readyLine = JSON.parse(first) as Record<string, unknown>
      expect(readyLine).toMatchObject({ ready: true, host: "127.0.0.1" })
      expect(existsSync(join(cwd, ".data", "shortcode-kit.sqlite"))).toBe(true)
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM")
      await exited
    }
  })

  runs("packages/emulator/README.md", "ready-json-line", (b) => {
    const shown = JSON.parse(b.code) as Record<string, unknown>
    expect(Object.keys(readyLine ?? {})).toEqual(Object.keys(shown))
    expect(readyLine?.["demo"]).toEqual(shown["demo"])
  })

  runs("packages/emulator/README.md", "test-clock", async (b) => {
    const { exit, stderr } = await runTypeScript(b.code)
    expect(exit, stderr).toBe(0)
  })

  runs("packages/emulator/README.md", "admin-curl", async (b) => {
    const { exit, stdout, stderr } = await runShell(b.code)
    expect(exit, stderr).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ account_sid: DEMO_ACCOUNT_SID, short_code: "45678", service_sid: null })
  })

  runs("packages/emulator/README.md", "admin-phone-number-curl", async (b) => {
    const { exit, stdout, stderr } = await runShell(b.code)
    expect(exit, stderr).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ account_sid: DEMO_ACCOUNT_SID, phone_number: "+12025550142", country_code: "US", service_sid: null })
  })

  runs("packages/emulator/README.md", "faults-curl", async (b) => {
    const { exit, stdout, stderr } = await runShell(b.code)
    expect(exit, stderr).toBe(0)
    expect(stdout.match(/"id":\d+/g)?.length).toBe(6) // each of the three rules as added, then the three listed
    // The block ends by clearing: nothing is left to fault the next example.
    expect(await getJson("/admin/faults", `Bearer ${adminToken}`)).toEqual({ faults: [] })
  })

  runs("packages/emulator/README.md", "seed-file", (b) => {
    expect(() => Schema.decodeUnknownSync(Seed)(JSON.parse(b.code))).not.toThrow()
  })

  /** A `$ command` line and the output under it, as the CLI examples show them. */
  const session = (b: ReadmeBlock) => {
    const [prompt, ...output] = b.code.split("\n")
    if (prompt?.startsWith("$ ") !== true) throw new Error(`${blockTitle(b)} does not start with "$ "`)
    return { command: prompt.slice(2), output: output.join("\n") }
  }

  runs("packages/validator/README.md", "cli-validate-invalid", async (b) => {
    const { command, output } = session(b)
    const { exit, stdout } = await runShell(command)
    expect(exit).toBe(1)
    expect(stdout).toBe(output)
  })

  runs("packages/validator/README.md", "cli-sample-pipeline", async (b) => {
    const { command, output } = session(b)
    const { exit, stdout, stderr } = await runShell(command)
    expect(exit, stderr).toBe(0)
    expect(stdout).toBe(output)
  })

  runs("packages/validator/README.md", "cli-alpha-sender", async (b) => {
    const { command, output } = session(b)
    const { exit, stdout, stderr } = await runShell(command)
    expect(exit, stderr).toBe(0)
    expect(stdout).toBe(output)
  })

  let conformanceStdout = ""
  runs("packages/validator/README.md", "conformance-command", async (b) => {
    // The controls block reset the demo data; the root README's curl places its short code again first, as a reader
    // who skipped the emulator's README would have it: the command must not depend on that reset.
    expect((await runShell(block("README.md", "add-demo-short-code").code)).exit).toBe(0)
    const cwd = mkdtempSync(join(folder, "conformance-"))
    const { exit, stdout, stderr } = await runShell(b.code, {}, cwd)
    conformanceStdout = stdout
    expect(exit, `${stdout}\n${stderr}`).toBe(0)
    expect(existsSync(join(cwd, "report.json")) && existsSync(join(cwd, "junit.xml"))).toBe(true)
  }, 120_000)

  runs("packages/validator/README.md", "conformance-output", (b) => {
    // Times, counts and the seed vary; every check's name, result and note, and the tally, are what the README shows.
    const shape = (text: string) =>
      text.trim().split("\n").map((line) => line.replace(/ +\d+ +\d+ +[\d.]+s/, " …").replace(/\d+ requests in [\d.]+s; seed -?\d+/, "…"))
    expect(shape(conformanceStdout)).toEqual(shape(b.code))
  })

  runs("packages/validator/README.md", "conformance-command-targets", async (b) => {
    const { exit, stdout, stderr } = await runShell(b.code, {}, mkdtempSync(join(folder, "conformance-targets-")))
    expect(exit, `${stdout}\n${stderr}`).toBe(0)
    // Three summary tables, each with every selected check passed; the last one is the pool checks'.
    expect(stdout.match(/^\d+ passed, 0 failed, 0 not run; /gm)).toStrictEqual(["8 passed, 0 failed, 0 not run; ", "8 passed, 0 failed, 0 not run; ", "2 passed, 0 failed, 0 not run; "])
    expect(stdout).toMatch(/^pool_shared_limit\s+passed\s+5\s+\d+/m)
  }, 180_000)

  runs("packages/validator/README.md", "conformance-in-code", async (b) => {
    const token = /export SHORTCODE_KIT_AUTH_TOKEN=(\S+)/.exec(block("packages/validator/README.md", "conformance-command").code)?.[1] ?? ""
    const { exit, stdout, stderr } = await runTypeScript(b.code, { SHORTCODE_KIT_AUTH_TOKEN: token })
    expect(exit, `${stdout}\n${stderr}`).toBe(0)
    expect(stdout).toMatch(/^check +result/)
    expect(existsSync(join(scripts, "junit.xml"))).toBe(true)
  }, 120_000)

  it("leaves nothing behind: only the demo service, with the short code the root README's curl placed", async () => {
    expect(await serviceNames()).toEqual(["Demo Messaging Service"])
    const page = (await getJson(`/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`)) as { short_codes: ReadonlyArray<{ short_code: string }> }
    expect(page.short_codes.map((s) => s.short_code)).toEqual(["12345"])
  })

  runs("packages/validator/README.md", "conformance-target", async (b) => {
    const { exit, stdout, stderr } = await runTypeScript(`${b.code}\nconsole.log(JSON.stringify(target.errors.alreadyMember))\n`)
    expect(exit, `${stdout}\n${stderr}`).toBe(0)
    expect(stdout.trim().split("\n").at(-1)).toBe(JSON.stringify(JSON.parse(shownAfter(b.code, "target.errors.alreadyMember //").replace(/(\w+):/g, '"$1":'))))
  }, 120_000)

  runs("packages/validator/README.md", "resource-arbitraries", async (b) => {
    // Every near miss of every rule is refused with exactly its rule at its path: fc.assert throws otherwise.
    const { exit, stdout, stderr } = await runTypeScript(b.code)
    expect(exit, stderr).toBe(0)
    expect(stdout).toBe("")
  })

  runs("packages/validator/README.md", "phone-numbers", async (b) => {
    const { exit, stdout, stderr } = await runTypeScript(b.code)
    expect(exit, stderr).toBe(0)
    expect(stdout).toBe(`${shownAfter(b.code, "console.log(phoneNumberTwilioError(request).code) //")}\n`)
  })

  runs("packages/validator/README.md", "cli-phone-number", async (b) => {
    const { command, output } = session(b)
    const { exit, stdout, stderr } = await runShell(command)
    expect(exit, stderr).toBe(0)
    expect(stdout).toBe(output)
  })

  runs("packages/validator/README.md", "conformance-phone-numbers", async (b) => {
    const { exit, stdout, stderr } = await runTypeScript(b.code)
    expect(exit, `${stdout}\n${stderr}`).toBe(0)
    expect(stdout).toBe(`${shownAfter(b.code, "console.log(report.ok) //")}\n`)
  }, 120_000)

  runs("packages/validator/README.md", "conformance-alpha-senders", async (b) => {
    const { exit, stdout, stderr } = await runTypeScript(b.code)
    expect(exit, `${stdout}\n${stderr}`).toBe(0)
    expect(stdout).toBe(`${shownAfter(b.code, "console.log(report.ok) //")}\n`)
  }, 120_000)

  runs("packages/validator/README.md", "conformance-pool", async (b) => {
    const { exit, stdout, stderr } = await runTypeScript(b.code)
    expect(exit, `${stdout}\n${stderr}`).toBe(0)
    expect(stdout).toBe(`${shownAfter(b.code, '.join(", ")) //')}\n`)
  }, 120_000)

  runs("packages/schema/README.md", "define-resource", async (b) => {
    const { exit, stdout, stderr } = await runTypeScript(b.code)
    expect(exit, stderr).toBe(0)
    expect(stdout).toBe(`${shownAfter(b.code, "console.log(JSON.stringify(Object.keys(group.endpoints))) //")}\n`)
  })

  for (const [file, reasons] of Object.entries(skipped)) {
    for (const [name, reason] of Object.entries(reasons)) {
      const b = block(file as (typeof files)[number], name)
      it.skip(`${blockTitle(b)}: not run, ${reason}`, () => undefined)
    }
  }
})

describe("README blocks", () => {
  it("every fenced block of the four READMEs has a marker and is run above or skipped with a reason", () => {
    const loose: Array<string> = []
    for (const [file, blocks] of blocksOf) {
      for (const b of blocks) {
        const known = b.name !== undefined && (ran.has(`${file}#${b.name}`) || skipped[file]?.[b.name] !== undefined)
        if (!known) loose.push(`${file}:${b.line} ${blockTitle(b)}: ${b.code.split("\n")[0] ?? ""}`)
      }
    }
    expect(loose, "add `<!-- readme-test: name -->` before the block and run it in test/readme.test.ts (or list it in `skipped`)").toEqual([])
  })
})
