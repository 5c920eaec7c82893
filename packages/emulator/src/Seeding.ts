/**
 * Loading a seed into the store and dumping the store as a seed.
 */
import { type Seed, type SeedPhoneNumber, seedPhoneNumberWireKeys, seedShortCodeWireKeys } from "./Seed.js"
import type { InsertOutcome, Repository } from "./store/Repository.js"

/** What a load added; everything else in the seed was already there. */
export interface SeedReport {
  readonly accounts: number
  readonly services: number
  readonly shortCodes: number
  readonly phoneNumbers: number
  /** Senders (short codes and phone numbers) placed in a service. */
  readonly memberships: number
}

/**
 * A seed that contradicts itself or the stored data; nothing of it was written.
 *
 * @example
 * ```ts
 * import { readSeedFile, SeedConflictError, startServer } from "@shortcode-kit/emulator"
 *
 * try {
 *   await startServer({ database: "emulator.sqlite", seed: readSeedFile("seed.json") })
 * } catch (error) {
 *   if (error instanceof SeedConflictError) console.error(error.problems.join("\n"))
 * }
 * ```
 */
export class SeedConflictError extends Error {
  constructor(readonly problems: ReadonlyArray<string>) {
    super(`The seed does not agree with the stored data, nothing was loaded:\n  - ${problems.join("\n  - ")}`)
    this.name = "SeedConflictError"
  }
}

const sameList = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

type SeedPhoneNumberType = typeof SeedPhoneNumber.Type

/** A seed sender: what every inventory kind of the seed has. */
interface SeedSender {
  readonly sid: string
  readonly accountSid: Seed["accounts"][number]["sid"]
  readonly serviceSid: Seed["services"][number]["sid"] | null
}

/** A stored sender, as far as loading compares it. */
interface StoredSender {
  readonly serviceSid: string | null
}

/** How the seed loads one inventory kind (short codes, phone numbers): the same steps, other tables and names. */
interface SenderKind<S extends SeedSender, E extends StoredSender> {
  /** The seed's list name, for the problems. */
  readonly list: string
  /** The fields that must agree with a stored sender of the same SID, by their wire names. */
  readonly compared: { readonly [K in keyof S & keyof E]?: string }
  readonly find: (sid: string) => E | undefined
  readonly insert: (sender: S) => InsertOutcome<unknown>
  readonly place: (sender: S & { readonly serviceSid: NonNullable<S["serviceSid"]> }) => { readonly _tag: string; readonly limit?: number }
}

const shortCodeKind = (repository: Repository): SenderKind<Seed["shortCodes"][number], NonNullable<ReturnType<Repository["findAnyShortCode"]>>> => ({
  list: "short_codes",
  compared: {
    accountSid: seedShortCodeWireKeys.accountSid,
    shortCode: seedShortCodeWireKeys.shortCode,
    countryCode: seedShortCodeWireKeys.countryCode,
    capabilities: seedShortCodeWireKeys.capabilities
  },
  find: repository.findAnyShortCode,
  insert: repository.insertShortCode,
  place: (s) => repository.addShortCode(s.accountSid, s.serviceSid, s.sid)
})

const phoneNumberKind = (repository: Repository): SenderKind<SeedPhoneNumberType, NonNullable<ReturnType<Repository["findAnyPhoneNumber"]>>> => ({
  list: "phone_numbers",
  compared: {
    accountSid: seedPhoneNumberWireKeys.accountSid,
    phoneNumber: seedPhoneNumberWireKeys.phoneNumber,
    countryCode: seedPhoneNumberWireKeys.countryCode,
    capabilities: seedPhoneNumberWireKeys.capabilities
  },
  find: repository.findAnyPhoneNumber,
  insert: repository.insertPhoneNumber,
  place: (s) => repository.addPhoneNumber(s.accountSid, s.serviceSid, s.sid)
})

/** Where a sender load reports. */
interface SenderLoad {
  readonly problems: Array<string>
  readonly memberships: () => void
}

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? sameList(a as ReadonlyArray<string>, b as ReadonlyArray<string>) : a === b

