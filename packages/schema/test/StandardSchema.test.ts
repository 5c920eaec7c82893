import { sValidator } from "@hono/standard-validator"
import { Hono } from "hono"
import { describe, expect, it } from "vitest"
import { ShortCode, ShortCodePage, standardSchemas, toValidationIssues } from "@shortcode-kit/schema"
import { Result, Schema } from "effect"

// A real Standard Schema consumer: Hono's standard validator middleware, driven through app.request().
const app = new Hono().post("/short-codes", sValidator("json", standardSchemas.ShortCode), (c) => {
  const value = c.req.valid("json")
  return c.json({ sid: value.sid, created: value.dateCreated?.toISOString() ?? null })
})

const post = (body: unknown) =>
  app.request("/short-codes", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } })

describe("Standard Schema V1", () => {
  it("exposes every public schema with vendor effect and version 1", () => {
    for (const schema of Object.values(standardSchemas)) {
      expect(schema["~standard"].version).toBe(1)
      expect(typeof schema["~standard"].validate).toBe("function")
    }
  })

  it("lets a consumer accept a valid body and receive the decoded value", async () => {
    const response = await post({ sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", date_created: "2015-07-30T20:12:31Z" })
    expect(response.status).toBe(200)
    expect(await response.json()).toStrictEqual({ sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", created: "2015-07-30T20:12:31.000Z" })
  })

  it("lets a consumer reject an invalid body with our messages and paths", async () => {
    const response = await post({ sid: "SC1", capabilities: "SMS" })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: ReadonlyArray<{ message: string; path: ReadonlyArray<unknown> }> }
    expect(body.error.map((i) => [i.path, i.message])).toStrictEqual([
      [["sid"], 'must be exactly 34 characters long: "SC" followed by 32 hexadecimal digits'],
      [["capabilities"], "must be array | null"]
    ])
  })

  it("reports the issues toValidationIssues does: wire paths, the rules' messages, every issue", () => {
    const inputs: ReadonlyArray<unknown> = [
      { date_created: "0000-01-01T00:30:00+01:00" },
      { sid: 1, capabilities: ["SMS", 2], url: "ftp:x" },
      "not an object",
      { short_codes: [{ date_created: "9999-12-31T23:59:59-00:01" }] }
    ]
    for (const input of inputs) {
      const schema = typeof input === "object" && input !== null && "short_codes" in input ? ShortCodePage : ShortCode
      const standard = (schema === ShortCode ? standardSchemas.ShortCode : standardSchemas.ShortCodePage)["~standard"].validate(input)
      const result = Schema.decodeUnknownResult(schema)(input, { errors: "all" })
      if (Result.isSuccess(result)) throw new Error(`expected ${JSON.stringify(input)} to fail`)
      expect(standard).toStrictEqual({ issues: toValidationIssues(result.failure.issue, input).map(({ message, path }) => ({ message, path })) })
    }
    expect(standardSchemas.ShortCode["~standard"].validate({ date_created: "0000-01-01T00:30:00+01:00" })).toStrictEqual({
      issues: [{ message: "must be a valid date with whole seconds between years 0000 and 9999 (Twilio's date form has no milliseconds)", path: ["date_created"] }]
    })
  })

  it("answers an input it cannot read (a getter that throws) with one issue, and never a promise", () => {
    const unreadable = { get sid(): string { throw new Error("no sid today") } }
    const verdict = standardSchemas.ShortCode["~standard"].validate(unreadable)
    expect(verdict).not.toBeInstanceOf(Promise)
    expect(verdict).toStrictEqual({ issues: [{ message: "the input could not be read: no sid today", path: [] }] })
    expect(JSON.stringify(verdict)).not.toContain("    at ")
  })
})
