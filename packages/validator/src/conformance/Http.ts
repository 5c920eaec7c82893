/**
 * Sending requests to the implementation under test and keeping a record of each exchange that can be shown, saved
 * and replayed: credentials appear only as the environment variables that hold them.
 */
import { AUTH_TOKEN_VARIABLE, expandingWord, OTHER_AUTH_TOKEN_VARIABLE, shellWord, toCurl } from "./Curl.js"
import type { Expectation } from "./Expectation.js"
import type { Credentials, ResolvedOptions } from "./Options.js"

/**
 * How one request authenticates: the real header (never recorded), how it is shown in reports, and the curl
 * arguments that send the same header.
 */
export interface AuthUse {
  readonly label: string
  readonly header: (primary: Credentials, other: Credentials | undefined) => string | undefined
  readonly shown: string | undefined
  readonly curl: ReadonlyArray<string>
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`

export const auth = {
  primary: (accountSid: string): AuthUse => ({
    label: "the account's credentials",
    header: (primary) => basic(primary.accountSid, primary.authToken),
    shown: `Basic base64(${accountSid}:$${AUTH_TOKEN_VARIABLE})`,
    curl: [`--user ${expandingWord(`${accountSid}:$${AUTH_TOKEN_VARIABLE}`)}`]
  }),
  other: (accountSid: string): AuthUse => ({
    label: "another account's credentials",
    header: (_, other) => (other === undefined ? undefined : basic(other.accountSid, other.authToken)),
    shown: `Basic base64(${accountSid}:$${OTHER_AUTH_TOKEN_VARIABLE})`,
    curl: [`--user ${expandingWord(`${accountSid}:$${OTHER_AUTH_TOKEN_VARIABLE}`)}`]
  }),
  none: (): AuthUse => ({ label: "no credentials", header: () => undefined, shown: undefined, curl: [] }),
  /** A user and password that are not secrets (a made-up token, another SID): shown as they are. */
  literal: (label: string, user: string, password: string): AuthUse => ({
    label,
    header: () => basic(user, password),
    shown: `Basic base64(${user}:${password})`,
    curl: [`--user ${shellWord(`${user}:${password}`)}`]
  }),
  /** The account's token changed by a shell expansion (`${T}x`, `${T%?}`), so the command needs no secret. */
  derived: (label: string, accountSid: string, change: (token: string) => string, expansion: string): AuthUse => ({
    label,
    header: (primary) => basic(accountSid, change(primary.authToken)),
    shown: `Basic base64(${accountSid}:${expansion})`,
    curl: [`--user ${expandingWord(`${accountSid}:${expansion}`)}`]
  }),
  /** An Authorization header that is not Basic credentials; `withToken` puts the account's token in it. */
  header: (label: string, value: string, withToken?: { readonly before: string; readonly after: string }): AuthUse => ({
    label,
    header: (primary) => (withToken === undefined ? value : `${withToken.before}${primary.authToken}${withToken.after}`),
    shown: withToken === undefined ? value : `${withToken.before}$${AUTH_TOKEN_VARIABLE}${withToken.after}`,
    curl: [`-H ${withToken === undefined ? shellWord(`Authorization: ${value}`) : expandingWord(`Authorization: ${withToken.before}$${AUTH_TOKEN_VARIABLE}${withToken.after}`)}`]
  })
} as const

/** A request to send: `path` below the base URL (starting with `/`), or a URL already on the base URL. */
export interface OutgoingRequest {
  readonly method: string
  readonly path: string
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly body?: string | undefined
  readonly auth: AuthUse
}

/**
 * A request as sent, with the Authorization header as it is shown (secrets as `$VARIABLE`).
 *
 * @since 0.2.0
 */
export interface RecordedRequest {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | null
  /** How it authenticated: "the account's credentials", "no credentials", "a wrong token", ... */
  readonly auth: string
}

/**
 * An answer: status, headers (lower-case names) and the body as text.
 *
 * @since 0.2.0
 */
export interface RecordedResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * One request and what came back (`response` is `null` when nothing did: `error` says why), with what it had to
 * get and the curl command that sends it again.
 *
 * @since 0.2.0
 */
export interface Exchange {
  /** What this step does, in words: "add SC… to the service". */
  readonly step: string
  readonly request: RecordedRequest
  readonly response: RecordedResponse | null
  readonly error: string | null
  readonly expected: Expectation
  readonly curl: string
}

/** The run was stopped by the caller's AbortSignal: not a finding about the target. */
export class Aborted extends Error {
  override readonly name = "Aborted"
}

/**
 * Where a `next_page_url` leads, on the base URL: credentials never go to another origin. `root` is the API's first
 * path segment (`/v1/`), where the resource path of an absolute URL of another origin starts.
 */
export const followUrl = (link: string, baseUrl: string, root: string): string | undefined => {
  let url: URL
  try {
    url = new URL(link, `${baseUrl}/`)
  } catch {
    return undefined
  }
  if (url.href.startsWith(`${baseUrl}/`)) return url.href
  // Twilio's own URLs (or a stand-in reporting them): keep the resource path and the query, on the base URL.
  const at = url.pathname.indexOf(root)
  return at < 0 ? undefined : `${baseUrl}${url.pathname.slice(at)}${url.search}`
}

/** Sends requests with a time limit each, and counts them. */
export class Target {
  constructor(
    readonly options: ResolvedOptions,
    private readonly shared: { requests: number; onRequest: () => void } = { requests: 0, onRequest: () => {} }
  ) {}

  /** Requests sent so far, by this target and the ones made from it. */
  get requests(): number {
    return this.shared.requests
  }

  set onRequest(listener: () => void) {
    this.shared.onRequest = listener
  }

  /** The same target, deaf to the caller's signal: restoring the service must go on after a stop. */
  withoutSignal(): Target {
    return new Target({ ...this.options, signal: undefined }, this.shared)
  }

  get baseUrl(): string {
    return this.options.baseUrl
  }

  async send(outgoing: OutgoingRequest): Promise<{ readonly request: RecordedRequest; readonly response: RecordedResponse | null; readonly error: string | null; readonly curl: string }> {
    const { options } = this
    if (options.signal?.aborted === true) throw new Aborted("the run was stopped")
    const url = outgoing.path.startsWith("/") ? `${options.baseUrl}${outgoing.path}` : outgoing.path
    const headers = { ...(outgoing.headers ?? {}) }
    const authorization = outgoing.auth.header(options.primary, options.other)
    const sent = new Headers(headers)
    if (authorization !== undefined) sent.set("authorization", authorization)
    const body = outgoing.body === undefined ? null : outgoing.body
    const shownHeaders = outgoing.auth.shown === undefined ? headers : { ...headers, Authorization: outgoing.auth.shown }
    let href = url
    try {
      href = new URL(url).href
    } catch {
      // Reported below as the error of the exchange.
    }
    const request: RecordedRequest = { method: outgoing.method, url: href, headers: shownHeaders, body, auth: outgoing.auth.label }
    const curl = toCurl({ method: outgoing.method, url: href, headers, body, auth: outgoing.auth.curl })
    this.shared.requests++
    this.shared.onRequest()
    // The deadline settles the exchange by itself: the fetch and the body are raced against a timer the exchange
    // holds. Aborting the request's signal alone is not enough, as the Request's own signal follows ours only weakly:
    // a fetch that never settles (and keeps nothing else alive) could be collected with it, and the run then hung
    // (seen under load in Runner.test.ts). The signal is still aborted, so a real fetch frees its socket.
    const deadline = new AbortController()
    let expire: (reason: unknown) => void = () => undefined
    const expired = new Promise<never>((_, reject) => {
      expire = reject
    })
    expired.catch(() => undefined)
    const timer = setTimeout(() => {
      const reason = new DOMException(`no answer within ${options.requestTimeoutMs} ms`, "TimeoutError")
      deadline.abort(reason)
      expire(reason)
    }, options.requestTimeoutMs)
    const timeout = deadline.signal
    const stop = options.signal
    const onStop = (): void => expire(stop?.reason)
    stop?.addEventListener("abort", onStop, { once: true })
    const signal = stop === undefined ? timeout : AbortSignal.any([timeout, stop])
    try {
      if (stop?.aborted === true) throw new Aborted("the run was stopped")
      // Bytes, so that fetch adds no Content-Type of its own; no redirects, so credentials stay on the target.
      const response = await Promise.race([
        options.fetch(new Request(href, {
          method: outgoing.method,
          headers: sent,
          ...(body === null ? {} : { body: new TextEncoder().encode(body) }),
          redirect: "manual",
          signal
        })),
        expired
      ])
      const text = await Promise.race([response.text(), expired])
      const responseHeaders: Record<string, string> = {}
      response.headers.forEach((value, name) => {
        responseHeaders[name.toLowerCase()] = value
      })
      return { request, response: { status: response.status, headers: responseHeaders, body: text }, error: null, curl }
    } catch (cause) {
      if (cause instanceof Aborted || (!timeout.aborted && stop?.aborted === true)) throw new Aborted("the run was stopped")
      const error = timeout.aborted
        ? `no answer within ${options.requestTimeoutMs} ms`
        : `no answer: ${cause instanceof Error ? `${cause.message}${cause.cause instanceof Error ? ` (${cause.cause.message})` : ""}` : String(cause)}`
      return { request, response: null, error, curl }
    } finally {
      clearTimeout(timer)
      stop?.removeEventListener("abort", onStop)
    }
  }
}
