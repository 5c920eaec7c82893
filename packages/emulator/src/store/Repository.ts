/**
 * Every read and write of the emulator's state, as domain records in and out. SQL stays in this file; callers see
 * accounts, services and their senders (short codes, phone numbers, alpha senders), and outcomes as tagged values
 * instead of exceptions. The senders of the inventory are read and written once, over the rows of SenderKinds.ts.
 */
import { AccountSid, ServiceSid } from "@shortcode-kit/schema"
import type { AlphaSenderSid } from "../CanonicalSid.js"
import { type IdSource, newSidOf, randomIds } from "../controls/Ids.js"
import type { Database } from "./Database.js"
import { isInMemory, isUniqueViolation } from "./Database.js"
import { type KeysetPage, type PageCursor, readKeysetPage } from "./Paging.js"
import {
  ALPHA_SENDER,
  type AnyInventoryKind,
  type InventorySender,
  numberOf,
  PHONE_NUMBER,
  poolTables,
  SENDER_KINDS,
  type SenderInput,
  type ServiceSender,
  SHORT_CODE
} from "./SenderKinds.js"

export { ALPHA_SENDER_COUNTS_AGAINST_POOL } from "./SenderKinds.js"

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
export type InventoryShortCode = InventorySender<typeof SHORT_CODE>

/** A short code as a member of a service: the ShortCode resource of the Twilio API, without its URL. */
export type ServiceShortCode = ServiceSender<typeof SHORT_CODE>

/** A phone number the account owns, in a service or not (`phoneNumber` in E.164). */
export type InventoryPhoneNumber = InventorySender<typeof PHONE_NUMBER>

/** A phone number as a member of a service (the PhoneNumber resource); its dates are those of the membership. */
export type ServicePhoneNumber = ServiceSender<typeof PHONE_NUMBER>

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

/** The result of adding a sender of kind `K` to a service. */
export type AddSenderOutcome<K> = { readonly _tag: "Added"; readonly row: ServiceSender<K> } | AddSenderRefusal<"NotFound">

/** The result of giving a service its alpha sender. */
export type AddAlphaSenderOutcome =
  | { readonly _tag: "Added"; readonly alphaSender: ServiceAlphaSender }
  | { readonly _tag: "ServiceNotFound" }
  /** Twilio: one alpha sender per service; to change it, delete the current one first. */
  | { readonly _tag: "AlreadyHasAlphaSender"; readonly alphaSender: ServiceAlphaSender }
  /** Only while {@link ALPHA_SENDER_COUNTS_AGAINST_POOL} is `true`. */
  | { readonly _tag: "PoolFull"; readonly limit: number }

/** The capabilities of every alpha sender: Twilio's resource documents `SMS` only. */
export const ALPHA_SENDER_CAPABILITIES: ReadonlyArray<string> = ["SMS"]

/** The result of an admin insert. */
export type InsertOutcome<A> =
  | { readonly _tag: "Inserted"; readonly value: A }
  | { readonly _tag: "Conflict"; readonly reason: string }
  | { readonly _tag: "AccountNotFound" }

/** Any row of SenderKinds.ts (or a test's own kind over tables it made). */
type AnyKind = AnyInventoryKind

