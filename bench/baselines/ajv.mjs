// ajv 8 compiled on Twilio's official schemas (the vendored OpenAPI components), with ajv-formats for date-time and
// uri: what a team that validates against the published spec would run.
import { readFileSync } from "node:fs"
import { Ajv } from "ajv"
import formatsModule from "ajv-formats"

const spec = JSON.parse(readFileSync(new URL("../../packages/schema/test/fixtures/twilio-shortcodes.json", import.meta.url), "utf8"))
// ajv-formats is CommonJS with `exports.default`.
const addFormats = formatsModule.default

const compileAll = (allErrors) => {
  const ajv = new Ajv({ strict: false, allErrors })
  addFormats(ajv)
  ajv.addSchema(spec)
  const ref = (name) => ajv.compile({ $ref: `${spec.$id}#/components/schemas/${name}` })
  return { shortCode: ref("messaging.v1.service.short_code"), createRequest: ref("CreateShortCodeRequest") }
}

/** Stops at the first error (ajv's default): the fastest valid-path configuration. */
export const ajvFirst = compileAll(false)
/** Lists every error, for the invalid-input comparison. */
export const ajvAll = compileAll(true)

/** A form body checked the ajv way: parse it, take each parameter's first value, validate the object. */
export const ajvCreateForm = (validate) => (body) => validate(Object.fromEntries(new URLSearchParams(body)))
