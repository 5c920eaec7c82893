/**
 * The CLI's kinds of the resources validated by `resourceValidation` (PhoneNumbers, AlphaSenders), one row per
 * resource and everything else derived from its declaration: the kind's name from the identifier (`PhoneNumber` is
 * `phone-number`), `sample <kind>` and `sample <kind>-sid` from its arbitraries, `validate <kind>` and
 * `validate <kind>-page` from its validation, the wire keys of `validate` from its codecs. A resource validated that
 * way needs one entry in `resourceKinds` to have its kinds. ShortCodes keep their own (profiles, `--nulls`, the
 * create request kinds).
 */
import { sidPrefixOf } from "@shortcode-kit/schema"
import type { Schema } from "effect"
import type * as fc from "fast-check"
import { alphaSenders } from "../AlphaSender.js"
import type { NearMiss } from "../arbitraries/NearMiss.js"
import { resourceArbitraries } from "../arbitraries/Resource.js"
import { topLevel } from "../arbitraries/Sid.js"
import { phoneNumbers } from "../PhoneNumber.js"
import type { ProfileOptions } from "../Profile.js"
import type { ResourceValidation } from "../ResourceValidation.js"
import type { ValidationResult } from "../ValidationResult.js"

/** One resource's kinds. */
export interface ResourceKind {
  /** `phone-number`: the kind of one document; `<kind>-page` and `<kind>-sid` are its page's and its SID's. */
  readonly kind: string
  /** The schemas that declare the wire keys of a document and of a page. */
  readonly codec: Schema.Top
  readonly page: Schema.Top
  readonly validate: (input: unknown, options: ProfileOptions) => ValidationResult<unknown>
  readonly validatePage: (input: unknown, options: ProfileOptions) => ValidationResult<unknown>
  /** Documents as the service sends them (strict profile, valid under both), or near misses of them. */
  readonly documents: (invalid: boolean, baseUrl: string) => fc.Arbitrary<unknown>
  /** SIDs of the resource, or near misses of them. */
  readonly sids: (invalid: boolean) => fc.Arbitrary<unknown>
}

const kebab = (identifier: string): string => identifier.replace(/(?<=[a-z0-9])([A-Z])/g, "-$1").toLowerCase()

const resourceKind = (validation: ResourceValidation<unknown, unknown, unknown>): ResourceKind => {
  const { resource, strict } = validation
  const kind = kebab(String(resource.declaration.identifier))
  // Made when a command asks (the CLI starts without them).
  const arbitraries = (baseUrl?: string) => resourceArbitraries(resource, strict, `shortcode-kit sample ${kind}`, { baseUrl })
  const sidMisses = (): fc.Arbitrary<NearMiss> => {
    const prefix = sidPrefixOf(resource.declaration.sid as Schema.Top)
    if (prefix === undefined) throw new TypeError(`shortcode-kit sample ${kind}-sid: the declaration's sid is not a SID schema`)
    return topLevel(prefix)
  }
  return {
    kind,
    codec: resource.codec,
    page: resource.page,
    validate: validation.validate,
    validatePage: validation.validatePage,
    documents: (invalid, baseUrl) => (invalid ? arbitraries(baseUrl).nearMiss : arbitraries(baseUrl).wire),
    sids: (invalid) => (invalid ? sidMisses() : arbitraries().sid)
  }
}

/** The kinds, in the order the commands list them. */
export const resourceKinds: ReadonlyArray<ResourceKind> = [phoneNumbers, alphaSenders].map((validation) =>
  resourceKind(validation as ResourceValidation<unknown, unknown, unknown>)
)

/** The kind names a command derives from each resource (`suffixes` `["", "-sid"]`: `phone-number`, `phone-number-sid`). */
export const resourceKindNames = (suffixes: ReadonlyArray<string>): ReadonlyArray<string> =>
  resourceKinds.flatMap(({ kind }) => suffixes.map((suffix) => `${kind}${suffix}`))

/** The row and the suffix of `name` among `suffixes`, or `undefined` when `name` is not a resource kind. */
export const resourceKindOf = (name: string, suffixes: ReadonlyArray<string>): { readonly row: ResourceKind; readonly suffix: string } | undefined => {
  for (const row of resourceKinds) {
    for (const suffix of suffixes) if (name === `${row.kind}${suffix}`) return { row, suffix }
  }
  return undefined
}
