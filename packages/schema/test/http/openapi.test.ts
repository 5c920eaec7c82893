import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { Validator } from "@seriousme/openapi-schema-validator"
import { describe, expect, test } from "vitest"
import { corsHeaders, openApiDocument, openApiDocumentText } from "@shortcode-kit/schema/http"

const committedPath = new URL("../../openapi.json", import.meta.url)
const LIST = "/v1/Services/{ServiceSid}/ShortCodes"
const INSTANCE = "/v1/Services/{ServiceSid}/ShortCodes/{Sid}"

// A JSON document walked without types: the assertions below are what give it a shape.
type Json = any

const document: Json = openApiDocument()
const operations = (): Array<[string, string, Json]> =>
  Object.entries<Json>(document.paths).flatMap(([path, item]) =>
    Object.entries<Json>(item).map(([method, operation]): [string, string, Json] => [path, method, operation])
  )

describe("openapi.json", () => {
  test("the committed file is exactly openApiDocumentText()", () => {
    const committed = readFileSync(committedPath, "utf8")
    expect(
      committed,
      "packages/schema/openapi.json is out of date with ShortCodesApi: run `npm run openapi -w @shortcode-kit/schema` and commit the file"
    ).toBe(openApiDocumentText())
  })

  test("the package exports it as @shortcode-kit/schema/openapi.json", () => {
    const require = createRequire(import.meta.url)
    expect(require.resolve("@shortcode-kit/schema/openapi.json")).toBe(require.resolve(committedPath.pathname))
  })
})

describe("openApiDocument()", () => {
  test("is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)", async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(document))
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe("3.1")
    expect(document.openapi).toBe("3.1.0")
  })

  test("has the two paths, their four operations and Twilio's operationIds", () => {
    expect(Object.keys(document.paths).sort()).toEqual([LIST, INSTANCE])
    expect(operations().map(([path, method, operation]) => [path, method, operation.operationId])).toEqual([
      [LIST, "post", "CreateShortCode"],
      [LIST, "get", "ListShortCode"],
      [INSTANCE, "get", "FetchShortCode"],
      [INSTANCE, "delete", "DeleteShortCode"]
    ])
    expect(document.servers).toEqual([{ url: "https://messaging.twilio.com", description: "Twilio" }])
  })

  test("declares each operation's parameters", () => {
    const parameters = (path: string, method: string) =>
      document.paths[path][method].parameters.map((p: Json) => [p.name, p.in, p.required])
    expect(parameters(LIST, "post")).toEqual([["ServiceSid", "path", true]])
    expect(parameters(LIST, "get")).toEqual([
      ["ServiceSid", "path", true],
      ["PageSize", "query", false],
      ["Page", "query", false],
      ["PageToken", "query", false]
    ])
    expect(parameters(INSTANCE, "get")).toEqual([["ServiceSid", "path", true], ["Sid", "path", true]])
    expect(parameters(INSTANCE, "delete")).toEqual([["ServiceSid", "path", true], ["Sid", "path", true]])
    for (const [, , operation] of operations()) {
      for (const parameter of operation.parameters) expect(parameter.description, parameter.name).toMatch(/\S/)
    }
    expect(document.components.schemas.ServiceSid.allOf[0].pattern).toBe("^MG[0-9a-fA-F]{32}$")
  })

  test("create takes an application/x-www-form-urlencoded body with a required ShortCodeSid", () => {
    const body = document.paths[LIST].post.requestBody
    expect(body.required).toBe(true)
    expect(Object.keys(body.content)).toEqual(["application/x-www-form-urlencoded"])
    const ref: string = body.content["application/x-www-form-urlencoded"].schema.$ref
    const schema = document.components.schemas[ref.replace("#/components/schemas/", "")]
    expect(schema.required).toEqual(["ShortCodeSid"])
    expect(schema.properties.ShortCodeSid).toEqual({ $ref: "#/components/schemas/ShortCodeSid" })
    expect(document.components.schemas.ShortCodeSid.allOf[0].pattern).toBe("^SC[0-9a-fA-F]{32}$")
  })

  test("answers each operation's success and Twilio error statuses", () => {
    const statuses = operations().map(([, , operation]) => [operation.operationId, Object.keys(operation.responses)])
    expect(statuses).toEqual([
      ["CreateShortCode", ["201", "400", "401", "404", "409", "413"]],
      ["ListShortCode", ["200", "400", "401", "404"]],
      ["FetchShortCode", ["200", "401", "404"]],
      ["DeleteShortCode", ["204", "401", "404"]]
    ])
    const shortCode = { $ref: "#/components/schemas/ShortCodeEncoded" }
    expect(document.paths[LIST].post.responses["201"].content["application/json"].schema).toEqual(shortCode)
    expect(document.paths[INSTANCE].get.responses["200"].content["application/json"].schema).toEqual(shortCode)
    expect(document.paths[LIST].get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ShortCodePageEncoded"
    })
    expect(document.paths[INSTANCE].delete.responses["204"].content).toBeUndefined()
    for (const [, , operation] of operations()) {
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        if (Number(status) < 400) continue
        expect(response.content, `${operation.operationId} ${status}`).toEqual({
          "application/json": { schema: { $ref: "#/components/schemas/TwilioErrorEncoded" } }
        })
      }
    }
    expect(document.components.schemas.TwilioErrorEncoded.required).toEqual(["code", "message", "more_info", "status"])
    expect(document.paths[LIST].post.responses["409"].description).toContain("21710")
    expect(document.paths[LIST].post.responses["401"].description).toContain("20003")
  })

  test("every operation requires the HTTP Basic scheme accountSid_authToken", () => {
    expect(document.components.securitySchemes).toEqual({ accountSid_authToken: { type: "http", scheme: "basic" } })
    for (const [, , operation] of operations()) {
      expect(operation.security, operation.operationId).toEqual([{ accountSid_authToken: [] }])
    }
  })

  test("every response describes the five CORS headers, with the values servers send as examples", () => {
    const names = Object.keys(corsHeaders)
    expect(names).toEqual([
      "Access-Control-Allow-Origin",
      "Access-Control-Allow-Methods",
      "Access-Control-Allow-Headers",
      "Access-Control-Allow-Credentials",
      "Access-Control-Expose-Headers"
    ])
    for (const [, , operation] of operations()) {
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        expect(response.headers, `${operation.operationId} ${status}`).toEqual(
          Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]))
        )
      }
    }
    const headers = document.components.headers
    expect(Object.keys(headers)).toEqual(names)
    expect(headers["Access-Control-Allow-Credentials"].schema).toEqual({ type: "boolean" })
    expect(headers["Access-Control-Allow-Credentials"].example).toBe(false)
    for (const name of names.filter((n) => n !== "Access-Control-Allow-Credentials")) {
      expect(headers[name].schema, name).toEqual({ type: "string" })
      expect(headers[name].example, name).toBe(corsHeaders[name as keyof typeof corsHeaders])
    }
  })

  test("leaves objects open, as the codecs accept unknown properties", () => {
    expect(openApiDocumentText()).not.toContain(`"additionalProperties": false`)
  })

  test("returns a fresh copy on every call", () => {
    const first: Json = openApiDocument()
    first.paths = {}
    expect(Object.keys((openApiDocument() as Json).paths)).toHaveLength(2)
  })
})
