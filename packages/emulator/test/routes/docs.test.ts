import { openApiDocument } from "@shortcode-kit/schema/http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchChromium, type TestBrowser } from "../support/browser.js"
import { startTestServer, type TestServer } from "../support/testServer.js"

let t: TestServer
let browser: TestBrowser

beforeAll(async () => {
  t = await startTestServer()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const OPERATIONS = [
  "Add a short code to a Messaging Service",
  "List the short codes of a Messaging Service",
  "Fetch a short code of a Messaging Service",
  "Remove a short code from a Messaging Service"
]

describe("/openapi.json", () => {
  it("serves the schema package's OpenAPI document of ShortCodesApi, without credentials", async () => {
    const answer = await t.request("GET", "/openapi.json")
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual(JSON.parse(JSON.stringify(openApiDocument())))
    const paths = (answer.json as { paths: Record<string, Record<string, { operationId?: string }>> }).paths
    expect(Object.values(paths).flatMap((p) => Object.values(p).map((o) => o.operationId)).filter(Boolean).sort())
      .toEqual(["CreateShortCode", "DeleteShortCode", "FetchShortCode", "ListShortCode"])
  })
})

describe("/docs", () => {
  it("is a self-contained page that lists the four ShortCodes endpoints in headless Chromium, with no outside request", async () => {
    const page = await browser.context.newPage()
    const outside: Array<string> = []
    // Any request that leaves the emulator is recorded and refused: the page must render without the internet.
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url())
      if (url.origin === t.url || url.protocol === "data:" || url.protocol === "blob:") return route.continue()
      outside.push(url.href)
      return route.abort()
    })
    const response = await page.goto(`${t.url}/docs`, { waitUntil: "load" })
    expect(response?.status()).toBe(200)
    expect(response?.headers()["content-type"]).toMatch(/^text\/html/)
    for (const summary of OPERATIONS) {
      await page.getByText(summary).first().waitFor({ state: "attached", timeout: 30_000 })
    }
    const text = await page.locator("body").innerText()
    for (const summary of OPERATIONS) expect(text).toContain(summary)
    const html = await (await fetch(`${t.url}/docs`)).text()
    expect(html).not.toMatch(/<script[^>]+src=/)
    expect(html).not.toMatch(/<link[^>]+href="https?:/)
    // Requests the page itself would need to render; user-triggered ones (share, proxy) are not made here.
    expect(outside).toEqual([])
    await page.close()
  })
})
