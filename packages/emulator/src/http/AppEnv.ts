/**
 * What the middleware puts on the request context for the handlers: the authenticated account (Twilio routes
 * only), the request body, already read within the size limit, and the request id source.
 */
import type { IncomingMessage } from "node:http"
import type { AccountRecord } from "../store/Repository.js"

/**
 * `Bindings` is what the node:http server passes along with each request (`@hono/node-server` gives the raw
 * request as `incoming`); in-process calls of `fetch` have none (`c.env` is then `undefined`).
 */
export type AppEnv = {
  Bindings: { readonly incoming?: IncomingMessage }
  /** `requestId` is the emulator's id source, put there by the envelope for the answers made in http/respond.ts. */
  Variables: { account: AccountRecord; body: Uint8Array; requestId: () => string }
}
