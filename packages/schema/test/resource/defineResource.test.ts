// What defineResource derives besides what the laws of every resource check (test/resource/laws.test.ts: names,
// shapes, agreement with the official schemas): wire keys recorded on the codecs, the fast-path hook, and the refusal of an error answer whose codes disagree on the HTTP status.
import { Schema, SchemaAST } from "effect"
import { describe, expect, test } from "vitest"
import { MessagingService, MessagingServiceResource, ShortCode, ShortCodePage, ShortCodeResource, sid } from "@shortcode-kit/schema"
import { collectionEndpoints } from "@shortcode-kit/schema/http"
import { flatPathsOf } from "../../src/internal/compiledPaths.js"
import { wireKeysOf } from "../../src/internal/wireKeys.js"

const identifier = (schema: Schema.Top) => SchemaAST.resolveIdentifier(schema.ast)

describe("defineResource", () => {
  test("records the wire names on the codec and the page, for the issue flattener", () => {
    expect(wireKeysOf(ShortCode.ast.annotations)).toEqual(ShortCodeResource.wireKeys)
    expect(wireKeysOf(ShortCodePage.ast.annotations)).toEqual({ shortCodes: "short_codes", meta: "meta" })
    expect(wireKeysOf(MessagingService.ast.annotations)?.["usAppToPersonRegistered"]).toBe("us_app_to_person_registered")
  })

  test("installs fast paths through the one hook on every declaration's schemas, Services as ShortCodes", () => {
    for (const resource of [ShortCodeResource, MessagingServiceResource]) {
      expect(flatPathsOf(resource.instanceParams.ast)?.decode).toBeDefined()
      expect(flatPathsOf(resource.createForm.ast)?.decode).toBeDefined()
      expect(flatPathsOf(resource.createForm.ast)?.failure).toBeDefined()
    }
    expect(flatPathsOf(ShortCode.ast)?.decode).toBeDefined()
    expect(flatPathsOf(ShortCodePage.ast)?.decode).toBeDefined()
    // `links` is a record (an index signature), a shape the compiler does not cover yet: the interpreter decodes
    // the service body.
    expect(flatPathsOf(MessagingService.ast)).toBeUndefined()
  })

  test("refuses an error answer whose codes have different statuses in errorTable", () => {
    const declaration = ShortCodeResource.declaration
    const mixed = {
      ...ShortCodeResource,
      declaration: {
        ...declaration,
        operations: { ...declaration.operations, fetch: { ...declaration.operations.fetch, errors: [{ summary: "mixed", codes: [20404, 21710] }] } }
      }
    } as unknown as typeof ShortCodeResource
    expect(() => collectionEndpoints(mixed)).toThrow("an error answer's codes must share one HTTP status: 21710 is 409, 20404 is 404")
  })
})

describe("sid(prefix, brand)", () => {
  test("is a branded SID schema named by its brand", () => {
    const PhoneNumberSid = sid("PN", "PhoneNumberSid")
    expect(identifier(PhoneNumberSid)).toBe("PhoneNumberSid")
    expect(Schema.is(PhoneNumberSid)("PN" + "0".repeat(32))).toBe(true)
    expect(Schema.is(PhoneNumberSid)("SC" + "0".repeat(32))).toBe(false)
  })
})

describe("pathOf", () => {
  test("fills the collection and the instance path of a declaration with the values given", () => {
    expect(ShortCodeResource.pathOf("collection", { ServiceSid: "MG1" })).toBe("/v1/Services/MG1/ShortCodes")
    expect(ShortCodeResource.pathOf("instance", { ServiceSid: "MG1", Sid: "SC2" })).toBe("/v1/Services/MG1/ShortCodes/SC2")
    expect(MessagingServiceResource.pathOf("instance", { Sid: "MG1" })).toBe("/v1/Services/MG1")
    expect(MessagingServiceResource.pathOf("collection", {})).toBe("/v1/Services")
  })
})
