/**
 * Puts the controls on an emulator: the journal, the reset and the wrapper around its handler, plus the
 * TypeScript side of the same operations for the handle `makeServer` returns. `Server.ts` calls this once.
 */
import type { ServerConfig } from "../Config.js"
import type { Seed } from "../Seed.js"
import type { SeedReport } from "../Seeding.js"
import type { Durability } from "../store/Durability.js"
import type { Repository } from "../store/Repository.js"
import { type ControlledHandler, type Handler, withControls } from "./Controls.js"
import { type JournalEntry, type JournalFilter, makeJournal } from "./Journal.js"
import { makeReset, type ResetHook } from "./Reset.js"

/** The controls of an emulator, in TypeScript (the same operations as `/admin/reset` and `/admin/requests`). */
export interface ControlsHandle {
  /**
   * Restores what the emulator started with (demo data and seed), empties the journal and runs the reset hooks;
   * resolves with what was restored, once it is on the disk.
   *
   * @example
   * ```ts
   * beforeEach(async () => {
   *   await server.reset()
   * })
   * ```
   */
  readonly reset: () => Promise<SeedReport>
  /**
   * The journaled requests, oldest first, optionally only those of a method and a path (a `*` segment of `path`
   * matches one segment, as in a fault rule; a final `*` matches any rest).
   *
   * @example
   * ```ts
   * const adds = server.requests({ method: "POST", path: "/v1/Services/*" })
   * expect(adds.map((r) => r.form["ShortCodeSid"])).toEqual(["SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"])
   * ```
   */
  readonly requests: (filter?: JournalFilter) => ReadonlyArray<JournalEntry>
  /**
   * Empties the journal.
   *
   * @example
   * ```ts
   * server.clearRequests()
   * server.requests() // []
   * ```
   */
  readonly clearRequests: () => void
  /**
   * Runs `hook` after every later reset (the fault rules register theirs); returns the function that unregisters it.
   *
   * @example
   * ```ts
   * const off = emulator.onReset(() => rules.clear())
   * ```
   */
  readonly onReset: (hook: ResetHook) => () => void
}

export interface AttachedControls {
  /** `handler` with the controls around it. */
  readonly handler: Handler
  /** Journals a request answered before `handler` could see it (a kept answer on node:http). */
  readonly journalHit: ControlledHandler["journalHit"]
  readonly handle: ControlsHandle
}

/** Builds the controls of an emulator around `handler`. */
export const attachControls = (options: {
  readonly config: ServerConfig
  readonly repository: Repository
  readonly durability: Durability
  readonly startSeeds: ReadonlyArray<Seed>
  readonly handler: Handler
}): AttachedControls => {
  const { config, repository, durability, startSeeds, handler } = options
  const startedAt = performance.now()
  const journal = makeJournal(config.journalLimit)
  const reset = makeReset({ repository, durability, startSeeds })
  // The journal is part of the state a reset puts back, and so are the seeded identifier sequences (sidSeed): a
  // test after a reset gets the SIDs a test after the start gets, whichever tests ran before it.
  reset.onReset(journal.clear)
  reset.onReset(() => config.ids.restart?.())
  const controlled = withControls(handler, { config, repository, journal, reset, startedAt })
  return {
    handler: controlled,
    journalHit: controlled.journalHit,
    handle: {
      reset: reset.reset,
      requests: journal.entries,
      clearRequests: journal.clear,
      onReset: reset.onReset
    }
  }
}
