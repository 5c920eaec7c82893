/**
 * Progress of a run for a terminal: one line rewritten in place on a TTY; plain lines otherwise (CI logs), one per
 * finished check and one every `intervalMs` while a check runs.
 */
import type { ConformanceProgress } from "./Options.js"

export interface ProgressPrinter {
  readonly onProgress: (progress: ConformanceProgress) => void
  /** Clears the live line (TTY) before the summary is printed. */
  readonly done: () => void
}

const rate = (progress: ConformanceProgress) => (progress.elapsedMs < 500 ? 0 : Math.round(progress.requests / (progress.elapsedMs / 1000)))

/** "[3/8] cors_headers run 12/50, 340 requests, 1 failed, 57 req/s". */
export const describeProgress = (progress: ConformanceProgress): string => {
  const where = progress.phase === "check"
    ? `[${Math.min(progress.checksDone + 1, progress.checksTotal)}/${progress.checksTotal}] ${progress.label} ${progress.shrinking ? `shrinking a failure (run ${progress.runs})` : `run ${progress.runs}/${progress.numRuns}`}`
    : progress.label
  return `${where}, ${progress.requests} requests, ${progress.failures} failed, ${rate(progress)} req/s`
}

/** "[3/8] cors_headers passed (50 runs, 612 requests)". */
const describeFinished = (progress: ConformanceProgress, finished: NonNullable<ConformanceProgress["finished"]>): string =>
  `[${progress.checksDone}/${progress.checksTotal}] ${finished.check} ${finished.status} (${finished.runs} runs, ${finished.requests} requests)`

export const makeProgressPrinter = (
  stream: { readonly write: (text: string) => unknown },
  options: { readonly tty: boolean; readonly intervalMs?: number; readonly now?: () => number }
): ProgressPrinter => {
  const now = options.now ?? Date.now
  const interval = options.intervalMs ?? (options.tty ? 100 : 10_000)
  let last = -Infinity
  let label: string | undefined
  let shown = false
  return {
    onProgress: (progress) => {
      if (options.tty) {
        const changed = progress.label !== label || progress.finished !== undefined || progress.phase === "done"
        if (!changed && now() - last < interval) return
        last = now()
        label = progress.label
        shown = progress.phase !== "done"
        stream.write(`\r\x1b[2K${shown ? `conformance: ${describeProgress(progress)}` : ""}`)
        return
      }
      if (progress.finished !== undefined) {
        last = now()
        stream.write(`conformance: ${describeFinished(progress, progress.finished)}\n`)
        return
      }
      if (progress.phase === "done" || now() - last < interval) return
      last = now()
      stream.write(`conformance: ${describeProgress(progress)}\n`)
    },
    done: () => {
      if (options.tty && shown) stream.write("\r\x1b[2K")
      shown = false
    }
  }
}
