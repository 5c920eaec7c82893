// A request's deadline must end the exchange by itself, whatever the fetch does: a fetch that never settles and
// holds nothing else alive can be garbage-collected together with the Request's signal, so a deadline that only
// aborts that signal never reaches the run. The run is driven in a child process that collects garbage every
// millisecond (`node --expose-gc`), which made the earlier deadline hang every time.
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const script = `
import { runConformance } from "@shortcode-kit/validator/conformance"
const hang = (request) => new Promise((_, reject) => {
  if (request.signal.aborted) reject(request.signal.reason)
  else request.signal.addEventListener("abort", () => reject(request.signal.reason))
})
const collect = setInterval(() => globalThis.gc(), 1)
const hung = setTimeout(() => { console.log("hung"); process.exit(3) }, 10_000)
const report = await runConformance({ baseUrl: "http://target.test", accountSid: "AC${"a".repeat(32)}", authToken: "t", serviceSid: "MG${"b".repeat(32)}", requestTimeoutMs: 30, fetch: hang })
clearTimeout(hung)
clearInterval(collect)
console.log(report.setupError)
`

const runChild = (): Promise<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }> =>
  new Promise((resolve) => {
    // From the package folder, so that the import resolves to this workspace's built package.
    const child = spawn(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { cwd: fileURLToPath(new URL("../..", import.meta.url)) })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

describe("a request's deadline", () => {
  it("ends a run against a fetch that never settles, with the garbage collector running all the time", async () => {
    const { code, stdout, stderr } = await runChild()
    expect(stderr).toBe("")
    expect(code).toBe(0)
    expect(stdout).toBe(`cannot list the short codes of MG${"b".repeat(32)}: GET http://target.test/v1/Services/MG${"b".repeat(32)}/ShortCodes?PageSize=1000: no answer within 30 ms (check the base URL, the account SID, the auth token and the service SID)\n`)
  })
})
