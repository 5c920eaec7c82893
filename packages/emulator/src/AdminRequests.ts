/**
 * The JSON bodies of the admin surface. They reuse the seed's field schemas, so what the admin API accepts is what a
 * seed file may hold, with the SIDs optional (generated when left out).
 */
import { Schema } from "effect"
import { CanonicalAccountSid, CanonicalServiceSid } from "./CanonicalSid.js"
import {
  AuthToken,
  seedPhoneNumberFields,
  seedPhoneNumberWireKeys,
  seedServiceFields,
  seedServiceWireKeys,
  seedShortCodeFields,
  seedShortCodeWireKeys
} from "./Seed.js"

/** `POST /admin/accounts`: both fields optional; a missing SID or token is generated. */
export const CreateAccountBody = Schema.Struct({
  sid: Schema.optionalKey(CanonicalAccountSid),
  authToken: Schema.optionalKey(AuthToken)
}).pipe(Schema.encodeKeys({ sid: "sid", authToken: "auth_token" }))

/** `POST /admin/services`. */
export const CreateServiceBody = Schema.Struct({
  ...seedServiceFields,
  sid: Schema.optionalKey(CanonicalServiceSid)
}).pipe(Schema.encodeKeys(seedServiceWireKeys))

/** The admin body of a sender of the inventory: the seed's fields, with the SID optional (generated when left out). */
const inventoryBody = <F extends Schema.Struct.Fields & { readonly sid: Schema.Top }, W extends { readonly [K in keyof F]?: string }>(fields: F, wireKeys: W) =>
  Schema.Struct({ ...fields, sid: Schema.optionalKey(fields.sid) }).pipe(Schema.encodeKeys(wireKeys))

/** `POST /admin/short-codes`: a short code for an account's inventory, optionally placed in one of its services. */
export const CreateShortCodeBody = inventoryBody(seedShortCodeFields, seedShortCodeWireKeys)

/** `POST /admin/phone-numbers`: a phone number for an account's inventory, optionally placed in one of its services. */
export const CreatePhoneNumberBody = inventoryBody(seedPhoneNumberFields, seedPhoneNumberWireKeys)

/** The answer of `POST /admin/seed`: how many of each were added (the rest already existed). */
export const SeedReportBody = Schema.Struct({
  accounts: Schema.Int,
  services: Schema.Int,
  shortCodes: Schema.Int,
  phoneNumbers: Schema.Int,
  memberships: Schema.Int
}).pipe(
  Schema.encodeKeys({ accounts: "accounts", services: "services", shortCodes: "short_codes", phoneNumbers: "phone_numbers", memberships: "memberships" })
)
