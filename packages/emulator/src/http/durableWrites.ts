/**
 * Acknowledges a write only once it is on the disk: after a request whose handler changed the database, the
 * response waits for the durability flush (shared with the other writes in flight). A flush that fails turns the
 * answer into a 500: the client must not believe in a write the disk did not take. A read waits for the sync in
 * flight too, so that it never shows a row the disk may still refuse.
 */
import type { MiddlewareHandler } from "hono"
import type { Durability } from "../store/Durability.js"

/**
 * @param changes a counter of the rows this connection has changed (SQLite's `total_changes()`), read before and
 *   after the handler; any difference means something was committed (or rolled back, which a flush does not harm).
 */
export const durableWrites = (changes: () => number, durability: Durability): MiddlewareHandler => async (c, next) => {
  // Reads never write; sparing them the two counter reads keeps GET as cheap as it was.
  if (c.req.method === "GET" || c.req.method === "HEAD") {
    await next()
    // What the read saw may include commits still being synced: it is answered once they are acknowledged, and
    // with the sync's failure if the disk refused them (they are undone then, see `UndoLog.ts`). A commit asks for
    // its flush as soon as its handler returns, with no I/O in between, so every commit a read can see is covered.
    const pending = durability.pending()
    if (pending !== undefined) await pending
    return
  }
  if (c.req.method === "OPTIONS") return next()
  const before = changes()
  await next()
  if (changes() !== before) await durability.flush()
}
