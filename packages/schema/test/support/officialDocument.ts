// The Services, ShortCodes and PhoneNumbers paths of Twilio's official OpenAPI document (vendored with its MIT
// notice in ./fixtures), and what a generated document must agree with it on: the operations of each path, their
// operation ids, their parameters and the create bodies' required form fields.
import { createRequire } from "node:module"
import { Ajv } from "ajv"
import formatsModule from "ajv-formats"

// A JSON document walked without types: the assertions of the tests give it a shape.
type Json = any

const require = createRequire(import.meta.url)
export const officialDocument: Json = require("../fixtures/twilio-resources.json")

const METHODS = ["get", "post", "delete"] as const

/** One operation as the agreement compares it. */
export interface OperationShape {
  readonly path: string
  readonly method: string
  readonly operationId: string
  readonly parameters: ReadonlyArray<readonly [name: string, location: string, required: boolean]>
  readonly formRequired: ReadonlyArray<string> | undefined
  readonly formProperties: ReadonlyArray<string> | undefined
}

const resolve = (document: Json, node: Json): Json =>
  node?.$ref === undefined ? node : node.$ref.replace("#/", "").split("/").reduce((at: Json, key: string) => at[key], document)

/** The operations of `document` under `paths`, in path and then method order (get, post, delete). */
export const operationShapes = (document: Json, paths: ReadonlyArray<string>): Array<OperationShape> =>
  paths.flatMap((path) =>
    METHODS.filter((method) => document.paths[path]?.[method] !== undefined).map((method) => {
      const operation = document.paths[path][method]
      const form = resolve(document, operation.requestBody?.content?.["application/x-www-form-urlencoded"]?.schema)
      return {
        path,
        method,
        operationId: operation.operationId,
        parameters: (operation.parameters ?? []).map((p: Json) => [p.name, p.in, p.required === true] as const),
        formRequired: form === undefined ? undefined : [...(form.required ?? [])].sort(),
        formProperties: form === undefined ? undefined : Object.keys(form.properties ?? {}).sort()
      }
    })
  )

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module object.
const addFormats = formatsModule.default
const ajv = new Ajv({ strict: false, allErrors: false })
addFormats(ajv)
// Twilio's own format names, hints for its SDK generators that ajv-formats does not define. They add no check to
// the contract (an `enum` or the type says what is allowed), so every value passes them, as it passes the codecs.
for (const format of ["phone-number", "http-method", "uri-map"]) ajv.addFormat(format, () => true)
ajv.addSchema({ ...officialDocument, $id: officialDocument.$id })

/** A validator of one component schema of the official document. */
export const officialSchema = (name: string) => ajv.compile({ $ref: `${officialDocument.$id}#/components/schemas/${name}` })

const pointer = (path: string) => path.replaceAll("~", "~0").replaceAll("/", "~1")

/** A validator of the list response (the page) of the `get` at the collection `path` in the official document. */
export const officialListResponse = (path: string) =>
  ajv.compile({ $ref: `${officialDocument.$id}#/paths/${pointer(path)}/get/responses/200/content/application~1json/schema` })

/** A validator of the form body of the `post` at `path` in the official document (its create request). */
export const officialCreateForm = (path: string) =>
  ajv.compile({
    // A JSON pointer into the document, so that the form's own `$ref`s resolve.
    $ref: `${officialDocument.$id}#/paths/${pointer(path)}/post/requestBody/content/application~1x-www-form-urlencoded/schema`
  })
