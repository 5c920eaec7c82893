/**
 * Every read and write of the emulator's state, as domain records in and out. SQL stays in this file; callers see
 * accounts, services and short codes, and outcomes as tagged values instead of exceptions.
 */
import type { AccountSid, ServiceSid, ShortCodeSid } from "@shortcode-kit/schema"
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

/** The result of adding a short code to a service. */
export type AddShortCodeOutcome =
  | { readonly _tag: "Added"; readonly shortCode: ServiceShortCode }
  | { readonly _tag: "ServiceNotFound" }
  | { readonly _tag: "ShortCodeNotFound" }
  | { readonly _tag: "AlreadyInThisService" }
  | { readonly _tag: "InAnotherService"; readonly serviceSid: ServiceSid }
  | { readonly _tag: "PoolFull"; readonly limit: number }

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
  readonly allAccounts: () => ReadonlyArray<AccountRecord>
  readonly allServices: () => ReadonlyArray<ServiceRecord>
  readonly allShortCodes: () => ReadonlyArray<InventoryShortCode>
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
   * Deletes every account, service, short code and membership, and restarts the list positions, in one
   * transaction (a savepoint inside the caller's): what `reset` then reloads gets the positions, and so the page
   * tokens, of a fresh database. Returns how many rows of each table it deleted.
   */
  readonly deleteEverything: () => { readonly accounts: number; readonly services: number; readonly shortCodes: number; readonly memberships: number }
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

const MEMBER_SELECT =
  "m.position AS position, s.sid AS sid, m.account_sid AS account_sid, m.service_sid AS service_sid, " +
  "s.short_code AS short_code, s.country_code AS country_code, s.capabilities AS capabilities, " +
  "m.date_created AS date_created, m.date_updated AS date_updated"
const MEMBER_FROM = "service_short_codes m JOIN short_codes s ON s.sid = m.short_code_sid"

class PoolFullRollback extends Error {}

/**
 * The repository over an open, migrated database.
 *
 * @param options.servicePoolLimit how many short codes a service may hold (Twilio: 400 numbers and short codes).
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
    anyShortCode: db.prepare<[string], InventoryRow>(
      "SELECT s.*, m.service_sid AS service_sid FROM short_codes s LEFT JOIN service_short_codes m ON m.short_code_sid = s.sid " +
        "WHERE s.sid = ?"
    ),
    deleteService: db.prepare("DELETE FROM services WHERE sid = ? AND account_sid = ?"),
    inventory: db.prepare<[string, string], InventoryRow>(
      "SELECT s.*, m.service_sid AS service_sid FROM short_codes s LEFT JOIN service_short_codes m ON m.short_code_sid = s.sid " +
        "WHERE s.sid = ? AND s.account_sid = ?"
    ),
    insertShortCode: db.prepare(
      "INSERT INTO short_codes (sid, account_sid, short_code, country_code, capabilities, date_created, date_updated) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?)"
    ),
    insertMember: db.prepare(
      "INSERT INTO service_short_codes (service_sid, short_code_sid, account_sid, date_created, date_updated) VALUES (?, ?, ?, ?, ?)"
    ),
    byNumber: db.prepare<[string, string], { sid: string; account_sid: string }>(
      "SELECT sid, account_sid FROM short_codes WHERE country_code = ? AND short_code = ?"
    ),
    holder: db.prepare<[string], { service_sid: string }>("SELECT service_sid FROM service_short_codes WHERE short_code_sid = ?"),
    memberCount: db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM service_short_codes WHERE service_sid = ?"),
    member: db.prepare<[string, string, string], MemberRow>(
      `SELECT ${MEMBER_SELECT} FROM ${MEMBER_FROM} WHERE m.account_sid = ? AND m.service_sid = ? AND m.short_code_sid = ?`
    ),
    memberAndToken: db.prepare<[string, string, string], MemberAndTokenRow>(
      `SELECT a.auth_token AS auth_token, ${MEMBER_SELECT} FROM accounts a ` +
        "LEFT JOIN service_short_codes m ON m.account_sid = a.sid AND m.service_sid = ? AND m.short_code_sid = ? " +
        "LEFT JOIN short_codes s ON s.sid = m.short_code_sid WHERE a.sid = ?"
    ),
    removeMember: db.prepare("DELETE FROM service_short_codes WHERE account_sid = ? AND service_sid = ? AND short_code_sid = ?"),
    allAccounts: db.prepare<[], AccountRow>("SELECT sid, auth_token, date_created FROM accounts ORDER BY date_created, sid"),
    allServices: db.prepare<[], ServiceRow>(
      "SELECT position, sid, account_sid, friendly_name, date_created, date_updated FROM services ORDER BY position"
    ),
    allShortCodes: db.prepare<[], InventoryRow>(
      "SELECT s.*, m.service_sid AS service_sid FROM short_codes s LEFT JOIN service_short_codes m ON m.short_code_sid = s.sid " +
        "ORDER BY coalesce(m.position, 0), s.date_created, s.sid"
    ),
    changeCount: db.prepare<[], number>("SELECT total_changes()").pluck(),
    // Moves on commits of other connections only; total_changes() covers this one's.
    dataVersion: db.prepare<[], number>("PRAGMA data_version").pluck(),
    // Children first: the foreign keys would cascade anyway, but the counts are per table.
    deleteMembers: db.prepare("DELETE FROM service_short_codes"),
    deleteShortCodes: db.prepare("DELETE FROM short_codes"),
    deleteServices: db.prepare("DELETE FROM services"),
    deleteAccounts: db.prepare("DELETE FROM accounts"),
    // AUTOINCREMENT keeps its high-water marks here; the table exists once a position was ever handed out.
    restartPositions: db.prepare("DELETE FROM sqlite_sequence WHERE name IN ('services', 'service_short_codes')")
  }

  const immediate = <A>(f: () => A): A => db.transaction(f).immediate()

  const addShortCode = (accountSid: AccountSid, serviceSid: ServiceSid, shortCodeSid: ShortCodeSid): AddShortCodeOutcome => {
    try {
      return immediate((): AddShortCodeOutcome => {
        if (stmt.service.get(serviceSid, accountSid) === undefined) return { _tag: "ServiceNotFound" }
        if (stmt.inventory.get(shortCodeSid, accountSid) === undefined) return { _tag: "ShortCodeNotFound" }
        const at = now()
        try {
          stmt.insertMember.run(serviceSid, shortCodeSid, accountSid, at, at)
        } catch (error) {
          // The UNIQUE constraint, not a prior check, decides: it holds across connections and processes too.
          if (!isUniqueViolation(error)) throw error
          const holder = stmt.holder.get(shortCodeSid)
          if (holder === undefined) throw error
          return holder.service_sid === serviceSid
            ? { _tag: "AlreadyInThisService" }
            : { _tag: "InAnotherService", serviceSid: holder.service_sid as ServiceSid }
        }
        // Counting after the insert, inside the same transaction, keeps the check and the write atomic.
        if ((stmt.memberCount.get(serviceSid)?.n ?? 0) > limit) throw new PoolFullRollback()
        const row = stmt.member.get(accountSid, serviceSid, shortCodeSid)
        if (row === undefined) throw new Error("a short code just added to a service could not be read back")
        return { _tag: "Added", shortCode: toMember(row) }
      })
    } catch (error) {
      if (error instanceof PoolFullRollback) return { _tag: "PoolFull", limit }
      throw error
    }
  }

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
        if (given !== undefined && stmt.anyShortCode.get(given) !== undefined) return `short code ${given} already exists`
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
      const row = stmt.anyShortCode.get(sid)
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
      const row = stmt.member.get(accountSid, serviceSid, sid)
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
    removeShortCode: (accountSid, serviceSid, sid) => stmt.removeMember.run(accountSid, serviceSid, sid).changes > 0,
    allAccounts: () => stmt.allAccounts.all().map(toAccount),
    allServices: () => stmt.allServices.all().map(toService),
    allShortCodes: () => stmt.allShortCodes.all().map(toInventory),
    transaction: immediate,
    changeCount: () => stmt.changeCount.get() as number,
    dataVersion: () => `${stmt.dataVersion.get() as number}:${stmt.changeCount.get() as number}`,
    deleteEverything: () =>
      immediate(() => {
        const memberships = stmt.deleteMembers.run().changes
        const shortCodes = stmt.deleteShortCodes.run().changes
        const services = stmt.deleteServices.run().changes
        const accounts = stmt.deleteAccounts.run().changes
        stmt.restartPositions.run()
        return { accounts, services, shortCodes, memberships }
      })
  }
}
