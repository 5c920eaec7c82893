/**
 * Every read and write of the emulator's state, as domain records in and out. SQL stays in this file; callers see
 * accounts, services and their senders (short codes, phone numbers, alpha senders), and outcomes as tagged values
 * instead of exceptions.
 */
import type { AccountSid, ServiceSid, ShortCodeSid } from "@shortcode-kit/schema"
import type { AlphaSenderSid, PhoneNumberSid } from "../CanonicalSid.js"
import { type IdSource, randomIds } from "../controls/Ids.js"
import type { Database } from "./Database.js"
import { isUniqueViolation } from "./Database.js"
import { type KeysetPage, type PageCursor, readKeysetPage } from "./Paging.js"

/** An account: who may call the Twilio surface, with Basic auth `sid:authToken`. */
export interface AccountRecord {
  readonly sid: AccountSid
  readonly authToken: string
  readonly dateCreated: Date
}

/** A Messaging Service. */
export interface ServiceRecord {
  readonly sid: ServiceSid
  readonly accountSid: AccountSid
  readonly friendlyName: string
  readonly dateCreated: Date
  readonly dateUpdated: Date
}

/** A short code the account owns, in a service or not. */
export interface InventoryShortCode {
  readonly sid: ShortCodeSid
  readonly accountSid: AccountSid
  readonly shortCode: string
  readonly countryCode: string
  readonly capabilities: ReadonlyArray<string>
  readonly serviceSid: ServiceSid | null
  readonly dateCreated: Date
  readonly dateUpdated: Date
}

/**
 * A short code as a member of a service: the ShortCode resource of the Twilio API. Its dates are those of the
 * membership (when it was added), since the resource is the association.
 */
export interface ServiceShortCode {
  readonly sid: ShortCodeSid
  readonly accountSid: AccountSid
  readonly serviceSid: ServiceSid
  readonly shortCode: string
  readonly countryCode: string
  readonly capabilities: ReadonlyArray<string>
  readonly dateCreated: Date
  readonly dateUpdated: Date
}

/** A phone number the account owns, in a service or not. */
export interface InventoryPhoneNumber {
  readonly sid: PhoneNumberSid
  readonly accountSid: AccountSid
  /** E.164: `+` and the digits. */
  readonly phoneNumber: string
  readonly countryCode: string
  readonly capabilities: ReadonlyArray<string>
  readonly serviceSid: ServiceSid | null
  readonly dateCreated: Date
  readonly dateUpdated: Date
}

/** A phone number as a member of a service (the PhoneNumber resource); its dates are those of the membership. */
export interface ServicePhoneNumber {
  readonly sid: PhoneNumberSid
  readonly accountSid: AccountSid
  readonly serviceSid: ServiceSid
  readonly phoneNumber: string
  readonly countryCode: string
  readonly capabilities: ReadonlyArray<string>
  readonly dateCreated: Date
  readonly dateUpdated: Date
}

/** The alpha sender of a service (the AlphaSender resource): it exists only in its service, with no inventory. */
export interface ServiceAlphaSender {
  readonly sid: AlphaSenderSid
  readonly accountSid: AccountSid
  readonly serviceSid: ServiceSid
  readonly alphaSender: string
  readonly capabilities: ReadonlyArray<string>
  readonly dateCreated: Date
  readonly dateUpdated: Date
}

/** Why a sender of the inventory could not join a service; `NotFound` names the missing kind. */
export type AddSenderRefusal<NotFound extends string> =
  | { readonly _tag: "ServiceNotFound" }
  | { readonly _tag: NotFound }
  | { readonly _tag: "AlreadyInThisService" }
  | { readonly _tag: "InAnotherService"; readonly serviceSid: ServiceSid }
  | { readonly _tag: "PoolFull"; readonly limit: number }

/** The result of adding a short code to a service. */
export type AddShortCodeOutcome = { readonly _tag: "Added"; readonly shortCode: ServiceShortCode } | AddSenderRefusal<"ShortCodeNotFound">

/** The result of adding a phone number to a service. */
export type AddPhoneNumberOutcome = { readonly _tag: "Added"; readonly phoneNumber: ServicePhoneNumber } | AddSenderRefusal<"PhoneNumberNotFound">

/** The result of giving a service its alpha sender. */
export type AddAlphaSenderOutcome =
  | { readonly _tag: "Added"; readonly alphaSender: ServiceAlphaSender }
  | { readonly _tag: "ServiceNotFound" }
  /** Twilio: one alpha sender per service; to change it, delete the current one first. */
  | { readonly _tag: "AlreadyHasAlphaSender"; readonly alphaSender: ServiceAlphaSender }
  /** Only while {@link ALPHA_SENDER_COUNTS_AGAINST_POOL} is `true`. */
  | { readonly _tag: "PoolFull"; readonly limit: number }

/**
 * Whether a service's alpha sender takes one of the places of its pool. Twilio's pool limit (21714) is worded
 * "400 numbers and short codes per service" and says nothing of alpha senders, so here they do not count; this is
 * the one switch to flip if a source says otherwise.
 */
