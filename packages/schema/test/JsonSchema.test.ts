import { Ajv2020 } from "ajv/dist/2020.js"
import formatsModule from "ajv-formats"
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ListShortCodesQuery, toJsonSchema, toStandaloneJsonSchema, wireSchemaNames } from "@shortcode-kit/schema"
import { seedExample } from "./support/seedExample.js"

const compile = (name: (typeof wireSchemaNames)[number]) => {
  const ajv = new Ajv2020({ strict: false })
  formatsModule.default(ajv)
  return ajv.compile(toStandaloneJsonSchema(name))
}

const listQuery = compile("ListShortCodesQuery")

describe("JSON Schema", () => {
  it("is generated for every wire schema and compiles with a draft 2020-12 validator", () => {
    for (const name of wireSchemaNames) expect(() => compile(name)).not.toThrow()
  })

  it("standalone, is the document's schema with its definitions as $defs, and refuses what the codec refuses", () => {
    for (const name of wireSchemaNames) {
      const { schema, definitions } = toJsonSchema(name)
      expect(toStandaloneJsonSchema(name)).toStrictEqual({ $schema: "https://json-schema.org/draft/2020-12/schema", ...schema, $defs: definitions })
    }
    const shortCode = compile("ShortCode")
    expect([shortCode(42), shortCode({ sid: 1 }), shortCode({ sid: "SC12" }), shortCode(seedExample)]).toEqual([false, false, false, true])
    // Strict mode too (no unknown keyword such as the document's `dialect`).
    const strict = new Ajv2020({ strict: true, validateFormats: false })
    expect(() => strict.compile(toStandaloneJsonSchema("TwilioError"))).not.toThrow()
  })

  // Query values are text: the JSON Schema's patterns are the texts of exactly the integers the codec takes.
  test.prop([fc.record({
    PageSize: fc.oneof(fc.nat({ max: 1100 }).map(String), fc.stringMatching(/^[0-9+-]{1,5}$/)),
    Page: fc.oneof(fc.nat().map(String), fc.bigInt({ min: 0n, max: 10n ** 17n }).map(String), fc.constantFrom("9007199254740991", "9007199254740992", "0001", "-1"))
  }, { requiredKeys: [] })], { numRuns: 2000 })("ListShortCodesQuery's JSON Schema accepts exactly the queries the codec accepts", (query) => {
    expect(listQuery(query), JSON.stringify(query)).toBe(Result.isSuccess(Schema.decodeUnknownResult(ListShortCodesQuery)(query)))
  })

  // The codecs' own JSON Schemas agree with them on generated inputs (test/resource/laws.test.ts); the strict
  // profile's is checked here.
  it("the strict profile's accepts the seed's example and rejects an unassigned country code", () => {
    const strict = compile("ShortCodeStrict")
    expect(strict(seedExample)).toBe(true)
    expect(strict({ ...seedExample, country_code: "UK" })).toBe(false)
    expect(strict({ ...seedExample, capabilities: ["SMS", "SMS"] })).toBe(false)
  })
})
