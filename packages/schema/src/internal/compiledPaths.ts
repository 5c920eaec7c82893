import { Effect, Exit, Result, type Schema, SchemaAST, SchemaIssue, SchemaParser } from "effect"
import { SchemaCompiler } from "effect/schema"
import type { DirectFailure } from "./directFailure.js"
import type { RefusedWireProperties } from "./refusedWireProperties.js"

/**
 * A hand-written success path: the output for an input the schema accepts, or `SchemaCompiler.invalid` for anything
 * else. It may decline more than the schema rejects (the interpreter then decides), never less.
 */
export type FastPath = (input: unknown) => unknown

/** A hand-written type guard that answers exactly what the schema answers under the default parse options. */
export type FastGuard = (input: unknown) => boolean

/**
 * The paths a flat decoder (ValidationDecoder.ts) takes before the interpreter: the success path, and the direct
 * failure path that lists the issues of a rejected input without building Effect's issue tree.
 */
export interface FlatPaths {
  readonly decode: FastPath | undefined
  readonly failure: DirectFailure | undefined
}

const flatPaths = new WeakMap<SchemaAST.AST, FlatPaths>()

/** One call of `withCompiledPaths`: the schema and which of its paths were written by hand. */
export interface Installation {
  readonly schema: Schema.Top
  readonly decode: boolean
  readonly encode: boolean
  readonly isEncoded: boolean
  readonly failure: boolean
  /** The installed schema this one was derived from (`.annotate(...)` of it), where it was. */
  readonly derivedFrom: Schema.Top | undefined
}

// Effect's registry and `flatPaths` are keyed weakly and cannot be listed; this list can, so that the agreement
// test (test/internal/compiledPaths.agreement.test.ts) checks every installation without restating which they are.
const installations: Array<Installation> = []

/** Every schema that has hand-written paths, in order of installation (once its module has been loaded). */
export const installedCompiledPaths = (): ReadonlyArray<Installation> => installations

/** The flat paths installed for exactly this schema node (an annotated copy is another node, with none). */
export const flatPathsOf = (ast: SchemaAST.AST): FlatPaths | undefined => flatPaths.get(ast)

// The package's schemas need no services, so their parsers run synchronously.
type Detailed = (input: unknown, options?: SchemaAST.ParseOptions) => Effect.Effect<unknown, SchemaIssue.Issue>

const isRecord = (input: unknown): input is Readonly<Record<string, unknown>> =>
  typeof input === "object" && input !== null && !Array.isArray(input)

/**
 * Whether the compiled paths apply to a parse with these options. They are written for what callers pass in
 * practice (`errors` and `reportInput` change nothing on success, and are honoured on failure); `disableChecks`,
 * `onExcessProperty` and concurrency change what is accepted or the order of issues, so those parses go to the
 * interpreter.
 */
const plain = (options: SchemaAST.ParseOptions | undefined): boolean =>
  options === undefined ||
  (options.disableChecks !== true && options.onExcessProperty === undefined && (options.concurrency === undefined || options.concurrency === 1))

/**
 * Effect's interpreter for `ast`, resolved now so that it stays the interpreter after `SchemaCompiler.set` replaces
 * the registry entry (parsers keep the entry they resolved first). The throwaway parse of `undefined` does the
 * resolving; it fails at once on the type test.
 */
const interpreted = (ast: SchemaAST.AST, make: (schema: Schema.Top) => Detailed): Detailed => {
  const parse = make({ ast } as Schema.Top)
  Effect.runSyncExit(parse(undefined))
  // An absent property is not an input: the registry protocol answers it with the `missing` sentinel, which the
  // public parser would turn into a missing-key failure.
  const missing = Exit.succeed(SchemaCompiler.missing)
  return (input, options) => (input === SchemaCompiler.missing ? missing : parse(input, options))
}

/**
 * `path`, declining where reading the input throws (a getter, a Proxy trap, a revoked Proxy). Effect turns a throw
 * of an installed path into a defect and its adapters then throw their own error ("Result adapter can only return
 * schema issues"), where the interpreter lets the reader's own error through; declining hands the input to the
 * interpreter, which reads it again and throws what it always throws.
 */
const declining = (path: FastPath): FastPath => (input) => {
  try {
    return path(input)
  } catch {
    return SchemaCompiler.invalid
  }
}

// Whether `input` is a record, false where even asking throws (a revoked Proxy): the interpreter then reads it and
// fails its own way, which depends on the options.
const readsAsRecord = (input: unknown): input is Readonly<Record<string, unknown>> => {
  try {
    return isRecord(input)
  } catch {
    return false
  }
}

/** The struct a codec decodes from, when it has the simple shape the wire-first failure path is written for. */
const wireStructOf = (ast: SchemaAST.AST): SchemaAST.Objects | undefined => {
  const wire = ast.encoding?.length === 1 ? ast.encoding[0]?.to : undefined
  if (wire === undefined || !SchemaAST.isObjects(wire) || wire.checks !== undefined || wire.encoding !== undefined) return undefined
  if (wire.indexSignatures.length > 0) return undefined
  return wire.propertySignatures.every((p) => typeof p.name === "string" && SchemaAST.isOptional(p.type)) ? wire : undefined
}

/**
 * The failure of a codec whose wire struct has refused properties, built the way the interpreter builds it: each
 * refused property's own issue, from the interpreter's parser of that property alone, under a `Pointer` to it, in
 * property order (only the first without `errors: "all"`), in a `Composite` of the wire struct, in an `Encoding` of
 * the codec. Properties `refused` does not name are not parsed again, which is where the time goes on a mostly valid
 * body. Any other input (not an object, every wire property fine but the domain side failing) goes to `whole`.
 */
