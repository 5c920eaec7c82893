import type { PathSegment } from "@shortcode-kit/schema"

/**
 * An invalid value that breaks exactly one named rule, at `path`, and is valid everywhere else: the validator must
 * report exactly one issue, with this `rule` and this `path`.
 *
 * @since 0.1.0
 */
export interface NearMiss<A = unknown> {
  readonly value: A
  readonly rule: string
  readonly path: ReadonlyArray<PathSegment>
}

/** A near miss for one value, before it is placed in a document. */
export interface LocalMiss {
  readonly value: unknown
  readonly rule: string
  /** Below the value's own position (an element of an array). */
  readonly subPath?: ReadonlyArray<PathSegment>
}
