import { Option, SchemaAST } from "effect"
import { SchemaCompiler } from "effect/schema"
import { ruleOfCheck } from "../rule.js"
import { fastChecksOf, fastLeafOf, fastTypeOf } from "./fastLeaf.js"

// The one compiler of the package's fast paths: from a schema's AST, composed closures that answer a valid input
// with exactly the output of Effect's interpreter, and `invalid` for everything else (the interpreter then decides
// and reports). Composed closures for every node, and for a struct's properties a generated pass (`new Function`)
// that reads each property under its literal name and judges it inline where its path has an expression (leaves,
// `NullOr`, declared leaf codecs, `nullableField`): that measured about 1.6x faster on a ShortCode than the closures,
// which remain the path where code generation is blocked (a CSP without `unsafe-eval`).
//
// Node kinds: String, Number, Boolean, Null, Literal with checks (filters; a rule's predicate is read from the rule
// table, any other filter is run as the interpreter runs it); `Schema.Array(item)`; `NullOr(member)` and unions of
// literals; plain structs of string keys; a node with one transformation whose getters are synchronous
// (Passthrough, Transform, TransformOptional); leaf codecs that declared their own fast paths (fastLeaf.ts); and
// `Struct(...).pipe(encodeKeys(...))`, fused into one pass. Anything else compiles to `undefined`: no fast path.

const invalid = SchemaCompiler.invalid
const missing = SchemaCompiler.missing

/**
 * A compiled path: the output for an input the schema accepts, `invalid` otherwise. `missing` stands for an absent
 * property and is propagated (as `missing`, or as what a transformation makes of it).
 */
export type Compiled = (input: unknown) => unknown

/**
 * Which way a codec is run: wire -> domain, domain -> wire, or only whether a value without transformations is
 * accepted (`is`: the same tests as decoding it, with no output built; the input comes back).
 */
export type Direction = "decode" | "encode" | "is"

const DEFAULTS: SchemaAST.ParseOptions = {}

const isRecord = (input: unknown): input is Readonly<Record<string, unknown>> =>
  typeof input === "object" && input !== null && !Array.isArray(input)

/** The checks of a node as one predicate, or `undefined` where one of them is not a plain filter. */
const checksOf = (ast: SchemaAST.AST): ((value: unknown) => boolean) | null | undefined => {
  const checks = ast.checks
  if (checks === undefined) return null
  const declared = fastChecksOf(checks)
  if (declared !== undefined) return declared
  const tests: Array<(value: unknown) => boolean> = []
  for (const check of checks) {
    if (check._tag !== "Filter") return undefined
    const rule = ruleOfCheck(check as SchemaAST.Check<unknown>)
    if (rule !== undefined) tests.push(rule.predicate as (value: unknown) => boolean)
    else {
      const filter = check as SchemaAST.Filter<unknown>
      tests.push((value) => filter.run(value, ast, DEFAULTS) === undefined)
    }
  }
  if (tests.length === 1) return tests[0]
  return (value) => {
    for (let i = 0; i < tests.length; i++) if (!(tests[i] as (value: unknown) => boolean)(value)) return false
    return true
  }
}

/**
 * The same path as an expression for generated code (generatedPass), where it has one: `code(value, bind)` is an
 * expression of the variable named `value` (read once already, so it may be named several times) that evaluates to
 * what the path returns for it; `bind` names a value the expression needs (a predicate, another path).
 */
type Inline = (value: string, bind: (binding: unknown) => string) => string

const inlines = new WeakMap<Compiled, Inline>()

const withInline = (path: Compiled, inline: Inline): Compiled => {
  inlines.set(path, inline)
  return path
}

/** A leaf of a primitive type with its checks; `missing` passes through. `test` is the type test as code. */
const leaf = (ast: SchemaAST.AST, type: (input: unknown) => boolean, test: (value: string, bind: (binding: unknown) => string) => string): Compiled | undefined => {
  const checks = checksOf(ast)
  if (checks === undefined) return undefined
  if (checks === null) {
    return withInline((input) => (input === missing || type(input) ? input : invalid), (v, bind) => `(${v} === M || ${test(v, bind)} ? ${v} : I)`)
  }
  return withInline(
    (input) => (input === missing ? input : type(input) && checks(input) ? input : invalid),
    (v, bind) => `(${v} === M ? ${v} : ${test(v, bind)} && ${bind(checks)}(${v}) ? ${v} : I)`
  )
}

