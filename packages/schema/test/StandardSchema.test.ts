import { sValidator } from "@hono/standard-validator"
import { Hono } from "hono"
import { describe, expect, it } from "vitest"
import { standardSchemas } from "@shortcode-kit/schema"

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
      [["capabilities"], "Expected array | null"]
    ])
  })
})
