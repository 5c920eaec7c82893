import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ALPHA_SENDER_MAX_LENGTH, errorTable, randomAccountSid, randomServiceSid, randomShortCodeSid } from "@shortcode-kit/schema"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { readSeedFile } from "../src/Config.js"
import { demoSeed, DEMO_ACCOUNT_SID } from "../src/Demo.js"
import { Seed, SeedAlphaSender } from "../src/Seed.js"
import { dumpSeed, loadSeed, SeedConflictError } from "../src/Seeding.js"
import { openDatabase } from "../src/store/Database.js"
import { makeRepository } from "../src/store/Repository.js"
import { PHONE_NUMBER, SHORT_CODE } from "../src/store/SenderKinds.js"

const fresh = (poolLimit = 400) => {
  const db = openDatabase(":memory:")
  return { db, repository: makeRepository(db, { servicePoolLimit: poolLimit }) }
}

const sampleSeed = () => {
  const account = randomAccountSid()
  const service = randomServiceSid()
  return Schema.decodeUnknownSync(Seed)({
    accounts: [{ sid: account, auth_token: "secret-1" }],
    services: [{ sid: service, account_sid: account, friendly_name: "Seeded" }],
    short_codes: [
      { sid: randomShortCodeSid(), account_sid: account, short_code: "55501", service_sid: service },
      { sid: randomShortCodeSid(), account_sid: account, short_code: "55502", country_code: "CA", capabilities: ["SMS", "MMS"] }
    ]
  })
}

describe("loadSeed", () => {
  it("adds everything once; loading again adds nothing", () => {
    const { db, repository } = fresh()
    const seed = sampleSeed()
    expect(loadSeed(repository, seed)).toEqual({ accounts: 1, services: 1, shortCodes: 2, phoneNumbers: 0, memberships: 1 })
    expect(loadSeed(repository, seed)).toEqual({ accounts: 0, services: 0, shortCodes: 0, phoneNumbers: 0, memberships: 0 })
    expect(repository.allSenders(SHORT_CODE).map((s) => [s.shortCode, s.countryCode, s.capabilities, s.serviceSid])).toEqual([
      ["55502", "CA", ["SMS", "MMS"], null],
      ["55501", "US", ["SMS"], seed.services[0]?.sid]
    ])
    db.close()
  })

  it("keeps placements made after the first load (service_sid places a short code only while it is in no service)", () => {
    const { db, repository } = fresh()
    const seed = sampleSeed()
    loadSeed(repository, seed)
    const placed = seed.shortCodes[0]
    if (placed === undefined || placed.serviceSid === null) throw new Error("fixture")
    expect(repository.removeSender(SHORT_CODE, placed.accountSid, placed.serviceSid, placed.sid)).toBe(true)
    const other = repository.insertService({ accountSid: placed.accountSid, friendlyName: "elsewhere" })
    if (other._tag !== "Inserted") throw new Error("service")
    repository.addSender(SHORT_CODE, placed.accountSid, other.value.sid, placed.sid)
    expect(loadSeed(repository, seed).memberships).toBe(0)
    expect(repository.findAnySender(SHORT_CODE, placed.sid)?.serviceSid).toBe(other.value.sid)
    db.close()
  })

  it("refuses, writing nothing, a seed that contradicts the stored data, listing every problem", () => {
    const { db, repository } = fresh()
    const seed = sampleSeed()
    loadSeed(repository, seed)
    const changed = {
      accounts: seed.accounts.map((a) => ({ ...a, authToken: "other" })),
      services: [...seed.services, { sid: randomServiceSid(), accountSid: randomAccountSid(), friendlyName: "orphan" }],
      shortCodes: seed.shortCodes.map((s) => ({ ...s, shortCode: "99999" }))
    }
    const before = dumpSeed(repository)
    let error: unknown
    try {
      loadSeed(repository, changed)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SeedConflictError)
    expect((error as SeedConflictError).problems).toEqual([
      `accounts[0]: ${seed.accounts[0]?.sid} exists with a different auth_token`,
      `services[1]: account ${changed.services[1]?.accountSid} does not exist`,
      `short_codes[0]: ${seed.shortCodes[0]?.sid} exists with a different account_sid, short_code, country_code or capabilities`,
      `short_codes[1]: ${seed.shortCodes[1]?.sid} exists with a different account_sid, short_code, country_code or capabilities`
    ])
    expect(dumpSeed(repository)).toEqual(before)
    db.close()
  })

  it("reports a service that is full or of another account", () => {
    const { db, repository } = fresh(1)
    const account = randomAccountSid()
    const stranger = randomAccountSid()
    const service = randomServiceSid()
    const seed = Schema.decodeUnknownSync(Seed)({
      accounts: [{ sid: account, auth_token: "a-token" }, { sid: stranger, auth_token: "b-token" }],
      services: [{ sid: service, account_sid: account, friendly_name: "one" }],
      short_codes: [
        { sid: randomShortCodeSid(), account_sid: account, short_code: "1001", service_sid: service },
        { sid: randomShortCodeSid(), account_sid: account, short_code: "1002", service_sid: service },
        { sid: randomShortCodeSid(), account_sid: stranger, short_code: "1003", service_sid: service }
      ]
    })
    expect(() => loadSeed(repository, seed)).toThrow(SeedConflictError)
    try {
      loadSeed(repository, seed)
    } catch (e) {
      expect((e as SeedConflictError).problems).toEqual([
        `short_codes[1]: service ${service} already holds 1 phone numbers and short codes, the most its pool takes`,
        `short_codes[2]: service ${service} does not exist for account ${stranger}`
      ])
    }
    db.close()
  })
})

