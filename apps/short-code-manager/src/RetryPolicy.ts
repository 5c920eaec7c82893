/**
 * When to try a failed call again, and after how long. A policy is a plain function of the failures so far, so a
 * test can wrap it (the planted bug of test/plannedFaults.test.ts is such a variant).
 */
import type { CallFailure } from "./CallFailure.js"

/** Decides, after a transient failure, whether to try again. */
export interface RetryPolicy {
  /**
   * Milliseconds to wait before attempt `attempt + 1`, or `undefined` to give up. `failure` ended attempt `attempt`
   * (from 1); `history` is every transient failure of this call so far, `failure` last.
   */
  readonly delayAfter: (failure: CallFailure, attempt: number, history: ReadonlyArray<CallFailure>) => number | undefined
}

/** Options of {@link exponentialBackoff}. */
export interface BackoffOptions {
  /** Attempts in all, the first included. Default 5. */
  readonly maxAttempts?: number
  /** Wait after the first failure; it doubles after each further one. Default 100 ms. */
  readonly baseDelayMs?: number
  /** The longest computed wait. Default 5000 ms. */
  readonly maxDelayMs?: number
  /** The longest `Retry-After` honoured; a longer one gives up at once rather than hang the caller. Default 60000 ms. */
  readonly maxRetryAfterMs?: number
}

const wholeNumber = (name: string, value: number, min: number): number => {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`exponentialBackoff: ${name} must be a whole number >= ${min}, received ${JSON.stringify(value)}`)
  }
  return value
}

/**
 * Exponential backoff with a cap: `baseDelayMs × 2^(attempt - 1)`, at most `maxDelayMs`, unless the answer said
 * `Retry-After`, which is honoured as given (up to `maxRetryAfterMs`).
 *
 * @example
 * ```ts
 * const policy = exponentialBackoff({ maxAttempts: 4, baseDelayMs: 200 })
 * policy.delayAfter(failure, 1, [failure]) // 200, or the answer's Retry-After
 * ```
 */
export const exponentialBackoff = (options: BackoffOptions = {}): RetryPolicy => {
  const maxAttempts = wholeNumber("maxAttempts", options.maxAttempts ?? 5, 1)
  const baseDelayMs = wholeNumber("baseDelayMs", options.baseDelayMs ?? 100, 0)
  const maxDelayMs = wholeNumber("maxDelayMs", options.maxDelayMs ?? 5000, 0)
  const maxRetryAfterMs = wholeNumber("maxRetryAfterMs", options.maxRetryAfterMs ?? 60_000, 0)
  return {
    delayAfter: (failure, attempt) => {
      if (attempt >= maxAttempts) return undefined
      const retryAfterMs = failure._tag === "TwilioAnswer" ? failure.retryAfterMs : undefined
      if (retryAfterMs !== undefined) return retryAfterMs <= maxRetryAfterMs ? retryAfterMs : undefined
      return Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
    }
  }
}
