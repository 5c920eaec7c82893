/**
 * The official `twilio` SDK talking to an emulator in the same process: its `httpClient` hands each request to the
 * emulator's web-standard handler, with no socket, no port and no HTTP parsing in between.
 */
import twilio from "twilio"
import { rewriteTwilioUrl } from "./TwilioHttpClient.js"

type RequestOptions<TData> = Parameters<twilio.RequestClient["request"]>[0] & { data?: TData }
type SdkResponse<TData> = Awaited<ReturnType<twilio.RequestClient["request"]>> & { body: TData }

/** What {@link makeInProcessHttpClient} needs of an emulator: its web-standard handler. */
export interface FetchHandler {
  readonly fetch: (request: Request) => Promise<Response>
}

/** Options of {@link makeInProcessHttpClient}, named and defaulted as the SDK's own `RequestClient` options. */
export interface InProcessHttpClientOptions {
  /** Retry a 429 answer with the SDK's exponential backoff and full jitter. Default `false`, as in the SDK. */
  readonly autoRetry?: boolean
  /** Retries of a 429 answer at most. Default 3, as in the SDK. */
  readonly maxRetries?: number
  /** Largest delay between two retries, in milliseconds. Default 3000, as in the SDK. */
  readonly maxRetryDelay?: number
}

// The SDK's backoff (twilio/lib/base/RequestClient.js): 100 ms × 2^retry, capped, times a random factor in [0, 1).
const INITIAL_RETRY_INTERVAL_MS = 100

// The origin the handler sees. Only the path and query of a request matter to the emulator; the origin of the
// resource URLs in its answers is its own `publicBaseUrl`, whatever this says.
const IN_PROCESS_ORIGIN = "http://in-process.emulator.local"

/** The SDK's form encoding (`qs.stringify` with `arrayFormat: "repeat"`): a list becomes repeated keys. */
const encodeParams = (params: object): string => {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item))
  }
  return search.toString()
}

const headerRecord = (headers: Headers): Record<string, string> => {
  const record: Record<string, string> = {}
  headers.forEach((value, name) => {
    record[name] = value
  })
  return record
}

/**
 * A `twilio.RequestClient` that answers every request from `emulator.fetch`, in this process: the same Basic
 * credentials, form bodies, query parameters and answers as over HTTP (the SDK follows `next_page_url`s through it
 * too), several times faster than a loopback socket. A fault that drops the connection rejects the request as a
 * reset connection would.
 *
 * @example
 * ```ts
 * import twilio from "twilio"
 * import { makeServer } from "@shortcode-kit/emulator"
 * import { makeInProcessHttpClient } from "@shortcode-kit/emulator/twilio"
 *
 * const emulator = makeServer({ database: ":memory:", log: false })
 * const client = twilio("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "demo-auth-token", {
 *   httpClient: makeInProcessHttpClient(emulator)
 * })
 * const services = await client.messaging.v1.services.list()
 * await emulator.close()
 * ```
 */
export const makeInProcessHttpClient = (
  emulator: FetchHandler,
  options: InProcessHttpClientOptions = {}
): twilio.RequestClient => {
  const autoRetry = options.autoRetry ?? false
  const maxRetries = options.maxRetries ?? 3
  const maxRetryDelay = options.maxRetryDelay ?? 3000
  for (const [name, value] of [["maxRetries", maxRetries], ["maxRetryDelay", maxRetryDelay]] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`makeInProcessHttpClient: ${name} must be a whole number >= 0, received ${JSON.stringify(value)}`)
    }
  }

  const once = async <TData>(opts: RequestOptions<TData>): Promise<SdkResponse<TData>> => {
    const url = new URL(rewriteTwilioUrl(opts.uri, IN_PROCESS_ORIGIN))
    if (opts.params !== undefined && opts.params !== null) {
      const query = encodeParams(opts.params)
      if (query !== "") url.search = url.search === "" ? `?${query}` : `${url.search}&${query}`
    }
    const headers = new Headers()
    for (const [name, value] of Object.entries(opts.headers ?? {})) {
      if (value !== undefined) headers.set(name, String(value))
    }
    if (opts.username !== undefined && opts.password !== undefined && opts.username !== "" && opts.password !== "") {
      headers.set("Authorization", `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString("base64")}`)
    } else if (opts.authStrategy !== undefined) {
      headers.set("Authorization", await opts.authStrategy.getAuthString())
    }
    const method = opts.method.toUpperCase()
    let body: string | undefined
    if (opts.data !== undefined && opts.data !== null && method !== "GET" && method !== "HEAD") {
      const contentType = headers.get("Content-Type")
      body = contentType === "application/json" ? JSON.stringify(opts.data) : encodeParams(opts.data as object)
    }
    let response: Response
    try {
      response = await emulator.fetch(new Request(url, body === undefined ? { method, headers } : { method, headers, body }))
    } catch (cause) {
      // What the SDK's axios client reports when the server drops the connection.
      throw Object.assign(new Error(`socket hang up (${method} ${url.pathname}: the emulator dropped the connection)`), {
        code: "ECONNRESET",
        cause
      })
    }
    return { statusCode: response.status, body: (await response.text()) as TData, headers: headerRecord(response.headers) }
  }

  class InProcessRequestClient extends twilio.RequestClient {
    override async request<TData>(opts: RequestOptions<TData>): Promise<SdkResponse<TData>> {
      if (!opts.method) throw new Error("http method is required")
      if (!opts.uri) throw new Error("uri is required")
      let response = await once(opts)
      for (let retry = 1; autoRetry && response.statusCode === 429 && retry <= maxRetries; retry++) {
        const delay = Math.floor(Math.min(maxRetryDelay, INITIAL_RETRY_INTERVAL_MS * 2 ** retry) * Math.random())
        await new Promise((resolve) => setTimeout(resolve, delay))
        response = await once(opts)
      }
      return response
    }
  }
  return new InProcessRequestClient({ autoRetry: false })
}
