/**
 * The wire names of a struct schema (an endpoint's query or form payload), read from its encoded side, so that a
 * route knows which parameters it declares without naming them.
 */
import { type Schema, SchemaAST } from "effect"

/** A declared parameter: its wire name and whether the schema requires it. */
export interface WireKey {
  readonly name: string
  readonly required: boolean
}

/** The parameters `schema` reads, in declaration order; none when its encoded side is not a struct. */
export const wireKeys = (schema: Schema.Top): ReadonlyArray<WireKey> => {
  const encoded = SchemaAST.toEncoded(schema.ast)
  if (!SchemaAST.isObjects(encoded)) return []
  return encoded.propertySignatures.flatMap((property) =>
    typeof property.name === "string" ? [{ name: property.name, required: property.type.context?.isOptional !== true }] : []
  )
}