export const ALPHA_SENDER_COUNTS_AGAINST_POOL: boolean = false

/** The capabilities of every alpha sender: Twilio's resource documents `SMS` only. */
export const ALPHA_SENDER_CAPABILITIES: ReadonlyArray<string> = ["SMS"]

/** The result of an admin insert. */
export type InsertOutcome<A> =
  | { readonly _tag: "Inserted"; readonly value: A }
  | { readonly _tag: "Conflict"; readonly reason: string }
  | { readonly _tag: "AccountNotFound" }

export interface Repository {
  readonly findAccount: (sid: string) => AccountRecord | undefined
  readonly insertAccount: (input: { readonly sid?: AccountSid; readonly authToken: string }) => InsertOutcome<AccountRecord>
  readonly insertService: (input: { readonly sid?: ServiceSid; readonly accountSid: AccountSid; readonly friendlyName: string }) => InsertOutcome<ServiceRecord>
  readonly insertShortCode: (input: {
    readonly sid?: ShortCodeSid
    readonly accountSid: AccountSid
    readonly shortCode: string
    readonly countryCode: string
    readonly capabilities: ReadonlyArray<string>
  }) => InsertOutcome<InventoryShortCode>
  readonly findService: (accountSid: AccountSid, sid: ServiceSid) => ServiceRecord | undefined
  /** A service whatever its account (for seeding and the admin surface). */
  readonly findAnyService: (sid: string) => ServiceRecord | undefined
  /** A short code of any account's inventory (for seeding and the admin surface). */
  readonly findAnyShortCode: (sid: string) => InventoryShortCode | undefined
  readonly listServices: (accountSid: AccountSid, cursor: PageCursor, limit: number) => KeysetPage<ServiceRecord>
  readonly deleteService: (accountSid: AccountSid, sid: ServiceSid) => boolean
  readonly addShortCode: (accountSid: AccountSid, serviceSid: ServiceSid, shortCodeSid: ShortCodeSid) => AddShortCodeOutcome
  readonly findServiceShortCode: (accountSid: AccountSid, serviceSid: ServiceSid, sid: string) => ServiceShortCode | undefined
  /**
   * The account's auth token and the short code in one read, for a request that still has to be authenticated;
   * `undefined` when there is no such account. The caller compares the token before it uses the short code.
   */
  readonly findServiceShortCodeAndToken: (
    accountSid: string,
    serviceSid: ServiceSid,
    sid: string
  ) => { readonly authToken: string; readonly shortCode: ServiceShortCode | undefined } | undefined
  /** `undefined` when the service does not exist for the account. */
  readonly listServiceShortCodes: (
    accountSid: AccountSid,
    serviceSid: ServiceSid,
    cursor: PageCursor,
    limit: number
  ) => KeysetPage<ServiceShortCode> | undefined
  readonly removeShortCode: (accountSid: AccountSid, serviceSid: ServiceSid, sid: string) => boolean
  readonly insertPhoneNumber: (input: {
    readonly sid?: PhoneNumberSid
    readonly accountSid: AccountSid
    readonly phoneNumber: string
    readonly countryCode: string
    readonly capabilities: ReadonlyArray<string>
  }) => InsertOutcome<InventoryPhoneNumber>
  /** A phone number of any account's inventory (for seeding and the admin surface). */
  readonly findAnyPhoneNumber: (sid: string) => InventoryPhoneNumber | undefined
  /** Puts a phone number of the inventory in a service; it shares the service's pool with the short codes. */
  readonly addPhoneNumber: (accountSid: AccountSid, serviceSid: ServiceSid, phoneNumberSid: PhoneNumberSid) => AddPhoneNumberOutcome
  readonly findServicePhoneNumber: (accountSid: AccountSid, serviceSid: ServiceSid, sid: string) => ServicePhoneNumber | undefined
  /** `undefined` when the service does not exist for the account. */
  readonly listServicePhoneNumbers: (
    accountSid: AccountSid,
    serviceSid: ServiceSid,
    cursor: PageCursor,
    limit: number
  ) => KeysetPage<ServicePhoneNumber> | undefined
  /** Takes a phone number out of its service, back to the inventory. */
  readonly removePhoneNumber: (accountSid: AccountSid, serviceSid: ServiceSid, sid: string) => boolean
  /**
   * Gives a service its alpha sender, with `sid` (a seed's) or a generated `AI` SID. The text is checked where it is
   * decoded (the HTTP boundary, the seed).
   */
  readonly addAlphaSender: (
    accountSid: AccountSid,
    serviceSid: ServiceSid,
    input: { readonly alphaSender: string; readonly sid?: AlphaSenderSid }
  ) => AddAlphaSenderOutcome
  readonly findServiceAlphaSender: (accountSid: AccountSid, serviceSid: ServiceSid, sid: string) => ServiceAlphaSender | undefined
  /** `undefined` when the service does not exist for the account. */
  readonly listServiceAlphaSenders: (
    accountSid: AccountSid,
    serviceSid: ServiceSid,
    cursor: PageCursor,
    limit: number
  ) => KeysetPage<ServiceAlphaSender> | undefined
  /** Deletes the alpha sender (it has no inventory to go back to). */
  readonly removeAlphaSender: (accountSid: AccountSid, serviceSid: ServiceSid, sid: string) => boolean
  readonly allAccounts: () => ReadonlyArray<AccountRecord>
  readonly allServices: () => ReadonlyArray<ServiceRecord>
  readonly allShortCodes: () => ReadonlyArray<InventoryShortCode>
  readonly allPhoneNumbers: () => ReadonlyArray<InventoryPhoneNumber>
  readonly allAlphaSenders: () => ReadonlyArray<ServiceAlphaSender>
  /** Runs `f` in one write transaction (all or nothing). */
  readonly transaction: <A>(f: () => A) => A
  /** How many rows this connection has changed since it was opened: it moves when anything was written. */
  readonly changeCount: () => number
  /**
   * A value that differs from any earlier one whenever the data may have changed since: a commit by this
   * connection or by any other (another process on the same file, the sqlite3 shell). Equal values mean nothing was
   * written in between, so what was read at the first is still what the database holds.
   */
  readonly dataVersion: () => string
  /**
   * Deletes every account, service, sender and membership, and restarts the list positions, in one
   * transaction (a savepoint inside the caller's): what `reset` then reloads gets the positions, and so the page
   * tokens, of a fresh database. Returns how many rows of each table it deleted (`memberships`: of short codes).
   */
  readonly deleteEverything: () => {
    readonly accounts: number
    readonly services: number
    readonly shortCodes: number
    readonly memberships: number
    readonly phoneNumbers: number
    readonly phoneNumberMemberships: number
    readonly alphaSenders: number
  }
}

