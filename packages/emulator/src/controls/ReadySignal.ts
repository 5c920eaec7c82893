/**
 * The ready signal of the command line entry (`READY_JSON=1`): one JSON line on stdout, before the human banner,
 * for a test runner's global setup to read instead of parsing the banner. Its fields are a contract scripts rely on.
 */
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_PHONE_NUMBER_SIDS, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../Demo.js"
import type { RunningServer } from "../Server.js"

/** The JSON line: where the emulator listens, its admin token, its database, and the demo credentials if loaded. */
export interface ReadySignal {
  readonly ready: true
  readonly url: string
  readonly host: string
  readonly port: number
  readonly admin_token: string
  /** The SQLite file, or `:memory:`. */
  readonly database: string
  /** `null` when a seed file replaced the demo data. */
  readonly demo: {
    readonly account_sid: string
    readonly auth_token: string
    readonly service_sid: string
    readonly short_code_sids: ReadonlyArray<string>
    /** The demo inventory's phone numbers (the first is in the demo service). */
    readonly phone_number_sids: ReadonlyArray<string>
  } | null
}

/** The ready line of `server`, newline included. */
export const readyLine = (server: RunningServer, databasePath: string): string => {
  const signal: ReadySignal = {
    ready: true,
    url: server.url,
    host: server.host,
    port: server.port,
    admin_token: server.adminToken,
    database: databasePath,
    demo: server.emulator.config.demo
      ? {
          account_sid: DEMO_ACCOUNT_SID,
          auth_token: DEMO_AUTH_TOKEN,
          service_sid: DEMO_SERVICE_SID,
          short_code_sids: DEMO_SHORT_CODE_SIDS,
          phone_number_sids: DEMO_PHONE_NUMBER_SIDS
        }
      : null
  }
  return `${JSON.stringify(signal)}\n`
}
