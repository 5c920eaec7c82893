/**
 * The five CORS response headers that Twilio's documentation lists on every ShortCodes response, with the values a
 * server of this API sends.
 *
 * @since 0.1.0
 */

/**
 * The CORS headers a server of this API sends on every response (and on the answer to a preflight `OPTIONS`):
 *
 * - `Access-Control-Allow-Origin: *`: any web page may call the API; requests carry credentials in an explicit
 *   `Authorization` header, never in cookies, so a wildcard origin exposes nothing a page does not already hold.
 * - `Access-Control-Allow-Methods: GET, POST, DELETE, OPTIONS`: the methods of the two ShortCodes paths.
 * - `Access-Control-Allow-Headers: Content-Type, Authorization`: the form body's type and HTTP Basic credentials.
 *   The wildcard `*` would not cover `Authorization` (Fetch standard), so both are named.
 * - `Access-Control-Allow-Credentials: false`: browsers send no cookies or cached HTTP credentials; only `true` has
 *   an effect, and it is forbidden together with a wildcard origin anyway.
 * - `Access-Control-Expose-Headers: ETag, Twilio-Request-Id`: response headers a page may read besides the
 *   CORS-safelisted ones.
 *
 * @example
 * ```ts
 * import { corsHeaders } from "@shortcode-kit/schema/http"
 *
 * const response = new Response(null, { status: 204, headers: corsHeaders })
 * response.headers.get("access-control-allow-origin") // "*"
 * ```
 * @since 0.1.0
 */
export const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Authorization",
  "Access-Control-Allow-Credentials": "false",
  "Access-Control-Expose-Headers": "ETag, Twilio-Request-Id"
} as const

/** @since 0.1.0 */
export type CorsHeaderName = keyof typeof corsHeaders

/**
 * The OpenAPI header objects of the five CORS headers, with the descriptions and types of Twilio's OpenAPI document
 * (twilio/twilio-oai `spec/json/twilio_messaging_v1.json`, MIT) and this API's values as examples.
 *
 * @example
 * ```ts
 * import { corsHeaderObjects } from "@shortcode-kit/schema/http"
 *
 * corsHeaderObjects["Access-Control-Allow-Credentials"].schema // { type: "boolean" }
 * ```
 * @since 0.1.0
 */
export const corsHeaderObjects = {
  "Access-Control-Allow-Origin": {
    description: "Specify the origin(s) allowed to access the resource",
    schema: { type: "string" },
    example: corsHeaders["Access-Control-Allow-Origin"]
  },
  "Access-Control-Allow-Methods": {
    description: "Specify the HTTP methods allowed when accessing the resource",
    schema: { type: "string" },
    example: corsHeaders["Access-Control-Allow-Methods"]
  },
  "Access-Control-Allow-Headers": {
    description: "Specify the headers allowed when accessing the resource",
    schema: { type: "string" },
    example: corsHeaders["Access-Control-Allow-Headers"]
  },
  "Access-Control-Allow-Credentials": {
    description: "Indicates whether the browser should include credentials",
    schema: { type: "boolean" },
    example: false
  },
  "Access-Control-Expose-Headers": {
    description: "Headers exposed to the client",
    schema: { type: "string" },
    example: corsHeaders["Access-Control-Expose-Headers"]
  }
} as const satisfies Record<CorsHeaderName, { description: string; schema: { type: string }; example: unknown }>
