/**
 * `@shortcode-kit/emulator/twilio`: the official `twilio` SDK pointed at an emulator, over HTTP or in-process. A
 * subpath of its own because `twilio` is an optional peer dependency: the main entry works without it.
 */
export { makeTwilioHttpClient, rewriteTwilioUrl, type TwilioHttpClientOptions } from "./TwilioHttpClient.js"
export { makeInProcessHttpClient, type FetchHandler, type InProcessHttpClientOptions } from "./InProcessHttpClient.js"
