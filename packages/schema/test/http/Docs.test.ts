import { Layer } from "effect"
import { HttpRouter, HttpServer } from "effect/http"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { docsLayer } from "@shortcode-kit/schema/http"

let page = ""
let status = 0
let contentType: string | null = null
let dispose: () => Promise<void> = async () => {}

beforeAll(async () => {
  const web = HttpRouter.toWebHandler(
    docsLayer({ path: "/reference", serverUrl: "http://127.0.0.1:3000" }).pipe(Layer.provide(HttpServer.layerServices)),
    { disableLogger: true }
  )
  dispose = web.dispose
  const response = await web.handler(new Request("http://127.0.0.1/reference"))
  status = response.status
  contentType = response.headers.get("content-type")
  page = await response.text()
})

afterAll(async () => {
  await dispose()
})

describe("docsLayer", () => {
  test("serves an HTML page at the given path", () => {
    expect(status).toBe(200)
    expect(contentType).toMatch(/^text\/html/)
    expect(page.startsWith("<!doctype html>")).toBe(true)
  })

  test("the page loads nothing from elsewhere: no external script, stylesheet or default fonts", () => {
    const scriptTags = [...page.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0])
    expect(scriptTags.length).toBeGreaterThan(0)
    expect(scriptTags.filter((tag) => /\bsrc\s*=/i.test(tag))).toEqual([])
    expect(page).not.toMatch(/<link\b/i)
    expect(page).not.toMatch(/<iframe\b|<img\b/i)
    // Scalar is inline (hundreds of kB), and its default fonts from fonts.scalar.com are switched off.
    expect(page.length).toBeGreaterThan(500_000)
    expect(page).toContain(`"withDefaultFonts":false`)
  })

  test("embeds the API's OpenAPI document, pointed at the given server", () => {
    expect(page).toContain(`"title":"Twilio Messaging v1: ShortCodes"`)
    expect(page).toContain(`"operationId":"CreateShortCode"`)
    expect(page).toContain(`"servers":[{"url":"http://127.0.0.1:3000"}]`)
  })

  test("rejects a path or server URL that cannot work", () => {
    expect(() => docsLayer({ path: "docs" as `/${string}` })).toThrow(`docsLayer: path must start with "/", received "docs"`)
    expect(() => docsLayer({ serverUrl: "localhost:3000" })).toThrow(
      `docsLayer: serverUrl must be an absolute http(s) URL, received "localhost:3000"`
    )
    expect(() => docsLayer({ serverUrl: "/api" })).toThrow(`docsLayer: serverUrl must be an absolute http(s) URL, received "/api"`)
  })
})
