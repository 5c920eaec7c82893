/**
 * Where every generated identifier comes from: SIDs the store makes up, auth tokens of the admin API and request
 * ids. One source per emulator, random by default, or a seeded sequence so that two runs with the same seed and the
 * same requests produce the same bodies (`sidSeed`).
 */
import { hash, randomBytes } from "node:crypto"
import { sidPrefixOf } from "@shortcode-kit/schema"
import type { Schema } from "effect"
import { newRequestId } from "../http/requestId.js"
import { randomAuthToken } from "./authToken.js"

/** Makes the identifiers an emulator hands out. */
export interface IdSource {
  /**
   * A new SID of the kind `prefix` names (`AC`, `MG`, `SC`, `PN`, `AI`, ...): the prefix and 32 lower-case hex
   * digits. One method for every kind, so that a source of your own keeps working when the emulator gains a resource.
   */
  readonly sid: <Prefix extends string>(prefix: Prefix) => `${Prefix}${string}`
  /** An auth token in Twilio's shape, 32 lower-case hex digits. */
  readonly authToken: () => string
  /** A `Twilio-Request-Id`, `RQ` + 32 hex digits. */
  readonly requestId: () => string
  /**
   * Starts the sequences over, as at start (a reset calls it): the requests after a reset get the identifiers those
   * after the start got. Optional for a source of your own; a random source has nothing to restart.
   */
  readonly restart?: () => void
}

/** The default: cryptographically random identifiers, 16 random bytes in lower-case hex after the prefix. */
export const randomIds: IdSource = {
  sid: (prefix) => `${prefix}${randomBytes(16).toString("hex")}`,
  authToken: randomAuthToken,
  requestId: newRequestId
}

/**
 * Identifiers from a seed: the n-th draw is the first 32 hex digits of SHA-256 of `seed:kind:n`, so they look like
 * Twilio's, never repeat in practice, and depend only on the seed and the order of the draws. Each kind counts on
 * its own, so request ids (one per request) do not shift the SIDs.
 *
 * @example
 * ```ts
 * import { seededIds } from "@shortcode-kit/emulator"
 *
 * seededIds(7).sid("MG") === seededIds(7).sid("MG") // true
 * ```
 */
export const seededIds = (seed: number): IdSource => {
  const counters = new Map<string, number>()
  const draw = (kind: string): string => {
    const n = counters.get(kind) ?? 0
    counters.set(kind, n + 1)
    return hash("sha256", `${seed}:${kind}:${n}`, "hex").slice(0, 32)
  }
  return {
    sid: (prefix) => `${prefix}${draw(prefix)}`,
    authToken: () => draw("token"),
    requestId: () => `RQ${draw("RQ")}`,
    restart: () => counters.clear()
  }
}

/**
 * A new SID of the kind `schema` takes (`AccountSid`, `PhoneNumberResource.declaration.sid`, ...) from `ids`: the
 * prefix is the one the schema package records on the SID schema, not a second copy of it.
 */
export const newSidOf = <S extends Schema.Top>(ids: IdSource, schema: S): S["Type"] => {
  const prefix = sidPrefixOf(schema)
  if (prefix === undefined) throw new TypeError("newSidOf: the schema is not a SID schema of @shortcode-kit/schema")
  return ids.sid(prefix) as S["Type"]
}
