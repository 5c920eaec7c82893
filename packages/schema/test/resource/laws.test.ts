// The laws every declared resource obeys, run for each resource that MessagingApi serves (found by its group, so a
// new declaration added to MessagingApi is checked without a line here): its codec and page read and write back
// the official examples; its codec and create form accept exactly what Twilio's official schemas accept on
// generated inputs (with the documented date-time and URI differences); its JSON Schema and Standard Schema
// views agree with the codec; its derived names, params, form and page have the declared shapes; and its OpenAPI
// operations are the official document's.
import { fc, test } from "@fast-check/vitest"
import { Ajv2020 } from "ajv/dist/2020.js"
import formatsModule from "ajv-formats"
import { Result, Schema, SchemaAST } from "effect"
import { OpenApi } from "effect/http-api"
import { describe, expect } from "vitest"
import * as schemaPackage from "@shortcode-kit/schema"
import { errorTable, listQueryDescriptions, standardSchemas, toJsonSchema, toValidationIssues, type WireSchemaName } from "@shortcode-kit/schema"
import { MessagingApi } from "@shortcode-kit/schema/http"
import { officialCreateForm, officialDocument, officialListResponse, officialSchema, operationShapes } from "../support/officialDocument.js"
import {
  asRequestObject,
  formBodies,
  isDocumentedDifference,
  officialExamples,
  officialFormSchema,
  officialProperties,
  sparseWire,
  validPage,
  validWire,
  wireInputs
} from "../support/officialInputs.js"

// Any declared resource, as the laws read it: through its declaration and its schemas as plain codecs.
type Codec = Schema.Codec<unknown, unknown>
interface AnyResource {
  readonly declaration: schemaPackage.ResourceDeclaration & { readonly operations: schemaPackage.Operations }
  readonly codec: Codec
  readonly page: Codec
  readonly pageItemsKey: string
  readonly collectionPath: string
  readonly instancePath: string
  readonly collectionParams: Codec
  readonly instanceParams: Codec
  readonly createRequest: Codec
  readonly createForm: Codec
  readonly listQuery: Codec
}
// JSON documents walked without types.
type Json = any

const isResource = (value: unknown): value is AnyResource =>
  typeof value === "object" && value !== null && "declaration" in value && "codec" in value && "createForm" in value
const declared = (Object.values(schemaPackage) as ReadonlyArray<unknown>).filter(isResource)
const groupName = (resource: AnyResource) => resource.declaration.plural.charAt(0).toLowerCase() + resource.declaration.plural.slice(1)
const groups = Object.keys((MessagingApi as unknown as { readonly groups: Record<string, unknown> }).groups)
const resources = groups.map((group) => {
  const resource = declared.find((candidate) => groupName(candidate) === group)
  if (resource === undefined) throw new Error(`MessagingApi's group ${group} has no exported declaration`)
  return resource
})

const document: Json = OpenApi.fromApi(MessagingApi)
const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}")

// The official operations of a declared path that a declaration deliberately leaves out, and the official create
// forms of which it keeps only some parameters (both said in the declaration's doc comment).
const UNDECLARED_OPERATIONS = [["/v1/Services/{Sid}", "post"]] as const
const PARTIAL_FORMS = ["/v1/Services"]

const ajv2020 = () => {
  const ajv = new Ajv2020({ strict: false })
  formatsModule.default(ajv)
  return ajv
}
const compileJsonSchema = (name: string) => {
  const { schema, definitions } = toJsonSchema(name as WireSchemaName)
  return ajv2020().compile({ ...schema, $defs: definitions })
}

const issuesOf = (schema: Schema.Top, input: unknown) => {
  const result = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)(input, { errors: "all" })
  return Result.isFailure(result) ? toValidationIssues(result.failure.issue, input).map((i) => [i.path, i.rule, i.message]) : []
}

// Per resource and per differential: 4 resources x 4,000 = 16,000 inputs per run for the codecs (the per-resource
// differentials these laws replaced ran 10,000 + 5,000 + 1,000), as many for the forms, in a suite that must stay fast.
const RUNS = 4_000

/** `value` with every absolute http(s) URL in it as a WHATWG URL writes it back (`https://a.com` -> `https://a.com/`). */
const whatwgUrls = (value: unknown): unknown =>
  typeof value === "string" && /^https?:\/\//.test(value) ? new URL(value).href
    : Array.isArray(value) ? value.map(whatwgUrls)
    : typeof value === "object" && value !== null ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, whatwgUrls(v)]))
    : value

