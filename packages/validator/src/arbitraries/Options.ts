import { TWILIO_MESSAGING_BASE_URL } from "@shortcode-kit/schema"
import type * as fc from "fast-check"
import type { Profile } from "../Profile.js"
import { sidArbitrary, type SidOverrides } from "./Overrides.js"

/**
 * Options of the ShortCode arbitraries. The SID overrides (`accountSid`, `serviceSid`, `shortCodeSid`) fix those
 * properties, never `null`, and `url` is built from them.
 *
 * @since 0.1.0
 */
export interface ShortCodeArbitraryOptions extends SidOverrides {
  /** Let properties be `null` where the profile allows it (spec: all; strict: short_code, country_code, capabilities). */
  readonly nulls?: boolean | undefined
  /** The profile the values must satisfy (default `spec`). */
  readonly profile?: Profile | undefined
  /** The origin of `url` (default `https://messaging.twilio.com`). */
  readonly baseUrl?: string | undefined
}

/** A SID's arbitrary and whether it is a fixed override (which is never replaced by `null`). */
export interface ResolvedSid {
  readonly arbitrary: fc.Arbitrary<string>
  readonly fixed: boolean
}

export interface ResolvedOptions {
  readonly nulls: boolean
  readonly profile: Profile
  readonly baseUrl: string
  readonly sids: { readonly [K in keyof SidOverrides]-?: ResolvedSid }
}

const resolveSid = (caller: string, name: keyof SidOverrides, given: unknown): ResolvedSid => ({
  arbitrary: sidArbitrary(caller, name, given),
  fixed: given !== undefined
})

/** Bad options are a programming mistake in a test suite: fail at once, saying which option and why. */
export const resolveArbitraryOptions = (caller: string, options: ShortCodeArbitraryOptions | undefined): ResolvedOptions => {
  const { nulls = false, profile = "spec", baseUrl = TWILIO_MESSAGING_BASE_URL } = options ?? {}
  if (typeof nulls !== "boolean") throw new TypeError(`${caller}: nulls must be a boolean, received ${JSON.stringify(nulls)}`)
  if (profile !== "spec" && profile !== "strict") {
    throw new TypeError(`${caller}: profile must be "spec" or "strict", received ${JSON.stringify(profile)}`)
  }
  if (typeof baseUrl !== "string" || !/^https?:\/\/[^/?#\s]+\/?$/.test(baseUrl)) {
    throw new TypeError(`${caller}: baseUrl must be an http(s) origin such as https://messaging.twilio.com, received ${JSON.stringify(baseUrl)}`)
  }
  const sids = {
    accountSid: resolveSid(caller, "accountSid", options?.accountSid),
    serviceSid: resolveSid(caller, "serviceSid", options?.serviceSid),
    shortCodeSid: resolveSid(caller, "shortCodeSid", options?.shortCodeSid)
  }
  return { nulls, profile, baseUrl: baseUrl.replace(/\/$/, ""), sids }
}
