/**
 * The faulty create requests of any membership collection, derived from what the harness reads off its group (the
 * create form's field, the member and parent SID prefixes, the collection path): each with the answer the schema
 * package's `inputErrors` table gives it. A target that declares no faults of its own (`conformanceTarget`'s
 * `faults`) is tested with these.
 *
 * @since 0.2.0
 */
import { collectionOperations as ops, FORM_BODY_LIMIT_BYTES, type InputError, inputErrors } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import { sidMiss } from "../arbitraries/Sid.js"
import type { Answer, FaultyRequest } from "./FaultyRequest.js"

const answer = (row: InputError, why: string): Answer => ({ status: inputErrors[row].status, code: inputErrors[row].code, why })

/** What the faults of a collection are made from. */
export interface FormFaultsOf {
  readonly field: string
  readonly memberPrefix: string
  readonly parentPrefix: string
  readonly formType: string
  readonly collectionPath: (parentSid: string) => string
  /**
   * For a form whose field carries a value, not a SID (`AlphaSender=Acme`): valid values, to send beside each
   * fault, and values that break a rule, each with its answer (instead of malformed SIDs).
   */
  readonly values?: {
    readonly sample: () => fc.Arbitrary<string>
    readonly invalid: () => fc.Arbitrary<{ readonly value: string; readonly rule: string; readonly answer: Answer }>
  } | undefined
}

/**
 * The faults of a create form with one required parameter `field` (a SID, or a value with `values`), and the
 * answer to a malformed SID.
 *
 * @since 0.2.0
 */
export const formFaults = (of: FormFaultsOf) => {
  const { field, memberPrefix, formType } = of
  // A value form's malformed field is a value that breaks a rule: the answer of one (they share the row).
  const invalidSample = of.values === undefined ? undefined : fc.sample(of.values.invalid(), { numRuns: 1, seed: 0 })[0]
  const malformedMember = invalidSample === undefined
    ? answer("form.malformed-sid", `${field} is present but not ${memberPrefix} followed by 32 hexadecimal digits (Twilio error 21421)`)
    : { status: invalidSample.answer.status, code: invalidSample.answer.code, why: `${field} is present but breaks a rule of its value` }
  const requests = ({ parentSid, memberSid }: { readonly parentSid: string; readonly memberSid: string | undefined }): fc.Arbitrary<FaultyRequest> => {
    const given = memberSid ?? `${memberPrefix}${"0".repeat(32)}`
    const request = (fault: string, body: string, why: Answer, headers: Readonly<Record<string, string>> = { "Content-Type": formType }, path = of.collectionPath(parentSid)): FaultyRequest =>
      ({ fault, method: ops.create.method, path, headers, body, answer: why })
    const padding = "Padding="
    const malformed = of.values === undefined
      ? sidMiss(memberPrefix, { typeMisses: false }).map((miss) =>
        request(`body.malformed-${field}`, new URLSearchParams({ [field]: String(miss.value) }).toString(), malformedMember))
      : of.values.invalid().map((miss) => request(`body.${miss.rule}`, new URLSearchParams({ [field]: miss.value }).toString(), miss.answer))
    const build = (value: string) => {
      const sid = encodeURIComponent(value)
      return fc.oneof(
      fc.constantFrom("", "FriendlyName=Sales", `${field.toLowerCase()}=${sid}`).map((body) =>
        request(`body.missing-${field}`, body, answer("form.missing", `${field} is a required parameter`))),
      fc.constantFrom(`${field}=`, field).map((body) => request(`body.empty-${field}`, body, answer("form.missing", `an empty ${field} is a missing one`))),
      fc.constant(request(`body.repeated-${field}`, `${field}=${sid}&${field}=${sid}`, answer("form.repeated", `${field} given more than once is refused, never first-wins`))),
      malformed,
      fc.constant(request("body.json", JSON.stringify({ [field]: value }), answer("content-type", `the create endpoint takes a form, not JSON`), { "Content-Type": "application/json" })),
      fc.constant(request("content-type.missing", `${field}=${sid}`, answer("content-type", "without a form Content-Type the body is not read as a form"), {})),
      fc.integer({ min: 1, max: 4096 }).map((over) => {
        const head = `${field}=${sid}&`
        return request("body.too-large", head + padding + "x".repeat(FORM_BODY_LIMIT_BYTES + over - head.length - padding.length), answer("body.too-large", `a body over ${FORM_BODY_LIMIT_BYTES} bytes is refused before it is read`))
      }),
      sidMiss(of.parentPrefix, { typeMisses: false }).map((miss) =>
        request("path.malformed-parent-sid", `${field}=${sid}`, answer("resource.not-found", "a malformed parent SID names no resource"), { "Content-Type": formType }, of.collectionPath(String(miss.value))))
    )
    }
    // A SID form sends the one SID it is given; a value form a valid value beside each fault.
    return of.values === undefined ? build(given) : of.values.sample().chain(build)
  }
  return { requests, malformedMember }
}
