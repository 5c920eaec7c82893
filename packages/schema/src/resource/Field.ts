/**
 * One wire property of a resource, as a declaration states it once: its wire name, its schema (the kind: a SID
 * schema, `Schema.String`, a date, a URL, a literal enum...), whether Twilio's schema makes it nullable, and what
 * the strict profile asks of it where that is more. The domain name is the key the field is declared under.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { nullableField } from "../internal/nullableField.js"

/**
 * How a field looks in the strict profile (what a real resource looks like): a stricter schema, and whether it may
 * still be `null`. Unset parts keep the field's own.
 *
 * @since 0.2.0
 */
export interface StrictField<S extends Schema.Top = Schema.Top, N extends boolean = boolean> {
  readonly schema?: S
  readonly nullable?: N
}

/**
 * A declared field.
 *
 * @since 0.2.0
 */
export interface Field<
  W extends string = string,
  S extends Schema.Top = Schema.Top,
  N extends boolean = boolean,
  X extends StrictField = StrictField
> {
  readonly wire: W
  readonly schema: S
  readonly nullable: N
  readonly strict: X
  /**
   * Values as real resources carry them, for generated values of a field whose schema has no rule generators of
   * its own (`capabilities: ["SMS", "MMS"]`); every example must be valid under both profiles.
   */
  readonly examples?: ReadonlyArray<S["Type"]> | undefined
}

/**
 * Declares a field: `field("date_created", DateFromTwilioString)` is a nullable field named `date_created` on the
 * wire; `{ nullable: false }` makes it required to be a value; `strict` gives the strict profile's view of it; `examples`
 * are values for generated resources where the schema's rules carry no generators.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { field } from "@shortcode-kit/schema"
 *
 * const friendlyName = field("friendly_name", Schema.String)
 * friendlyName.wire // "friendly_name"
 * ```
 * @since 0.2.0
 */
export const field = <
  const W extends string,
  S extends Schema.Top,
  const N extends boolean = true,
  const X extends StrictField = {}
>(
  wire: W,
  schema: S,
  options: { readonly nullable?: N; readonly strict?: X; readonly examples?: ReadonlyArray<S["Type"]> } = {}
): Field<W, S, N, X> => ({
  wire,
  schema,
  nullable: (options.nullable ?? true) as N,
  strict: (options.strict ?? {}) as X,
  ...(options.examples !== undefined ? { examples: options.examples } : {})
})

/**
 * Which wire keys a resource's codec requires. `"optional"`: none (Twilio's schemas require none; an absent key
 * decodes as `null`, as if Twilio had sent `null`). `"required"`: every key, as a server that writes whole bodies
 * promises; the page's keys too.
 *
 * @since 0.2.0
 */
export type Presence = "optional" | "required"

/** @since 0.2.0 */
export type Fields = Readonly<Record<string, Field>>

/** The codec of one field, by presence and nullability. @since 0.2.0 */
// Nullable unless declared `false`: where the declaration's literal was widened to `boolean`, it is nullable, as
// `field` makes a field by default.
export type FieldCodec<F extends Field, P extends Presence> = P extends "optional"
  ? [F["nullable"]] extends [false] ? Schema.optionalKey<F["schema"]> : ReturnType<typeof nullableField<F["schema"]>>
  : [F["nullable"]] extends [false] ? F["schema"] : Schema.NullOr<F["schema"]>

/** The strict profile's codec of one field (every key present). @since 0.2.0 */
export type StrictFieldCodec<F extends Field> = StrictSchema<F> extends infer S extends Schema.Top
  ? [F["strict"]["nullable"] extends boolean ? F["strict"]["nullable"] : F["nullable"]] extends [false] ? S : Schema.NullOr<S>
  : never

type StrictSchema<F extends Field> = F["strict"]["schema"] extends Schema.Top ? F["strict"]["schema"] : F["schema"]

/** The codec of a field (runtime side of {@link FieldCodec}). */
export const fieldCodec = (field: Field, presence: Presence): Schema.Top =>
  presence === "optional"
    ? field.nullable ? nullableField(field.schema) : Schema.optionalKey(field.schema)
    : field.nullable ? Schema.NullOr(field.schema) : field.schema

/** The strict profile's codec of a field (runtime side of {@link StrictFieldCodec}). */
export const strictFieldCodec = (field: Field): Schema.Top => {
  const schema = field.strict.schema ?? field.schema
  return (field.strict.nullable ?? field.nullable) ? Schema.NullOr(schema) : schema
}