describe("loadSeed with phone numbers", () => {
  it("fills one pool per service with short codes and phone numbers together, naming the sender that does not fit", () => {
    const { db, repository } = fresh(2)
    const account = randomAccountSid()
    const service = randomServiceSid()
    const pn = (n: number) => `PN${String(n).repeat(32)}`
    const seed = Schema.decodeUnknownSync(Seed)({
      accounts: [{ sid: account, auth_token: "a-token" }],
      services: [{ sid: service, account_sid: account, friendly_name: "one" }],
      short_codes: [{ sid: randomShortCodeSid(), account_sid: account, short_code: "2001", service_sid: service }],
      phone_numbers: [
        { sid: pn(1), account_sid: account, phone_number: "+12025550111", service_sid: service },
        { sid: pn(2), account_sid: account, phone_number: "+12025550112", service_sid: service },
        { sid: pn(3), account_sid: randomAccountSid(), phone_number: "+12025550113" }
      ]
    })
    let error: unknown
    try {
      loadSeed(repository, seed)
    } catch (e) {
      error = e
    }
    expect((error as SeedConflictError).problems).toEqual([
      `phone_numbers[1]: service ${service} already holds 2 phone numbers and short codes, the most its pool takes`,
      `phone_numbers[2]: account ${seed.phoneNumbers?.[2]?.accountSid} does not exist`
    ])
    // Nothing of a refused seed was written.
    expect(repository.allAccounts()).toEqual([])
    expect(repository.allSenders(PHONE_NUMBER)).toEqual([])
    db.close()
  })

  it("places a seeded phone number in its service again once it is in no service, as a short code", () => {
    const { db, repository } = fresh()
    loadSeed(repository, demoSeed)
    const placed = demoSeed.phoneNumbers?.find((p) => p.serviceSid !== null)
    if (placed === undefined || placed.serviceSid === null) throw new Error("the demo data places a phone number")
    expect(repository.removeSender(PHONE_NUMBER, placed.accountSid, placed.serviceSid, placed.sid)).toBe(true)
    expect(loadSeed(repository, demoSeed)).toEqual({ accounts: 0, services: 0, shortCodes: 0, phoneNumbers: 0, memberships: 1 })
    expect(repository.findAnySender(PHONE_NUMBER, placed.sid)?.serviceSid).toBe(placed.serviceSid)
    db.close()
  })
})

describe("dumpSeed", () => {
  it("is a seed that reproduces the store in an empty database (encode, decode, load, dump)", () => {
    const { db, repository } = fresh()
    const seed = sampleSeed()
    loadSeed(repository, seed)
    loadSeed(repository, demoSeed)
    const service = seed.services[0]
    if (service === undefined) throw new Error("fixture")
    const alpha = repository.addAlphaSender(service.accountSid, service.sid, { alphaSender: "Shop & Co" })
    if (alpha._tag !== "Added") throw new Error(alpha._tag)
    const dump = dumpSeed(repository)
    expect(dump.alphaSenders).toEqual([{ sid: alpha.alphaSender.sid, serviceSid: service.sid, alphaSender: "Shop & Co" }])
    expect(dump.phoneNumbers?.map((p) => [p.phoneNumber, p.serviceSid]).sort()).toEqual(
      demoSeed.phoneNumbers?.map((p) => [p.phoneNumber, p.serviceSid]).sort()
    )
    const wire = JSON.parse(JSON.stringify(Schema.encodeSync(Seed)(dump))) as unknown
    const copy = fresh()
    loadSeed(copy.repository, Schema.decodeUnknownSync(Seed)(wire))
    expect(dumpSeed(copy.repository)).toEqual(dump)
    db.close()
    copy.db.close()
  })
})

describe("Seed", () => {
  it("names the field and the rule of each problem", () => {
    const result = Schema.decodeUnknownExit(Seed)({ accounts: [{ sid: "AC1", auth_token: "has space" }], short_codes: [{ sid: `SC${"a".repeat(32)}`, account_sid: DEMO_ACCOUNT_SID, short_code: "12", capabilities: ["SMS", "SMS"] }] }, { errors: "all" })
    expect(String(result)).toContain("auth_token")
    expect(String(result)).toContain("short_code")
    expect(String(result)).toContain("capabilities must not repeat")
  })
})

