import { OpenApi } from "effect/http-api"
import { TWILIO_MESSAGING_BASE_URL } from "../../ShortCodeStrict.js"
import { corsHeaderObjects } from "../Cors.js"

// An OpenAPI document as Effect's generator hands it to `OpenApi.Transform` annotations.
type Document = Record<string, any>

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const

/**
 * Deletes every `additionalProperties: false`. Effect's OpenAPI generator closes every object schema, but the codecs
 * of this package ignore unknown properties (as Twilio's own schemas allow them): a closed object would make
 * validators and generated clients reject a Twilio response the day Twilio adds a property.
 */
const openObjects = (node: unknown): void => {
  if (Array.isArray(node)) {
    for (const item of node) openObjects(item)
  } else if (typeof node === "object" && node !== null) {
    const record = node as Record<string, unknown>
    if (record["additionalProperties"] === false) delete record["additionalProperties"]
    for (const value of Object.values(record)) openObjects(value)
  }
}

/**
 * The API-level transform of the generated document.
 *
 * CORS headers are added here rather than declared with `HttpApiSchema.WithHeaders`: a `WithHeaders` success would
 * make every handler return `{ body, headers }` and every client call decode the headers, and it cannot describe the
 * error responses or the preflight `OPTIONS` answer, which carry the same headers. They are a concern of the server's
 * CORS middleware; the document only describes them, as Twilio's does, on every response.
 */
export const documentTransform = (spec: Document): Document => {
  const out: Document = structuredClone(spec)
  // Declared once under components.headers and referenced from each response.
  const references = Object.fromEntries(
    Object.keys(corsHeaderObjects).map((name) => [name, { $ref: `#/components/headers/${name}` }])
  )
  for (const pathItem of Object.values<Document>(out["paths"] ?? {})) {
    for (const method of METHODS) {
      const operation: Document | undefined = pathItem[method]
      if (operation === undefined) continue
      for (const response of Object.values<Document>(operation["responses"] ?? {})) {
        response["headers"] = { ...structuredClone(references), ...response["headers"] }
      }
    }
  }
  const components: Document = out["components"] ?? {}
  out["components"] = {
    ...components,
    // Sorted so that the committed document does not reorder when the traversal that registers schemas changes.
    schemas: sortKeys(components["schemas"] ?? {}),
    headers: structuredClone(corsHeaderObjects)
  }
  openObjects(out)
  return out
}

const sortKeys = (record: Document): Document =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/**
 * An endpoint-level transform that gives path and query parameters their descriptions (Effect's generator takes
 * none from the schemas); `descriptions` is keyed by parameter name.
 */
export const describeParameters = (descriptions: Readonly<Record<string, string>>) => (operation: Document): Document => ({
  ...operation,
  parameters: (operation["parameters"] as Array<Document> | undefined)?.map((parameter) => {
    const description = descriptions[parameter["name"] as string]
    return description === undefined ? parameter : { ...parameter, description }
  })
})

/**
 * The annotations of an `HttpApi` of this package: its title, a description that begins with `lead` and states the
 * conventions every endpoint follows, Twilio's server, and {@link documentTransform}.
 */
export const apiAnnotations = (title: string, lead: string) =>
  OpenApi.annotations({
    title,
    version: "1.0.0",
    description: lead +
      "Every response carries the CORS headers; error bodies are Twilio's { code, message, more_info, status }. " +
      "A method a path does not support is answered 405 with Twilio error 20004.",
    servers: [{ url: TWILIO_MESSAGING_BASE_URL, description: "Twilio" }],
    transform: documentTransform
  })
