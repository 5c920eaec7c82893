/**
 * Fault injection in one call, for `makeServer`: a store, its admin routes on the application, its TypeScript
 * handle, and the wrapper to put around the handler.
 */
import type { Hono } from "hono"
import type { ServerConfig } from "../Config.js"
import type { AppEnv } from "../http/AppEnv.js"
import { adminAuth } from "../http/auth.js"
import { makeFaults, type Faults } from "./Faults.js"
import { registerFaultRoutes } from "./faultRoutes.js"
import { type FaultStore, makeFaultStore } from "./FaultStore.js"
import { type FetchHandler, withFaults } from "./withFaults.js"

/** What `installFaults` gives the server. */
export interface InstalledFaults {
  /** The rules; `store.clear()` is what a reset of the emulator calls. */
  readonly store: FaultStore
  readonly handle: Faults
  /** `(fetch) => fetch`: the rules applied before `fetch`. */
  readonly wrap: (fetch: FetchHandler) => FetchHandler
}

/** Registers `/admin/faults` on `app` (behind the admin token) and returns the store, handle and wrapper. */
export const installFaults = (app: Hono<AppEnv>, config: ServerConfig): InstalledFaults => {
  const store = makeFaultStore()
  registerFaultRoutes(app, { store, auth: adminAuth(config.adminToken) })
  return { store, handle: makeFaults(store), wrap: withFaults(store, config.log) }
}
