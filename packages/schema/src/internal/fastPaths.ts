import { type Schema, SchemaAST } from "effect"
import { compileAst, compileGuard, compileRefused } from "./compile/compile.js"
import { withCompiledPaths } from "./compiledPaths.js"
import { codecFailure } from "./directFailure.js"
import type { RefusedWireProperties } from "./refusedWireProperties.js"
import {
  installCreateFormFastPaths,
  installCreateParamsFastPaths,
  installInstanceParamsFastPaths
} from "./shortCodeFastPaths.js"

/** The refused wire properties of a codec whose wire side is a plain struct (see compileRefused). */
const refusedOf = (ast: SchemaAST.AST): RefusedWireProperties | undefined => {
  const wire = ast.encoding?.length === 1 ? ast.encoding[0]?.to : undefined
  return wire === undefined ? undefined : compileRefused(wire)
}

/**
 * Installs the fast paths compiled from `codec`'s AST (internal/compile): decode, encode, the guard of the encoded
 * side, and for a codec over a wire struct its refused properties and direct failure path, each where the compiler
 * supports the shape (Effect's interpreter answers everything else). A schema derived from the returned one by
 * `rebuild` (`.annotate(...)`, `.annotateKey(...)`, `.check(...)`) gets its own compiled paths, from its own AST, on
 * creation; no other schema is touched. Returns `codec`.
 */
export const installFastPaths = <S extends Schema.Top>(codec: S): S => {
  // The path parameters and the create form still have hand-written paths (shortCodeFastPaths.ts).
  switch (SchemaAST.resolveIdentifier(codec.ast)) {
    case "CreateShortCodeParams":
      return installCreateParamsFastPaths(codec)
    case "ShortCodeInstanceParams":
      return installInstanceParamsFastPaths(codec)
    case "CreateShortCodeForm":
      // A form is a `decodeTo` its request struct, whose own rules judge a parameter given once.
      return installCreateFormFastPaths(codec, (codec as unknown as { readonly to: Schema.Top }).to)
    case "ShortCode":
    case "ShortCodePage":
      return install(codec, undefined)
    default:
      // Other declared schemas (Services) are left to the interpreter until the agreement property covers them.
      return codec
  }
}

const install = <S extends Schema.Top>(codec: S, derivedFrom: Schema.Top | undefined): S => {
  const ast = codec.ast
  const decode = compileAst(ast, "decode")
  const encode = compileAst(ast, "encode")
  const isEncoded = compileGuard(SchemaAST.toEncoded(ast))
  const refused = refusedOf(ast)
  const failure = refused === undefined ? undefined : codecFailure(ast, refused)
  const rebuild = codec.rebuild
  // An own property, so that only this schema and what is derived from it take the hook.
  Object.defineProperty(codec, "rebuild", {
    configurable: true,
    writable: true,
    value(this: S, next: SchemaAST.AST) {
      return install(rebuild.call(this, next) as Schema.Top, derivedFrom ?? codec)
    }
  })
  return withCompiledPaths(codec, {
    ...(decode === undefined ? {} : { decode }),
    ...(encode === undefined ? {} : { encode }),
    ...(isEncoded === undefined ? {} : { isEncoded }),
    ...(refused === undefined ? {} : { refused }),
    ...(failure === undefined ? {} : { failure }),
    ...(derivedFrom === undefined ? {} : { derivedFrom })
  })
}
