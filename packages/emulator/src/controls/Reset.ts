/**
 * Reset: the store back to what the emulator started with (its demo data and seed, not an empty database), the
 * journal emptied, and every registered reset hook run (the fault rules register one), all before the answer.
 */
import type { Seed } from "../Seed.js"
import { loadSeed, type SeedReport } from "../Seeding.js"
import type { Durability } from "../store/Durability.js"
import type { Repository } from "../store/Repository.js"

/** Something else to put back on reset; it runs after the store is restored. */
export type ResetHook = () => void | Promise<void>

/** The reset operation and where other modules register what they must clear with it. */
export interface Reset {
  /** Restores the start state; resolves with what was loaded, once it is on the disk. */
  readonly reset: () => Promise<SeedReport>
  /** Runs `hook` on every later reset; the returned function unregisters it. */
  readonly onReset: (hook: ResetHook) => () => void
}

export interface ResetOptions {
  readonly repository: Repository
  readonly durability: Durability
  /** What the emulator loaded at start, in that order (demo data, then the seed). */
  readonly startSeeds: ReadonlyArray<Seed>
}

const sum = (reports: ReadonlyArray<SeedReport>): SeedReport =>
  reports.reduce(
    (a, b) => ({
      accounts: a.accounts + b.accounts,
      services: a.services + b.services,
      shortCodes: a.shortCodes + b.shortCodes,
      phoneNumbers: a.phoneNumbers + b.phoneNumbers,
      memberships: a.memberships + b.memberships
    }),
    { accounts: 0, services: 0, shortCodes: 0, phoneNumbers: 0, memberships: 0 }
  )

/**
 * The reset of one emulator. Deleting and reloading are one transaction: a failure (the disk, say) leaves the data
 * as it was, never half reset. The start seeds loaded once at start, so they cannot conflict now that the tables
 * are empty.
 */
export const makeReset = (options: ResetOptions): Reset => {
  const { repository, durability, startSeeds } = options
  const hooks = new Set<ResetHook>()
  return {
    reset: async () => {
      const report = repository.transaction(() => {
        repository.deleteEverything()
        return sum(startSeeds.map((seed) => loadSeed(repository, seed)))
      })
      // A reset is a write like any other: on the disk before it is acknowledged.
      await durability.flush()
      for (const hook of [...hooks]) await hook()
      return report
    },
    onReset: (hook) => {
      // A wrapper per registration, so registering the same function twice needs two unregistrations.
      const entry: ResetHook = () => hook()
      hooks.add(entry)
      return () => {
        hooks.delete(entry)
      }
    }
  }
}
