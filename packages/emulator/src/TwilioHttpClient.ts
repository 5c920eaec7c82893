/**
 * Pointing the official `twilio` SDK at the emulator, through its documented `httpClient` option.
 */
import twilio from "twilio"

type RequestOptions<TData> = Parameters<twilio.RequestClient["request"]>[0] & { data?: TData }

/**
 * The options of `twilio.RequestClient` (`autoRetry`, `maxRetries`, `maxRetryDelay`, `timeout`, `keepAlive`, ...).
 * With a custom `httpClient` the SDK ignores its own `autoRetry` and `maxRetries`: they go here.
 */
export type TwilioHttpClientOptions = NonNullable<ConstructorParameters<typeof twilio.RequestClient>[0]>

const isTwilioHost = (hostname: string): boolean => hostname === "twilio.com" || hostname.endsWith(".twilio.com")

/**
 * The SDK's URL with a Twilio origin (`https://messaging.twilio.com`, any `*.twilio.com`) replaced by `baseUrl`;
 * any other URL unchanged. A path in `baseUrl` is kept as a prefix.
 *
 * @example
 * ```ts
 * import { rewriteTwilioUrl } from "@shortcode-kit/emulator/twilio"
 *
 * rewriteTwilioUrl("https://messaging.twilio.com/v1/Services?PageSize=1", "http://127.0.0.1:4010")
 * // "http://127.0.0.1:4010/v1/Services?PageSize=1"
 * ```
 */
export const rewriteTwilioUrl = (uri: string, baseUrl: string): string => {
  const url = new URL(uri)
  if (url.protocol !== "https:" || !isTwilioHost(url.hostname)) return uri
  const base = new URL(baseUrl)
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}${url.pathname}${url.search}`
}

/**
 * A `twilio.RequestClient` that sends every request for a Twilio host to `baseUrl` instead: requests the SDK
 * builds itself, and the `next_page_url`s it follows (which the emulator, like Twilio, writes on
 * `https://messaging.twilio.com` unless `PUBLIC_BASE_URL` says otherwise). `options` go to `twilio.RequestClient`:
 * that is where `autoRetry` (the SDK's retry of 429 answers) is turned on, since `twilio(..., { autoRetry })` only
 * configures the client the SDK builds itself.
 *
 * @example
 * ```ts
 * import twilio from "twilio"
 * import { makeTwilioHttpClient } from "@shortcode-kit/emulator/twilio"
 *
 * const client = twilio("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "demo-auth-token", {
 *   httpClient: makeTwilioHttpClient("http://127.0.0.1:4010", { autoRetry: true, maxRetries: 3 })
 * })
 * const shortCodes = await client.messaging.v1.services("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").shortCodes.list()
 * ```
 */
export const makeTwilioHttpClient = (baseUrl: string, options: TwilioHttpClientOptions = {}): twilio.RequestClient => {
  let base: URL
  try {
    base = new URL(baseUrl)
  } catch {
    throw new Error(`makeTwilioHttpClient: baseUrl must be an absolute http(s) URL such as http://127.0.0.1:4010, received ${JSON.stringify(baseUrl)}`)
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw new Error(`makeTwilioHttpClient: baseUrl must use http or https, received ${JSON.stringify(baseUrl)}`)
  }
  class EmulatorRequestClient extends twilio.RequestClient {
    override request<TData>(opts: RequestOptions<TData>) {
      return super.request<TData>({ ...opts, uri: rewriteTwilioUrl(opts.uri, base.href) })
    }
  }
  return new EmulatorRequestClient(options)
}
