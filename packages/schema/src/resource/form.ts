/**
 * Create requests as Twilio takes them: an `application/x-www-form-urlencoded` body, each declared parameter given
 * at most once (a repeated one is an error, never first-wins), other parameters ignored as Twilio ignores them.
 *
 * @since 0.2.0
 */
import { Effect, Schema, SchemaGetter, SchemaIssue } from "effect"
import { RuleAnnotation } from "../internal/rule.js"

/**
 * A create parameter: its form name and schema. With `empty`, an empty value is reported as missing (rule
 * `required`, expecting `empty.expected`), as Twilio does for a SID parameter; without it the schema judges the
 * empty string.
 *
 * @since 0.2.0
 */
export interface FormParameter<W extends string = string, S extends Schema.Top = Schema.Top> {
  readonly wire: W
  readonly schema: S
  readonly empty?: { readonly expected: string }
}

/** @since 0.2.0 */
export type FormParameters = Readonly<Record<string, FormParameter>>

/**
 * The request struct of `parameters` under `identifier`: form names on the wire, domain names in the value; each
 * parameter required, with the message `<wire> is required`.
 *
 * @since 0.2.0
 */
export const requestStruct = <const P extends FormParameters, const Identifier extends string>(parameters: P, identifier: Identifier) => {
  const fields: Record<string, Schema.Top> = {}
  const keys: Record<string, string> = {}
  for (const [name, parameter] of Object.entries(parameters)) {
    fields[name] = parameter.schema.annotateKey({ messageMissingKey: `${parameter.wire} is required` })
    keys[name] = parameter.wire
  }
  return Schema.Struct(fields).pipe(Schema.encodeKeys(keys)).annotate({ identifier }) as unknown as RequestStruct<P>
}

/** The type of {@link requestStruct}'s codec. @since 0.2.0 */
export type RequestStruct<P extends FormParameters> = Schema.encodeKeys<
  Schema.Struct<{ readonly [K in keyof P]: P[K]["schema"] }>,
  { readonly [K in keyof P]: P[K]["wire"] }
>

/** A form body as servers receive it: the raw text, or already parsed. */
export const FormBody = Schema.Union([
  Schema.String,
  Schema.instanceOf(URLSearchParams).annotate({ identifier: "URLSearchParams", expected: "URLSearchParams" })
]).annotate({ identifier: "FormBody", expected: "a form body (string or URLSearchParams)" })

const formIssue = (wire: string, rule: string, message: string, expected: string, input: unknown) =>
  new SchemaIssue.Pointer([wire], new SchemaIssue.InvalidValue({ message, expected, [RuleAnnotation]: rule }, input))

type Wire = Readonly<Record<string, string>>

/**
 * The codec from a form body (a string or `URLSearchParams`) to the request's domain value, and back to the body
 * text (the parameters in declaration order).
 *
 * @since 0.2.0
 */
export const formCodec = <P extends FormParameters, R extends RequestStruct<P>, const Identifier extends string>(
  parameters: P,
  request: R,
  identifier: Identifier
) => {
  const declared = Object.values(parameters)
  return FormBody.pipe(
    Schema.decodeTo(request, {
      decode: SchemaGetter.transformEffect((body: string | URLSearchParams) => {
        const params = typeof body === "string" ? new URLSearchParams(body) : body
        const out: Record<string, string> = {}
        for (const { wire, empty } of declared) {
          const values = params.getAll(wire)
          if (values.length > 1) {
            return Effect.fail(formIssue(wire, "form.repeated", `${wire} must be given once; it was given ${values.length} times`, `exactly one ${wire}`, values))
          }
          const [value] = values
          // Absent: the request struct reports it as `required`.
          if (value === undefined) continue
          if (value === "" && empty !== undefined) {
            return Effect.fail(formIssue(wire, "required", `${wire} is required and must not be empty`, empty.expected, value))
          }
          out[wire] = value
        }
        return Effect.succeed(out as R["Encoded"])
      }),
      encode: SchemaGetter.transform((fields: R["Encoded"]) => {
        const body = new URLSearchParams()
        for (const { wire } of declared) {
          const value = (fields as Wire)[wire]
          if (value !== undefined) body.append(wire, value)
        }
        return body.toString()
      })
    })
  ).annotate({ identifier })
}
