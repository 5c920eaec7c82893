/**
 * `@shortcode-kit/example-short-code-manager`: an example service that manages short codes in Messaging Services
 * through the official `twilio` SDK, written the way a user of shortcode-kit writes their own.
 */
export { type CallFailure, type ConnectionLost, describeFailure, isTransient, mayHaveHappened, parseRetryAfter, parseSdkError, type TwilioAnswer } from "./CallFailure.js"
export type * from "./Outcome.js"
export { type BackoffOptions, exponentialBackoff, type RetryPolicy } from "./RetryPolicy.js"
export { type Attempts, type Sleep, tapHeaders, withRetries } from "./retrying.js"
export { makeShortCodeManager, type ShortCodeManager, type ShortCodeManagerOptions } from "./ShortCodeManager.js"
