/**
 * Type guards for Twilio SIDs, for code that only needs a yes or no.
 *
 * @since 0.1.0
 */
import { AccountSid, ServiceSid, ShortCodeSid } from "@shortcode-kit/schema"
import { Schema } from "effect"

/**
 * Whether `input` is a Messaging Service SID: `MG` followed by 32 hexadecimal digits.
 *
 * @example
 * ```ts
 * import { isServiceSid } from "@shortcode-kit/validator"
 *
 * isServiceSid("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") // true
 * isServiceSid("mgaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") // false
 * ```
 * @since 0.1.0
 */
export const isServiceSid: (input: unknown) => input is ServiceSid = Schema.is(ServiceSid)

/**
 * Whether `input` is a Short Code SID: `SC` followed by 32 hexadecimal digits.
 *
 * @example
 * ```ts
 * import { isShortCodeSid } from "@shortcode-kit/validator"
 *
 * isShortCodeSid("SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") // true
 * isShortCodeSid("SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n") // false
 * ```
 * @since 0.1.0
 */
export const isShortCodeSid: (input: unknown) => input is ShortCodeSid = Schema.is(ShortCodeSid)

/**
 * Whether `input` is an Account SID: `AC` followed by 32 hexadecimal digits.
 *
 * @example
 * ```ts
 * import { isAccountSid } from "@shortcode-kit/validator"
 *
 * isAccountSid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") // true
 * ```
 * @since 0.1.0
 */
export const isAccountSid: (input: unknown) => input is AccountSid = Schema.is(AccountSid)
