/**
 * How a typed client reaches its API, and the check of those options: a programmer's mistake there throws at once
 * with a message naming the maker, the option and what it received.
 *
 * @since 0.2.0
 */
import { Redacted } from "effect"

/**
 * How to reach the API.
 *
 * @since 0.2.0
 */
export interface ResourceClientOptions {
  /** Origin (and optional path prefix) of the API; default `https://messaging.twilio.com`. */
  readonly baseUrl?: string | URL | undefined
  /** HTTP Basic user name: the Account SID (or an API Key SID, which Twilio also accepts). */
  readonly accountSid: string
  /** HTTP Basic password: the Auth Token (or the API Key secret). */
  readonly authToken: string | Redacted.Redacted<string>
  /** The `fetch` to send requests with; default `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch | undefined
}

/** The options once checked: a base URL without a trailing slash, the token redacted. */
export interface CheckedClientOptions {
  readonly baseUrl: string
  readonly accountSid: string
  readonly authToken: Redacted.Redacted<string>
  readonly fetch: typeof globalThis.fetch | undefined
}

const normalizeBaseUrl = (maker: string, baseUrl: string | URL): string => {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new Error(`${maker}: baseUrl must be an absolute http(s) URL, received ${JSON.stringify(String(baseUrl))}`)
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`${maker}: baseUrl must use http or https, received ${JSON.stringify(url.href)}`)
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new Error(`${maker}: baseUrl must not carry credentials, a query or a fragment, received ${JSON.stringify(url.href)}`)
  }
  return url.href.replace(/\/+$/, "")
}

/**
 * Checks the options of the client maker named `maker`, with `defaultBaseUrl` where none is given.
 *
 * @since 0.2.0
 */
export const checkClientOptions = (maker: string, defaultBaseUrl: string, options: ResourceClientOptions): CheckedClientOptions => {
  if (typeof options !== "object" || options === null) {
    throw new Error(`${maker}: options must be an object { baseUrl?, accountSid, authToken, fetch? }`)
  }
  const { accountSid } = options
  if (typeof accountSid !== "string" || accountSid === "" || accountSid.includes(":")) {
    throw new Error(
      `${maker}: accountSid must be a non-empty string without ":" (HTTP Basic user name), received ${JSON.stringify(accountSid)}`
    )
  }
  const authToken = Redacted.isRedacted(options.authToken) ? options.authToken : Redacted.make(options.authToken)
  const token = Redacted.value(authToken) as unknown
  if (typeof token !== "string" || token === "") {
    throw new Error(`${maker}: authToken must be a non-empty string`)
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new Error(`${maker}: fetch must be a function when given`)
  }
  return {
    baseUrl: normalizeBaseUrl(maker, options.baseUrl ?? defaultBaseUrl),
    accountSid,
    authToken: authToken as Redacted.Redacted<string>,
    fetch: options.fetch
  }
}
