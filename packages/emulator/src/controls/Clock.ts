/**
 * The emulator's clock: where every `date_created`, `date_updated` and journal time comes from. By default the
 * system's; a test passes its own to get the same dates on every run.
 */

/** Returns the current time. */
export type Clock = () => Date

/** The system clock. */
export const systemClock: Clock = () => new Date()

/** A clock that stands still until the test moves it. */
export interface TestClock {
  /** The clock to pass as the `clock` option. */
  readonly now: Clock
  /** Moves the clock to `at`. */
  readonly set: (at: Date | string) => void
  /** Moves the clock forward by `ms` milliseconds. */
  readonly advance: (ms: number) => void
}

const toTime = (at: Date | string): number => {
  const time = (typeof at === "string" ? new Date(at) : at).getTime()
  if (Number.isNaN(time)) throw new Error(`shortcode-kit emulator: not a valid time: ${JSON.stringify(String(at))}`)
  return time
}

/**
 * A clock that reads `start` until `set` or `advance` moves it.
 *
 * @example
 * ```ts
 * import { makeTestClock, startServer } from "@shortcode-kit/emulator"
 *
 * const clock = makeTestClock("2024-01-01T00:00:00Z")
 * const server = await startServer({ port: 0, clock: clock.now, sidSeed: 1 })
 * clock.advance(60_000) // the next service is created a minute later
 * ```
 */
export const makeTestClock = (start: Date | string): TestClock => {
  let time = toTime(start)
  return {
    now: () => new Date(time),
    set: (at) => {
      time = toTime(at)
    },
    advance: (ms) => {
      if (!Number.isFinite(ms)) throw new Error(`shortcode-kit emulator: advance needs a finite number of milliseconds, received ${String(ms)}`)
      time += ms
    }
  }
}
