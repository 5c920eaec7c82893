/**
 * A documentation page for {@link ShortCodesApi} that needs no internet connection.
 *
 * effect's `HttpApiScalar.layer` embeds the Scalar API reference (`@scalar/api-reference` 1.43.5, about 3.2 MB of
 * JavaScript in `effect/dist/http-api/internal/httpApiScalar.js`) inline in the page; `HttpApiScalar.layerCdn`
 * would load it from jsDelivr instead and is not used. Scalar's default fonts come from `fonts.scalar.com`, so they
 * are switched off. What remains that can reach the internet are user actions only (Scalar's "share" and its
 * optional request proxy, which is not configured).
 *
 * @since 0.1.0
 */
import { HttpApiScalar, OpenApi } from "effect/http-api"
import { ShortCodesApi } from "./ShortCodesApi.js"

/**
 * @since 0.1.0
 */
export interface DocsLayerOptions {
  /** Where the page is served; default `/docs`. */
  readonly path?: `/${string}` | undefined
  /**
   * The server the page's "Test Request" sends to, such as the example app's own origin; default Twilio's
   * (`https://messaging.twilio.com`, the document's server).
   */
  readonly serverUrl?: string | undefined
}

/**
 * An `HttpRouter` layer serving the Scalar reference page of the API: one self-contained HTML document (no
 * `<script src>`, no stylesheet or font from elsewhere) with the OpenAPI document inside.
 *
 * @example
 * ```ts
 * import { Layer } from "effect"
 * import { HttpRouter, HttpServer } from "effect/http"
 * import { docsLayer } from "@shortcode-kit/schema/http"
 *
 * const { handler } = HttpRouter.toWebHandler(
 *   docsLayer({ path: "/docs", serverUrl: "http://127.0.0.1:3000" }).pipe(Layer.provide(HttpServer.layerServices))
 * )
 * ```
 * @since 0.1.0
 */
export const docsLayer = (options: DocsLayerOptions = {}) => {
  if (options.path !== undefined && !options.path.startsWith("/")) {
    throw new Error(`docsLayer: path must start with "/", received ${JSON.stringify(options.path)}`)
  }
  let api = ShortCodesApi
  if (options.serverUrl !== undefined) {
    if (!/^https?:$/.test(URL.canParse(options.serverUrl) ? new URL(options.serverUrl).protocol : "")) {
      throw new Error(`docsLayer: serverUrl must be an absolute http(s) URL, received ${JSON.stringify(options.serverUrl)}`)
    }
    api = ShortCodesApi.annotate(OpenApi.Servers, [{ url: options.serverUrl }])
  }
  return HttpApiScalar.layer(api, {
    path: options.path ?? "/docs",
    scalar: { withDefaultFonts: false, showOperationId: true }
  })
}
