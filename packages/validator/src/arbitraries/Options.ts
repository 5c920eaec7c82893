import { TWILIO_MESSAGING_BASE_URL } from "@shortcode-kit/schema"
import type { Profile } from "../Profile.js"

/**
 * Options of the ShortCode arbitraries.
 *
 * @since 0.1.0
 */
export interface ShortCodeArbitraryOptions {
  /** Let properties be `null` where the profile allows it (spec: all; strict: short_code, country_code, capabilities). */
  readonly nulls?: boolean | undefined
  /** The profile the values must satisfy (default `spec`). */
  readonly profile?: Profile | undefined
  /** The origin of `url` (default `https://messaging.twilio.com`). */
  readonly baseUrl?: string | undefined
}

export interface ResolvedOptions {
  readonly nulls: boolean
  readonly profile: Profile
  readonly baseUrl: string
}

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
  return { nulls, profile, baseUrl: baseUrl.replace(/\/$/, "") }
}
