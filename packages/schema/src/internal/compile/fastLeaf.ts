import { SchemaAST } from "effect"

// A leaf module (it imports only effect): the leaf codecs (DateTime.ts, Uri.ts) declare their fast paths with it,
// and the compiler (compile.ts) reads them back, so neither imports the other.

/**
 * The synchronous fast paths of one leaf codec, declared once on it: `decode` from the wire value, `encode` from
 * the domain value, and `is` for the domain side alone (the type a codec's `toType` checks). Each returns its output
 * (for `is`, the value itself) when the codec accepts the input, exactly as Effect's interpreter does, and `invalid`
 * otherwise. They see present values only, never the `missing` sentinel.
 */
export interface FastLeaf {
  readonly decode: (input: unknown) => unknown
  readonly encode: (input: unknown) => unknown
  readonly is: (input: unknown) => unknown
}

interface Declared {
  readonly leaf: FastLeaf
  readonly checks: SchemaAST.Checks | undefined
  readonly encodedChecks: SchemaAST.Checks | undefined
}

// By the codec's transformation: a copy of the codec that only changes its context (`Schema.optionalKey(codec)`)
// keeps it, and the checks of both sides prove that nothing else changed.
const byTransformation = new WeakMap<object, Declared>()
// The domain side (`SchemaAST.toType(codec.ast)`, or a copy of it with another context), by its declaration's
// parser and its checks.
const byType = new WeakMap<object, { readonly checks: SchemaAST.Checks | undefined; readonly is: FastLeaf["is"] }>()

const onlyLink = (ast: SchemaAST.AST): SchemaAST.Link | undefined => (ast.encoding?.length === 1 ? ast.encoding[0] : undefined)

/** Declares `leaf` as the fast paths of `codec` (a schema with one transformation); returns `codec`. */
export const declareFastLeaf = <S extends { readonly ast: SchemaAST.AST }>(codec: S, leaf: FastLeaf): S => {
  const link = onlyLink(codec.ast)
  const type = SchemaAST.toType(codec.ast)
  if (link === undefined || !SchemaAST.isDeclaration(type)) throw new Error("declareFastLeaf: the codec must have one transformation to a declaration")
  byTransformation.set(link.transformation, { leaf, checks: codec.ast.checks, encodedChecks: link.to.checks })
  byType.set(type.run, { checks: type.checks, is: leaf.is })
  return codec
}

/** The declared fast paths of a codec node, where it is a declared leaf codec or a context-only copy of one. */
export const fastLeafOf = (ast: SchemaAST.AST): FastLeaf | undefined => {
  const link = onlyLink(ast)
  const declared = link === undefined ? undefined : byTransformation.get(link.transformation)
  return declared !== undefined && declared.checks === ast.checks && declared.encodedChecks === link?.to.checks ? declared.leaf : undefined
}

/** The declared `is` of a domain-side node of a leaf codec (a declaration without transformation). */
export const fastTypeOf = (ast: SchemaAST.AST): FastLeaf["is"] | undefined => {
  if (!SchemaAST.isDeclaration(ast) || ast.encoding !== undefined) return undefined
  const declared = byType.get(ast.run)
  return declared !== undefined && declared.checks === ast.checks ? declared.is : undefined
}

interface DeclaredChecks {
  readonly runs: ReadonlyArray<unknown>
  readonly predicate: (input: never) => boolean
}

// By the first check's own function: `.annotate(...)` and `Schema.brand` copy a schema's last check with new
// annotations but the same function, so a branded copy of the checks is still recognised, and only one whose every
// check runs the same function is.
const byChecks = new WeakMap<object, DeclaredChecks>()

const runOf = (check: SchemaAST.Check<unknown>): unknown => (check._tag === "Filter" ? check.run : undefined)

/**
 * Declares `predicate` as what the checks of `schema` accept together (the compiled paths then run it instead of
 * each check in turn: one pass where the checks make several); returns `schema`.
 */
export const declareFastChecks = <S extends { readonly ast: SchemaAST.AST }>(schema: S, predicate: (input: never) => boolean): S => {
  const checks = schema.ast.checks
  const first = checks?.[0]
  if (checks === undefined || first === undefined || first._tag !== "Filter") throw new Error("declareFastChecks: the schema has no checks")
  byChecks.set(first.run, { runs: checks.map(runOf), predicate })
  return schema
}

/** The declared predicate of exactly these checks, where one was declared. */
export const fastChecksOf = (checks: SchemaAST.Checks): ((input: unknown) => boolean) | undefined => {
  const first = checks[0]
  const declared = first?._tag === "Filter" ? byChecks.get(first.run) : undefined
  if (declared === undefined || declared.runs.length !== checks.length) return undefined
  return checks.every((check, i) => runOf(check) === declared.runs[i]) ? (declared.predicate as (input: unknown) => boolean) : undefined
}
