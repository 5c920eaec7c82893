// In a leaf module of its own: the admin routes (routes/admin.ts) and the identifier sources (controls/Ids.ts) both
// make auth tokens, and the routes already depend on the store, which depends on the identifier sources.
import { randomBytes } from "node:crypto"

/** A new auth token in Twilio's shape: 32 lower-case hex digits. */
export const randomAuthToken = (): string => randomBytes(16).toString("hex")
