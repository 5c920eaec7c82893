/**
 * The kinds of sender a Messaging Service holds, as one table. A row says where a kind is stored and how its rows
 * read back; the repository, the routes, the seed and the admin API are written once over a row, so a new kind of
 * the inventory is one row here (plus its tables and its resource declaration in the schema package).
 */
import { AlphaSenderResource, type AccountSid, PhoneNumberResource, type ServiceSid, ShortCodeResource, type ShortCodeSid } from "@shortcode-kit/schema"
import type { AlphaSenderSid, PhoneNumberSid } from "../CanonicalSid.js"
import { type IdSource, newSidOf } from "../controls/Ids.js"

/**
 * A kind of sender that lives in an account's inventory and is in at most one service at a time. `Fields` are the
 * values that differ between kinds (a short code's number, a phone number's E.164 text, ...).
 */
export interface InventoryKind<
  Sid extends string = string,
  Fields extends object = Record<string, unknown>,
  Columns extends { readonly [K in keyof Fields]: string } = { readonly [K in keyof Fields]: string }
> {
  /** What one is called in messages: `short code`. */
  readonly label: string
  /** The inventory table; its name is also the seed's list and, with `-`, the admin path `/admin/<name>`. */
  readonly inventory: string
  /** The membership table, and its column of the sender's SID. */
  readonly members: string
  readonly senderSid: string
  /** The inventory's own columns, by field name: the resource's wire names, so the seed's and the API's too. */
  readonly columns: Columns
  /** The fields stored as JSON text. */
  readonly json: ReadonlyArray<keyof Fields & string>
  /** The fields that together are the sender's number, unique over every account (named in a conflict). */
  readonly number: ReadonlyArray<keyof Fields & string>
  /** Where a SID left out of an insert comes from (its prefix is the schema package's SID brand). */
  readonly newSid: (ids: IdSource) => Sid
  /** Whether a membership takes a place of its service's pool (Twilio's 400 of error 21714). */
  readonly pool: boolean
  /** The account's own resource of a SID in Twilio's REST API, which the 404 of an unknown one names. */
  readonly twilioPath: (accountSid: string, sid: string) => string
}

/**
 * Any kind, whatever its fields: the constraint of the code written once over the rows. (`any` because a kind's
 * fields are read and written by name, so no narrower instantiation is a supertype of every row.)
 */
export type AnyInventoryKind = InventoryKind<string, any, any>

/** The SID type of a kind. */
export type SidOf<K> = K extends InventoryKind<infer S, infer _F, infer _C> ? S : never
/** The fields of a kind. */
export type FieldsOf<K> = K extends InventoryKind<infer _S, infer F, infer _C> ? F : never

/** A sender of kind `K` the account owns, in a service or not. */
export type InventorySender<K> = { readonly sid: SidOf<K>; readonly accountSid: AccountSid } & Readonly<FieldsOf<K>> & {
  readonly serviceSid: ServiceSid | null
  readonly dateCreated: Date
  readonly dateUpdated: Date
}

/**
 * A sender of kind `K` as a member of a service: the API resource without its URL. Its dates are those of the
 * membership (when it was added), since the resource is the association.
 */
export type ServiceSender<K> = { readonly sid: SidOf<K>; readonly accountSid: AccountSid; readonly serviceSid: ServiceSid } & Readonly<FieldsOf<K>> & {
  readonly dateCreated: Date
  readonly dateUpdated: Date
}

/** What an insert into the inventory of kind `K` takes (the SID is generated when left out). */
export type SenderInput<K> = { readonly sid?: SidOf<K>; readonly accountSid: AccountSid } & Readonly<FieldsOf<K>>

/** The columns of `fields` of a resource: its wire names. */
const columnsOf = <W extends Readonly<Record<string, string>>, F extends keyof W>(wireKeys: W, fields: ReadonlyArray<F>): { readonly [K in F]: W[K] } =>
  Object.fromEntries(fields.map((f) => [f, wireKeys[f]])) as { readonly [K in F]: W[K] }

const SHORT_CODE_COLUMNS = columnsOf(ShortCodeResource.wireKeys, ["shortCode", "countryCode", "capabilities"])
const PHONE_NUMBER_COLUMNS = columnsOf(PhoneNumberResource.wireKeys, ["phoneNumber", "countryCode", "capabilities"])

/** Short codes: `SC` SIDs, a number unique per country. */
export const SHORT_CODE: InventoryKind<
  ShortCodeSid,
  { shortCode: string; countryCode: string; capabilities: ReadonlyArray<string> },
  typeof SHORT_CODE_COLUMNS
> = {
  label: "short code",
  inventory: "short_codes",
  members: "service_short_codes",
  senderSid: "short_code_sid",
  columns: SHORT_CODE_COLUMNS,
  json: ["capabilities"],
  number: ["countryCode", "shortCode"],
  newSid: (ids) => newSidOf(ids, ShortCodeResource.declaration.fields.sid.schema),
  pool: true,
  twilioPath: (account, sid) => `/2010-04-01/Accounts/${account}/SMS/ShortCodes/${sid}.json`
}

/** Phone numbers: `PN` SIDs, an E.164 number unique over every account; they share the pool with short codes. */
export const PHONE_NUMBER: InventoryKind<
  PhoneNumberSid,
  { phoneNumber: string; countryCode: string; capabilities: ReadonlyArray<string> },
  typeof PHONE_NUMBER_COLUMNS
> = {
  label: "phone number",
  inventory: "phone_numbers",
  members: "service_phone_numbers",
  senderSid: "phone_number_sid",
  columns: PHONE_NUMBER_COLUMNS,
  json: ["capabilities"],
  number: ["phoneNumber"],
  newSid: (ids) => newSidOf(ids, PhoneNumberResource.declaration.fields.sid.schema),
  pool: true,
  twilioPath: (account, sid) => `/2010-04-01/Accounts/${account}/IncomingPhoneNumbers/${sid}.json`
}

/** Every kind of the inventory, in the order the seed lists and dumps them. */
export const SENDER_KINDS: ReadonlyArray<AnyInventoryKind> = [SHORT_CODE, PHONE_NUMBER]

/**
 * Whether a service's alpha sender takes one of the places of its pool. Twilio's pool limit (21714) is worded
 * "400 numbers and short codes per service" and says nothing of alpha senders, so here they do not count; this is
 * the one switch to flip if a source says otherwise.
 */
export const ALPHA_SENDER_COUNTS_AGAINST_POOL: boolean = false

/**
 * Alpha senders do not fit {@link InventoryKind}: they are created from text in their service, with no inventory to
 * go back to, and one per service. Their row says only what the shared code needs: the table, where its SID comes from and the pool.
 */
export const ALPHA_SENDER = {
  table: "service_alpha_senders",
  newSid: (ids: IdSource): AlphaSenderSid => newSidOf(ids, AlphaSenderResource.declaration.fields.sid.schema) as AlphaSenderSid,
  pool: ALPHA_SENDER_COUNTS_AGAINST_POOL
} as const

/** The membership tables whose rows fill a service's one pool (Twilio: phone numbers and short codes together). */
export const poolTables = (kinds: ReadonlyArray<AnyInventoryKind>): ReadonlyArray<string> => [
  ...kinds.filter((k) => k.pool).map((k) => k.members),
  ...(ALPHA_SENDER.pool ? [ALPHA_SENDER.table] : [])
]

/** A kind's number as messages show it: its number fields' values, in order, joined with spaces. */
export const numberOf = (kind: AnyInventoryKind, sender: object): string =>
  kind.number.map((f) => String((sender as Record<string, unknown>)[f])).join(" ")
