// MessagingApi (Services + ShortCodes, both derived from their declarations): a valid OpenAPI 3.1 document whose
// operations agree with Twilio's official document on the paths, methods, operation ids, parameters and create
// bodies it declares.
import { Validator } from "@seriousme/openapi-schema-validator"
import { OpenApi } from "effect/http-api"
import { describe, expect, test } from "vitest"
import { MessagingApi, ServicesGroup, ShortCodesApi } from "@shortcode-kit/schema/http"
import { officialDocument, operationShapes } from "../support/officialDocument.js"

const SERVICES = ["/v1/Services", "/v1/Services/{Sid}"]
const SHORT_CODES = ["/v1/Services/{ServiceSid}/ShortCodes", "/v1/Services/{ServiceSid}/ShortCodes/{Sid}"]
const PHONE_NUMBERS = ["/v1/Services/{ServiceSid}/PhoneNumbers", "/v1/Services/{ServiceSid}/PhoneNumbers/{Sid}"]
const ALPHA_SENDERS = ["/v1/Services/{ServiceSid}/AlphaSenders", "/v1/Services/{ServiceSid}/AlphaSenders/{Sid}"]
const document: any = OpenApi.fromApi(MessagingApi)

// The official operations this toolkit declares: every one but the Services update (`POST /v1/Services/{Sid}`).
const declared = (paths: ReadonlyArray<string>) =>
  operationShapes(officialDocument, paths)
    .filter((shape) => !(shape.path === "/v1/Services/{Sid}" && shape.method === "post"))
    .map(({ formProperties: _, ...shape }) => shape)

describe("MessagingApi", () => {
  test("is a valid OpenAPI 3.1 document with the Services and ShortCodes paths", async () => {
    const result = await new Validator().validate(structuredClone(document))
    expect(result.errors).toBeUndefined()
    expect(Object.keys(document.paths)).toEqual([...SERVICES, ...SHORT_CODES, ...PHONE_NUMBERS, ...ALPHA_SENDERS])
    expect(document.info.title).toBe("Twilio Messaging v1: Services and ShortCodes")
  })

  test("Services: the official operations, ids, parameters and required create fields, except the update", () => {
    expect(operationShapes(document, SERVICES).map(({ formProperties: _, ...shape }) => shape)).toEqual(declared(SERVICES))
    const officialForm = operationShapes(officialDocument, ["/v1/Services"]).find((shape) => shape.method === "post")
    const ours = operationShapes(document, ["/v1/Services"]).find((shape) => shape.method === "post")
    expect(ours?.formProperties).toEqual(["FriendlyName"])
    expect(officialForm?.formProperties).toEqual(expect.arrayContaining(["FriendlyName"]))
  })

  test("ShortCodes: exactly the official operations, ids, parameters and create body", () => {
    expect(operationShapes(document, SHORT_CODES)).toEqual(operationShapes(officialDocument, SHORT_CODES))
  })

  test("AlphaSenders: exactly the official operations, ids, parameters and create body", () => {
    expect(operationShapes(document, ALPHA_SENDERS)).toEqual(operationShapes(officialDocument, ALPHA_SENDERS))
  })

  test("the ShortCodes operations are the same as ShortCodesApi's", () => {
    const alone: any = OpenApi.fromApi(ShortCodesApi)
    for (const path of SHORT_CODES) expect(document.paths[path]).toEqual(alone.paths[path])
  })

  test("answers each Services operation's statuses, with Twilio's codes from errorTable", () => {
    const statuses = operationShapes(document, SERVICES).map(({ path, method }) => [
      document.paths[path][method].operationId,
      Object.keys(document.paths[path][method].responses)
    ])
    expect(statuses).toEqual([
      ["ListService", ["200", "400", "401"]],
      ["CreateService", ["201", "400", "401", "413"]],
      ["FetchService", ["200", "401", "404"]],
      ["DeleteService", ["204", "401", "404"]]
    ])
    expect(document.paths["/v1/Services/{Sid}"].get.responses["404"].description).toContain(`20404 "The requested resource {param} was not found"`)
    expect(Object.keys(ServicesGroup.endpoints)).toEqual(["createService", "listServices", "fetchService", "deleteService"])
  })
})

describe("MessagingApi's PhoneNumbers", () => {
  test("exactly the official operations, ids, parameters and create body", () => {
    expect(operationShapes(document, PHONE_NUMBERS)).toEqual(operationShapes(officialDocument, PHONE_NUMBERS))
    expect(Object.keys(document.paths[PHONE_NUMBERS[0]!].post.responses)).toEqual(["201", "400", "401", "404", "409", "413"])
  })
})
