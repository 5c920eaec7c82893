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
import type { Answer, ErrorAnswer } from "./FaultyRequest.js"

/**
 * The values of a create form that carries a value (`ConformanceTargetOptions.creates`); the answer to an
 * invalid one is read from the form schema's issue and the schema package's `inputErrors`.
 *
 * @since 0.2.0
 */
export interface CreatesOptions {
  /** Values the create form accepts. */
  readonly valid: () => fc.Arbitrary<string>
  /** Values that break one rule of the form's field each, with the rule's id. */
  readonly invalid: () => fc.Arbitrary<{ readonly value: string; readonly rule: string }>
  /** How many members one parent may hold, where the resource has such a limit (one alpha sender per service). */
  readonly perParent?: number | undefined
}

/**
 * A created member's values, as the harness uses them: valid values, invalid ones with the answer each must get,
 * the limit per parent and its refusal, and the body key that echoes the value.
 *
 * @since 0.2.0
 */
export interface CreatedMembers {
  readonly valid: () => fc.Arbitrary<string>
  readonly invalid: () => fc.Arbitrary<{ readonly value: string; readonly rule: string; readonly answer: Answer }>
  readonly perParent: number | undefined
  /** The answer to a create beyond `perParent`. */
  readonly full: ErrorAnswer | undefined
  /** The member body's wire key that holds the value (`alpha_sender` for the field `AlphaSender`). */
  readonly echoKey: string
}

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
