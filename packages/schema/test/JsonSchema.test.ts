import { Ajv2020 } from "ajv/dist/2020.js"
import formatsModule from "ajv-formats"
import { describe, expect, it } from "vitest"
import { toJsonSchema, wireSchemaNames } from "@shortcode-kit/schema"
import { seedExample } from "./support/seedExample.js"

const compile = (name: (typeof wireSchemaNames)[number]) => {
  const ajv = new Ajv2020({ strict: false })
  formatsModule.default(ajv)
  const document = toJsonSchema(name)
  return ajv.compile({ ...document.schema, $defs: document.definitions })
}

describe("JSON Schema", () => {
  it("is generated for every wire schema and compiles with a draft 2020-12 validator", () => {
    for (const name of wireSchemaNames) expect(() => compile(name)).not.toThrow()
  })

  // The codecs' own JSON Schemas agree with them on generated inputs (test/resource/laws.test.ts); the strict
  // profile's is checked here.
  it("the strict profile's accepts the seed's example and rejects an unassigned country code", () => {
    const strict = compile("ShortCodeStrict")
    expect(strict(seedExample)).toBe(true)
    expect(strict({ ...seedExample, country_code: "UK" })).toBe(false)
  })
})
