/**
 * What a real short code looks like, beyond what Twilio's schema promises. Use it to check a stand-in or a recorded
 * fixture against reality; use {@link ShortCode} to accept whatever Twilio's contract allows.
 *
 * @since 0.1.0
 */
import { memberStrictMaker, memberUrl } from "./resource/memberStrict.js"
import { ShortCodeResource } from "./ShortCode.js"

export { TWILIO_MESSAGING_BASE_URL } from "./resource/memberStrict.js"
export { Capability, ShortCodeNumber } from "./ShortCodeNumber.js"

/** The canonical resource URL of a short code in a service under `baseUrl`: the declared instance path, filled in. */
export const shortCodeUrl = (baseUrl: string, serviceSid: string, sid: string): string =>
  memberUrl(ShortCodeResource.instancePath, baseUrl, serviceSid, sid)

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
export const makeShortCodeStrict = memberStrictMaker(ShortCodeResource)

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