// The node kinds whose encoded values can never be `null`, so that `NullOr(member)` can answer `null` by itself.
const neverNull = (ast: SchemaAST.AST): boolean => {
  const declared = SchemaAST.isDeclaration(ast) && ast.encoding === undefined ? fastTypeOf(ast) : undefined
  if (declared !== undefined) return declared(null) === invalid
  const encoded = SchemaAST.toEncoded(ast)
  return SchemaAST.isString(encoded) || SchemaAST.isNumber(encoded) || SchemaAST.isBoolean(encoded) ||
    SchemaAST.isArrays(encoded) || SchemaAST.isObjects(encoded) || (SchemaAST.isLiteral(encoded) && encoded.literal !== null)
}

const union = (ast: SchemaAST.Union, direction: Direction): Compiled | undefined => {
  if (ast.checks !== undefined || (ast.options?.mode ?? "anyOf") !== "anyOf") return undefined
  if (ast.types.every((t) => SchemaAST.isLiteral(t) && t.checks === undefined && t.encoding === undefined)) {
    const literals = new Set(ast.types.map((t) => (t as SchemaAST.Literal).literal as unknown))
    return (input) => (input === missing || literals.has(input) ? input : invalid)
  }
  const members = ast.types.filter((t) => !(SchemaAST.isNull(t) && t.checks === undefined && t.encoding === undefined))
  const [member] = members
  if (ast.types.length !== 2 || members.length !== 1 || member === undefined || !neverNull(member)) return undefined
  const path = compileAst(member, direction)
  if (path === undefined) return undefined
  const inline = inlines.get(path)
  const nullOr: Compiled = (input) => (input === null ? null : path(input))
  return inline === undefined ? nullOr : withInline(nullOr, (v, bind) => `(${v} === null ? null : ${inline(v, bind)})`)
}

const arrays = (ast: SchemaAST.Arrays, direction: Direction): Compiled | undefined => {
  const [item, ...more] = ast.rest
  if (ast.elements.length > 0 || item === undefined || more.length > 0) return undefined
  const checks = checksOf(ast)
  const path = compileAst(item, direction)
  if (checks === undefined || path === undefined) return undefined
  if (direction === "is") {
    return (input) => {
      if (input === missing) return input
      if (!Array.isArray(input)) return invalid
      for (let i = 0; i < input.length; i++) if (path(input[i]) === invalid) return invalid
      return checks === null || checks(input) ? input : invalid
    }
  }
  return (input) => {
    if (input === missing) return input
    if (!Array.isArray(input)) return invalid
    const out = new Array<unknown>(input.length)
    for (let i = 0; i < input.length; i++) {
      const value = path(input[i])
      if (value === invalid) return invalid
      out[i] = value
    }
    return checks === null || checks(out) ? out : invalid
  }
}

interface Field {
  readonly from: string
  readonly to: string
  /** Whether the input may lack the property (its input side is optional). */
  readonly fromOptional: boolean
  /** Whether the output may lack it (its output side is optional). */
  readonly toOptional: boolean
  readonly path: Compiled
}

/** A property of `type` read from `from` and written to `to`, its optionality read from each side. */
const field = (from: string, to: string, type: SchemaAST.AST, path: Compiled, direction: Direction): Field => {
  const encoded = SchemaAST.isOptional(SchemaAST.toEncoded(type))
  const domain = SchemaAST.isOptional(type)
  return direction !== "encode"
    ? { from, to, fromOptional: encoded, toOptional: domain, path }
    : { from, to, fromOptional: domain, toOptional: encoded, path }
}

/**
 * One pass over a struct: each property read by its input name (`in`, so an inherited property is read as the
 * interpreter reads it), compiled, and written under its output name in property order; an absent optional property
 * is left out, an absent required one is refused.
 */
const fieldsPass = (fields: ReadonlyArray<Field>, checks: ((value: unknown) => boolean) | null, build = true): Compiled =>
  generatedPass(fields, checks, build) ?? composedPass(fields, checks, build)

// Whether `new Function` works here (a Content Security Policy without `unsafe-eval` blocks it).
let canGenerate: boolean | undefined

/** Turns code generation off (or back on): the tests run the composed closures this way, as a CSP would. */
export const setCodeGeneration = (enabled: boolean): void => {
  canGenerate = enabled ? undefined : false
}

const generating = (): boolean => {
  if (canGenerate === undefined) {
    try {
      canGenerate = new Function("return true")() === true
    } catch {
      canGenerate = false
    }
  }
  return canGenerate
}

/**
 * The same pass written out as code: every property read and written under its literal name, so that each access
 * stays monomorphic and the output is one object literal (measured about 3x faster than the loop below on a
 * ShortCode). Names are embedded with `JSON.stringify`, never as code.
 */
