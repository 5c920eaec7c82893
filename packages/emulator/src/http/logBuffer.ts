/**
 * The request log's way to its stream: the lines go out together, instead of one write per request (a synchronous
 * one when stdout is a file). A line goes out at the end of its turn of the event loop, or, when the last write was
 * less than a millisecond ago, a millisecond after it: under load one write carries the lines of many turns.
 */

export interface LineBuffer {
  /** Queues a line (without its newline). */
  readonly push: (line: string) => void
  /** Writes what is queued now: before a message that must come after the lines, and before exiting. */
  readonly flush: () => void
}

/** The least time between two writes of a line buffer, in milliseconds. */
export const LINE_BUFFER_INTERVAL_MS = 1

export const makeLineBuffer = (write: (text: string) => void, now: () => number = () => performance.now()): LineBuffer => {
  let pending: Array<string> = []
  let scheduled = false
  let wroteAt = Number.NEGATIVE_INFINITY
  const flush = (): void => {
    scheduled = false
    if (pending.length === 0) return
    const text = `${pending.join("\n")}\n`
    pending = []
    wroteAt = now()
    write(text)
  }
  return {
    push: (line) => {
      pending.push(line)
      if (!scheduled) {
        scheduled = true
        const wait = wroteAt + LINE_BUFFER_INTERVAL_MS - now()
        if (wait <= 0) setImmediate(flush)
        else setTimeout(flush, wait)
      }
    },
    flush
  }
}

/**
 * The default request log: standard output, while it has a reader. Once a write failed (EPIPE: `| head -1` has
 * exited) the stream is destroyed and later lines are dropped here instead of being queued on a dead stream.
 */
export const stdoutLines: LineBuffer = makeLineBuffer((text) => {
  if (process.stdout.writable) process.stdout.write(text)
})
