/**
 * Fixed SIDs for the arbitraries: a test suite's own account, service or short code in every generated value.
 *
 * @since 0.2.0
 */
import { AccountSid, ServiceSid, ShortCodeSid } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import { makeValidator } from "../internal/decoder.js"
import { accountSid, serviceSid, shortCodeSid } from "./Sid.js"

/**
 * SIDs that every generated value carries instead of random ones (each optional; default random).
 *
 * @since 0.2.0
 */
export interface SidOverrides {
  /** The `account_sid` of every value (`AC` and 32 hex digits). */
  readonly accountSid?: string | undefined
  /** The `service_sid` of every value (`MG` and 32 hex digits); `url` embeds it. */
  readonly serviceSid?: string | undefined
  /** The `sid` of every value (`SC` and 32 hex digits); `url` embeds it. */
  readonly shortCodeSid?: string | undefined
}

type SidName = keyof SidOverrides

const kinds = {
  accountSid: { validate: makeValidator(AccountSid), random: accountSid },
  serviceSid: { validate: makeValidator(ServiceSid), random: serviceSid },
  shortCodeSid: { validate: makeValidator(ShortCodeSid), random: shortCodeSid }
} as const satisfies Record<SidName, unknown>

/**
 * The arbitrary of one SID: the override when given, else random. An override that is not a valid SID is a mistake in
 * the test suite, so it throws at once with the SID rule it breaks rather than generating values that fail later.
 */
export const sidArbitrary = (caller: string, name: SidName, given: unknown): fc.Arbitrary<string> => {
  if (given === undefined) return kinds[name].random()
  const result = kinds[name].validate(given)
  if (!result.ok) {
    const why = result.issues.map((issue) => `${issue.rule}: ${issue.message} (expected ${issue.expected}; received ${issue.received})`)
    throw new TypeError(`${caller}: ${name} override is not a valid SID: ${why.join("; ")}`)
  }
  return fc.constant<string>(result.value)
}
