/**
 * `Twilio-Request-Id` on every response, as Twilio sends it (`RQ` + 32 hex digits), so a failing test can quote it.
 */
import { randomUUID } from "node:crypto"

/** The name of the header, as the emulator writes it (HTTP header names are case-insensitive). */
export const REQUEST_ID_HEADER = "Twilio-Request-Id"

/** A new request id. A v4 UUID without dashes is 32 hex digits, and far cheaper to make than randomBytes. */
export const newRequestId = (): string => `RQ${randomUUID().replaceAll("-", "")}`
