/**
 * Checks a response body against Twilio's official schema (OpenAPI 3.0, with `nullable`) using ajv, and a
 * ShortCode against the schema package's strict profile for the emulator's public base URL.
 */
import { readFileSync } from "node:fs"
import { makeShortCodeStrict, TWILIO_MESSAGING_BASE_URL } from "@shortcode-kit/schema"
import { Ajv } from "ajv"
import addFormatsModule from "ajv-formats"
import { Result, Schema } from "effect"
import { expect } from "vitest"

const spec = JSON.parse(readFileSync(new URL("../fixtures/twilio_messaging_v1.subset.json", import.meta.url), "utf8")) as object

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false })
addFormats(ajv)
// Twilio's own formats: `http-method` (an HTTP method name) and `uri-map` (an object of URIs; a format on an object
// is not checked by JSON Schema, ajv only needs to know the name).
ajv.addFormat("http-method", /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)$/)
ajv.addFormat("uri-map", true)
// The fixture is an OpenAPI document, not a JSON Schema: its top-level members are only containers.
ajv.addKeyword("info")
ajv.addKeyword("components")
ajv.addSchema({ ...spec, $id: "twilio-messaging-v1" })

export type SpecSchemaName =
  | "messaging.v1.service"
  | "messaging.v1.service.short_code"
  | "ListServiceResponse"
  | "ListShortCodeResponse"
  | "messaging.v1.service.alpha_sender"

/** ajv's errors for `body` against the named schema of Twilio's spec (empty when valid). */
export const specErrors = (name: SpecSchemaName, body: unknown): ReadonlyArray<{ readonly keyword: string; readonly instancePath: string }> => {
  const validate = ajv.getSchema(`twilio-messaging-v1#/components/schemas/${name}`)
  if (validate === undefined) throw new Error(`no schema ${name} in the fixture`)
  return validate(body) ? [] : [...(validate.errors ?? [])]
}

/** Fails the test with ajv's errors when `body` does not match the named schema of Twilio's spec. */
export const expectValidAgainstSpec = (name: SpecSchemaName, body: unknown): void => {
  expect(specErrors(name, body), `body is not a valid ${name}`).toEqual([])
}

const strict = new Map<string, ReturnType<typeof makeShortCodeStrict>>()

/** Fails the test when `body` is not a ShortCode of the strict profile for `baseUrl`. */
export const expectStrictShortCode = (body: unknown, baseUrl: string = TWILIO_MESSAGING_BASE_URL): void => {
  let schema = strict.get(baseUrl)
  if (schema === undefined) {
    schema = makeShortCodeStrict({ baseUrl })
    strict.set(baseUrl, schema)
  }
  const result = Schema.decodeUnknownResult(schema)(body, { errors: "all" })
  expect(Result.isSuccess(result) ? "valid" : String(result.failure), "strict ShortCode").toBe("valid")
}
