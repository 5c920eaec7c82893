// A schema's AST rebuilt node by node, so that Effect's interpreter can be asked about the same definition without
// meeting a single node that a registry (Effect's parser registry, the flat paths of src/internal/compiledPaths.ts)
// is keyed by: the independent oracle of the agreement test.
import { SchemaAST } from "effect"

// Every node kind with children rebuilds itself through `recur` (Effect's own traversal, internal but present on
// each node class); a leaf has none. `recur` drops the node's encoding, which `freshAst` rebuilds itself.
type Recur = (f: (ast: SchemaAST.AST) => SchemaAST.AST) => SchemaAST.AST
const recurOf = (ast: SchemaAST.AST): Recur | undefined => {
  const recur = (ast as unknown as { readonly recur?: Recur }).recur
  return typeof recur === "function" ? recur.bind(ast) : undefined
}

/**
 * A structurally identical copy of `ast` in which every node, encoding link target and child is a new object:
 * annotations, checks, transformations and contexts are shared (they are values, not registry keys).
 */
export const freshAst = (root: SchemaAST.AST): SchemaAST.AST => {
  const done = new Map<SchemaAST.AST, SchemaAST.AST>()
  const fresh = (ast: SchemaAST.AST): SchemaAST.AST => {
    const known = done.get(ast)
    if (known !== undefined) return known
    const recur = recurOf(ast)
    const body = recur === undefined ? ast : recur(fresh)
    const encoding = ast.encoding?.map((link) => new SchemaAST.Link(fresh(link.to), link.transformation))
    const out = Object.assign(Object.create(Object.getPrototypeOf(ast) as object) as SchemaAST.AST, body, {
      annotations: ast.annotations,
      context: ast.context,
      encoding: encoding === undefined ? undefined : (encoding as unknown as SchemaAST.Encoding)
    })
    done.set(ast, out)
    return out
  }
  return fresh(root)
}

/** Every node reachable from `root`: children, encoding link targets, and what a `Suspend` stands for. */
export const nodesOf = (root: SchemaAST.AST): Set<SchemaAST.AST> => {
  const seen = new Set<SchemaAST.AST>()
  const visit = (ast: SchemaAST.AST): SchemaAST.AST => {
    if (seen.has(ast)) return ast
    seen.add(ast)
    for (const link of ast.encoding ?? []) visit(link.to)
    if (SchemaAST.isSuspend(ast)) visit(ast.thunk())
    else recurOf(ast)?.(visit)
    return ast
  }
  visit(root)
  return seen
}
