/**
 * What a real short code looks like, beyond what Twilio's schema promises. Use it to check a stand-in or a recorded
 * fixture against reality; use {@link ShortCode} to accept whatever Twilio's contract allows.
 *
 * @since 0.1.0
 */
import { ruleCheck } from "./internal/rule.js"
import { ShortCodeResource } from "./ShortCode.js"

/** Twilio's public API origin, the base of every resource `url` it returns. */
export const TWILIO_MESSAGING_BASE_URL = "https://messaging.twilio.com"

export { Capability, ShortCodeNumber } from "./ShortCodeNumber.js"

/** The canonical resource URL of a short code in a service under `baseUrl`: the declared instance path, filled in. */
export const shortCodeUrl = (baseUrl: string, serviceSid: string, sid: string): string =>
  ShortCodeResource.instanceUrl(baseUrl, { ServiceSid: serviceSid, Sid: sid })

/**
 * Makes the strict profile for resources served under `baseUrl` (default Twilio's own origin), for stand-ins that
 * serve a different origin.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { makeShortCodeStrict } from "@shortcode-kit/schema"
 *
 * const LocalShortCode = makeShortCodeStrict({ baseUrl: "http://127.0.0.1:4010" })
 * ```
 * @since 0.1.0
 */
export const makeShortCodeStrict = (options: { readonly baseUrl?: string } = {}) => {
  const baseUrl = options.baseUrl ?? TWILIO_MESSAGING_BASE_URL
  if (!/^https?:\/\/[^/?#]+\/?$/.test(baseUrl)) {
    throw new Error(`makeShortCodeStrict: baseUrl must be an http(s) origin such as https://messaging.twilio.com, received ${JSON.stringify(baseUrl)}`)
  }
  return ShortCodeResource.strict({
    identifier: "ShortCodeStrict",
    description: "A ShortCode as a real one looks (strict profile)",
    checks: [
      ruleCheck("dates.order", (v: { readonly dateCreated: Date; readonly dateUpdated: Date }) =>
        v.dateUpdated.getTime() >= v.dateCreated.getTime(), {
        message: "date_updated must not be earlier than date_created",
        expected: "date_updated >= date_created"
      }, { abort: false, path: ["date_updated"], received: (v) => v.dateUpdated }),
      ruleCheck("url.canonical", (v: { readonly url: URL; readonly serviceSid: string; readonly sid: string }) =>
        v.url.href === shortCodeUrl(baseUrl, v.serviceSid, v.sid), {
        message: `must be the resource's own URL, ${shortCodeUrl(baseUrl, "{service_sid}", "{sid}")}`,
        expected: shortCodeUrl(baseUrl, "{service_sid}", "{sid}")
      }, { abort: false, path: ["url"], received: (v) => v.url })
    ]
  })
}

/**
 * The strict profile against Twilio's own origin: every key present; `sid`, `account_sid`, `service_sid`, `url` and
 * the dates non-null; `short_code` 3 to 8 digits, `country_code` an assigned ISO code, `capabilities` a duplicate-free
 * subset of SMS and MMS (each of those three may be null); `url` the resource's own; `date_updated >= date_created`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ShortCodeStrict } from "@shortcode-kit/schema"
 *
 * Schema.is(Schema.toEncoded(ShortCodeStrict))({ sid: "SC1" }) // false
 * ```
 * @since 0.1.0
 */
export const ShortCodeStrict = makeShortCodeStrict()

/** @since 0.1.0 */
export type ShortCodeStrict = typeof ShortCodeStrict.Type
