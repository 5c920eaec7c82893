/**
 * The two ways to judge a ShortCode: by Twilio's published contract (`spec`) or by what a real one looks like
 * (`strict`).
 *
 * @since 0.1.0
 */
import { TWILIO_MESSAGING_BASE_URL } from "@shortcode-kit/schema"

/**
 * `spec`: what Twilio's OpenAPI allows (every property optional and nullable). `strict`: every key present, SIDs,
 * dates and `url` non-null, real short code and country values, `url` the resource's own under `baseUrl`.
 *
 * @since 0.1.0
 */
export type Profile = "spec" | "strict"

/**
 * Options of the ShortCode validators. `baseUrl` (default `https://messaging.twilio.com`) is the origin the
 * strict profile expects in `url`; the spec profile does not look at it.
 *
 * @example
 * ```ts
 * import type { ProfileOptions } from "@shortcode-kit/validator"
 *
 * const options: ProfileOptions = { profile: "strict", baseUrl: "http://127.0.0.1:4010" }
 * ```
 * @since 0.1.0
 */
export interface ProfileOptions {
  readonly profile?: Profile | undefined
  readonly baseUrl?: string | undefined
}

/** The options with their defaults, or a TypeError naming what is wrong: bad options are a programming mistake. */
export const resolveProfileOptions = (caller: string, options: unknown): { readonly profile: Profile; readonly baseUrl: string } => {
  if (options === undefined) return { profile: "spec", baseUrl: TWILIO_MESSAGING_BASE_URL }
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${caller}: options must be an object such as { profile: "strict" }, received ${String(options)}`)
  }
  const { profile = "spec", baseUrl = TWILIO_MESSAGING_BASE_URL } = options as ProfileOptions
  if (profile !== "spec" && profile !== "strict") {
    throw new TypeError(`${caller}: profile must be "spec" or "strict", received ${JSON.stringify(profile)}`)
  }
  if (typeof baseUrl !== "string" || !/^https?:\/\/[^/?#\s]+\/?$/.test(baseUrl)) {
    throw new TypeError(`${caller}: baseUrl must be an http(s) origin such as https://messaging.twilio.com, received ${JSON.stringify(baseUrl)}`)
  }
  return { profile, baseUrl: baseUrl.replace(/\/$/, "") }
}
