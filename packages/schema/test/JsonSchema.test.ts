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

  it("accepts the seed's example and rejects what the codec rejects", () => {
    const shortCode = compile("ShortCode")
    expect(shortCode(seedExample)).toBe(true)
    expect(shortCode({})).toBe(true)
    expect(shortCode({ sid: "SC1" })).toBe(false)
    expect(shortCode({ date_created: "yesterday" })).toBe(false)
    const strict = compile("ShortCodeStrict")
    expect(strict(seedExample)).toBe(true)
    expect(strict({ ...seedExample, country_code: "UK" })).toBe(false)
    expect(compile("CreateShortCodeRequest")({ ShortCodeSid: seedExample.sid })).toBe(true)
    expect(compile("CreateShortCodeRequest")({})).toBe(false)
  })
})
