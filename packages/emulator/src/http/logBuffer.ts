/**
 * The request log's way to its stream: the lines of one turn of the event loop go out in one write, instead of one
 * write per request (a synchronous one when stdout is a file). A line waits at most until the loop's next turn.
 */

export interface LineBuffer {
  /** Queues a line (without its newline). */
  readonly push: (line: string) => void
  /** Writes what is queued now: before a message that must come after the lines, and before exiting. */
  readonly flush: () => void
}

export const makeLineBuffer = (write: (text: string) => void): LineBuffer => {
  let pending: Array<string> = []
  let scheduled = false
  const flush = (): void => {
    scheduled = false
    if (pending.length === 0) return
    const text = `${pending.join("\n")}\n`
    pending = []
    write(text)
  }
  return {
    push: (line) => {
      pending.push(line)
      if (!scheduled) {
        scheduled = true
        setImmediate(flush)
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