interface AccountRow { sid: string; auth_token: string; date_created: number }
interface ServiceRow { position: number; sid: string; account_sid: string; friendly_name: string; date_created: number; date_updated: number }
interface InventoryRow {
  sid: string
  account_sid: string
  short_code: string
  country_code: string
  capabilities: string
  service_sid: string | null
  date_created: number
  date_updated: number
}
interface MemberRow {
  position: number
  sid: string
  account_sid: string
  service_sid: string
  short_code: string
  country_code: string
  capabilities: string
  date_created: number
  date_updated: number
}

interface PhoneInventoryRow {
  sid: string
  account_sid: string
  phone_number: string
  country_code: string
  capabilities: string
  service_sid: string | null
  date_created: number
  date_updated: number
}
interface PhoneMemberRow {
  position: number
  sid: string
  account_sid: string
  service_sid: string
  phone_number: string
  country_code: string
  capabilities: string
  date_created: number
  date_updated: number
}
interface AlphaSenderRow {
  position: number
  sid: string
  account_sid: string
  service_sid: string
  alpha_sender: string
  capabilities: string
  date_created: number
  date_updated: number
}

/** An account's token with, when the LEFT JOINs found one, a membership: otherwise its columns are all null. */
type MemberAndTokenRow = { auth_token: string } & (MemberRow | { [K in keyof MemberRow]: null })

// Values in the database were checked on the way in (schemas at the HTTP and seed boundaries), so reading them back
// re-brands them without a second decode.
const toAccount = (r: AccountRow): AccountRecord => ({
  sid: r.sid as AccountSid,
  authToken: r.auth_token,
  dateCreated: new Date(r.date_created)
})
const toService = (r: ServiceRow): ServiceRecord => ({
  sid: r.sid as ServiceSid,
  accountSid: r.account_sid as AccountSid,
  friendlyName: r.friendly_name,
  dateCreated: new Date(r.date_created),
  dateUpdated: new Date(r.date_updated)
})
const toInventory = (r: InventoryRow): InventoryShortCode => ({
  sid: r.sid as ShortCodeSid,
  accountSid: r.account_sid as AccountSid,
  shortCode: r.short_code,
  countryCode: r.country_code,
  capabilities: JSON.parse(r.capabilities) as ReadonlyArray<string>,
  serviceSid: r.service_sid as ServiceSid | null,
  dateCreated: new Date(r.date_created),
  dateUpdated: new Date(r.date_updated)
})
const toMember = (r: MemberRow): ServiceShortCode => ({
  sid: r.sid as ShortCodeSid,
  accountSid: r.account_sid as AccountSid,
  serviceSid: r.service_sid as ServiceSid,
  shortCode: r.short_code,
  countryCode: r.country_code,
  capabilities: JSON.parse(r.capabilities) as ReadonlyArray<string>,
  dateCreated: new Date(r.date_created),
  dateUpdated: new Date(r.date_updated)
})

