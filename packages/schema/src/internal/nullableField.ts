import { Option, Schema, SchemaTransformation } from "effect"

/**
 * A property of Twilio's spec-level resources: on the wire it may be absent, `null` or a value of `codec`; in the
 * domain it is always there, `null` standing for both absent and `null`. Encoding always writes the key, as Twilio
 * does.
 */
export const nullableField = <S extends Schema.Top>(codec: S) =>
  Schema.optionalKey(Schema.NullOr(codec)).pipe(
    Schema.decodeTo(
      Schema.NullOr(Schema.toType(codec)),
      SchemaTransformation.transformOptional({
        decode: (o) => Option.some(Option.getOrNull(o)),
        encode: (o) => o
      })
    )
  )
