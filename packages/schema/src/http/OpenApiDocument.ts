/**
 * The OpenAPI 3.1 document of {@link ShortCodesApi}, the one that `openapi.json` commits.
 *
 * @since 0.1.0
 */
import { OpenApi } from "effect/http-api"
import { ShortCodesApi } from "./ShortCodesApi.js"

/**
 * The OpenAPI 3.1 document made from {@link ShortCodesApi} by `OpenApi.fromApi`, a fresh copy on each call.
 *
 * Two things are added to what Effect generates, by an `OpenApi.Transform` annotation on the API (so that the docs
 * page, which calls `OpenApi.fromApi` itself, shows the same document): the five CORS headers on every response,
 * and open objects (no `additionalProperties: false`), because the codecs tolerate unknown properties.
 *
 * @example
 * ```ts
 * import { openApiDocument } from "@shortcode-kit/schema/http"
 *
 * const document = openApiDocument()
 * document.paths["/v1/Services/{ServiceSid}/ShortCodes"]?.post?.operationId // "CreateShortCode"
 * ```
 * @since 0.1.0
 */
export const openApiDocument = (): OpenApi.OpenAPISpec => OpenApi.fromApi(ShortCodesApi)

/**
 * The text of `openapi.json`: the document as JSON, two-space indented, with a final newline. The order of keys is
 * the generator's, which is deterministic for a given definition and version of effect.
 *
 * @example
 * ```ts
 * import { openApiDocumentText } from "@shortcode-kit/schema/http"
 *
 * JSON.parse(openApiDocumentText()).openapi // "3.1.0"
 * ```
 * @since 0.1.0
 */
export const openApiDocumentText = (): string => `${JSON.stringify(openApiDocument(), null, 2)}\n`
