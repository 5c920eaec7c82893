/**
 * Loading a seed into the store and dumping the store as a seed.
 */
import type { Seed } from "./Seed.js"
import type { Repository } from "./store/Repository.js"

/** What a load added; everything else in the seed was already there. */
export interface SeedReport {
  readonly accounts: number
  readonly services: number
  readonly shortCodes: number
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

/**
 * Loads a seed in one transaction, idempotently: an entry that already exists with the same data is skipped, a
 * missing one is added, one that exists with different data is a conflict and nothing is written. A short code's
 * `service_sid` places it in that service only while it is in no service, so moves made later through the API are
 * kept across restarts.
 *
 * @throws SeedConflictError listing every problem found
 */
export const loadSeed = (repository: Repository, seed: Seed): SeedReport =>
  repository.transaction(() => {
    const problems: Array<string> = []
    const added = { accounts: 0, services: 0, shortCodes: 0, memberships: 0 }

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

    seed.shortCodes.forEach((shortCode, i) => {
      const at = `short_codes[${i}]`
      const existing = repository.findAnyShortCode(shortCode.sid)
      if (existing === undefined) {
        const outcome = repository.insertShortCode(shortCode)
        if (outcome._tag === "Inserted") added.shortCodes++
        else if (outcome._tag === "AccountNotFound") problems.push(`${at}: account ${shortCode.accountSid} does not exist`)
        else problems.push(`${at}: ${outcome.reason}`)
      } else if (
        existing.accountSid !== shortCode.accountSid ||
        existing.shortCode !== shortCode.shortCode ||
        existing.countryCode !== shortCode.countryCode ||
        !sameList(existing.capabilities, shortCode.capabilities)
      ) {
        problems.push(`${at}: ${shortCode.sid} exists with a different account_sid, short_code, country_code or capabilities`)
      }
      if (shortCode.serviceSid === null) return
      if (existing !== undefined && existing.serviceSid !== null) return
      const outcome = repository.addShortCode(shortCode.accountSid, shortCode.serviceSid, shortCode.sid)
      switch (outcome._tag) {
        case "Added":
          added.memberships++
          return
        case "ServiceNotFound":
          problems.push(`${at}: service ${shortCode.serviceSid} does not exist for account ${shortCode.accountSid}`)
          return
        case "PoolFull":
          problems.push(`${at}: service ${shortCode.serviceSid} already holds ${outcome.limit} short codes`)
          return
        case "ShortCodeNotFound":
        case "AlreadyInThisService":
        case "InAnotherService":
          // Only reachable when an earlier problem already stopped the insert of this short code.
          return
      }
    })

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
  }))
})
