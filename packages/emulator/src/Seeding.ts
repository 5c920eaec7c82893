/**
 * Loading a seed into the store and dumping the store as a seed.
 */
import { errorTable } from "@shortcode-kit/schema"
import { type Seed, type SeedAlphaSender, seedAlphaSenderWireKeys, seedSenderWireKeys } from "./Seed.js"
import type { Repository } from "./store/Repository.js"
import { type AnyInventoryKind, PHONE_NUMBER, SHORT_CODE } from "./store/SenderKinds.js"

/** What a load added; everything else in the seed was already there. */
export interface SeedReport {
  readonly accounts: number
  readonly services: number
  readonly shortCodes: number
  readonly phoneNumbers: number
  /** Senders placed in a service: short codes and phone numbers of the inventory, and alpha senders. */
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

type SeedAlphaSenderType = typeof SeedAlphaSender.Type

/** A seed sender: what every inventory kind of the seed has. */
interface SeedSender {
  readonly sid: string
  readonly accountSid: Seed["accounts"][number]["sid"]
  readonly serviceSid: Seed["services"][number]["sid"] | null
}

/**
 * How the seed loads the inventory of `kind`: the same steps for every kind. Its list is the kind's table, and a
 * stored sender of the same SID must agree on its account and on the kind's own fields (named by their wire names).
 */
const loaderOf = (repository: Repository, kind: AnyInventoryKind) => ({
  list: kind.inventory,
  compared: Object.entries<string>(seedSenderWireKeys(kind)).filter(([field]) => field !== "sid" && field !== "serviceSid"),
  find: (sid: string) => repository.findAnySender(kind, sid) as Readonly<Record<string, unknown>> & { readonly serviceSid: string | null } | undefined,
  insert: (sender: SeedSender) => repository.insertSender(kind, sender),
  place: (sender: SeedSender & { readonly serviceSid: NonNullable<SeedSender["serviceSid"]> }) =>
    repository.addSender(kind, sender.accountSid, sender.serviceSid, sender.sid)
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

/** The problems every kind of sender words alike. */
const problem = {
  differs: (at: string, sid: string, wires: ReadonlyArray<string>) => `${at}: ${sid} exists with a different ${orList(wires)}`,
  noService: (at: string, serviceSid: string, accountSid?: string) =>
    `${at}: service ${serviceSid} does not exist${accountSid === undefined ? "" : ` for account ${accountSid}`}`,
  poolFull: (at: string, serviceSid: string, limit: number | undefined) =>
    `${at}: service ${serviceSid} already holds ${limit} phone numbers and short codes, the most its pool takes`
}

/** Loads the senders of one kind; returns how many it added to the inventory. */
const loadSenders = (load: SenderLoad, kind: ReturnType<typeof loaderOf>, senders: ReadonlyArray<SeedSender>): number => {
  let inserted = 0
  const { compared } = kind
  senders.forEach((sender, i) => {
    const at = `${kind.list}[${i}]`
    const existing = kind.find(sender.sid)
    if (existing === undefined) {
      const outcome = kind.insert(sender)
      if (outcome._tag === "Inserted") inserted++
      else if (outcome._tag === "AccountNotFound") load.problems.push(`${at}: account ${sender.accountSid} does not exist`)
      else load.problems.push(`${at}: ${outcome.reason}`)
    } else if (compared.some(([key]) => !same(existing[key], (sender as unknown as Record<string, unknown>)[key]))) {
      load.problems.push(problem.differs(at, sender.sid, compared.map(([, wire]) => wire)))
    }
    if (sender.serviceSid === null) return
    if (existing !== undefined && existing.serviceSid !== null) return
    const outcome = kind.place({ ...sender, serviceSid: sender.serviceSid })
    switch (outcome._tag) {
      case "Added":
        load.memberships()
        return
      case "ServiceNotFound":
        load.problems.push(problem.noService(at, sender.serviceSid, sender.accountSid))
        return
      case "PoolFull":
        load.problems.push(problem.poolFull(at, sender.serviceSid, outcome.limit))
        return
      default:
        // Not found, or already in a service: only reachable when an earlier problem already stopped the insert.
        return
    }
  })
  return inserted
}

/**
 * Loads the alpha senders: each gives its service (of the account the service belongs to) that alpha sender while
 * the service has none, so one deleted through the API comes back and one set later through the API is kept. The
 * seed itself may hold one per service; a stored one of the same `sid` must agree.
 */
const loadAlphaSenders = (load: SenderLoad, repository: Repository, senders: ReadonlyArray<SeedAlphaSenderType>): void => {
  const stored = repository.allAlphaSenders()
  const storedBySid = new Map<string, (typeof stored)[number]>(stored.map((a) => [a.sid, a]))
  const storedServices = new Set<string>(stored.map((a) => a.serviceSid))
  // Where in this seed each service and SID first came, to refuse a second one naming the first.
  const seenServices = new Map<string, number>()
  const seenSids = new Map<string, number>()
  senders.forEach((sender, i) => {
    const at = `alpha_senders[${i}]`
    const service = repository.findAnyService(sender.serviceSid)
    if (service === undefined) return void load.problems.push(problem.noService(at, sender.serviceSid))
    const sameService = seenServices.get(sender.serviceSid)
    if (sameService !== undefined) {
      return void load.problems.push(
        `${at}: ${errorTable[21709].message}: service ${sender.serviceSid} already has the alpha sender of ` +
          `alpha_senders[${sameService}], and a Messaging Service may have only one`
      )
    }
    seenServices.set(sender.serviceSid, i)
    if (sender.sid !== undefined) {
      const sameSid = seenSids.get(sender.sid)
      if (sameSid !== undefined) return void load.problems.push(`${at}: ${sender.sid} is already alpha_senders[${sameSid}]`)
      seenSids.set(sender.sid, i)
      const existing = storedBySid.get(sender.sid)
      if (existing !== undefined) {
        if (existing.serviceSid !== sender.serviceSid || existing.alphaSender !== sender.alphaSender) {
          load.problems.push(problem.differs(at, sender.sid, [seedAlphaSenderWireKeys.serviceSid, seedAlphaSenderWireKeys.alphaSender]))
        }
        return
      }
    }
    if (storedServices.has(sender.serviceSid)) return
    const { sid, alphaSender } = sender
    const outcome = repository.addAlphaSender(service.accountSid, service.sid, sid === undefined ? { alphaSender } : { alphaSender, sid })
    switch (outcome._tag) {
      case "Added":
        return load.memberships()
      case "PoolFull":
        return void load.problems.push(problem.poolFull(at, sender.serviceSid, outcome.limit))
      // Neither is reachable: the service was found and had no alpha sender, in this same transaction.
      case "ServiceNotFound":
        return void load.problems.push(problem.noService(at, sender.serviceSid))
      case "AlreadyHasAlphaSender":
        return void load.problems.push(`${at}: ${errorTable[21709].message}: service ${sender.serviceSid} already has the alpha sender ${outcome.alphaSender.sid}`)
    }
  })
}

/**
 * Loads a seed in one transaction, idempotently: an entry that already exists with the same data is skipped, a
 * missing one is added, one that exists with different data is a conflict and nothing is written. A short code's
 * or phone number's `service_sid` places it in that service only while it is in no service, and an alpha sender
 * is given to its service only while the service has none, so changes made later through the API are kept across
 * restarts.
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
    added.shortCodes += loadSenders(context, loaderOf(repository, SHORT_CODE), seed.shortCodes)
    added.phoneNumbers += loadSenders(context, loaderOf(repository, PHONE_NUMBER), seed.phoneNumbers ?? [])
    loadAlphaSenders(context, repository, seed.alphaSenders ?? [])

    if (problems.length > 0) throw new SeedConflictError(problems)
    return added
  })

/** A stored sender as the seed lists it: everything but its dates. */
const seedSenderOf = <S extends { readonly dateCreated: Date; readonly dateUpdated: Date }>({ dateCreated: _created, dateUpdated: _updated, ...sender }: S) => sender

/**
 * The whole store as a seed: loading it into an empty database reproduces the accounts, services, placements and
 * alpha senders.
 */
export const dumpSeed = (repository: Repository): Seed => ({
  accounts: repository.allAccounts().map(({ sid, authToken }) => ({ sid, authToken })),
  services: repository.allServices().map(({ sid, accountSid, friendlyName }) => ({ sid, accountSid, friendlyName })),
  shortCodes: repository.allSenders(SHORT_CODE).map(seedSenderOf) as Seed["shortCodes"],
  phoneNumbers: repository.allSenders(PHONE_NUMBER).map(seedSenderOf) as NonNullable<Seed["phoneNumbers"]>,
  alphaSenders: repository.allAlphaSenders().map(({ sid, serviceSid, alphaSender }) => ({ sid, serviceSid, alphaSender }))
})
