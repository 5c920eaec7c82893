import { type Schema, SchemaAST } from "effect"
import { SchemaCompiler } from "effect/schema"
import { FormBody } from "../resource/form.js"
import { type Compiled, compileAst, compileGuard, compileRefused } from "./compile/compile.js"
import { withCompiledPaths } from "./compiledPaths.js"
import { codecFailure, type DirectFailure, structFailure } from "./directFailure.js"
import type { RefusedWireProperties } from "./refusedWireProperties.js"

/** The refused wire properties of a codec whose wire side is a plain struct (see compileRefused). */
const refusedOf = (ast: SchemaAST.AST): RefusedWireProperties | undefined => {
  const wire = ast.encoding?.length === 1 ? ast.encoding[0]?.to : undefined
  return wire === undefined ? undefined : compileRefused(wire)
}

/**
 * The direct failure of a schema: for a codec over a wire struct, that struct's (its refused properties first);
 * for a plain struct, its own; nothing for other shapes.
 */
const failureOf = (ast: SchemaAST.AST, refused: RefusedWireProperties | undefined): DirectFailure | undefined => {
  if (refused !== undefined) return codecFailure(ast, refused)
  return ast.encoding === undefined && SchemaAST.isObjects(ast) ? structFailure(ast) : undefined
}

/**
 * A form codec as `resource/form.ts` builds it: a request struct (a codec over its wire struct, the declared
 * parameters under their form names) decoded from a `FormBody`. Returns the request's AST (the form's own without
 * the form link) and the form names, in declaration order, or `undefined` for any other schema.
 */
const formOf = (ast: SchemaAST.AST): { readonly request: SchemaAST.AST; readonly names: ReadonlyArray<string> } | undefined => {
  const links = ast.encoding
  if (links?.length !== 2 || links[1]?.to !== FormBody.ast) return undefined
  const wire = links[0]?.to
  if (wire === undefined || !SchemaAST.isObjects(wire)) return undefined
  const names = wire.propertySignatures.map((p) => p.name)
  if (!names.every((name): name is string => typeof name === "string")) return undefined
  // The same node with only the request's own link: compiled, never registered.
  const request = Object.assign(Object.create(Object.getPrototypeOf(ast) as object) as SchemaAST.AST, ast, { encoding: [links[0]] })
  return { request, names }
}

/**
 * The request's wire struct read from a form body: each declared parameter given exactly once and not empty, as
 * the form's transformation hands it to the request; `undefined` for any other body. Absent, repeated and empty
 * parameters are worded by the transformation itself, so those bodies go to the interpreter (declining is safe).
 */
const formFields = (names: ReadonlyArray<string>) => (input: unknown): Record<string, string> | undefined => {
  const params = typeof input === "string" ? new URLSearchParams(input) : input instanceof URLSearchParams ? input : undefined
  if (params === undefined) return undefined
  const out: Record<string, string> = {}
  for (const name of names) {
    const values = params.getAll(name)
    const value = values[0]
    if (values.length !== 1 || value === undefined || value === "") return undefined
    out[name] = value
  }
  return out
}

/** The success path and direct failure of a form codec, derived from its request struct. */
const installForm = <S extends Schema.Top>(codec: S, form: NonNullable<ReturnType<typeof formOf>>, derivedFrom: Schema.Top | undefined): S => {
  const request = compileAst(form.request, "decode")
  const fields = formFields(form.names)
  const requestFailure = codecFailure(form.request)
  const decode: Compiled | undefined = request === undefined ? undefined : (input) => {
    const wire = fields(input)
    return wire === undefined ? SchemaCompiler.invalid : request(wire)
  }
  const failure: DirectFailure = (input) => {
    const wire = fields(input)
    return wire === undefined ? undefined : requestFailure(wire)
  }
  return withCompiledPaths(codec, { ...(decode === undefined ? {} : { decode }), failure, ...(derivedFrom === undefined ? {} : { derivedFrom }) })
}

/**
 * Installs the fast paths compiled from `schema`'s AST (internal/compile): decode, encode, the guard of the encoded
 * side, and the direct failure path (for a codec over a wire struct, with its refused properties; for a plain
 * struct, its own), each where the compiler supports the shape (Effect's interpreter answers everything else). A form
 * codec (resource/form.ts) gets its success path and direct failure from its request struct. A schema derived from
 * the returned one by `rebuild` (`.annotate(...)`, `.annotateKey(...)`, `.check(...)`) gets its own compiled paths,
 * from its own AST, on creation; no other schema is touched. Returns `schema`.
 */
export const installFastPaths = <S extends Schema.Top>(schema: S): S => install(schema, undefined)

const install = <S extends Schema.Top>(schema: S, derivedFrom: Schema.Top | undefined): S => {
  const ast = schema.ast
  const rebuild = schema.rebuild
  // An own property, so that only this schema and what is derived from it take the hook.
  Object.defineProperty(schema, "rebuild", {
    configurable: true,
    writable: true,
    value(this: S, next: SchemaAST.AST) {
      return install(rebuild.call(this, next) as Schema.Top, derivedFrom ?? schema)
    }
  })
  const form = formOf(ast)
  if (form !== undefined) return installForm(schema, form, derivedFrom)
  const decode = compileAst(ast, "decode")
  const encode = compileAst(ast, "encode")
  const isEncoded = compileGuard(SchemaAST.toEncoded(ast))
  const refused = refusedOf(ast)
  const failure = failureOf(ast, refused)
  return withCompiledPaths(schema, {
    ...(decode === undefined ? {} : { decode }),
    ...(encode === undefined ? {} : { encode }),
    ...(isEncoded === undefined ? {} : { isEncoded }),
    ...(refused === undefined ? {} : { refused }),
    ...(failure === undefined ? {} : { failure }),
    ...(derivedFrom === undefined ? {} : { derivedFrom })
  })
}