const wireFirst = (ast: SchemaAST.AST, refused: RefusedWireProperties, whole: Detailed): Detailed => {
  const wire = wireStructOf(ast)
  if (wire === undefined) return whole
  const parsers = new Map(wire.propertySignatures.map((p) => {
    let parse: ((input: unknown, options?: SchemaAST.ParseOptions) => Result.Result<unknown, SchemaIssue.Issue>) | undefined
    const parser = (value: unknown, options: SchemaAST.ParseOptions | undefined) =>
      (parse ??= SchemaParser.decodeUnknownResult({ ast: p.type } as Schema.Decoder<unknown>))(value, options)
    return [p.name as string, parser] as const
  }))
  return (input, options) => {
    if (!plain(options) || !readsAsRecord(input)) return whole(input, options)
    let issues: [SchemaIssue.Issue, ...Array<SchemaIssue.Issue>] | undefined
    try {
      for (const name of refused(input)) {
        const parse = parsers.get(name)
        if (parse === undefined) return whole(input, options)
        const result = parse(input[name], options)
        if (Result.isSuccess(result)) continue
        const pointer = new SchemaIssue.Pointer([name], result.failure)
        if (issues === undefined) issues = [pointer]
        else issues.push(pointer)
        if (options?.errors !== "all") break
      }
    } catch {
      // A getter that throws, a property parser that dies: the interpreter reports it its own way.
      return whole(input, options)
    }
    if (issues === undefined) return whole(input, options)
    return Exit.fail(new SchemaIssue.Encoding(ast, new SchemaIssue.Composite(wire, issues, input, options), input, options))
  }
}

/**
 * Installs hand-written paths for `schema` in Effect's parser registry (`effect/schema` SchemaCompiler, the
 * mechanism behind its JIT and AOT compilers): `decode` for wire -> domain, `encode` for domain -> wire, `isEncoded`
 * for `Schema.is(Schema.toEncoded(schema))`, and with `refused` the failure path of decoding. Every parser of the
 * schema uses them, nested ones too. `decode` and `failure` (the direct failure path, see directFailure.ts) are also
 * recorded for the flat decoder, which answers a rejected input with flat issues instead of an issue tree.
 *
 * Effect's interpreter stays the decoder of record. An input the fast paths decline is decoded by the interpreter,
 * or, when only some wire properties are refused, by the interpreter's parsers of those properties: every failure
 * carries exactly the issues, paths and messages it always had. Returns `schema` itself, so that installing is part
 * of defining the export (a bundler that keeps the schema keeps the installation).
 */
export const withCompiledPaths = <S extends Schema.Top>(
  schema: S,
  paths: {
    readonly decode?: FastPath
    readonly encode?: FastPath
    readonly isEncoded?: FastGuard
    readonly refused?: RefusedWireProperties
    readonly failure?: DirectFailure
    readonly derivedFrom?: Schema.Top
  }
): S => {
  const { decode, encode, isEncoded, refused, failure, derivedFrom } = paths
  installations.push({
    schema,
    decode: decode !== undefined || refused !== undefined,
    encode: encode !== undefined,
    isEncoded: isEncoded !== undefined,
    failure: failure !== undefined,
    derivedFrom
  })
  if (decode !== undefined || failure !== undefined) flatPaths.set(schema.ast, { decode, failure })
  // A node without transformations anywhere is its own flipped and encoded side (a plain struct of strings): its
  // operations then go into one registry entry, as a later `SchemaCompiler.set` would replace an earlier one.
  const entries = new Map<SchemaAST.AST, { decode?: SchemaCompiler.Decode; is?: SchemaCompiler.Is; decodeEffect: Detailed }>()
  /** The entry of `key`, whose interpreter is `make`'s parser of `ast`. */
  const entryOf = (key: SchemaAST.AST, ast: SchemaAST.AST, make: (schema: Schema.Top) => Detailed) => {
    let entry = entries.get(key)
    if (entry === undefined) entries.set(key, entry = { decodeEffect: interpreted(ast, make) })
    return entry
  }
  const decoding = (s: Schema.Top) => SchemaParser.decodeUnknownEffect(s) as Detailed
  if (decode !== undefined || refused !== undefined) {
    const entry = entryOf(schema.ast, schema.ast, decoding)
    if (refused !== undefined) entry.decodeEffect = wireFirst(schema.ast, refused, entry.decodeEffect)
    if (decode !== undefined) {
      const safeDecode = declining(decode)
      entry.decode = (input, options) => (plain(options) ? safeDecode(input) : SchemaCompiler.invalid)
    }
  }
  const flipped = SchemaAST.flip(schema.ast)
  if (encode !== undefined && flipped !== schema.ast) {
    const entry = entryOf(flipped, schema.ast, (s) => SchemaParser.encodeUnknownEffect(s) as Detailed)
    const safeEncode = declining(encode)
    entry.decode = (input, options) => (plain(options) ? safeEncode(input) : SchemaCompiler.invalid)
  }
  if (isEncoded !== undefined) {
    const encoded = SchemaAST.toEncoded(schema.ast)
    const entry = entryOf(encoded, encoded, decoding)
    const whole = entry.decodeEffect
    // Not `declining`: a guard that throws makes Effect's guard adapter throw, which is what the interpreter's
    // guard does when reading the input throws.
    entry.is = (input, options) => (plain(options) ? isEncoded(input) : Exit.isSuccess(Effect.runSyncExit(whole(input, options))))
  }
  for (const [ast, entry] of entries) SchemaCompiler.set(ast, entry)
  return schema
}
