// MessagingApi (Services, ShortCodes, PhoneNumbers and AlphaSenders, derived from their declarations): a valid
// OpenAPI 3.1 document. That each group's operations are the official document's is a law of every resource
// (test/resource/laws.test.ts).
import { Validator } from "@seriousme/openapi-schema-validator"
import { OpenApi } from "effect/http-api"
import { describe, expect, test } from "vitest"
import { MessagingApi, ServicesGroup, ShortCodesApi } from "@shortcode-kit/schema/http"
import { operationShapes } from "../support/officialDocument.js"

const SERVICES = ["/v1/Services", "/v1/Services/{Sid}"]
const SHORT_CODES = ["/v1/Services/{ServiceSid}/ShortCodes", "/v1/Services/{ServiceSid}/ShortCodes/{Sid}"]
const PHONE_NUMBERS = ["/v1/Services/{ServiceSid}/PhoneNumbers", "/v1/Services/{ServiceSid}/PhoneNumbers/{Sid}"]
const ALPHA_SENDERS = ["/v1/Services/{ServiceSid}/AlphaSenders", "/v1/Services/{ServiceSid}/AlphaSenders/{Sid}"]
const document: any = OpenApi.fromApi(MessagingApi)

describe("MessagingApi", () => {
  test("is a valid OpenAPI 3.1 document with the Services and ShortCodes paths", async () => {
    const result = await new Validator().validate(structuredClone(document))
    expect(result.errors).toBeUndefined()
    expect(Object.keys(document.paths)).toEqual([...SERVICES, ...SHORT_CODES, ...PHONE_NUMBERS, ...ALPHA_SENDERS])
    expect(document.info.title).toBe("Twilio Messaging v1: Services and ShortCodes")
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
