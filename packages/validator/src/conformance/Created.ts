/**
 * A collection whose create form carries a value (`AlphaSender=Acme`) and whose service mints the member: the values
 * the harness sends, and the answers they must get, read from the create form's schema, the create endpoint's
 * errors and the schema package's `inputErrors`.
 */
import { inputErrorOf, inputErrors } from "@shortcode-kit/schema"
import { twilioErrorCodesOf } from "@shortcode-kit/schema/http"
import type { Schema } from "effect"
import type * as fc from "fast-check"
import { makeValidator } from "../internal/decoder.js"
import type { Answer } from "./FaultyRequest.js"
import type { CreatedMembers, CreatesOptions } from "./Membership.js"

/** What `createdMembers` reads off the group (Membership.ts). */
export interface CreatedOf {
  readonly field: string
  readonly formSchema: Schema.Top
  readonly echoKey: string
  readonly createErrors: ReadonlyMap<number, ReadonlyArray<Schema.Top>>
}

/**
 * The created members of a target: the invalid values with the answer the form schema's first issue gets from
 * `inputErrors`, and the refusal of a create beyond the limit per parent: the other code of the create endpoint's
 * answer that a missing field gets (the declaration lists them together), neither a missing nor a repeated field's.
 */
export const createdMembers = (options: CreatesOptions, of: CreatedOf): CreatedMembers => {
  const validate = makeValidator(of.formSchema as Schema.Codec<unknown, unknown, never, never>)
  const answerOf = (value: string, rule: string): Answer | undefined => {
    const result = validate({ [of.field]: value })
    if (result.ok) return undefined
    const issue = result.issues[0] as (typeof result.issues)[number]
    const row = inputErrors[inputErrorOf("form", issue)]
    return { status: row.status, code: row.code, why: `${of.field} ${JSON.stringify(value)} breaks ${rule}: ${issue.message}` }
  }
  const notFull = new Set<number>([inputErrors["form.missing"].code, inputErrors["form.repeated"].code])
  const formAnswer = [...of.createErrors].map(([status, schemas]) => ({ status, codes: schemas.flatMap(twilioErrorCodesOf) }))
    .find(({ codes }) => codes.includes(inputErrors["form.missing"].code))
  const fullCode = formAnswer?.codes.find((code) => !notFull.has(code))
  return {
    valid: options.valid,
    // Only values the form schema itself refuses: the harness never expects a refusal the contract does not require.
    invalid: () =>
      options.invalid()
        .map((miss) => ({ ...miss, answer: answerOf(miss.value, miss.rule) }))
        .filter((miss): miss is { value: string; rule: string; answer: Answer } => miss.answer !== undefined) as fc.Arbitrary<{ readonly value: string; readonly rule: string; readonly answer: Answer }>,
    perParent: options.perParent,
    full: options.perParent === undefined || formAnswer === undefined || fullCode === undefined ? undefined : { status: formAnswer.status, code: fullCode },
    echoKey: of.echoKey
  }
}
