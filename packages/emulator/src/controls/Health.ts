/**
 * `GET /healthz`: answered without credentials once the emulator serves, for a test runner or a container's health
 * check to wait on. Nothing in it is secret.
 */
import { Schema } from "effect"
import type { ServerConfig } from "../Config.js"
import { isInMemory } from "../store/Database.js"

/** The body of `GET /healthz`. */
export const HealthBody = Schema.Struct({
  status: Schema.Literal("ok"),
  /** The SQLite file, or `:memory:`. */
  database: Schema.String,
  /** Whether the demo data was loaded at start (then a reset restores it). */
  demo: Schema.Boolean,
  /** Seconds since the emulator was made, to a tenth (process time, whatever the `clock` option says). */
  uptime_s: Schema.Finite,
  /** Requests in the journal, and its cap. */
  journal: Schema.Struct({ size: Schema.Int, limit: Schema.Int })
})
/** The body of `GET /healthz`. */
export type HealthBody = typeof HealthBody.Type

/** The health body of an emulator made at `startedAt` (`performance.now()`). */
export const healthBody = (config: ServerConfig, startedAt: number, journal: HealthBody["journal"]): HealthBody => ({
  status: "ok",
  database: isInMemory(config.database) ? ":memory:" : config.database,
  demo: config.demo,
  uptime_s: Math.round((performance.now() - startedAt) / 100) / 10,
  journal
})
