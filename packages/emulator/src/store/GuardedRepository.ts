/**
 * The repository as the server uses it: every call's SQLite faults turned into {@link StorageFault}s that say what
 * happened to which file, and every write refused before it starts when it could not be kept: the database file
 * was deleted or replaced, or the disk refused an earlier sync.
 */
import type { Durability } from "./Durability.js"
import type { IdentityCheck } from "./FileIdentity.js"
import type { Repository } from "./Repository.js"
import { StorageFault, toStorageFault } from "./StorageFault.js"

/** The repository's methods that write (or open a write transaction); every other one only reads. */
const WRITES = [
  "insertAccount",
  "insertService",
  "deleteService",
  "insertSender",
  "addSender",
  "removeSender",
  "addAlphaSender",
  "removeAlphaSender",
  "transaction"
] as const satisfies ReadonlyArray<keyof Repository>
const writes: ReadonlySet<keyof Repository> = new Set(WRITES)

/**
 * @param path the database file, for the messages.
 * @param identity the check that its files are still the ones opened (`undefined` for an in-memory database).
 */
export const guardRepository = (
  repository: Repository,
  options: { readonly path: string; readonly durability: Durability; readonly identity: IdentityCheck | undefined }
): Repository => {
  const { path, durability, identity } = options
  const refusal = (write: boolean): StorageFault | undefined => {
    const failure = durability.failure()
    // Reads go on after a failed sync only if what the disk refused was undone.
    if (failure !== undefined && (write || !failure.undone)) return failure.error
    // A deleted file can still be read (SQLite holds it open): only writes would be lost.
    return write ? identity?.() : undefined
  }
  const guard = <F extends (...args: never[]) => unknown>(f: F, write: boolean): F =>
    ((...args: Parameters<F>) => {
      const refused = refusal(write)
      if (refused !== undefined) throw refused
      try {
        return f(...args)
      } catch (error) {
        throw toStorageFault(error, path) ?? error
      }
    }) as F
  const guarded: Record<string, unknown> = {}
  for (const [name, member] of Object.entries(repository) as Array<[keyof Repository, unknown]>) {
    // Data (the kinds) goes through as it is; every method is guarded.
    guarded[name] = typeof member === "function" ? guard(member as (...args: never[]) => unknown, writes.has(name)) : member
  }
  return guarded as unknown as Repository
}