const generatedPass = (fields: ReadonlyArray<Field>, checks: ((value: unknown) => boolean) | null, build: boolean): Compiled | undefined => {
  if (!generating()) return undefined
  const bindings: Array<unknown> = []
  const bind = (binding: unknown): string => {
    const index = bindings.indexOf(binding)
    return `b[${index >= 0 ? index : bindings.push(binding) - 1}]`
  }
  const lines = ["return function (input) {", "if (input === M) return input", "if (typeof input !== \"object\" || input === null || Array.isArray(input)) return I"]
  fields.forEach((f, i) => {
    const key = JSON.stringify(f.from)
    const inline = inlines.get(f.path)
    // Each property is read once (a getter runs once, as in the interpreter), then judged inline where its path
    // has an expression, through the path otherwise.
    lines.push(`const r${i} = ${key} in input ? input[${key}] : ${f.fromOptional ? "M" : "I"}`, `if (r${i} === I) return I`)
    lines.push(`const v${i} = ${inline === undefined ? `${bind(f.path)}(r${i})` : inline(`r${i}`, bind)}`)
    lines.push(`if (v${i} === I${f.toOptional ? "" : ` || v${i} === M`}) return I`)
  })
  const make = (): Compiled => new Function("b", "M", "I", "C", lines.join("\n"))(bindings, missing, invalid, checks) as Compiled
  if (!build) {
    lines.push("return C === null || C(input) ? input : I", "}")
    return make()
  }
  const always = fields.filter((f) => !f.toOptional)
  lines.push(`const out = { ${fields.map((f, i) => (f.toOptional ? "" : `${JSON.stringify(f.to)}: v${i}`)).filter((x) => x !== "").join(", ")} }`)
  if (always.length !== fields.length) {
    // Optional outputs keep property order only when every property is written in order, so then none is literal.
    if (always.length > 0 && fields.some((f, i) => f.toOptional && fields.slice(i).some((g) => !g.toOptional))) return undefined
    fields.forEach((f, i) => {
      if (f.toOptional) lines.push(`if (v${i} !== M) out[${JSON.stringify(f.to)}] = v${i}`)
    })
  }
  lines.push("return C === null || C(out) ? out : I", "}")
  return make()
}

const composedPass = (fields: ReadonlyArray<Field>, checks: ((value: unknown) => boolean) | null, build: boolean): Compiled => {
  const count = fields.length
  return (input) => {
    if (input === missing) return input
    if (!isRecord(input)) return invalid
    const out: Record<string, unknown> = {}
    for (let i = 0; i < count; i++) {
      const f = fields[i] as Field
      let value: unknown
      if (f.from in input) value = f.path(input[f.from])
      else if (f.fromOptional) value = f.path(missing)
      else return invalid
      if (value === invalid) return invalid
      if (value === missing) {
        if (f.toOptional) continue
        return invalid
      }
      if (build) out[f.to] = value
    }
    const result = build ? out : input
    return checks === null || checks(result) ? result : invalid
  }
}

const plainFields = (ast: SchemaAST.Objects, direction: Direction): Array<Field> | undefined => {
  if (ast.indexSignatures.length > 0) return undefined
  const fields: Array<Field> = []
  for (const property of ast.propertySignatures) {
    if (typeof property.name !== "string" || property.name === "__proto__") return undefined
    const path = compileAst(property.type, direction)
    if (path === undefined) return undefined
    fields.push(field(property.name, property.name, property.type, path, direction))
  }
  return fields
}

const objects = (ast: SchemaAST.Objects, direction: Direction): Compiled | undefined => {
  // A struct without properties: the interpreter reads nothing and answers the input itself, whatever it holds.
  if (ast.propertySignatures.length === 0) return undefined
  const checks = checksOf(ast)
  const fields = plainFields(ast, direction)
  return checks === undefined || fields === undefined ? undefined : fieldsPass(fields, checks, direction !== "is")
}

/** A getter as a function of a present value or `missing`, or `undefined` where it is not synchronous. */
const getterOf = (getter: unknown): Compiled | undefined => {
  const g = getter as { readonly _tag: string; readonly transform?: (input: never) => unknown }
  switch (g._tag) {
    case "Passthrough":
      return (input) => input
    case "Transform": {
      const transform = g.transform as (input: unknown) => unknown
      return (input) => (input === missing ? input : transform(input))
    }
    case "TransformOptional": {
      const transform = g.transform as (input: Option.Option<unknown>) => Option.Option<unknown>
      // Getters are pure (the registry replays them), so what absence becomes is computed once, and a getter that
      // hands a present value back unchanged is skipped.
      const absent = transform(Option.none())
      const absentValue = Option.isSome(absent) ? absent.value : missing
      const probe = {}
      const present = transform(Option.some(probe))
      const identity = Option.isSome(present) && present.value === probe
      return identity
        ? (input) => (input === missing ? absentValue : input)
        : (input) => {
          if (input === missing) return absentValue
          const out = transform(Option.some(input))
          return Option.isSome(out) ? out.value : missing
        }
    }
    default:
      return undefined
  }
}

