// The OpenAPI document Prism mocks: the create, fetch and delete operations of Twilio's Messaging v1 ShortCodes
// resource around the vendored official component schemas (packages/schema/test/fixtures, unchanged, MIT licensed).
// The vendored file holds the components only, so the three path items are written here from the operation
// descriptions of Twilio's API reference (methods, paths, form body, 201/200/204 answers); the 201 and 200 examples
// are the reference's response example.
import { readFileSync } from "node:fs"

export const prismDocument = () => {
  const vendored = JSON.parse(readFileSync(new URL("../../../packages/schema/test/fixtures/twilio-shortcodes.json", import.meta.url), "utf8"))
  const shortCode = { $ref: "#/components/schemas/messaging.v1.service.short_code" }
  const example = {
    sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    url: "https://messaging.twilio.com/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ShortCodes/SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    short_code: "12345",
    account_sid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    service_sid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    capabilities: ["SMS"],
    country_code: "US",
    date_created: "2015-07-30T20:12:31Z",
    date_updated: "2015-07-30T20:12:33Z"
  }
  const serviceSid = { name: "ServiceSid", in: "path", required: true, schema: { $ref: "#/components/schemas/ServiceSidPathParameter" } }
  const sid = { name: "Sid", in: "path", required: true, schema: { type: "string" } }
  const json = (status) => ({ description: status, content: { "application/json": { schema: shortCode, examples: { create: { value: example } } } } })
  return {
    openapi: "3.0.1",
    info: { title: "Twilio - Messaging (ShortCodes subset for the load benchmark)", version: "1.0.0" },
    paths: {
      "/v1/Services/{ServiceSid}/ShortCodes": {
        post: {
          operationId: "CreateShortCode",
          parameters: [serviceSid],
          requestBody: {
            required: true,
            content: { "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/CreateShortCodeRequest" } } }
          },
          responses: { 201: json("Created") }
        }
      },
      "/v1/Services/{ServiceSid}/ShortCodes/{Sid}": {
        get: { operationId: "FetchShortCode", parameters: [serviceSid, sid], responses: { 200: json("OK") } },
        delete: { operationId: "DeleteShortCode", parameters: [serviceSid, sid], responses: { 204: { description: "The resource was deleted successfully." } } }
      }
    },
    components: vendored.components
  }
}