describe("loadSeed with alpha senders", () => {
  const problemsOf = (run: () => unknown): ReadonlyArray<string> => {
    try {
      run()
    } catch (e) {
      if (e instanceof SeedConflictError) return e.problems
      throw e
    }
    throw new Error("the seed was loaded")
  }

  it("gives a service its alpha sender with the seed's SID, once, and again after it was deleted", () => {
    const { db, repository } = fresh()
    const seed = sampleSeed()
    const service = seed.services[0]
    if (service === undefined) throw new Error("fixture")
    const alphaSid = `AI${"ab".repeat(16)}`
    const withAlpha: Seed = {
      ...seed,
      alphaSenders: [Schema.decodeUnknownSync(SeedAlphaSender)({ sid: alphaSid, service_sid: service.sid, alpha_sender: "Twilio" })]
    }
    expect(loadSeed(repository, withAlpha)).toEqual({ accounts: 1, services: 1, shortCodes: 2, phoneNumbers: 0, memberships: 2 })
    expect(loadSeed(repository, withAlpha).memberships).toBe(0)
    expect(repository.allAlphaSenders().map((a) => [a.sid, a.serviceSid, a.alphaSender, a.accountSid])).toEqual([
      [alphaSid, service.sid, "Twilio", service.accountSid]
    ])
    expect(repository.removeAlphaSender(service.accountSid, service.sid, alphaSid)).toBe(true)
    expect(loadSeed(repository, withAlpha).memberships).toBe(1)
    // One set later through the API (after deleting the seed's) is kept: the service has an alpha sender.
    repository.removeAlphaSender(service.accountSid, service.sid, alphaSid)
    const later = repository.addAlphaSender(service.accountSid, service.sid, { alphaSender: "Later" })
    expect(loadSeed(repository, withAlpha).memberships).toBe(0)
    expect(repository.allAlphaSenders()).toEqual([later._tag === "Added" ? later.alphaSender : undefined])
    db.close()
  })

  it("refuses two alpha senders in one service, an unknown service, a SID stored with other data and a repeated SID, writing nothing", () => {
    const { db, repository } = fresh()
    const seed = sampleSeed()
    loadSeed(repository, seed)
    const service = seed.services[0]
    if (service === undefined) throw new Error("fixture")
    const stored = repository.addAlphaSender(service.accountSid, service.sid, { alphaSender: "Stored" })
    if (stored._tag !== "Added") throw new Error(stored._tag)
    const other = randomServiceSid()
    const third = randomServiceSid()
    const fourth = randomServiceSid()
    const unknown = randomServiceSid()
    const repeated = `AI${"d".repeat(32)}`
    const account = service.accountSid
    const before = dumpSeed(repository)
    const wire = Schema.encodeSync(Seed)(seed)
    const bad = Schema.decodeUnknownSync(Seed)({
      ...wire,
      services: [
        ...(wire.services ?? []),
        { sid: other, account_sid: account, friendly_name: "other" },
        { sid: third, account_sid: account, friendly_name: "third" },
        { sid: fourth, account_sid: account, friendly_name: "fourth" }
      ],
      alpha_senders: [
        { sid: repeated, service_sid: other, alpha_sender: "First" },
        { service_sid: other, alpha_sender: "Second" },
        { service_sid: unknown, alpha_sender: "Nobody" },
        { sid: stored.alphaSender.sid, service_sid: third, alpha_sender: "Stored" },
        { sid: repeated, service_sid: fourth, alpha_sender: "Again" }
      ]
    })
    expect(problemsOf(() => loadSeed(repository, bad))).toEqual([
      `alpha_senders[1]: ${errorTable[21709].message}: service ${other} already has the alpha sender of alpha_senders[0], ` +
        "and a Messaging Service may have only one",
      `alpha_senders[2]: service ${unknown} does not exist`,
      `alpha_senders[3]: ${stored.alphaSender.sid} exists with a different service_sid or alpha_sender`,
      `alpha_senders[4]: ${repeated} is already alpha_senders[0]`
    ])
    expect(dumpSeed(repository)).toEqual(before)
    db.close()
  })

  it("refuses a seed file whose alpha_sender breaks a rule, naming the field and the rule", () => {
    const dir = mkdtempSync(join(tmpdir(), "seed-alpha-"))
    try {
      const file = join(dir, "seed.json")
      const service = randomServiceSid()
      const write = (alphaSender: string) =>
        writeFileSync(file, JSON.stringify({ alpha_senders: [{ service_sid: service, alpha_sender: alphaSender }] }))
      write("12345")
      expect(() => readSeedFile(file)).toThrow(
        `alpha_senders.0.alpha_sender: must not contain only digits: an alpha sender needs at least one letter or symbol (received "12345")`
      )
      write("x".repeat(ALPHA_SENDER_MAX_LENGTH + 1))
      expect(() => readSeedFile(file)).toThrow(`alpha_senders.0.alpha_sender: must be 1 to ${ALPHA_SENDER_MAX_LENGTH} characters long`)
      write("Shop!")
      expect(() => readSeedFile(file)).toThrow("alpha_senders.0.alpha_sender: must contain only A-Z, a-z, 0-9, space")
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
