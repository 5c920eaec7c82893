/**
 * One in-process emulator per test file, reset before every test, and a manager that talks to it through the
 * official SDK without a socket.
 */
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, type Emulator, makeServer, type ServerOptions } from "@shortcode-kit/emulator"
import { makeInProcessHttpClient } from "@shortcode-kit/emulator/twilio"
import { afterAll, beforeAll, beforeEach } from "vitest"
import { makeShortCodeManager, type RetryPolicy, type ShortCodeManager } from "../../src/index.js"

/** The emulator of this file, with its demo data back before every test. */
export const useInProcessEmulator = (options: ServerOptions = {}): (() => Emulator) => {
  let emulator: Emulator | undefined
  beforeAll(() => {
    emulator = makeServer({ database: ":memory:", log: false, ...options })
  })
  beforeEach(async () => {
    await emulator?.reset() // demo data back, journal empty, fault rules cleared
  })
  afterAll(async () => {
    await emulator?.close()
  })
  return () => {
    if (emulator === undefined) throw new Error("useInProcessEmulator: the emulator is made in beforeAll; call this inside a test")
    return emulator
  }
}

/** A sleeper that only writes down how long it was asked to wait, so retries cost no real time. */
export const recordingSleep = () => {
  const waits: Array<number> = []
  return { waits, sleep: async (ms: number) => void waits.push(ms) }
}

/** A manager over `handler` (an emulator, or a wrapper of one) with the demo credentials. */
export const managerFor = (
  handler: { readonly fetch: (request: Request) => Promise<Response> },
  options: { readonly retry?: RetryPolicy; readonly sleep?: (ms: number) => Promise<void>; readonly authToken?: string } = {}
): ShortCodeManager =>
  makeShortCodeManager({
    accountSid: DEMO_ACCOUNT_SID,
    authToken: options.authToken ?? DEMO_AUTH_TOKEN,
    httpClient: makeInProcessHttpClient(handler),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    sleep: options.sleep ?? recordingSleep().sleep
  })
