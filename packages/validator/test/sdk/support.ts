// The real twilio SDK 6.3.1, pointed at a small node:http server of this test (the emulator depends on this
// package, so it cannot serve these tests). Bodies are served raw, exactly as written here.
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import twilio from "twilio"
import { ShortCodeInstance } from "twilio/lib/rest/messaging/v1/service/shortCode.js"
import { AC, MG, SC, strictShortCode } from "../fixtures.js"

export { ShortCodeInstance }

/** Where the SDK keeps each wire property, as its ShortCodeInstance constructor (shortCode.js) copies them. */
export const sdkNameOf: Readonly<Record<string, string>> = {
  sid: "sid",
  account_sid: "accountSid",
  service_sid: "serviceSid",
  date_created: "dateCreated",
  date_updated: "dateUpdated",
  short_code: "shortCode",
  country_code: "countryCode",
  capabilities: "capabilities",
  url: "url"
}

/** An SDK client that never sends a request: its `messaging.v1` is the `version` the SDK's classes are built with. */
export const offlineClient = () => twilio(AC, "test-auth-token")

/** The SDK's own instance of a wire payload, built as the SDK builds it after a fetch. */
export const sdkInstance = (payload: unknown, serviceSid = MG): ShortCodeInstance =>
  new ShortCodeInstance(offlineClient().messaging.v1, payload as ConstructorParameters<typeof ShortCodeInstance>[1], serviceSid)

/** A ShortCode Twilio would answer for `sid`, valid under the strict profile. */
export const wireShortCode = (sid: string) => ({
  ...strictShortCode,
  sid,
  capabilities: [...strictShortCode.capabilities],
  url: `https://messaging.twilio.com/v1/Services/${MG}/ShortCodes/${sid}`
})

export interface Route {
  readonly status: number
  /** Sent as is when a string (JSON text or not), as JSON otherwise; nothing for `undefined`. */
  readonly body?: unknown
}

/** A server on 127.0.0.1 with an ephemeral port answering `"METHOD /path"` from `routes` (404 with no body else). */
export const startServer = async (routes: Readonly<Record<string, Route>>): Promise<{ readonly baseUrl: string; readonly server: Server; readonly close: () => Promise<void> }> => {
  const server = createServer((request, response) => {
    const route = routes[`${request.method} ${new URL(request.url ?? "/", "http://x").pathname}`]
    request.resume()
    if (route === undefined) {
      response.writeHead(404).end()
      return
    }
    if (route.body === undefined) {
      response.writeHead(route.status).end()
      return
    }
    response.writeHead(route.status, { "content-type": "application/json" })
    response.end(typeof route.body === "string" ? route.body : JSON.stringify(route.body))
  })
  // Idle keep-alive sockets must not hold the test process open.
  server.keepAliveTimeout = 100
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections()
      server.close((error) => (error ? reject(error) : resolve()))
    })
  }
}

export { AC, MG, SC }
