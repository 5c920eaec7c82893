/**
 * The recipe of the README ("In your test suite"), as a user writes it: one emulator per test file (vitest runs
 * files in parallel workers, each gets its own port and database) reset before every test.
 */
import { type RunningServer, startServer } from "@shortcode-kit/emulator"
import { afterAll, beforeAll, beforeEach } from "vitest"

export const useEmulator = (): (() => RunningServer) => {
  let server: RunningServer | undefined
  beforeAll(async () => {
    server = await startServer({ port: 0, database: ":memory:", log: false })
  })
  beforeEach(async () => {
    await server?.reset()
  })
  afterAll(async () => {
    await server?.close()
  })
  return () => {
    if (server === undefined) throw new Error("the emulator is not started yet")
    return server
  }
}
