/**
 * What the middleware puts on the request context for the handlers: the authenticated account (Twilio routes
 * only) and the request body, already read within the size limit.
 */
import type { AccountRecord } from "../store/Repository.js"

export type AppEnv = { Variables: { account: AccountRecord; body: Uint8Array } }