const orList = (names: ReadonlyArray<string>): string =>
  names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`

/** Loads the senders of one kind; returns how many it added to the inventory. */
const loadSenders = <S extends SeedSender, E extends StoredSender>(load: SenderLoad, kind: SenderKind<S, E>, senders: ReadonlyArray<S>): number => {
  let inserted = 0
  const compared = Object.entries(kind.compared) as Array<[keyof S & keyof E, string]>
  senders.forEach((sender, i) => {
    const at = `${kind.list}[${i}]`
    const existing = kind.find(sender.sid)
    if (existing === undefined) {
      const outcome = kind.insert(sender)
      if (outcome._tag === "Inserted") inserted++
      else if (outcome._tag === "AccountNotFound") load.problems.push(`${at}: account ${sender.accountSid} does not exist`)
      else load.problems.push(`${at}: ${outcome.reason}`)
    } else if (compared.some(([key]) => !same(existing[key], sender[key]))) {
      load.problems.push(`${at}: ${sender.sid} exists with a different ${orList(compared.map(([, wire]) => wire))}`)
    }
    if (sender.serviceSid === null) return
    if (existing !== undefined && existing.serviceSid !== null) return
    const outcome = kind.place(sender as S & { readonly serviceSid: NonNullable<S["serviceSid"]> })
    switch (outcome._tag) {
      case "Added":
        load.memberships()
        return
      case "ServiceNotFound":
        load.problems.push(`${at}: service ${sender.serviceSid} does not exist for account ${sender.accountSid}`)
        return
      case "PoolFull":
        load.problems.push(`${at}: service ${sender.serviceSid} already holds ${outcome.limit} phone numbers and short codes, the most its pool takes`)
        return
      default:
        // Not found, or already in a service: only reachable when an earlier problem already stopped the insert.
        return
    }
  })
  return inserted
}

/**
 * Loads a seed in one transaction, idempotently: an entry that already exists with the same data is skipped, a
 * missing one is added, one that exists with different data is a conflict and nothing is written. A short code's
 * or phone number's `service_sid` places it in that service only while it is in no service, so moves made later
 * through the API are kept across restarts.
 *
 * @throws SeedConflictError listing every problem found
 */
export const loadSeed = (repository: Repository, seed: Seed): SeedReport =>
  repository.transaction(() => {
    const problems: Array<string> = []
    const added = { accounts: 0, services: 0, shortCodes: 0, phoneNumbers: 0, memberships: 0 }

    seed.accounts.forEach((account, i) => {
      const existing = repository.findAccount(account.sid)
      if (existing === undefined) {
        const outcome = repository.insertAccount(account)
        if (outcome._tag === "Inserted") added.accounts++
        else problems.push(`accounts[${i}]: ${account.sid} could not be added`)
      } else if (existing.authToken !== account.authToken) {
        problems.push(`accounts[${i}]: ${account.sid} exists with a different auth_token`)
      }
    })

    seed.services.forEach((service, i) => {
      const existing = repository.findAnyService(service.sid)
      if (existing === undefined) {
        const outcome = repository.insertService(service)
        if (outcome._tag === "Inserted") added.services++
        else if (outcome._tag === "AccountNotFound") problems.push(`services[${i}]: account ${service.accountSid} does not exist`)
        else problems.push(`services[${i}]: ${outcome.reason}`)
      } else if (existing.accountSid !== service.accountSid || existing.friendlyName !== service.friendlyName) {
        problems.push(`services[${i}]: ${service.sid} exists with a different account_sid or friendly_name`)
      }
    })

    const context: SenderLoad = { problems, memberships: () => added.memberships++ }
    added.shortCodes += loadSenders(context, shortCodeKind(repository), seed.shortCodes)
    added.phoneNumbers += loadSenders(context, phoneNumberKind(repository), seed.phoneNumbers ?? [])

    if (problems.length > 0) throw new SeedConflictError(problems)
    return added
  })

/** The whole store as a seed: loading it into an empty database reproduces the accounts, services and placements. */
export const dumpSeed = (repository: Repository): Seed => ({
  accounts: repository.allAccounts().map(({ sid, authToken }) => ({ sid, authToken })),
  services: repository.allServices().map(({ sid, accountSid, friendlyName }) => ({ sid, accountSid, friendlyName })),
  shortCodes: repository.allShortCodes().map(({ sid, accountSid, shortCode, countryCode, capabilities, serviceSid }) => ({
    sid,
    accountSid,
    shortCode,
    countryCode,
    capabilities: capabilities as Seed["shortCodes"][number]["capabilities"],
    serviceSid
  })),
  phoneNumbers: repository.allPhoneNumbers().map(({ sid, accountSid, phoneNumber, countryCode, capabilities, serviceSid }) => ({
    sid,
    accountSid,
    phoneNumber,
    countryCode,
    capabilities: capabilities as SeedPhoneNumberType["capabilities"],
    serviceSid
  }))
})
