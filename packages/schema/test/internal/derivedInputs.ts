// Inputs for any installed schema, derived from the schema itself rather than listed per schema, so that a new
// declaration is covered by the agreement test without editing it: valid wire values generated from the JSON
// Schema of the encoded side (effect's own JSON Schema derivation; a form from its request struct's), near misses
// made by breaking one leaf of a valid value, wherever it sits.
import fc from "fast-check"
import { Schema, SchemaAST } from "effect"
import { FormBody } from "../../src/resource/form.js"
import { canonicalUrl, twilioDate } from "../support/arbitraries.js"

type Json = Readonly<Record<string, unknown>>

/** A fast-check arbitrary of the values `node` describes (the subset of JSON Schema effect emits for our schemas). */
const fromJsonSchema = (node: Json, defs: Json): fc.Arbitrary<unknown> => {
  const ref = node["$ref"]
  if (typeof ref === "string") return fromJsonSchema(defs[ref.replace("#/$defs/", "")] as Json, defs)
  const anyOf = node["anyOf"] as ReadonlyArray<Json> | undefined
  if (anyOf !== undefined) return fc.oneof(...anyOf.map((n) => fromJsonSchema(n, defs)))
  // `allOf` refines its own `type`: the refinements carry the constraints.
  const allOf = node["allOf"] as ReadonlyArray<Json> | undefined
  const constraints: Json = Object.assign({}, node, ...(allOf ?? []))
  const enumeration = constraints["enum"] as ReadonlyArray<unknown> | undefined
  if (enumeration !== undefined) return fc.constantFrom(...enumeration)
  switch (constraints["type"]) {
    case "null":
      return fc.constant(null)
    case "boolean":
      return fc.boolean()
    case "integer":
      return fc.integer({ min: -1000, max: 1000 })
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true })
    case "string": {
      const pattern = constraints["pattern"]
      if (typeof pattern === "string") return fc.stringMatching(new RegExp(pattern))
      if (constraints["format"] === "date-time") return twilioDate
      if (constraints["format"] === "uri") return canonicalUrl
      const minLength = typeof constraints["minLength"] === "number" ? constraints["minLength"] : 0
      return fc.string({ minLength, maxLength: Math.max(minLength, 12) })
    }
    case "array":
      return fc.array(fromJsonSchema((constraints["items"] ?? {}) as Json, defs), { maxLength: 4 })
    case "object": {
      const properties = (constraints["properties"] ?? {}) as Readonly<Record<string, Json>>
      const required = (constraints["required"] ?? []) as ReadonlyArray<string>
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [name, property] of Object.entries(properties)) record[name] = fromJsonSchema(property, defs)
      return fc.record(record, { requiredKeys: required as Array<string> })
    }
    default:
      return fc.anything({ maxDepth: 1 })
  }
}

/** The wire values of a plain (transformation-free) schema node, from its JSON Schema. */
const wireValues = (ast: SchemaAST.AST): fc.Arbitrary<unknown> => {
  const document = Schema.toJsonSchemaDocument(Schema.make(SchemaAST.toEncoded(ast)))
  return fromJsonSchema(document.schema as Json, document.definitions as Json)
}

/** The request struct of a form codec (resource/form.ts), where `ast` is one. */
const formRequest = (ast: SchemaAST.AST): SchemaAST.AST | undefined =>
  ast.encoding?.length === 2 && ast.encoding[1]?.to === FormBody.ast ? ast.encoding[0]?.to : undefined

// A form body as servers get it: text or parsed, with or without parameters nobody declared.
const asForm = (fields: fc.Arbitrary<unknown>) =>
  fc.tuple(fields, fc.constantFrom("text", "params", "extra")).map(([f, how]) => {
    const params = new URLSearchParams(f as Record<string, string>)
    if (how === "params") return params
    return how === "text" ? params.toString() : `Other=1&${params.toString()}&FriendlyName2=x`
  })

/** Ways to break one string so that a schema is likely to refuse it (or only just accept it). */
const breakString = (text: string): ReadonlyArray<unknown> => [
  "",
  text.slice(0, -1),
  `${text}a`,
  `${text}!`,
  ` ${text}`,
  text.toUpperCase(),
  text.toLowerCase(),
  text.slice(1),
  `${text.slice(0, 2)}\u00e9${text.slice(3)}`,
  text.replace(/:/, ""),
  text.replace(/\.\d+/, "")
]