/** Every key of the official schema present, as a codec of `presence: "required"` asks (served bodies are whole). */
const hasEveryKey = (openApiName: string, input: unknown) =>
  typeof input === "object" && input !== null && Object.keys(officialProperties(openApiName)).every((key) => key in input)

test("every group of MessagingApi is a declared resource, and every declared resource is served", () => {
  expect(resources.map((r) => r.declaration.identifier)).toEqual(["MessagingService", "ShortCode", "PhoneNumber", "AlphaSender"])
  expect([...declared].sort((a, b) => a.declaration.identifier.localeCompare(b.declaration.identifier)))
    .toEqual([...resources].sort((a, b) => a.declaration.identifier.localeCompare(b.declaration.identifier)))
})

describe.each(resources.map((resource) => [resource.declaration.identifier, resource] as const))("%s", (identifier, resource) => {
  const { openApiName, singular, plural, presence, pageKey } = resource.declaration
  const collection = openApiPath(resource.collectionPath)
  const instance = openApiPath(resource.instancePath)
  const decode = Schema.decodeUnknownSync(resource.codec)
  const encode = Schema.encodeSync(resource.codec)
  const parameters = Object.values<schemaPackage.FormParameter>(resource.declaration.create)

  test("each of collectionOperations is the official document's operation on the path it names, with its success status and body", () => {
    for (const [name, op] of Object.entries(schemaPackage.collectionOperations)) {
      const path = op.path === "collection" ? collection : instance
      const official: Json = officialDocument.paths[path]?.[op.method.toLowerCase()]
      expect(official, `${name}: ${op.method} ${path}`).toBeDefined()
      const success = Object.keys(official.responses).filter((status) => status.startsWith("2"))
      // Twilio documents 200 beside 201 for some creates (ShortCodes, PhoneNumbers); the status answered is one of them.
      expect(success, `${name}: its success statuses`).toContain(String(op.status))
      const others = success.filter((status) => status !== String(op.status))
      expect(others, `${name}: its other success statuses`).toEqual(name === "create" ? others.filter((status) => status === "200") : [])
      const body: Json = official.responses[op.status].content?.["application/json"]?.schema
      const member = `#/components/schemas/${openApiName}`
      if (op.body === "none") expect(body, `${name}: its body`).toBeUndefined()
      else expect(op.body === "member" ? body?.$ref : body?.properties?.[pageKey]?.items?.$ref, `${name}: its body`).toBe(member)
    }
  })

  describe("the official examples", () => {
    const items = [...officialExamples(collection, "post"), ...officialExamples(instance, "get")]
    const pages = officialExamples(collection, "get")

    test("there is at least one example of an instance and one of a page", () => {
      expect(items.length).toBeGreaterThan(0)
      expect(pages.length).toBeGreaterThan(0)
    })

    // Twilio's examples are placeholders (a `phone_number` of "12345"), so the strict profile is not asked of them.
    test.each(items)("%s decodes and encodes back to the same wire JSON, URLs in WHATWG form", (_, example) => {
      expect(encode(decode(example))).toEqual(whatwgUrls(example))
    })

    test.each(pages)("%s decodes as a page and encodes back", (_, example) => {
      const page = Schema.decodeUnknownSync(resource.page)(example) as object
      expect(Object.keys(page).sort()).toEqual([resource.pageItemsKey, "meta"].sort())
      expect(Schema.encodeSync(resource.page)(page)).toEqual(whatwgUrls(example))
    })
  })

  describe("round trips", () => {
    const equivalent = Schema.toEquivalence(resource.codec)
    test.prop([validWire(openApiName)], { numRuns: 200 })("encode(decode(w)) deep-equals w for every whole valid wire value, decoded under the declared names", (wire) => {
      const value = decode(wire) as object
      expect(Object.keys(value)).toEqual(Object.keys(resource.declaration.fields))
      expect(encode(value)).toEqual(wire)
    })

    const officialPage = officialListResponse(collection)
    test.prop([validPage(collection, openApiName, pageKey)], { numRuns: 100 })("a valid page is the official list response's, and encode(decode(p)) deep-equals p", (wire) => {
      expect(officialPage(wire)).toBe(true)
      expect(Schema.encodeSync(resource.page)(Schema.decodeUnknownSync(resource.page)(wire))).toEqual(wire)
    })

    test.prop([validWire(openApiName)], { numRuns: 50 })("a property of the wrong kind is reported under its wire name", (wire) => {
      for (const { wire: key } of Object.values<schemaPackage.Field>(resource.declaration.fields)) {
        const paths = issuesOf(resource.codec, { ...wire, [key]: [7] }).map(([path]) => (path as ReadonlyArray<unknown>)[0])
        expect(paths, key).toEqual([key])
      }
    })
    // A served (`required`) codec takes whole bodies only.
    test.prop([presence === "optional" ? sparseWire(openApiName) : validWire(openApiName)], { numRuns: 200 })("decode(encode(d)) equals d for every domain value", (wire) => {
      const domain = decode(wire)
      expect(equivalent(decode(encode(domain)), domain)).toBe(true)
    })
  })

  describe(`agrees with Twilio's official ${openApiName} (ajv + ajv-formats, nullable)`, () => {
    const official = officialSchema(openApiName)
    const accepts = Schema.is(Schema.toEncoded(resource.codec))
    const jsonSchema = compileJsonSchema(identifier)
    const standard = (standardSchemas as Record<string, { readonly "~standard": { validate: (input: unknown) => unknown } }>)[identifier]!["~standard"]

    // The codec of a `required` presence asks every key (its documented difference); an `optional` one, none.
    const expected = (input: unknown) => official(input) && (presence === "optional" || hasEveryKey(openApiName, input))

    test.prop([wireInputs(openApiName)], { numRuns: RUNS, interruptAfterTimeLimit: 60_000 })(
      "the codec, its wire guard and its JSON Schema accept exactly what the official schema accepts; Standard Schema agrees with the codec",
      (input) => {
        fc.pre(!isDocumentedDifference(openApiName, input))
        const want = expected(input)
        const result = Schema.decodeUnknownResult(resource.codec)(input, { errors: "all" })
        expect(Result.isSuccess(result), JSON.stringify(input)).toBe(want)
        expect(accepts(input), JSON.stringify(input)).toBe(want)
        expect(jsonSchema(input), JSON.stringify(input)).toBe(want)
        const verdict = standard.validate(input) as { readonly value?: unknown; readonly issues?: ReadonlyArray<{ readonly path?: ReadonlyArray<unknown> }> }
        if (Result.isSuccess(result)) {
          expect(verdict).toEqual({ value: result.success })
        } else {
          const paths = toValidationIssues(result.failure.issue, input).map((issue) => issue.path)
          expect(verdict.issues?.map((issue) => issue.path)).toEqual(paths)
        }
      }
    )

    const formPath = collection
    const officialForm = officialCreateForm(formPath)
    const officialFormProperties = officialFormSchema(formPath).properties as Record<string, Json>
    // A parameter the official schema gives only a type has its limits in Twilio's prose (FriendlyName's 64
    // characters, the AlphaSender rules): there the parameter's own schema judges the value.
    const prose = parameters.filter(({ wire }) => {
      const { description: _, ...rest } = officialFormProperties[wire] ?? {}
      return Object.keys(rest).every((key) => key === "type")
    })
    const requestJsonSchema = compileJsonSchema(`Create${singular}Request`)
    const acceptsRequest = Schema.is(Schema.toEncoded(resource.createRequest))

    test.prop([formBodies(formPath, parameters.map(({ wire }) => wire))], { numRuns: RUNS, interruptAfterTimeLimit: 60_000 })(
      "the create form accepts exactly what the official create request accepts, and encodes back what it decodes",
      (body) => {
        const request = asRequestObject(body)
        const want = officialForm(request) && prose.every(({ wire, schema }) => Schema.is(schema as Schema.Top)(request[wire]))
        const result = Schema.decodeUnknownResult(resource.createForm)(body)
        expect(Result.isSuccess(result), body).toBe(want)
        if (Result.isSuccess(result)) {
          expect(Schema.decodeUnknownSync(resource.createForm)(Schema.encodeSync(resource.createForm)(result.success))).toEqual(result.success)
        }
        // The request object view (the JSON Schema of the create request) agrees with the codec on it.
        expect(requestJsonSchema(request), body).toBe(acceptsRequest(request))
      }
    )
  })

  describe("derived names and shapes", () => {
    const name = (schema: Schema.Top) => SchemaAST.resolveIdentifier(schema.ast)

    test("the derived schemas are named after the declaration, and published as Standard Schemas under those names", () => {
      const named = {
        [identifier]: resource.codec,
        [`${identifier}Page`]: resource.page,
        [`Create${singular}Params`]: resource.collectionParams,
        [`${singular}InstanceParams`]: resource.instanceParams,
        [`Create${singular}Request`]: resource.createRequest,
        [`Create${singular}Form`]: resource.createForm,
        [`List${plural}Query`]: resource.listQuery
      }
      expect(Object.values(named).map(name)).toEqual(Object.keys(named))
      for (const key of [identifier, `${identifier}Page`, `Create${singular}Form`]) {
        expect(standardSchemas, key).toHaveProperty([key])
      }
      expect(resource.codec.ast.annotations?.["description"]).toBe(`${resource.declaration.description} (${openApiName})`)
    })

    test("the params ask each parameter of their path by name", () => {
      const names = [...resource.collectionPath.matchAll(/:(\w+)/g)].map(([, param]) => param!)
      expect(issuesOf(resource.collectionParams, {})).toEqual(names.map((param) => [[param], "required", `${param} is required`]))
      expect(issuesOf(resource.instanceParams, {})).toEqual([...names, "Sid"].map((param) => [[param], "required", `${param} is required`]))
      expect(issuesOf(resource.instanceParams, { ...Object.fromEntries(names.map((param) => [param, "x"])), Sid: "" }).at(-1)).toEqual(
        [["Sid"], expect.any(String), "Sid must not be empty"]
      )
    })

    test("the create form names a missing, a repeated and an empty parameter", () => {
      for (const { wire, empty } of parameters) {
        expect(issuesOf(resource.createForm, "")).toContainEqual([[wire], "required", `${wire} is required`])
        expect(issuesOf(resource.createForm, `${wire}=a&${wire}=b`)).toContainEqual([[wire], "form.repeated", `${wire} must be given once; it was given 2 times`])
        if (empty !== undefined) {
          expect(issuesOf(resource.createForm, `${wire}=`)).toContainEqual([[wire], "required", `${wire} is required and must not be empty`])
        }
      }
    })

    test("the page holds the items under the declared key, and meta", () => {
      const wire = Schema.encodeSync(resource.page)(Schema.decodeUnknownSync(resource.page)(officialExamples(collection, "get")[0]![1])) as object
      expect(Object.keys(wire).sort()).toEqual([pageKey, "meta"].sort())
      if (presence === "optional") expect(Schema.decodeUnknownSync(resource.page)({})).toEqual({})
      else expect(issuesOf(resource.page, {}).map(([path]) => path)).toEqual([[pageKey], ["meta"]])
    })
  })

  describe("OpenAPI", () => {
    const paths = [collection, instance]
    const skipped = (shape: { path: string; method: string }) => UNDECLARED_OPERATIONS.some(([path, method]) => shape.path === path && shape.method === method)
    const partial = (shape: { path: string; method: string }) => shape.method === "post" && PARTIAL_FORMS.includes(shape.path)

    test("its operations are the official document's: paths, methods, operation ids, parameters and create body", () => {
      const ours = operationShapes(document, paths)
      const theirs = operationShapes(officialDocument, paths).filter((shape) => !skipped(shape))
      const comparable = (shapes: typeof ours) => shapes.map((shape) => partial(shape) ? { ...shape, formProperties: undefined } : shape)
      expect(comparable(ours)).toEqual(comparable(theirs))
      for (const shape of ours.filter(partial)) {
        const official = theirs.find((other) => other.path === shape.path && other.method === shape.method)
        expect(official?.formProperties).toEqual(expect.arrayContaining([...(shape.formProperties ?? [])]))
      }
    })

    test("each operation answers its success status (one of the official document's) and exactly its declared errors", () => {
      const { operations } = resource.declaration
      const operationsOf = [
        [collection, "post", operations.create, 201, [400, 413]],
        [collection, "get", operations.list, 200, [400]],
        [instance, "get", operations.fetch, 200, []],
        [instance, "delete", operations.delete, 204, []]
      ] as const
      for (const [path, method, operation, success, always] of operationsOf) {
        const responses = document.paths[path][method].responses
        expect(Object.keys(officialDocument.paths[path][method].responses), `${method} ${path}`).toContain(String(success))
        const statuses = new Set<number>([success, 401, ...always, ...operation.errors.map((answer) => errorTable[answer.codes[0]].status)])
        expect(Object.keys(responses), `${method} ${path}`).toEqual([...statuses].sort((a, b) => a - b).map(String))
        for (const answer of operation.errors) {
          for (const code of answer.codes) expect(responses[String(errorTable[code].status)].description, `${method} ${path} ${code}`).toContain(String(code))
        }
        expect(document.paths[path][method].summary).toBe(operation.summary)
        const described = Object.fromEntries(document.paths[path][method].parameters.map((p: Json) => [p.name, p.description]))
        expect(described).toEqual({ ...operation.parameters, ...(method === "get" && path === collection ? listQueryDescriptions : {}) })
      }
    })
  })
})
