// The one hook through which the declarations (resource/Resource.ts) give their derived schemas fast paths. For now
// it installs the hand-written paths of the ShortCodes schemas, recognised by identifier, and leaves every other
// schema to Effect's interpreter; a generated compiler is to take its place.
import { type Schema, SchemaAST } from "effect"
import {
  installCreateFormFastPaths,
  installCreateParamsFastPaths,
  installInstanceParamsFastPaths,
  installShortCodeFastPaths
} from "./shortCodeFastPaths.js"

/**
 * Installs the fast paths the package has for `schema` (a derived codec, params struct or form), and returns it.
 * Call it last: an annotated copy is another node, without them.
 */
export const installFastPaths = <S extends Schema.Top>(schema: S): S => {
  switch (SchemaAST.resolveIdentifier(schema.ast)) {
    case "ShortCode":
      return installShortCodeFastPaths(schema)
    case "CreateShortCodeParams":
      return installCreateParamsFastPaths(schema)
    case "ShortCodeInstanceParams":
      return installInstanceParamsFastPaths(schema)
    case "CreateShortCodeForm": {
      // A form is a `decodeTo` its request struct, whose own rules judge a parameter given once.
      const request = (schema as unknown as { readonly to: Schema.Top }).to
      return installCreateFormFastPaths(schema, request)
    }
    default:
      return schema
  }
}