const breakValue = (value: unknown): ReadonlyArray<unknown> =>
  typeof value === "string"
    ? [...breakString(value), null, 1]
    : typeof value === "number"
    ? [value + 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, String(value), null]
    : typeof value === "boolean"
    ? ["true", 0, null]
    : value === null
    ? ["", 0, false, {}]
    : Array.isArray(value)
    ? [{}, "", [null], [1], [...value, 1]]
    : [[], "", null]

/** Every path to a value inside `value` (itself included), objects and arrays entered. */
const pathsOf = (value: unknown, path: ReadonlyArray<PropertyKey> = []): Array<ReadonlyArray<PropertyKey>> => {
  const out: Array<ReadonlyArray<PropertyKey>> = [path]
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...pathsOf(item, [...path, i])))
  else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]))
  return out
}

const replaceAt = (value: unknown, path: ReadonlyArray<PropertyKey>, next: (old: unknown) => unknown): unknown => {
  const [head, ...rest] = path
  if (head === undefined) return next(value)
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaceAt(item, rest, next) : item))
  const record = value as Record<PropertyKey, unknown>
  return { ...record, [head]: replaceAt(record[head], rest, next) }
}

/** A valid value with one value somewhere inside it broken, or one key removed. */
const nearMissOf = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  valid.chain((value) => {
    const paths = pathsOf(value).filter((p) => p.length > 0)
    if (paths.length === 0) return fc.constant(value)
    return fc.tuple(fc.constantFrom(...paths), fc.nat(), fc.boolean()).map(([path, pick, remove]) => {
      if (remove && typeof path[path.length - 1] === "string") {
        return replaceAt(value, path.slice(0, -1), (parent) => {
          const { [path[path.length - 1] as string]: _, ...rest } = parent as Record<string, unknown>
          return rest
        })
      }
      return replaceAt(value, path, (old) => {
        const options = breakValue(old)
        return options[pick % options.length]
      })
    })
  })

/** Inputs for one installed schema: valid encoded inputs (checked against `accepts`), and near misses of them. */
export interface Inputs {
  readonly valid: fc.Arbitrary<unknown>
  readonly nearMiss: fc.Arbitrary<unknown>
  /** The wire property names (of the encoded struct, or of a form's request): where hostile values go. */
  readonly keys: ReadonlyArray<string>
}

const propertyNames = (ast: SchemaAST.AST): ReadonlyArray<string> =>
  SchemaAST.isObjects(ast) ? ast.propertySignatures.flatMap((p) => (typeof p.name === "string" ? [p.name] : [])) : []

/**
 * The inputs of `schema`, derived from its AST: `accepts` is the oracle's verdict, so that the valid inputs are
 * valid by the interpreter's word (a generated value the JSON Schema allows but a check refuses is dropped).
 */
export const derivedInputs = (schema: Schema.Top, accepts: (input: unknown) => boolean): Inputs => {
  const request = formRequest(schema.ast)
  if (request !== undefined) {
    const fields = wireValues(request).filter((f) => typeof f === "object" && f !== null)
    const brokenFields = nearMissOf(fields).filter((f) => typeof f === "object" && f !== null)
      .map((f) => Object.fromEntries(Object.entries(f as object).map(([k, v]) => [k, String(v)])))
    return {
      valid: asForm(fields).filter(accepts),
      nearMiss: fc.oneof(
        asForm(brokenFields),
        // A parameter given twice, or not at all, or the body not a form.
        fields.map((f) => Object.entries(f as object).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}&${k}=${encodeURIComponent(String(v))}`).join("&")),
        fc.constantFrom<unknown>("", "%", "=", "&&", new URLSearchParams())
      ),
      keys: propertyNames(request)
    }
  }
  const valid = wireValues(schema.ast).filter(accepts)
  return { valid, nearMiss: nearMissOf(valid), keys: propertyNames(SchemaAST.toEncoded(schema.ast)) }
}
