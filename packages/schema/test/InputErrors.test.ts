import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  answerOf,
  answerOfIssue,
  errorTable,
  FORM_BODY_LIMIT_BYTES,
  inputErrorOf,
  inputErrors,
  TwilioError,
  type ValidationIssue
} from "@shortcode-kit/schema"

const issue = (path: ValidationIssue["path"], rule: string, message = "is wrong", received = "\"x\""): ValidationIssue =>
  ({ path, rule, message, expected: "something", received })

const wire = Schema.encodeSync(TwilioError)

describe("inputErrors", () => {
  it("answers with the status of its code in errorTable, except where a row says the HTTP status itself", () => {
    const ownStatus = Object.entries(inputErrors)
      .filter(([, row]) => row.code !== null && row.status !== errorTable[row.code].status)
      .map(([kind, row]) => `${kind} ${row.status}`)
    expect(ownStatus).toStrictEqual([
      "body.too-large 413",
      "request.headers-too-large 431",
      "request.chunk-extensions-too-large 413",
      "request.timeout 408"
    ])
  })

  it("says where every fact comes from", () => {
    for (const [kind, row] of Object.entries(inputErrors)) expect(row.source.length, kind).toBeGreaterThan(20)
  })

  it("states the form body limit once: 64 KiB", () => {
    expect(FORM_BODY_LIMIT_BYTES).toBe(65_536)
    expect(answerOf("body.too-large", { limit: FORM_BODY_LIMIT_BYTES }).body.message).toBe("Request body too large: the limit is 65536 bytes")
  })
})

describe("inputErrorOf", () => {
  it("maps a path issue to 404, whatever its rule", () => {
    expect(inputErrorOf("path", issue(["ServiceSid"], "sid.prefix"))).toBe("resource.not-found")
  })

  it("maps form issues by rule and parameter", () => {
    expect([
      inputErrorOf("form", issue(["ShortCodeSid"], "required")),
      inputErrorOf("form", issue(["ShortCodeSid"], "form.repeated")),
      inputErrorOf("form", issue(["ShortCodeSid"], "sid.length")),
      inputErrorOf("form", issue(["ShortCodeSid"], "type")),
      inputErrorOf("form", issue(["FriendlyName"], "string.max-length")),
      inputErrorOf("form", issue([], "type"))
    ]).toStrictEqual(["form.missing", "form.repeated", "form.malformed-sid", "form.malformed-sid", "parameter.invalid", "form.unreadable"])
  })

  it("maps every query issue to 20001 naming the parameter", () => {
    expect(inputErrorOf("query", issue(["PageSize"], "required"))).toBe("parameter.invalid")
  })
})

describe("answerOf", () => {
  it("fills the message and the headers of a row", () => {
    const answer = answerOf("method.not-allowed", { method: "PUT", path: "/v1/Services", allow: "GET, POST, OPTIONS" })
    expect({ status: answer.status, headers: answer.headers, body: wire(answer.body) }).toStrictEqual({
      status: 405,
      headers: { Allow: "GET, POST, OPTIONS" },
      body: {
        code: 20004,
        message: "Method not allowed: PUT is not supported on /v1/Services; allowed: GET, POST, OPTIONS",
        more_info: "https://www.twilio.com/docs/errors/20004",
        status: 405
      }
    })
  })

  it("keeps the code under another status when told, in the body too", () => {
    const answer = answerOf("request.invalid", { reason: "Malformed content" }, { status: 415 })
    expect([answer.status, answer.body.status, answer.body.code, answer.body.message]).toStrictEqual([415, 415, 20001, "Invalid request: Malformed content"])
  })

  it("answers a preflight with no body", () => {
    expect(answerOf("preflight")).toStrictEqual({ status: 204, headers: { "Access-Control-Max-Age": "600" }, body: undefined })
  })

  it("refuses a row whose placeholder has no value, naming it", () => {
    expect(() => answerOf("method.not-allowed", { method: "PUT", path: "/v1/Services" })).toThrow(
      new TypeError("answerOf(\"method.not-allowed\"): the row needs a value for {allow}")
    )
  })
})

describe("answerOfIssue", () => {
  it("words a malformed SID with the parameter, what it received and why", () => {
    expect(answerOfIssue("form", issue(["ShortCodeSid"], "sid.prefix", "must start with SC", "\"MG1\"")).body.message).toBe(
      "You tried to add an invalid Phone Number SID or Short Code SID to a Messaging Service: ShortCodeSid \"MG1\" must start with SC"
    )
  })

  it("names the requested path of a path issue from the values given", () => {
    const answer = answerOfIssue("path", issue(["ServiceSid"], "sid.prefix"), { param: "/v1/Services/x" })
    expect([answer.status, answer.body.message]).toStrictEqual([404, "The requested resource /v1/Services/x was not found"])
  })

  it("words any other parameter issue with the parameter and the reason", () => {
    expect(answerOfIssue("query", issue(["PageSize"], "integer", "PageSize must be a whole number")).body.message).toBe(
      "Invalid parameter: PageSize. PageSize must be a whole number"
    )
  })
})

describe("README", () => {
  const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8")

  it("lists every row with its status and code", () => {
    for (const [kind, row] of Object.entries(inputErrors)) {
      expect(readme, kind).toContain(`| \`${kind}\` | ${row.status} | ${row.code ?? "none"} |`)
    }
  })
})