/** Whether a getter hands every present value back unchanged (Passthrough, or a TransformOptional that does). */
const keepsPresentValues = (getter: unknown): boolean => {
  const g = getter as { readonly _tag: string; readonly transform?: (input: Option.Option<unknown>) => Option.Option<unknown> }
  if (g._tag === "Passthrough") return true
  if (g._tag !== "TransformOptional" || g.transform === undefined) return false
  const probe = {}
  const present = g.transform(Option.some(probe))
  return Option.isSome(present) && present.value === probe
}

/**
 * Whether `ast`, its transformation aside, is the domain side of `encoded` member by member (`NullOr(toType(codec))`
 * over `NullOr(codec)`, as `nullableField` builds it): a value `encoded` decodes is then of `ast`'s type already,
 * and a value `encoded` encodes has been checked against it already, so `ast`'s own pass is left out.
 */
const isTypeSideOf = (ast: SchemaAST.AST, encoded: SchemaAST.AST): boolean =>
  SchemaAST.isUnion(ast) && SchemaAST.isUnion(encoded) && ast.checks === undefined && encoded.checks === undefined &&
  (ast.options?.mode ?? "anyOf") === (encoded.options?.mode ?? "anyOf") && ast.types.length === encoded.types.length &&
  ast.types.every((type, i) => type === SchemaAST.toType(encoded.types[i] as SchemaAST.AST))

const then = (first: Compiled, second: Compiled): Compiled => (input) => {
  const value = first(input)
  return value === invalid ? invalid : second(value)
}

/**
 * `Struct(fields).pipe(encodeKeys(mapping))`: the wire struct's property `i` is exactly the encoded side of the
 * domain property `i` (the same node), and the link's getter renames the one into the other, which running it once
 * on a probe object shows. Then each property's own codec decodes (or encodes) it from its wire name in one pass,
 * and the wire struct's own pass, which would only check the same values again, is left out.
 */
const renamedStruct = (ast: SchemaAST.Objects, link: SchemaAST.Link, direction: Direction): Compiled | undefined => {
  const wire = link.to
  if (!SchemaAST.isObjects(wire) || wire.encoding !== undefined || wire.checks !== undefined || wire.indexSignatures.length > 0) return undefined
  if (ast.checks !== undefined || ast.indexSignatures.length > 0) return undefined
  const domain = ast.propertySignatures
  if (domain.length !== wire.propertySignatures.length) return undefined
  const rename = getterOf(direction === "decode" ? link.transformation.decode : link.transformation.encode)
  if (rename === undefined) return undefined
  const probe: Record<string, number> = {}
  const fields: Array<Field> = []
  for (let i = 0; i < domain.length; i++) {
    const d = domain[i] as SchemaAST.PropertySignature, w = wire.propertySignatures[i] as SchemaAST.PropertySignature
    if (typeof d.name !== "string" || typeof w.name !== "string" || d.name === "__proto__" || w.name === "__proto__") return undefined
    if (SchemaAST.toEncoded(d.type) !== w.type) return undefined
    const path = compileAst(d.type, direction)
    if (path === undefined) return undefined
    const [from, to] = direction === "decode" ? [w.name, d.name] : [d.name, w.name]
    probe[from] = i
    fields.push(field(from, to, d.type, path, direction))
  }
  const renamed = rename(probe) as Record<string, unknown>
  if (!isRecord(renamed) || Object.keys(renamed).length !== fields.length) return undefined
  if (!fields.every((field, i) => renamed[field.to] === i)) return undefined
  return fieldsPass(fields, null)
}

