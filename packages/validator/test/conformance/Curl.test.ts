// The reproductions are shell commands people paste: every word must come back from the shell byte for byte, and
// the command must send what the harness sent.
import { execFile, execFileSync, spawnSync } from "node:child_process"
import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { promisify } from "node:util"
import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { bodyWord, shellWord, toCurl } from "../../src/conformance/Curl.js"

/** What bash makes of each word: one invocation for many words, NUL-separated. */
const throughBash = (words: ReadonlyArray<string>): Array<string> => {
  const out = execFileSync("bash", ["-c", `printf '%s\\0' ${words.join(" ")}`], { encoding: "utf8", maxBuffer: 1 << 24 })
  return out.split("\0").slice(0, -1)
}

// Text a request can carry: any code point but NUL, which no shell argument can hold (and no form body here has).
const text = fc.string({ unit: fc.oneof(fc.constantFrom("'", "\\", "\"", "$", "`", "!", "\n", "\t", "\r", "\u0001", "\u007f", "\u2028", " ", "%"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((ch) => ch !== "\u0000")), maxLength: 40 })

describe("shellWord", () => {
  test.prop([fc.array(text, { minLength: 1, maxLength: 60 })], { numRuns: 20 })("bash turns every word back into the text", (texts) => {
    expect(throughBash(texts.map(shellWord))).toStrictEqual(texts)
  })

  it("single-quotes printable text and uses $'...' only for control characters", () => {
    expect(shellWord("ShortCodeSid=SC12")).toBe("'ShortCodeSid=SC12'")
    expect(shellWord("it's")).toBe(`'it'\\''s'`)
    expect(shellWord("a\nb")).toBe("$'a\\x0ab'")
  })
})

describe("bodyWord", () => {
  it("writes an oversized form as the text around its padding and a head | tr that makes the padding", () => {
    const body = `ShortCodeSid=SC${"a".repeat(32)}&Padding=${"x".repeat(66_000)}&y=1`
    const word = bodyWord(body)
    expect(word).toBe(`"ShortCodeSid=SC${"a".repeat(32)}&Padding=$(head -c 66000 /dev/zero | tr '\\0' 'x')&y=1"`)
    expect(throughBash([word])).toStrictEqual([body])
  })

  test.prop([fc.string({ maxLength: 20 }), fc.constantFrom("x", "a", "0", "$", "'"), fc.integer({ min: 1, max: 2000 }), fc.string({ maxLength: 20 })], { numRuns: 30 })(
    "any body comes back from bash unchanged",
    (before, ch, n, after) => {
      const body = before + ch.repeat(n) + after
      expect(throughBash([bodyWord(body)])).toStrictEqual([body])
    }
  )
})

const hasCurl = spawnSync("curl", ["--version"]).status === 0

describe("toCurl", () => {
  it("sends no Content-Type for a body without one, and -X only when it matters", () => {
    expect(toCurl({ method: "GET", url: "http://127.0.0.1:1/v1/Services", headers: {}, body: null, auth: [] })).toBe("curl -i -g --path-as-is \\\n  'http://127.0.0.1:1/v1/Services'")
    expect(toCurl({ method: "POST", url: "http://h/x", headers: {}, body: "ShortCodeSid=SC1", auth: [`--user "AC1:$SHORTCODE_KIT_AUTH_TOKEN"`] })).toBe(
      `curl -i -g --path-as-is \\\n  -X POST \\\n  'http://h/x' \\\n  --user "AC1:$SHORTCODE_KIT_AUTH_TOKEN" \\\n  -H 'Content-Type:' \\\n  --data-binary 'ShortCodeSid=SC1'`
    )
  })

  it.skipIf(!hasCurl)("the command sends the method, path, headers and body it shows (run with curl against a recording server)", async () => {
    const received: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = []
    const server = createServer((request, response) => {
      let body = ""
      request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => {
        received.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body })
        response.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const requests = [
        { method: "POST", url: `${base}/v1/Services/MG1/ShortCodes`, headers: {}, body: "ShortCodeSid=%20SC1&Padding=" + "x".repeat(70_000) },
        { method: "POST", url: `${base}/v1/Services/MG1/ShortCodes`, headers: { "content-type": "text/plain" }, body: "it's \"quoted\" $HOME `x`" },
        { method: "DELETE", url: `${base}/v1/Services/MG1/ShortCodes/sc%C2%A0%5B1%5D`, headers: {}, body: null },
        { method: "OPTIONS", url: `${base}/v1/Services/MG1/ShortCodes`, headers: { Origin: "https://app.example.com", "Access-Control-Request-Method": "POST" }, body: null }
      ]
      for (const request of requests) {
        const command = toCurl({ ...request, auth: [`--user "AC1:$SHORTCODE_KIT_AUTH_TOKEN"`] })
        // Asynchronously: the recording server answers from this process's event loop.
        await promisify(execFile)("bash", ["-c", `${command} -s -o /dev/null`], { env: { ...process.env, SHORTCODE_KIT_AUTH_TOKEN: "t0ken" } })
      }
      expect(received.map(({ method, url, body }) => ({ method, url, body }))).toStrictEqual(
        requests.map(({ method, url, body }) => ({ method, url: url.slice(base.length), body: body ?? "" }))
      )
      expect(received.map(({ headers }) => headers["content-type"])).toStrictEqual([undefined, "text/plain", undefined, undefined])
      for (const { headers } of received) expect(headers.authorization).toBe(`Basic ${Buffer.from("AC1:t0ken").toString("base64")}`)
      expect(received[3]?.headers["access-control-request-method"]).toBe("POST")
    } finally {
      server.close()
    }
  })
})