const toPhoneInventory = (r: PhoneInventoryRow): InventoryPhoneNumber => ({
  sid: r.sid as PhoneNumberSid,
  accountSid: r.account_sid as AccountSid,
  phoneNumber: r.phone_number,
  countryCode: r.country_code,
  capabilities: JSON.parse(r.capabilities) as ReadonlyArray<string>,
  serviceSid: r.service_sid as ServiceSid | null,
  dateCreated: new Date(r.date_created),
  dateUpdated: new Date(r.date_updated)
})
const toPhoneMember = (r: PhoneMemberRow): ServicePhoneNumber => ({
  sid: r.sid as PhoneNumberSid,
  accountSid: r.account_sid as AccountSid,
  serviceSid: r.service_sid as ServiceSid,
  phoneNumber: r.phone_number,
  countryCode: r.country_code,
  capabilities: JSON.parse(r.capabilities) as ReadonlyArray<string>,
  dateCreated: new Date(r.date_created),
  dateUpdated: new Date(r.date_updated)
})
const toAlphaSender = (r: AlphaSenderRow): ServiceAlphaSender => ({
  sid: r.sid as AlphaSenderSid,
  accountSid: r.account_sid as AccountSid,
  serviceSid: r.service_sid as ServiceSid,
  alphaSender: r.alpha_sender,
  capabilities: JSON.parse(r.capabilities) as ReadonlyArray<string>,
  dateCreated: new Date(r.date_created),
  dateUpdated: new Date(r.date_updated)
})

/**
 * A kind of sender that lives in an account's inventory and joins at most one service: its inventory table, its
 * membership table, the membership's column for the sender's SID, and the inventory columns the resource shows.
 */
interface SenderTables {
  readonly inventory: string
  readonly members: string
  readonly senderSid: string
  readonly fields: ReadonlyArray<string>
}
const SHORT_CODE_TABLES: SenderTables = {
  inventory: "short_codes",
  members: "service_short_codes",
  senderSid: "short_code_sid",
  fields: ["short_code", "country_code", "capabilities"]
}
const PHONE_NUMBER_TABLES: SenderTables = {
  inventory: "phone_numbers",
  members: "service_phone_numbers",
  senderSid: "phone_number_sid",
  fields: ["phone_number", "country_code", "capabilities"]
}
const ALPHA_SENDER_TABLE = "service_alpha_senders"

/** The membership tables whose rows fill a service's one pool (Twilio: phone numbers and short codes together). */
const POOL_TABLES = [SHORT_CODE_TABLES.members, PHONE_NUMBER_TABLES.members, ...(ALPHA_SENDER_COUNTS_AGAINST_POOL ? [ALPHA_SENDER_TABLE] : [])]

const memberSelect = (t: SenderTables): string =>
  "m.position AS position, s.sid AS sid, m.account_sid AS account_sid, m.service_sid AS service_sid, " +
  `${t.fields.map((f) => `s.${f} AS ${f}`).join(", ")}, m.date_created AS date_created, m.date_updated AS date_updated`
const memberFrom = (t: SenderTables): string => `${t.members} m JOIN ${t.inventory} s ON s.sid = m.${t.senderSid}`
const inventorySelect = (t: SenderTables): string =>
  `SELECT s.*, m.service_sid AS service_sid FROM ${t.inventory} s LEFT JOIN ${t.members} m ON m.${t.senderSid} = s.sid`

const MEMBER_SELECT = memberSelect(SHORT_CODE_TABLES)
const MEMBER_FROM = memberFrom(SHORT_CODE_TABLES)
const ALPHA_SENDER_SELECT = "position, sid, account_sid, service_sid, alpha_sender, capabilities, date_created, date_updated"

/** The statements every sender kind of {@link SenderTables} needs, prepared once per database. */
const senderStatements = <InventoryRowOf, MemberRowOf>(db: Database, t: SenderTables) => ({
  inventory: db.prepare<[string, string], InventoryRowOf>(`${inventorySelect(t)} WHERE s.sid = ? AND s.account_sid = ?`),
  anyInventory: db.prepare<[string], InventoryRowOf>(`${inventorySelect(t)} WHERE s.sid = ?`),
  allInventory: db.prepare<[], InventoryRowOf>(`${inventorySelect(t)} ORDER BY coalesce(m.position, 0), s.date_created, s.sid`),
  insertMember: db.prepare(
    `INSERT INTO ${t.members} (service_sid, ${t.senderSid}, account_sid, date_created, date_updated) VALUES (?, ?, ?, ?, ?)`
  ),
  holder: db.prepare<[string], { service_sid: string }>(`SELECT service_sid FROM ${t.members} WHERE ${t.senderSid} = ?`),
  member: db.prepare<[string, string, string], MemberRowOf>(
    `SELECT ${memberSelect(t)} FROM ${memberFrom(t)} WHERE m.account_sid = ? AND m.service_sid = ? AND m.${t.senderSid} = ?`
  ),
  removeMember: db.prepare(`DELETE FROM ${t.members} WHERE account_sid = ? AND service_sid = ? AND ${t.senderSid} = ?`)
})
type SenderStatements = ReturnType<typeof senderStatements>

class PoolFullRollback extends Error {}

