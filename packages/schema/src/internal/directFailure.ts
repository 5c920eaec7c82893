import { SchemaAST } from "effect"
import type { PathSegment, ValidationIssue } from "../ValidationIssue.js"
import { checkText, describeReceived, expectedOfAst, typeIssue, valueAt } from "./flatIssue.js"
import type { RefusedWireProperties } from "./refusedWireProperties.js"
import { type Rule, ruleOfCheck } from "./rule.js"

/**
 * The flat issues of an input that a codec rejects, built without Effect's interpreter, or `undefined` where this
 * path does not answer: the input may be valid, or fail in a way that only the interpreter words (a missing required
 * key, a check on the decoded side). A caller then asks the interpreter, so declining is always safe; answering
 * must give exactly the issues that flattening the interpreter's failure gives (`toValidationIssues`), in order.
 */
export type DirectFailure = (input: unknown) => ReadonlyArray<ValidationIssue> | undefined

/**
 * The issues of one present value, found at `path` in `root`, appended to `out`. Returns false when it cannot
 * answer for this value (the whole input then goes to the interpreter).
 */
type ValueIssues = (value: unknown, path: ReadonlyArray<PathSegment>, root: unknown, out: Array<ValidationIssue>) => boolean

// The options the interpreter runs the checks with in a failure that lists every issue.
const ALL_ERRORS: SchemaAST.ParseOptions = { errors: "all" }

// A node with a transformation decodes to something else; its failures are the interpreter's to report. (A node's
// context, the optional flag and key annotations of a property, only matters when the key is absent.)
const plainNode = (ast: SchemaAST.AST): boolean => ast.encoding === undefined

/**
 * A string schema: the type test, then its checks in order, stopping at the first failure. A check made by
 * `ruleCheck` is read from the rule table (its predicate, and the words its issue flattens to); any other check is
 * run as the interpreter runs it (`Filter.run`) and its issue worded as flattening words it. Only checks that abort on
 * failure are supported, which is how every rule of this package is declared; `typeExpected` is what the type issue
 * names (the union's text when the string is a member of one).
 */
const stringIssues = (ast: SchemaAST.String, typeExpected: string): ValueIssues | undefined => {
  const steps: Array<Rule<string> | SchemaAST.Filter<string>> = []
  for (const check of ast.checks ?? []) {
    if (check._tag !== "Filter" || !check.aborted) return undefined
    const filter = check as SchemaAST.Filter<string>
    steps.push(ruleOfCheck(filter) ?? filter)
  }
  return (value, path, root, out) => {
    if (typeof value !== "string") {
      out.push(typeIssue(path, typeExpected, valueAt(root, path)))
      return true
    }
    for (const step of steps) {
      if ("predicate" in step) {
        if (step.predicate(value)) continue
        out.push({ path, rule: step.rule, message: step.message, expected: step.expected, received: describeReceived(valueAt(root, path)) })
        return true
      }
      const issue = step.run(value, ast, ALL_ERRORS)
      if (issue === undefined) continue
      // A check that points below the value (a cross-field rule) is the interpreter's to report.
      if (issue._tag === "Pointer") return false
      out.push({ path, ...checkText(step.annotations, issue), received: describeReceived(valueAt(root, path)) })
      return true
    }
    return true
  }
}

/** An array of one element schema (`Schema.Array(item)`): the type test, then every element, in index order. */
const arrayIssues = (ast: SchemaAST.Arrays, typeExpected: string): ValueIssues | undefined => {
  const [item, ...more] = ast.rest
  if (ast.elements.length > 0 || item === undefined || more.length > 0 || ast.checks !== undefined) return undefined
  const itemIssues = valueIssues(item, expectedOfAst(item))
  if (itemIssues === undefined) return undefined
  return (value, path, root, out) => {
    if (!Array.isArray(value)) {
      out.push(typeIssue(path, typeExpected, valueAt(root, path)))
      return true
    }
    for (let i = 0; i < value.length; i++) {
      if (!itemIssues(value[i], [...path, i], root, out)) return false
    }
    return true
  }
}

/**
 * `NullOr(member)`: `null` passes; anything else is the member's (whose type issue names the whole union, as
 * Effect's `AnyOf` without candidates does).
 */