/** A node with one transformation: its encoded side, the getter, its own (domain) side, in the direction's order. */
const transformed = (ast: SchemaAST.AST, direction: Direction): Compiled | undefined => {
  if (direction === "is") return undefined
  const declared = fastLeafOf(ast)
  if (declared !== undefined) {
    const path = direction === "decode" ? declared.decode : declared.encode
    return withInline((input) => (input === missing ? input : path(input)), (v, bind) => `(${v} === M ? ${v} : ${bind(path)}(${v}))`)
  }
  const links = ast.encoding as SchemaAST.Encoding
  if (links.length !== 1) return undefined
  const link = links[0] as SchemaAST.Link
  if (SchemaAST.isObjects(ast)) {
    const fused = renamedStruct(ast, link, direction)
    if (fused !== undefined) return fused
  }
  const encoded = compileAst(link.to, direction)
  const getter = getterOf(direction === "decode" ? link.transformation.decode : link.transformation.encode)
  const local = compileNode(ast, direction)
  if (encoded === undefined || getter === undefined || local === undefined) return undefined
  const whole = direction === "decode" ? then(then(encoded, getter), local) : then(then(local, getter), encoded)
  const kept = keepsPresentValues(direction === "decode" ? link.transformation.decode : link.transformation.encode)
  // Only an absent value still takes every step (what absence becomes is the getter's).
  if (!(kept && isTypeSideOf(ast, link.to))) return whole
  const skipped: Compiled = (input) => (input === missing ? whole(input) : encoded(input))
  const inline = inlines.get(encoded)
  return inline === undefined ? skipped : withInline(skipped, (v, bind) => `(${v} === M ? ${bind(whole)}(M) : ${inline(v, bind)})`)
}

/** The node's own type and checks, its transformation (if any) aside. */
const compileNode = (ast: SchemaAST.AST, direction: Direction): Compiled | undefined => {
  if ("encodingChecks" in ast && ast.encodingChecks !== undefined) return undefined
  switch (ast._tag) {
    case "String":
      return leaf(ast, (input) => typeof input === "string", (v) => `typeof ${v} === "string"`)
    case "Number":
      return leaf(ast, (input) => typeof input === "number", (v) => `typeof ${v} === "number"`)
    case "Boolean":
      return leaf(ast, (input) => typeof input === "boolean", (v) => `typeof ${v} === "boolean"`)
    case "Null":
      return leaf(ast, (input) => input === null, (v) => `${v} === null`)
    case "Literal": {
      const literal = ast.literal
      return leaf(ast, (input) => input === literal, (v, bind) => `${v} === ${bind(literal)}`)
    }
    case "Union":
      return union(ast, direction)
    case "Arrays":
      return arrays(ast, direction)
    case "Objects":
      return objects(ast, direction)
    case "Declaration": {
      const is = fastTypeOf(ast)
      return is === undefined ? undefined : (input) => (input === missing ? input : is(input))
    }
    default:
      return undefined
  }
}

/**
 * The compiled path of `ast` in `direction`, or `undefined` where some node is not one of the kinds above. The
 * result may throw where reading the input throws (a getter, a Proxy): callers decline then (compiledPaths.ts).
 */
export const compileAst = (ast: SchemaAST.AST, direction: Direction): Compiled | undefined =>
  ast.encoding === undefined ? compileNode(ast, direction) : transformed(ast, direction)

/**
 * The type test of a node without transformations (the encoded side of a codec): whether the interpreter accepts
 * `input` under the default options, without building any output.
 */
export const compileGuard = (ast: SchemaAST.AST): ((input: unknown) => boolean) | undefined => {
  const path = compileAst(ast, "is")
  return path === undefined ? undefined : (input) => path(input) !== invalid
}

/**
 * The refused properties of a plain struct (the wire side of a codec): the names of the present properties whose
 * values its property schemas refuse, in property order; `undefined` where a property does not compile. Generated
 * like the struct passes, each property read under its literal name.
 */
export const compileRefused = (ast: SchemaAST.AST): ((input: Readonly<Record<string, unknown>>) => ReadonlyArray<string>) | undefined => {
  if (!SchemaAST.isObjects(ast) || ast.encoding !== undefined || ast.indexSignatures.length > 0) return undefined
  const names: Array<string> = []
  const guards: Array<Compiled> = []
  for (const property of ast.propertySignatures) {
    const guard = compileAst(property.type, "is")
    if (typeof property.name !== "string" || property.name === "__proto__" || guard === undefined) return undefined
    names.push(property.name)
    guards.push(guard)
  }
  if (generating()) {
    const lines = ["return function (input) {", "const refused = []"]
    names.forEach((name, i) => {
      const key = JSON.stringify(name)
      lines.push(`if (${key} in input && g[${i}](input[${key}]) === I) refused.push(${key})`)
    })
    lines.push("return refused", "}")
    return new Function("g", "I", lines.join("\n"))(guards, invalid) as (input: Readonly<Record<string, unknown>>) => ReadonlyArray<string>
  }
  return (input) => {
    const refused: Array<string> = []
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string
      if (name in input && (guards[i] as Compiled)(input[name]) === invalid) refused.push(name)
    }
    return refused
  }
}
