import { spawn } from "node:child_process"
import { describe, expect, it } from "vitest"
import { stdinNotice } from "../../src/cli/Input.js"
import { strictShortCode } from "../fixtures.js"
import { BIN, run } from "./run.js"

const NOTICE = "shortcode-kit: reading standard input; paste the document, then press Ctrl-D on an empty line to end (Ctrl-Z then Enter on Windows), or pass a file: shortcode-kit validate short-code FILE"

describe("shortcode-kit validate at a terminal", () => {
  it("says it reads standard input only at a terminal with no FILE", () => {
    expect(stdinNotice("shortcode-kit validate short-code", undefined, true)).toBe(NOTICE)
    expect(stdinNotice("shortcode-kit validate short-code", undefined, false)).toBeUndefined()
    expect(stdinNotice("shortcode-kit validate short-code", "-", true)).toBeUndefined()
    expect(stdinNotice("shortcode-kit validate short-code", "code.json", true)).toBeUndefined()
  })

  it("in a pseudo terminal (script -qec): the notice comes before any input, and Ctrl-D ends it", async () => {
    // script(1) gives the command a pseudo terminal and relays our pipe to it, Ctrl-D included.
    const child = spawn("script", ["-qec", `${JSON.stringify(BIN)} validate short-code`, "/dev/null"], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } })
    let output = ""
    let sent = false
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk
      if (!sent && output.includes("or pass a file")) {
        sent = true
        child.stdin.write(`${JSON.stringify(strictShortCode)}\n`)
        setTimeout(() => child.stdin.write("\u0004"), 200)
      }
    })
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve))
    const text = output.replaceAll("\r", "")
    expect(code).toBe(0)
    expect(text.indexOf(NOTICE)).toBeGreaterThanOrEqual(0)
    expect(text.indexOf(NOTICE)).toBeLessThan(text.indexOf("\"sid\""))
    expect(text).toContain("valid short-code (spec profile)\n")
  })

  it("piped input: no notice", async () => {
    expect(await run(["validate", "short-code"], JSON.stringify(strictShortCode))).toStrictEqual({ code: 0, stdout: "valid short-code (spec profile)\n", stderr: "" })
  })
})
