import { PageMeta, ShortCode, ShortCodePage } from "@shortcode-kit/schema"
import { SchemaAST } from "effect"
import type { Schema } from "effect"

/** The property names of a struct schema's AST, in declaration order. */
const propertyNames = (ast: SchemaAST.AST): ReadonlyArray<string> => {
  if (!SchemaAST.isObjects(ast)) throw new TypeError(`wire names: expected a struct schema, received ${ast._tag}`)
  return ast.propertySignatures.map((property) => String(property.name))
}

/**
 * The wire (encoded) keys of a struct schema, read from its declaration: the one place where a resource's wire names
 * live, so that no list here can drift from it.
 */
export const wireKeysOf = (schema: Schema.Top): ReadonlyArray<string> => propertyNames(SchemaAST.toEncoded(schema.ast))

/** The domain -> wire name of each property of a struct schema whose names differ (`dateCreated` -> `date_created`). */
export const differingNames = (schema: Schema.Top): Record<string, string> => {
  const domain = propertyNames(schema.ast)
  const wire = wireKeysOf(schema)
  // encodeKeys renames properties in place, so both sides list the same properties in the same order.
  if (domain.length !== wire.length) throw new TypeError(`wire names: ${domain.length} domain keys but ${wire.length} wire keys`)
  return Object.fromEntries(domain.map((name, i) => [name, wire[i] as string]).filter(([name, wireName]) => name !== wireName))
}

/** The ShortCode's domain names that differ from their wire names (`dateCreated` -> `date_created`). */
export const shortCodeDomainToWire: Readonly<Record<string, string>> = differingNames(ShortCode)

/** The same for a list page, whose domain-side checks (item dates, strict items) name `shortCodes` and meta's keys. */
export const shortCodePageDomainToWire: Readonly<Record<string, string>> = {
  ...shortCodeDomainToWire,
  ...differingNames(ShortCodePage),
  ...differingNames(PageMeta)
}
