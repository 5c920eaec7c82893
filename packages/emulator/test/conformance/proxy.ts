/**
 * A reverse proxy in front of the example app, for the broken variants: each variant rewrites requests or answers
 * the way a real implementation goes wrong, and the app itself stays unchanged. Without a fault it is transparent.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { getRequestListener } from "@hono/node-server"
import { afterAll, beforeAll } from "vitest"
import { startTestServer, type TestServer } from "../support/testServer.js"

/** Sends a request on to the app and gives back its answer, with a body that can be read and rewritten. */
export type Forward = (request: Request) => Promise<Response>

/** What a variant does with each request: pass it on (possibly changed) and return an answer (possibly changed). */
export type Fault = (request: Request, forward: Forward) => Promise<Response>

export const transparent: Fault = (request, forward) => forward(request)

export interface Proxy {
  readonly url: string
  /** Where requests go: the app's URL, known once the app (which needs the proxy's URL) is listening. */
  upstream: string
  fault: Fault
  readonly close: () => Promise<void>
}

// Hop-by-hop headers and the length, which changes when a body is rewritten.
const DROPPED = ["connection", "keep-alive", "transfer-encoding", "content-length", "host"]

const copyHeaders = (headers: Headers): Headers => {
  const out = new Headers(headers)
  for (const name of DROPPED) out.delete(name)
  return out
}

export const startProxy = async (): Promise<Proxy> => {
  const proxy: { url: string; upstream: string; fault: Fault } = { url: "", upstream: "", fault: transparent }
  const forward: Forward = async (request) => {
    const url = new URL(request.url)
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : new Uint8Array(await request.arrayBuffer())
    const answer = await fetch(`${proxy.upstream}${url.pathname}${url.search}`, {
      method: request.method,
      headers: copyHeaders(request.headers),
      redirect: "manual",
      ...(body === undefined ? {} : { body })
    })
    return new Response(answer.status === 204 ? null : await answer.arrayBuffer(), { status: answer.status, headers: copyHeaders(answer.headers) })
  }
  const server = createServer(getRequestListener((request) => proxy.fault(request, forward), { overrideGlobalObjects: false }))
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return Object.assign(proxy, {
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error === undefined ? resolve() : reject(error)))
      })
  })
}

/** A copy of `request` with other headers or another body (the original's body is read, not moved). */
export const rebuild = async (request: Request, change: { readonly method?: string; readonly headers?: Headers; readonly body?: string }): Promise<Request> => {
  const method = change.method ?? request.method
  const body = method === "GET" || method === "HEAD" ? undefined : change.body ?? new Uint8Array(await request.clone().arrayBuffer())
  return new Request(request.url, { method, headers: change.headers ?? request.headers, ...(body === undefined ? {} : { body }) })
}

/** The answer with its JSON body changed by `edit` (answers that are not JSON pass unchanged). */
export const editJson = async (response: Response, edit: (body: Record<string, unknown>) => unknown): Promise<Response> => {
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return new Response(text, { status: response.status, headers: response.headers })
  }
  if (typeof body !== "object" || body === null) return new Response(text, { status: response.status, headers: response.headers })
  return new Response(JSON.stringify(edit(body as Record<string, unknown>)), { status: response.status, headers: response.headers })
}

/**
 * A test server reached through a proxy, started before the file's tests and stopped after them: the app reports the
 * proxy's address in its resource URLs. Read `proxy` and `server` inside the tests (they are set by then).
 */
export const proxiedServer = (): { readonly proxy: Proxy; readonly server: TestServer } => {
  const ends = {} as { proxy: Proxy; server: TestServer }
  beforeAll(async () => {
    ends.proxy = await startProxy()
    ends.server = await startTestServer({ publicBaseUrl: ends.proxy.url })
    ends.proxy.upstream = ends.server.url
  })
  afterAll(async () => {
    await ends.proxy.close()
    await ends.server.close()
  })
  return ends
}