export interface Repository {
  readonly findAccount: (sid: string) => AccountRecord | undefined
  readonly insertAccount: (input: { readonly sid?: AccountSid; readonly authToken: string }) => InsertOutcome<AccountRecord>
  readonly insertService: (input: { readonly sid?: ServiceSid; readonly accountSid: AccountSid; readonly friendlyName: string }) => InsertOutcome<ServiceRecord>
  readonly findService: (accountSid: AccountSid, sid: ServiceSid) => ServiceRecord | undefined
  /** A service whatever its account (for seeding and the admin surface). */
  readonly findAnyService: (sid: string) => ServiceRecord | undefined
  readonly listServices: (accountSid: AccountSid, cursor: PageCursor, limit: number) => KeysetPage<ServiceRecord>
  /** Deletes a service; its memberships go with it, so its senders return to the inventory. */
  readonly deleteService: (accountSid: AccountSid, sid: ServiceSid) => boolean
  /** Adds a sender to the account's inventory of `kind`, in no service. */
  readonly insertSender: <K extends AnyKind>(kind: K, input: SenderInput<K>) => InsertOutcome<InventorySender<K>>
  /** A sender of any account's inventory of `kind` (for seeding and the admin surface). */
  readonly findAnySender: <K extends AnyKind>(kind: K, sid: string) => InventorySender<K> | undefined
  /** Puts a sender of the inventory in a service, where it takes a place of the pool if its kind does. */
  readonly addSender: <K extends AnyKind>(kind: K, accountSid: AccountSid, serviceSid: ServiceSid, sid: string) => AddSenderOutcome<K>
  readonly findServiceSender: <K extends AnyKind>(kind: K, accountSid: AccountSid, serviceSid: ServiceSid, sid: string) => ServiceSender<K> | undefined
  /** `undefined` when the service does not exist for the account. */
  readonly listServiceSenders: <K extends AnyKind>(
    kind: K,
    accountSid: AccountSid,
    serviceSid: ServiceSid,
    cursor: PageCursor,
    limit: number
  ) => KeysetPage<ServiceSender<K>> | undefined
  /** Takes a sender out of its service, back to the inventory. */
  readonly removeSender: (kind: AnyKind, accountSid: AccountSid, serviceSid: ServiceSid, sid: string) => boolean
  /** The whole inventory of `kind`, each with its service (for the dump). */
  readonly allSenders: <K extends AnyKind>(kind: K) => ReadonlyArray<InventorySender<K>>
  /** The kinds of the inventory it reads and writes (SenderKinds.ts, or a test's own). */
  readonly kinds: ReadonlyArray<AnyKind>
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
   * The part of {@link dataVersion} that moves on commits of other connections only (SQLite's `PRAGMA data_version`;
   * this connection's own commits move {@link changeCount}): `dataVersion()` is `${othersVersion()}:${changeCount()}`.
   * A database in memory (or SQLite's private temporary one) has no other connection, so it never moves there.
   */
  readonly othersVersion: () => number
  /**
   * Deletes every account, service, sender and membership, and restarts the list positions, in one
   * transaction (a savepoint inside the caller's): what `reset` then reloads gets the positions, and so the page
   * tokens, of a fresh database. Returns how many rows of each table it deleted (`memberships`: of short codes); every kind's tables are emptied.
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
/** A row of a kind's inventory or membership: the shared columns, and the kind's own ones of its `columns`. */
interface SenderRow {
  position: number
  sid: string
  account_sid: string
  service_sid: string | null
  date_created: number
  date_updated: number
  [column: string]: unknown
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
/** A kind's own fields of a row, the JSON ones parsed. */
const fieldsOf = (kind: AnyKind, r: SenderRow): Record<string, unknown> => {
  const fields: Record<string, unknown> = {}
  for (const [field, column] of Object.entries<string>(kind.columns)) fields[field] = kind.json.includes(field) ? JSON.parse(r[column] as string) : r[column]
  return fields
}
const toInventorySender = <K extends AnyKind>(kind: K, r: SenderRow): InventorySender<K> => ({
  sid: r.sid,
  accountSid: r.account_sid,
  ...fieldsOf(kind, r),
  serviceSid: r.service_sid,
  dateCreated: new Date(r.date_created),
  dateUpdated: new Date(r.date_updated)
}) as InventorySender<K>
const toServiceSender = <K extends AnyKind>(kind: K, r: SenderRow): ServiceSender<K> => ({
  sid: r.sid,
  accountSid: r.account_sid,
  serviceSid: r.service_sid,
  ...fieldsOf(kind, r),
  dateCreated: new Date(r.date_created),
  dateUpdated: new Date(r.date_updated)
}) as ServiceSender<K>
const toAlphaSender = (r: AlphaSenderRow): ServiceAlphaSender => ({
  sid: r.sid as AlphaSenderSid,
  accountSid: r.account_sid as AccountSid,
  serviceSid: r.service_sid as ServiceSid,
  alphaSender: r.alpha_sender,
  capabilities: JSON.parse(r.capabilities) as ReadonlyArray<string>,
  dateCreated: new Date(r.date_created),
  dateUpdated: new Date(r.date_updated)
})

const memberSelect = (k: AnyKind): string =>
  "m.position AS position, s.sid AS sid, m.account_sid AS account_sid, m.service_sid AS service_sid, " +
  `${Object.values(k.columns).map((c) => `s.${c} AS ${c}`).join(", ")}, m.date_created AS date_created, m.date_updated AS date_updated`
const memberFrom = (k: AnyKind): string => `${k.members} m JOIN ${k.inventory} s ON s.sid = m.${k.senderSid}`
const inventorySelect = (k: AnyKind): string =>
  `SELECT s.*, m.service_sid AS service_sid FROM ${k.inventory} s LEFT JOIN ${k.members} m ON m.${k.senderSid} = s.sid`

const ALPHA_SENDER_SELECT = "position, sid, account_sid, service_sid, alpha_sender, capabilities, date_created, date_updated"

/** How many senders of the pool service `@service` holds, over the pool's tables (each read by its service index). */
const poolCountSql = (tables: ReadonlyArray<string>): string =>
  tables.map((table) => `(SELECT count(*) FROM ${table} WHERE service_sid = @service)`).join(" + ")

/** An inventory row as `addSender` reads it, with whether the service exists (`null` columns when the sender does not). */
type AddLookupRow = { service_found: number } & Partial<SenderRow>

/** The statements of one sender kind, prepared once per database. */
const senderStatements = (db: Database, k: AnyKind, poolTablesSql: string) => {
  const columns = Object.values(k.columns)
  return {
    // The two checks of an add in one read: the service of the account, and the sender in its inventory.
    addLookup: db.prepare<[{ service: string; account: string; sender: string }], AddLookupRow>(
      "SELECT EXISTS (SELECT 1 FROM services WHERE sid = @service AND account_sid = @account) AS service_found, s.* " +
        `FROM (SELECT 1) LEFT JOIN ${k.inventory} s ON s.sid = @sender AND s.account_sid = @account`
    ),
    // The membership, inserted only while the pool has room (for a kind that counts against it): the pool check and
    // the write in one statement, inside the add's write transaction; RETURNING gives what the read-back gave.
    addMember: db.prepare<[{ service: string; sender: string; account: string; at: number; limit: number }], { position: number; date_created: number; date_updated: number }>(
      `INSERT INTO ${k.members} (service_sid, ${k.senderSid}, account_sid, date_created, date_updated) ` +
        `SELECT @service, @sender, @account, @at, @at${k.pool ? ` WHERE ${poolTablesSql} < @limit` : ""} ` +
        "RETURNING position, date_created, date_updated"
    ),
    insert: db.prepare(
      `INSERT INTO ${k.inventory} (sid, account_sid, ${columns.join(", ")}, date_created, date_updated) ` +
        `VALUES (${["sid", "account_sid", ...columns, "date_created", "date_updated"].map(() => "?").join(", ")})`
    ),
    byNumber: db.prepare<Array<unknown>, { sid: string; account_sid: string }>(
      `SELECT sid, account_sid FROM ${k.inventory} WHERE ${k.number.map((f) => `${k.columns[f]} = ?`).join(" AND ")}`
    ),
    inventory: db.prepare<[string, string], SenderRow>(`${inventorySelect(k)} WHERE s.sid = ? AND s.account_sid = ?`),
    anyInventory: db.prepare<[string], SenderRow>(`${inventorySelect(k)} WHERE s.sid = ?`),
    allInventory: db.prepare<[], SenderRow>(`${inventorySelect(k)} ORDER BY coalesce(m.position, 0), s.date_created, s.sid`),
    holder: db.prepare<[string], { service_sid: string }>(`SELECT service_sid FROM ${k.members} WHERE ${k.senderSid} = ?`),
    member: db.prepare<[string, string, string], SenderRow>(
      `SELECT ${memberSelect(k)} FROM ${memberFrom(k)} WHERE m.account_sid = ? AND m.service_sid = ? AND m.${k.senderSid} = ?`
    ),
    removeMember: db.prepare(`DELETE FROM ${k.members} WHERE account_sid = ? AND service_sid = ? AND ${k.senderSid} = ?`),
    // Children first: the foreign keys would cascade anyway, but the counts are per table.
    deleteMembers: db.prepare(`DELETE FROM ${k.members}`),
    deleteInventory: db.prepare(`DELETE FROM ${k.inventory}`)
  }
}
type SenderStatements = ReturnType<typeof senderStatements>

class PoolFullRollback extends Error {}

/**
 * The repository over an open, migrated database.
 *
 * @param options.servicePoolLimit how many senders of its pool (phone numbers and short codes together) a service may
 *   hold (Twilio: 400).
 * @param options.now the clock, in milliseconds since the epoch.
 * @param options.ids where the SIDs left out of an insert come from (default: random).
 * @param options.kinds the sender kinds of the inventory (default {@link SENDER_KINDS}); their tables must exist.
 */
export const makeRepository = (
  db: Database,
  options: { readonly servicePoolLimit: number; readonly now?: () => number; readonly ids?: IdSource; readonly kinds?: ReadonlyArray<AnyKind> }
): Repository => {
  const clock = options.now ?? Date.now
  const ids = options.ids ?? randomIds
  const kinds = options.kinds ?? SENDER_KINDS
  // Twilio's dates have whole seconds; storing them so keeps what is read back equal to what is served.
  const now = (): number => Math.floor(clock() / 1000) * 1000
  const limit = options.servicePoolLimit

  // Each `PRAGMA data_version` opens a read transaction (about 1.5 µs on a WAL file); no other connection can open a
  // database in memory, so there it would always read the same.
  const othersVersion = isInMemory(db.name) ? () => 0 : () => stmt.dataVersion.get() as number

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
    poolCount: db.prepare<[{ service: string }], { n: number }>(`SELECT ${poolCountSql(poolTables(kinds))} AS n`),
    insertAlphaSender: db.prepare(
      `INSERT INTO ${ALPHA_SENDER.table} (sid, service_sid, account_sid, alpha_sender, capabilities, date_created, date_updated) ` +
        "VALUES (?, ?, ?, ?, ?, ?, ?)"
    ),
    alphaSenderOf: db.prepare<[string], AlphaSenderRow>(`SELECT ${ALPHA_SENDER_SELECT} FROM ${ALPHA_SENDER.table} WHERE service_sid = ?`),
    alphaSender: db.prepare<[string, string, string], AlphaSenderRow>(
      `SELECT ${ALPHA_SENDER_SELECT} FROM ${ALPHA_SENDER.table} WHERE account_sid = ? AND service_sid = ? AND sid = ?`
    ),
    removeAlphaSender: db.prepare(`DELETE FROM ${ALPHA_SENDER.table} WHERE account_sid = ? AND service_sid = ? AND sid = ?`),
    allAlphaSenders: db.prepare<[], AlphaSenderRow>(`SELECT ${ALPHA_SENDER_SELECT} FROM ${ALPHA_SENDER.table} ORDER BY position`),
    allAccounts: db.prepare<[], AccountRow>("SELECT sid, auth_token, date_created FROM accounts ORDER BY date_created, sid"),
    allServices: db.prepare<[], ServiceRow>(
      "SELECT position, sid, account_sid, friendly_name, date_created, date_updated FROM services ORDER BY position"
    ),
    changeCount: db.prepare<[], number>("SELECT total_changes()").pluck(),
    // Moves on commits of other connections only; total_changes() covers this one's. Two statements on purpose: the
    // one-statement form (`SELECT data_version || ':' || total_changes() FROM pragma_data_version`, a table-valued
    // pragma) measured 3-5x slower than both of these together (about 1.5 µs against 0.3-0.6 µs).
    dataVersion: db.prepare<[], number>("PRAGMA data_version").pluck(),
    deleteAlphaSenders: db.prepare(`DELETE FROM ${ALPHA_SENDER.table}`),
    deleteServices: db.prepare("DELETE FROM services"),
    deleteAccounts: db.prepare("DELETE FROM accounts"),
    // AUTOINCREMENT keeps its high-water marks here; the table exists once a position was ever handed out.
    restartPositions: db.prepare(
      `DELETE FROM sqlite_sequence WHERE name IN (${["services", ...kinds.map((k) => k.members), ALPHA_SENDER.table].map((t) => `'${t}'`).join(", ")})`
    )
  }
  const statements = new Map<AnyKind, SenderStatements>(kinds.map((k) => [k, senderStatements(db, k, poolCountSql(poolTables(kinds)))]))
  const of = (kind: AnyKind): SenderStatements => {
    const found = statements.get(kind)
    if (found === undefined) throw new Error(`the ${kind.label} is not a sender kind of this repository (makeRepository's kinds)`)
    return found
  }

  // One transaction function for every call (inside another transaction it runs as a savepoint): making one per call
  // took about 4 µs, against 0.5 µs for running this one.
  const inTransaction = db.transaction((f: () => unknown) => f())
  const immediate = <A>(f: () => A): A => inTransaction.immediate(f) as A

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

  const addSender: Repository["addSender"] = (kind, accountSid, serviceSid, senderSid) =>
    poolFull(() => {
      const s = of(kind)
      const found = s.addLookup.get({ service: serviceSid, account: accountSid, sender: senderSid })
      if (found === undefined || found.service_found === 0) return { _tag: "ServiceNotFound" } as const
      if (found.sid == null) return { _tag: "NotFound" } as const
      const held = () => {
        const holder = s.holder.get(senderSid)
        if (holder === undefined) return undefined
        return holder.service_sid === serviceSid
          ? ({ _tag: "AlreadyInThisService" } as const)
          : ({ _tag: "InAnotherService", serviceSid: holder.service_sid as ServiceSid } as const)
      }
      let added: { position: number; date_created: number; date_updated: number } | undefined
      try {
        added = s.addMember.get({ service: serviceSid, sender: senderSid, account: accountSid, at: now(), limit })
      } catch (error) {
        // The UNIQUE constraint, not a prior check, decides: it holds across connections and processes too.
        if (!isUniqueViolation(error)) throw error
        const holding = held()
        if (holding === undefined) throw error
        return holding
      }
      // Not inserted: the pool is full. A sender already in a service is answered as such first, as when the
      // membership's UNIQUE constraint is met before the pool is counted.
      if (added === undefined) {
        const holding = held()
        if (holding !== undefined) return holding
        throw new PoolFullRollback()
      }
      const row: SenderRow = { ...(found as SenderRow), ...added, account_sid: accountSid, service_sid: serviceSid }
      return { _tag: "Added", row: toServiceSender(kind, row) } as const
    })

  const addAlphaSender: Repository["addAlphaSender"] = (accountSid, serviceSid, { alphaSender, sid: given }) =>
    poolFull((): AddAlphaSenderOutcome => {
      if (stmt.service.get(serviceSid, accountSid) === undefined) return { _tag: "ServiceNotFound" }
      const current = stmt.alphaSenderOf.get(serviceSid)
      // Twilio's rule. The IMMEDIATE transaction holds the write lock from this check to the insert, so another
      // connection cannot add one in between; UNIQUE(service_sid) keeps the rule for writers that bypass this code.
      if (current !== undefined) return { _tag: "AlreadyHasAlphaSender", alphaSender: toAlphaSender(current) }
      const sid = given ?? ALPHA_SENDER.newSid(ids)
      const at = now()
      stmt.insertAlphaSender.run(sid, serviceSid, accountSid, alphaSender, JSON.stringify(ALPHA_SENDER_CAPABILITIES), at, at)
      if (ALPHA_SENDER.pool) checkPool(serviceSid)
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

  const insertSender: Repository["insertSender"] = (kind, input) => {
    if (stmt.account.get(input.accountSid) === undefined) return { _tag: "AccountNotFound" }
    const s = of(kind)
    const given = input.sid
    const sid = given ?? kind.newSid(ids)
    // Only the kind's own fields: a seed's sender also carries its service, which is a membership, not a column.
    const fields = Object.fromEntries(Object.keys(kind.columns).map((f) => [f, (input as Record<string, unknown>)[f]]))
    const stored = (f: string): unknown => (kind.json.includes(f) ? JSON.stringify(fields[f]) : fields[f])
    return insert((): InventorySender<typeof kind> => {
      const at = now()
      s.insert.run(sid, input.accountSid, ...Object.keys(kind.columns).map(stored), at, at)
      return { sid, accountSid: input.accountSid, ...fields, serviceSid: null, dateCreated: new Date(at), dateUpdated: new Date(at) } as InventorySender<typeof kind>
    }, () => {
      if (given !== undefined && s.anyInventory.get(given) !== undefined) return `${kind.label} ${given} already exists`
      const holder = s.byNumber.get(...kind.number.map(stored))
      if (holder !== undefined) return `the number ${numberOf(kind, fields)} already exists as ${kind.label} ${holder.sid} of account ${holder.account_sid}`
      return GENERATED_SID_COLLIDED
    })
  }
  const findAnySender: Repository["findAnySender"] = (kind, sid) => {
    const row = of(kind).anyInventory.get(sid)
    return row === undefined ? undefined : toInventorySender(kind, row)
  }
  const findServiceSender: Repository["findServiceSender"] = (kind, accountSid, serviceSid, sid) => {
    const row = of(kind).member.get(accountSid, serviceSid, sid)
    return row === undefined ? undefined : toServiceSender(kind, row)
  }
  const listServiceSenders: Repository["listServiceSenders"] = (kind, accountSid, serviceSid, cursor, pageSize) =>
    // One read transaction, so the page and its neighbour checks see the same snapshot.
    db.transaction(() => {
      if (stmt.service.get(serviceSid, accountSid) === undefined) return undefined
      const page = readKeysetPage<SenderRow>(
        db,
        { select: memberSelect(kind), from: memberFrom(kind), where: "m.service_sid = ?", position: "m.position" },
        [serviceSid],
        cursor,
        pageSize
      )
      return { ...page, rows: page.rows.map((row) => toServiceSender(kind, row)) }
    }).deferred()
  const removeSender: Repository["removeSender"] = (kind, accountSid, serviceSid, sid) => of(kind).removeMember.run(accountSid, serviceSid, sid).changes > 0
  const allSenders: Repository["allSenders"] = (kind) => of(kind).allInventory.all().map((row) => toInventorySender(kind, row))

  return {
    findAccount: (sid) => {
      const row = stmt.account.get(sid)
      return row === undefined ? undefined : toAccount(row)
    },
    insertAccount: ({ sid: given, authToken }) => {
      const sid = given ?? newSidOf(ids, AccountSid)
      return insert(() => {
        const at = now()
        stmt.insertAccount.run(sid, authToken, at)
        return { sid, authToken, dateCreated: new Date(at) }
      }, () => (given === undefined ? GENERATED_SID_COLLIDED : `account ${given} already exists`))
    },
    insertService: ({ sid: given, accountSid, friendlyName }) => {
      if (stmt.account.get(accountSid) === undefined) return { _tag: "AccountNotFound" }
      const sid = given ?? newSidOf(ids, ServiceSid)
      return insert(() => {
        const at = now()
        stmt.insertService.run(sid, accountSid, friendlyName, at, at)
        return { sid, accountSid, friendlyName, dateCreated: new Date(at), dateUpdated: new Date(at) }
      }, () => (given === undefined ? GENERATED_SID_COLLIDED : `service ${given} already exists`))
    },
    findService: (accountSid, sid) => {
      const row = stmt.service.get(sid, accountSid)
      return row === undefined ? undefined : toService(row)
    },
    findAnyService: (sid) => {
      const row = stmt.anyService.get(sid)
      return row === undefined ? undefined : toService(row)
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
    insertSender,
    findAnySender,
    addSender,
    findServiceSender,
    listServiceSenders,
    removeSender,
    allSenders,
    kinds,
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
          { select: ALPHA_SENDER_SELECT, from: ALPHA_SENDER.table, where: "service_sid = ?", position: "position" },
          [serviceSid],
          cursor,
          pageSize
        )
        return { ...page, rows: page.rows.map(toAlphaSender) }
      }).deferred(),
    removeAlphaSender: (accountSid, serviceSid, sid) => stmt.removeAlphaSender.run(accountSid, serviceSid, sid).changes > 0,
    allAccounts: () => stmt.allAccounts.all().map(toAccount),
    allServices: () => stmt.allServices.all().map(toService),
    allAlphaSenders: () => stmt.allAlphaSenders.all().map(toAlphaSender),
    transaction: immediate,
    changeCount: () => stmt.changeCount.get() as number,
    othersVersion,
    dataVersion: () => `${othersVersion()}:${stmt.changeCount.get() as number}`,
    deleteEverything: () =>
      immediate(() => {
        const alphaSenders = stmt.deleteAlphaSenders.run().changes
        const deleted = new Map(kinds.map((k) => {
          const members = of(k).deleteMembers.run().changes
          return [k, { members, inventory: of(k).deleteInventory.run().changes }] as const
        }))
        const services = stmt.deleteServices.run().changes
        const accounts = stmt.deleteAccounts.run().changes
        stmt.restartPositions.run()
        const shortCodes = deleted.get(SHORT_CODE)
        const phoneNumbers = deleted.get(PHONE_NUMBER)
        return {
          accounts,
          services,
          shortCodes: shortCodes?.inventory ?? 0,
          memberships: shortCodes?.members ?? 0,
          phoneNumbers: phoneNumbers?.inventory ?? 0,
          phoneNumberMemberships: phoneNumbers?.members ?? 0,
          alphaSenders
        }
      })
  }
}
