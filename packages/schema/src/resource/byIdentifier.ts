/**
 * A declared resource's derived schemas keyed by their identifiers (the names `defineResource` gives them:
 * `PhoneNumber`, `PhoneNumberPage`, `CreatePhoneNumberRequest`, ...), so that a registry of the package's schemas
 * lists a resource once instead of naming each of its schemas.
 */
import { type Schema, SchemaAST } from "effect"
import type { AnyResource } from "./Resource.js"

/** `[identifier, f(schema)]` for each of `schemas`; a schema without an identifier is a bug of the declaration. */
export const byIdentifier = <A>(resource: AnyResource, schemas: ReadonlyArray<Schema.Top>, f: (schema: Schema.Top) => A): Record<string, A> =>
  Object.fromEntries(schemas.map((schema) => {
    const identifier = SchemaAST.resolveIdentifier(schema.ast)
    if (identifier === undefined) throw new Error(`${String(resource.declaration.identifier)}: a derived schema has no identifier`)
    return [identifier, f(schema)]
  }))