/**
 * The repository over an open, migrated database.
 *
 * @param options.servicePoolLimit how many senders of its pool (phone numbers and short codes together) a service may
 *   hold (Twilio: 400).
 * @param options.now the clock, in milliseconds since the epoch.
 * @param options.ids where the SIDs left out of an insert come from (default: random).
 */
export const makeRepository = (
  db: Database,
  options: { readonly servicePoolLimit: number; readonly now?: () => number; readonly ids?: IdSource }
): Repository => {
  const clock = options.now ?? Date.now
  const ids = options.ids ?? randomIds
  // Twilio's dates have whole seconds; storing them so keeps what is read back equal to what is served.
  const now = (): number => Math.floor(clock() / 1000) * 1000
  const limit = options.servicePoolLimit

  const stmt = {
    account: db.prepare<[string], AccountRow>("SELECT sid, auth_token, date_created FROM accounts WHERE sid = ?"),
    insertAccount: db.prepare("INSERT INTO accounts (sid, auth_token, date_created) VALUES (?, ?, ?)"),
    service: db.prepare<[string, string], ServiceRow>(
      "SELECT position, sid, account_sid, friendly_name, date_created, date_updated FROM services WHERE sid = ? AND account_sid = ?"
    ),
    insertService: db.prepare(
      "INSERT INTO services (sid, account_sid, friendly_name, date_created, date_updated) VALUES (?, ?, ?, ?, ?)"
    ),
    anyService: db.prepare<[string], ServiceRow>(
      "SELECT position, sid, account_sid, friendly_name, date_created, date_updated FROM services WHERE sid = ?"
    ),
    deleteService: db.prepare("DELETE FROM services WHERE sid = ? AND account_sid = ?"),
    insertShortCode: db.prepare(
      "INSERT INTO short_codes (sid, account_sid, short_code, country_code, capabilities, date_created, date_updated) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?)"
    ),
    byNumber: db.prepare<[string, string], { sid: string; account_sid: string }>(
      "SELECT sid, account_sid FROM short_codes WHERE country_code = ? AND short_code = ?"
    ),
    poolCount: db.prepare<[{ service: string }], { n: number }>(
      `SELECT ${POOL_TABLES.map((table) => `(SELECT count(*) FROM ${table} WHERE service_sid = @service)`).join(" + ")} AS n`
    ),
    memberAndToken: db.prepare<[string, string, string], MemberAndTokenRow>(
      `SELECT a.auth_token AS auth_token, ${MEMBER_SELECT} FROM accounts a ` +
        "LEFT JOIN service_short_codes m ON m.account_sid = a.sid AND m.service_sid = ? AND m.short_code_sid = ? " +
        "LEFT JOIN short_codes s ON s.sid = m.short_code_sid WHERE a.sid = ?"
    ),
    insertPhoneNumber: db.prepare(
      `INSERT INTO ${PHONE_NUMBER_TABLES.inventory} (sid, account_sid, phone_number, country_code, capabilities, date_created, date_updated) ` +
        "VALUES (?, ?, ?, ?, ?, ?, ?)"
    ),
    phoneByNumber: db.prepare<[string], { sid: string; account_sid: string }>(
      `SELECT sid, account_sid FROM ${PHONE_NUMBER_TABLES.inventory} WHERE phone_number = ?`
    ),
    insertAlphaSender: db.prepare(
      `INSERT INTO ${ALPHA_SENDER_TABLE} (sid, service_sid, account_sid, alpha_sender, capabilities, date_created, date_updated) ` +
        "VALUES (?, ?, ?, ?, ?, ?, ?)"
    ),
    alphaSenderOf: db.prepare<[string], AlphaSenderRow>(`SELECT ${ALPHA_SENDER_SELECT} FROM ${ALPHA_SENDER_TABLE} WHERE service_sid = ?`),
    alphaSender: db.prepare<[string, string, string], AlphaSenderRow>(
      `SELECT ${ALPHA_SENDER_SELECT} FROM ${ALPHA_SENDER_TABLE} WHERE account_sid = ? AND service_sid = ? AND sid = ?`
    ),
    removeAlphaSender: db.prepare(`DELETE FROM ${ALPHA_SENDER_TABLE} WHERE account_sid = ? AND service_sid = ? AND sid = ?`),
    allAlphaSenders: db.prepare<[], AlphaSenderRow>(`SELECT ${ALPHA_SENDER_SELECT} FROM ${ALPHA_SENDER_TABLE} ORDER BY position`),
    allAccounts: db.prepare<[], AccountRow>("SELECT sid, auth_token, date_created FROM accounts ORDER BY date_created, sid"),
    allServices: db.prepare<[], ServiceRow>(
      "SELECT position, sid, account_sid, friendly_name, date_created, date_updated FROM services ORDER BY position"
    ),
    changeCount: db.prepare<[], number>("SELECT total_changes()").pluck(),
    // Moves on commits of other connections only; total_changes() covers this one's.
    dataVersion: db.prepare<[], number>("PRAGMA data_version").pluck(),
    // Children first: the foreign keys would cascade anyway, but the counts are per table.
    deleteAlphaSenders: db.prepare(`DELETE FROM ${ALPHA_SENDER_TABLE}`),
    deletePhoneMembers: db.prepare(`DELETE FROM ${PHONE_NUMBER_TABLES.members}`),
    deletePhoneNumbers: db.prepare(`DELETE FROM ${PHONE_NUMBER_TABLES.inventory}`),
    deleteMembers: db.prepare("DELETE FROM service_short_codes"),
    deleteShortCodes: db.prepare("DELETE FROM short_codes"),
    deleteServices: db.prepare("DELETE FROM services"),
    deleteAccounts: db.prepare("DELETE FROM accounts"),
    // AUTOINCREMENT keeps its high-water marks here; the table exists once a position was ever handed out.
    restartPositions: db.prepare(
      `DELETE FROM sqlite_sequence WHERE name IN ('services', '${SHORT_CODE_TABLES.members}', '${PHONE_NUMBER_TABLES.members}', '${ALPHA_SENDER_TABLE}')`
    )
  }
  const shortCodes = senderStatements<InventoryRow, MemberRow>(db, SHORT_CODE_TABLES)
  const phoneNumbers = senderStatements<PhoneInventoryRow, PhoneMemberRow>(db, PHONE_NUMBER_TABLES)

  const immediate = <A>(f: () => A): A => db.transaction(f).immediate()

  // Counting after the insert, inside the same transaction, keeps the check and the write atomic; a full pool rolls
  // the insert back by throwing out of the transaction.
  const checkPool = (serviceSid: ServiceSid): void => {
    if ((stmt.poolCount.get({ service: serviceSid })?.n ?? 0) > limit) throw new PoolFullRollback()
  }
  const poolFull = <A>(f: () => A): A | { readonly _tag: "PoolFull"; readonly limit: number } => {
    try {
      return immediate(f)
    } catch (error) {
      if (error instanceof PoolFullRollback) return { _tag: "PoolFull", limit }
      throw error
    }
  }

  /** Puts a sender of the inventory in a service: the steps and outcomes every inventory kind shares. */
  const addMember = <NotFound extends string, Row>(
    statements: SenderStatements,
    notFound: NotFound,
    accountSid: AccountSid,
    serviceSid: ServiceSid,
    senderSid: string
  ): { readonly _tag: "Added"; readonly row: Row } | AddSenderRefusal<NotFound> =>
    poolFull((): { readonly _tag: "Added"; readonly row: Row } | AddSenderRefusal<NotFound> => {
      if (stmt.service.get(serviceSid, accountSid) === undefined) return { _tag: "ServiceNotFound" }
      if (statements.inventory.get(senderSid, accountSid) === undefined) return { _tag: notFound }
      const at = now()
      try {
        statements.insertMember.run(serviceSid, senderSid, accountSid, at, at)
      } catch (error) {
        // The UNIQUE constraint, not a prior check, decides: it holds across connections and processes too.
        if (!isUniqueViolation(error)) throw error
        const holder = statements.holder.get(senderSid)
        if (holder === undefined) throw error
        return holder.service_sid === serviceSid
          ? { _tag: "AlreadyInThisService" }
          : { _tag: "InAnotherService", serviceSid: holder.service_sid as ServiceSid }
      }
      checkPool(serviceSid)
      const row = statements.member.get(accountSid, serviceSid, senderSid) as Row | undefined
      if (row === undefined) throw new Error(`${senderSid}, just added to ${serviceSid}, could not be read back`)
      return { _tag: "Added", row }
    })

  const addShortCode = (accountSid: AccountSid, serviceSid: ServiceSid, shortCodeSid: ShortCodeSid): AddShortCodeOutcome => {
    const outcome = addMember<"ShortCodeNotFound", MemberRow>(shortCodes, "ShortCodeNotFound", accountSid, serviceSid, shortCodeSid)
    return outcome._tag === "Added" ? { _tag: "Added", shortCode: toMember(outcome.row) } : outcome
  }
  const addPhoneNumber = (accountSid: AccountSid, serviceSid: ServiceSid, phoneNumberSid: PhoneNumberSid): AddPhoneNumberOutcome => {
    const outcome = addMember<"PhoneNumberNotFound", PhoneMemberRow>(phoneNumbers, "PhoneNumberNotFound", accountSid, serviceSid, phoneNumberSid)
    return outcome._tag === "Added" ? { _tag: "Added", phoneNumber: toPhoneMember(outcome.row) } : outcome
  }

  const addAlphaSender: Repository["addAlphaSender"] = (accountSid, serviceSid, { alphaSender, sid: given }) =>
    poolFull((): AddAlphaSenderOutcome => {
      if (stmt.service.get(serviceSid, accountSid) === undefined) return { _tag: "ServiceNotFound" }
      const current = stmt.alphaSenderOf.get(serviceSid)
      // Twilio's rule. The IMMEDIATE transaction holds the write lock from this check to the insert, so another
      // connection cannot add one in between; UNIQUE(service_sid) keeps the rule for writers that bypass this code.
      if (current !== undefined) return { _tag: "AlreadyHasAlphaSender", alphaSender: toAlphaSender(current) }
      const sid = given ?? ids.alphaSenderSid()
      const at = now()
      stmt.insertAlphaSender.run(sid, serviceSid, accountSid, alphaSender, JSON.stringify(ALPHA_SENDER_CAPABILITIES), at, at)
      if (ALPHA_SENDER_COUNTS_AGAINST_POOL) checkPool(serviceSid)
      return {
        _tag: "Added",
        alphaSender: { sid, accountSid, serviceSid, alphaSender, capabilities: ALPHA_SENDER_CAPABILITIES, dateCreated: new Date(at), dateUpdated: new Date(at) }
      }
    })

  // The reason is worked out after the violation, from what the caller sent: a SID the caller did not send (one
  // generated for it) is never named, since nobody asked for it.
  const insert = <A>(run: () => A, conflict: () => string): InsertOutcome<A> => {
    try {
      return { _tag: "Inserted", value: immediate(run) }
    } catch (error) {
      if (isUniqueViolation(error)) return { _tag: "Conflict", reason: conflict() }
      throw error
    }
  }
  const GENERATED_SID_COLLIDED = "the generated SID collided with an existing one; send the request again"

  return {
    findAccount: (sid) => {
      const row = stmt.account.get(sid)
      return row === undefined ? undefined : toAccount(row)
    },
    insertAccount: ({ sid: given, authToken }) => {
      const sid = given ?? ids.accountSid()
      return insert(() => {
        const at = now()
        stmt.insertAccount.run(sid, authToken, at)
        return { sid, authToken, dateCreated: new Date(at) }
      }, () => (given === undefined ? GENERATED_SID_COLLIDED : `account ${given} already exists`))
    },
    insertService: ({ sid: given, accountSid, friendlyName }) => {
      if (stmt.account.get(accountSid) === undefined) return { _tag: "AccountNotFound" }
      const sid = given ?? ids.serviceSid()
      return insert(() => {
        const at = now()
        stmt.insertService.run(sid, accountSid, friendlyName, at, at)
        return { sid, accountSid, friendlyName, dateCreated: new Date(at), dateUpdated: new Date(at) }
      }, () => (given === undefined ? GENERATED_SID_COLLIDED : `service ${given} already exists`))
    },
    insertShortCode: ({ sid: given, accountSid, shortCode, countryCode, capabilities }) => {
      if (stmt.account.get(accountSid) === undefined) return { _tag: "AccountNotFound" }
      const sid = given ?? ids.shortCodeSid()
      return insert(() => {
        const at = now()
        stmt.insertShortCode.run(sid, accountSid, shortCode, countryCode, JSON.stringify(capabilities), at, at)
        return {
          sid,
          accountSid,
          shortCode,
          countryCode,
          capabilities,
          serviceSid: null,
          dateCreated: new Date(at),
          dateUpdated: new Date(at)
        }
      }, () => {
        if (given !== undefined && shortCodes.anyInventory.get(given) !== undefined) return `short code ${given} already exists`
        const holder = stmt.byNumber.get(countryCode, shortCode)
        if (holder !== undefined) return `the number ${countryCode} ${shortCode} already exists as short code ${holder.sid} of account ${holder.account_sid}`
        return GENERATED_SID_COLLIDED
      })
    },
    findService: (accountSid, sid) => {
      const row = stmt.service.get(sid, accountSid)
      return row === undefined ? undefined : toService(row)
    },
    findAnyService: (sid) => {
      const row = stmt.anyService.get(sid)
      return row === undefined ? undefined : toService(row)
    },
    findAnyShortCode: (sid) => {
      const row = shortCodes.anyInventory.get(sid)
      return row === undefined ? undefined : toInventory(row)
    },
    listServices: (accountSid, cursor, pageSize) => {
      const page = readKeysetPage<ServiceRow>(
        db,
        {
          select: "position, sid, account_sid, friendly_name, date_created, date_updated",
          from: "services",
          where: "account_sid = ?",
          position: "position"
        },
        [accountSid],
        cursor,
        pageSize
      )
      return { ...page, rows: page.rows.map(toService) }
    },
    deleteService: (accountSid, sid) => stmt.deleteService.run(sid, accountSid).changes > 0,
    addShortCode,
    findServiceShortCode: (accountSid, serviceSid, sid) => {
      const row = shortCodes.member.get(accountSid, serviceSid, sid)
      return row === undefined ? undefined : toMember(row)
    },
    findServiceShortCodeAndToken: (accountSid, serviceSid, sid) => {
      const row = stmt.memberAndToken.get(serviceSid, sid, accountSid)
      if (row === undefined) return undefined
      // Without a membership the LEFT JOINs leave the short code's columns null.
      return { authToken: row.auth_token, shortCode: row.position === null ? undefined : toMember(row as MemberRow) }
    },
    listServiceShortCodes: (accountSid, serviceSid, cursor, pageSize) =>
      // One read transaction, so the page and its neighbour checks see the same snapshot.
      db.transaction(() => {
        if (stmt.service.get(serviceSid, accountSid) === undefined) return undefined
        const page = readKeysetPage<MemberRow>(
          db,
          { select: MEMBER_SELECT, from: MEMBER_FROM, where: "m.service_sid = ?", position: "m.position" },
          [serviceSid],
          cursor,
          pageSize
        )
        return { ...page, rows: page.rows.map(toMember) }
      }).deferred(),
    removeShortCode: (accountSid, serviceSid, sid) => shortCodes.removeMember.run(accountSid, serviceSid, sid).changes > 0,
    insertPhoneNumber: ({ sid: given, accountSid, phoneNumber, countryCode, capabilities }) => {
      if (stmt.account.get(accountSid) === undefined) return { _tag: "AccountNotFound" }
      const sid = given ?? ids.phoneNumberSid()
      return insert(() => {
        const at = now()
        stmt.insertPhoneNumber.run(sid, accountSid, phoneNumber, countryCode, JSON.stringify(capabilities), at, at)
        return { sid, accountSid, phoneNumber, countryCode, capabilities, serviceSid: null, dateCreated: new Date(at), dateUpdated: new Date(at) }
      }, () => {
        if (given !== undefined && phoneNumbers.anyInventory.get(given) !== undefined) return `phone number ${given} already exists`
        const holder = stmt.phoneByNumber.get(phoneNumber)
        if (holder !== undefined) return `the number ${phoneNumber} already exists as phone number ${holder.sid} of account ${holder.account_sid}`
        return GENERATED_SID_COLLIDED
      })
    },
    findAnyPhoneNumber: (sid) => {
      const row = phoneNumbers.anyInventory.get(sid)
      return row === undefined ? undefined : toPhoneInventory(row)
    },
    addPhoneNumber,
    findServicePhoneNumber: (accountSid, serviceSid, sid) => {
      const row = phoneNumbers.member.get(accountSid, serviceSid, sid)
      return row === undefined ? undefined : toPhoneMember(row)
    },
    listServicePhoneNumbers: (accountSid, serviceSid, cursor, pageSize) =>
      db.transaction(() => {
        if (stmt.service.get(serviceSid, accountSid) === undefined) return undefined
        const page = readKeysetPage<PhoneMemberRow>(
          db,
          { select: memberSelect(PHONE_NUMBER_TABLES), from: memberFrom(PHONE_NUMBER_TABLES), where: "m.service_sid = ?", position: "m.position" },
          [serviceSid],
          cursor,
          pageSize
        )
        return { ...page, rows: page.rows.map(toPhoneMember) }
      }).deferred(),
    removePhoneNumber: (accountSid, serviceSid, sid) => phoneNumbers.removeMember.run(accountSid, serviceSid, sid).changes > 0,
    addAlphaSender,
    findServiceAlphaSender: (accountSid, serviceSid, sid) => {
      const row = stmt.alphaSender.get(accountSid, serviceSid, sid)
      return row === undefined ? undefined : toAlphaSender(row)
    },
    listServiceAlphaSenders: (accountSid, serviceSid, cursor, pageSize) =>
      db.transaction(() => {
        if (stmt.service.get(serviceSid, accountSid) === undefined) return undefined
        const page = readKeysetPage<AlphaSenderRow>(
          db,
          { select: ALPHA_SENDER_SELECT, from: ALPHA_SENDER_TABLE, where: "service_sid = ?", position: "position" },
          [serviceSid],
          cursor,
          pageSize
        )
        return { ...page, rows: page.rows.map(toAlphaSender) }
      }).deferred(),
    removeAlphaSender: (accountSid, serviceSid, sid) => stmt.removeAlphaSender.run(accountSid, serviceSid, sid).changes > 0,
    allAccounts: () => stmt.allAccounts.all().map(toAccount),
    allServices: () => stmt.allServices.all().map(toService),
    allShortCodes: () => shortCodes.allInventory.all().map(toInventory),
    allPhoneNumbers: () => phoneNumbers.allInventory.all().map(toPhoneInventory),
    allAlphaSenders: () => stmt.allAlphaSenders.all().map(toAlphaSender),
    transaction: immediate,
    changeCount: () => stmt.changeCount.get() as number,
    dataVersion: () => `${stmt.dataVersion.get() as number}:${stmt.changeCount.get() as number}`,
    deleteEverything: () =>
      immediate(() => {
        const alphaSenders = stmt.deleteAlphaSenders.run().changes
        const phoneNumberMemberships = stmt.deletePhoneMembers.run().changes
        const phoneNumbers = stmt.deletePhoneNumbers.run().changes
        const memberships = stmt.deleteMembers.run().changes
        const shortCodes = stmt.deleteShortCodes.run().changes
        const services = stmt.deleteServices.run().changes
        const accounts = stmt.deleteAccounts.run().changes
        stmt.restartPositions.run()
        return { accounts, services, shortCodes, memberships, phoneNumbers, phoneNumberMemberships, alphaSenders }
      })
  }
}
