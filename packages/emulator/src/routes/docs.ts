/**
 * `/openapi.json` and `/docs`, both made from the schema package's `ShortCodesApi`. The docs page is the schema
 * package's `docsLayer` (Scalar embedded in the page), so it works with no internet connection.
 */
import { docsLayer, openApiDocument } from "@shortcode-kit/schema/http"
import { Layer } from "effect"
import { HttpRouter, HttpServer } from "effect/http"
import type { Hono } from "hono"
import type { AppEnv } from "../http/AppEnv.js"
import { resource } from "../http/resource.js"

type WebHandler = (request: Request) => Promise<Response>

// Pages are built per origin so the page's "Test Request" goes to the emulator it was loaded from. A few origins
// at most (localhost, 127.0.0.1, a container name); more fall back to the document's own server, Twilio's.
const MAX_ORIGINS = 8

export interface DocsRoutes {
  /** Releases the docs page handlers. */
  readonly dispose: () => Promise<void>
}

export const registerDocsRoutes = (app: Hono<AppEnv>): DocsRoutes => {
  const document = openApiDocument()
  const pages = new Map<string, { readonly handler: WebHandler; readonly dispose: () => Promise<void> }>()
  const pageFor = (origin: string | undefined) => {
    const key = origin !== undefined && (pages.has(origin) || pages.size < MAX_ORIGINS) ? origin : ""
    let page = pages.get(key)
    if (page === undefined) {
      const layer = docsLayer(key === "" ? { path: "/docs" } : { path: "/docs", serverUrl: key })
      page = HttpRouter.toWebHandler(layer.pipe(Layer.provide(HttpServer.layerServices)), { disableLogger: true })
      pages.set(key, page)
    }
    return page
  }
  const open = async (_c: unknown, next: () => Promise<void>) => next()

  resource(app, "/openapi.json", open, {
    GET: (c) => c.json(document)
  })
  resource(app, "/docs", open, {
    GET: (c) => {
      const url = new URL(c.req.url)
      // The docs layer routes on its own path; hand it a request for exactly that path.
      return pageFor(url.origin).handler(new Request(new URL("/docs", url.origin), { method: "GET" }))
    }
  })
  return {
    dispose: async () => {
      await Promise.all([...pages.values()].map((page) => page.dispose()))
      pages.clear()
    }
  }
}