const nullOrIssues = (ast: SchemaAST.Union): ValueIssues | undefined => {
  if (ast.checks !== undefined || ast.encodingChecks !== undefined || (ast.options?.mode ?? "anyOf") !== "anyOf") return undefined
  const members = ast.types.filter((member) => !SchemaAST.isNull(member))
  const [member] = members
  if (members.length !== 1 || ast.types.length !== 2 || member === undefined) return undefined
  const memberIssues = valueIssues(member, expectedOfAst(ast))
  if (memberIssues === undefined) return undefined
  return (value, path, root, out) => (value === null ? true : memberIssues(value, path, root, out))
}

/** The issues of a value of `ast`, for the node kinds above; `undefined` for any other kind. */
const valueIssues = (ast: SchemaAST.AST, typeExpected: string): ValueIssues | undefined => {
  if (!plainNode(ast)) return undefined
  if (SchemaAST.isString(ast)) return stringIssues(ast, typeExpected)
  if (SchemaAST.isArrays(ast)) return arrayIssues(ast, typeExpected)
  if (SchemaAST.isUnion(ast)) return nullOrIssues(ast)
  return undefined
}

const isRecord = (input: unknown): input is Readonly<Record<string, unknown>> =>
  typeof input === "object" && input !== null && !Array.isArray(input)

/**
 * The direct failure of a struct (`Schema.Struct`, the wire side of a codec), compiled from its AST on first use.
 * Each property's present value is judged by the property's schema; an absent optional property is fine and an
 * absent required one is left to the interpreter (it words `required` from the key's annotations). Issues come in
 * property order, every one of them, as the interpreter lists them with `errors: "all"`. With `refused`, only the
 * properties it names are judged (it must name every property the struct refuses, in property order): on a mostly
 * valid body that skips the checks of every valid property. Structs with other node kinds, index signatures, checks
 * of their own or transformations get no direct path (`undefined` for every input).
 *
 * Issues are reported at `[name, ...]`, the property's own name: flattening also maps a domain name (`dateCreated`)
 * back to its wire name, which no wire struct this is installed on has as a property name.
 */
export const structFailure = (wire: SchemaAST.AST, refused?: RefusedWireProperties): DirectFailure => {
  let compiled: DirectFailure | null | undefined
  return (input) => (compiled ??= compileStruct(wire, refused) ?? null)?.(input)
}

const compileStruct = (ast: SchemaAST.AST, refused: RefusedWireProperties | undefined): DirectFailure | undefined => {
  if (!SchemaAST.isObjects(ast) || !plainNode(ast) || ast.checks !== undefined || ast.indexSignatures.length > 0) return undefined
  const fields = new Map<string, { readonly optional: boolean; readonly issues: ValueIssues }>()
  for (const property of ast.propertySignatures) {
    if (typeof property.name !== "string") return undefined
    const { type } = property
    const issues = valueIssues(type, expectedOfAst(type))
    if (issues === undefined) return undefined
    fields.set(property.name, { optional: SchemaAST.isOptional(type), issues })
  }
  const names = [...fields.keys()]
  return (input) => {
    if (!isRecord(input)) return undefined
    const out: Array<ValidationIssue> = []
    for (const name of refused === undefined ? names : refused(input)) {
      const field = fields.get(name)
      if (field === undefined) return undefined
      // Present means what the interpreter means: `in`, so an inherited property is read (and judged) too.
      if (!(name in input)) {
        if (field.optional) continue
        return undefined
      }
      if (!field.issues(input[name], [name], input, out)) return undefined
    }
    return out.length > 0 ? out : undefined
  }
}

/**
 * The direct failure of a codec whose wire side is a struct (`Schema.Struct(...).pipe(Schema.encodeKeys(...))`): the
 * failure of that struct. The interpreter decodes the wire side first and stops there when it fails, so those are
 * all the issues; a wire body that passes may still fail on the decoded side, which is the interpreter's to report.
 */
export const codecFailure = (codec: SchemaAST.AST, refused?: RefusedWireProperties): DirectFailure => {
  const link = codec.encoding?.length === 1 ? codec.encoding[0] : undefined
  return link === undefined ? () => undefined : structFailure(link.to, refused)
}
