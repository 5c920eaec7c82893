/**
 * A service's senders in the store: phone numbers beside short codes in one pool per service, and its one alpha
 * sender. Every test runs on a real SQLite file in a temp folder.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fc, test } from "@fast-check/vitest"
import { type AccountSid, randomServiceSid, type ServiceSid, type ShortCodeSid } from "@shortcode-kit/schema"
import { afterAll, describe, expect, it } from "vitest"
import type { PhoneNumberSid } from "../../src/CanonicalSid.js"
import { randomIds } from "../../src/controls/Ids.js"
import { openDatabase } from "../../src/store/Database.js"
import type { PageCursor } from "../../src/store/Paging.js"
import { ALPHA_SENDER_CAPABILITIES, ALPHA_SENDER_COUNTS_AGAINST_POOL, makeRepository, type Repository } from "../../src/store/Repository.js"
import { PHONE_NUMBER, SHORT_CODE } from "../../src/store/SenderKinds.js"

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-sender-pool-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})
let files = 0
const open = (servicePoolLimit: number) => {
  const path = join(folder, `pool-${files++}.sqlite`)
  const db = openDatabase(path)
  return { db, path, repository: makeRepository(db, { servicePoolLimit }) }
}

const inserted = <A>(outcome: { readonly _tag: string; readonly value?: A }): A => {
  if (outcome._tag !== "Inserted" || outcome.value === undefined) throw new Error(`expected Inserted, got ${JSON.stringify(outcome)}`)
  return outcome.value
}

let digits = 2_025_550_000
/** An account with one service, and `phoneNumbers` phone numbers and `shortCodes` short codes in its inventory. */
const account = (repository: Repository, phoneNumbers: number, shortCodes = 0) => {
  const accountSid = inserted(repository.insertAccount({ authToken: "t" })).sid
  const serviceSid = inserted(repository.insertService({ accountSid, friendlyName: "s" })).sid
  const numbers: Array<PhoneNumberSid> = []
  for (let i = 0; i < phoneNumbers; i++) {
    numbers.push(inserted(repository.insertSender(PHONE_NUMBER, { accountSid, phoneNumber: `+1${digits++}`, countryCode: "US", capabilities: ["SMS", "Voice"] })).sid)
  }
  const codes: Array<ShortCodeSid> = []
  for (let i = 0; i < shortCodes; i++) {
    codes.push(inserted(repository.insertSender(SHORT_CODE, { accountSid, shortCode: String(digits++ % 1_000_000), countryCode: "US", capabilities: ["SMS"] })).sid)
  }
  return { accountSid, serviceSid, numbers, codes }
}

describe("insertSender (phone numbers)", () => {
  it("stores the number in the inventory with a canonical PN SID, and names what a duplicate conflicts with", () => {
    const { db, repository } = open(400)
    const { accountSid, numbers } = account(repository, 1)
    const stored = repository.findAnySender(PHONE_NUMBER, numbers[0] as string)
    expect(stored).toMatchObject({ accountSid, countryCode: "US", capabilities: ["SMS", "Voice"], serviceSid: null })
    expect(stored?.sid).toMatch(/^PN[0-9a-f]{32}$/)
    const phoneNumber = stored?.phoneNumber as string
    expect(repository.insertSender(PHONE_NUMBER, { sid: stored?.sid as PhoneNumberSid, accountSid, phoneNumber: "+442071838750", countryCode: "GB", capabilities: [] }))
      .toEqual({ _tag: "Conflict", reason: `phone number ${stored?.sid} already exists` })
    expect(repository.insertSender(PHONE_NUMBER, { accountSid, phoneNumber, countryCode: "US", capabilities: [] }))
      .toEqual({ _tag: "Conflict", reason: `the number ${phoneNumber} already exists as phone number ${stored?.sid} of account ${accountSid}` })
    expect(repository.insertSender(PHONE_NUMBER, { accountSid: (randomIds.sid("AC") as AccountSid), phoneNumber: "+33142685300", countryCode: "FR", capabilities: [] }))
      .toEqual({ _tag: "AccountNotFound" })
    expect(repository.allSenders(PHONE_NUMBER).map((p) => p.sid)).toEqual(numbers)
    db.close()
  })
})

describe("addSender (phone numbers)", () => {
  it("reports each outcome, with the 21710/21712/21714 cases as data", () => {
    const { db, repository } = open(2)
    const { accountSid, serviceSid, numbers } = account(repository, 4)
    const other = inserted(repository.insertService({ accountSid, friendlyName: "other" })).sid
    const [a, b, c, d] = numbers as [PhoneNumberSid, PhoneNumberSid, PhoneNumberSid, PhoneNumberSid]
    const added = repository.addSender(PHONE_NUMBER, accountSid, serviceSid, a)
    expect(added).toMatchObject({ _tag: "Added", row: { sid: a, accountSid, serviceSid, countryCode: "US", capabilities: ["SMS", "Voice"] } })
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, a)).toEqual({ _tag: "AlreadyInThisService" })
    expect(repository.addSender(PHONE_NUMBER, accountSid, other, a)).toEqual({ _tag: "InAnotherService", serviceSid })
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, b)._tag).toBe("Added")
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, c)).toEqual({ _tag: "PoolFull", limit: 2 })
    // A sender already in a service is answered as such, full pool or not.
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, a)).toEqual({ _tag: "AlreadyInThisService" })
    expect(repository.addSender(PHONE_NUMBER, accountSid, other, a)).toEqual({ _tag: "InAnotherService", serviceSid })
    expect(repository.addSender(PHONE_NUMBER, accountSid, randomServiceSid(), d)).toEqual({ _tag: "ServiceNotFound" })
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, (randomIds.sid("PN") as PhoneNumberSid))).toEqual({ _tag: "NotFound" })
    // The rolled-back add left nothing behind.
    expect(repository.findAnySender(PHONE_NUMBER, c)?.serviceSid).toBeNull()
    expect(repository.findAnySender(PHONE_NUMBER, a)?.serviceSid).toBe(serviceSid)
    expect(repository.findServiceSender(PHONE_NUMBER, accountSid, serviceSid, a)).toEqual(added._tag === "Added" ? added.row : undefined)
    db.close()
  })

  it("refuses another account's phone number, even through the database constraints alone", () => {
    const { db, repository } = open(400)
    const first = account(repository, 1)
    const second = account(repository, 1)
    expect(repository.addSender(PHONE_NUMBER, first.accountSid, first.serviceSid, second.numbers[0] as PhoneNumberSid)).toEqual({ _tag: "NotFound" })
    expect(() =>
      db.prepare("INSERT INTO service_phone_numbers (service_sid, phone_number_sid, account_sid, date_created, date_updated) VALUES (?, ?, ?, 0, 0)")
        .run(first.serviceSid, second.numbers[0], first.accountSid)
    ).toThrow(/FOREIGN KEY/)
    db.close()
  })

  it("lets the UNIQUE constraint decide between two connections to one file", () => {
    const { db, path, repository } = open(400)
    const dbB = openDatabase(path)
    const b = makeRepository(dbB, { servicePoolLimit: 400 })
    const { accountSid, serviceSid, numbers } = account(repository, 1)
    const other = inserted(b.insertService({ accountSid, friendlyName: "other" })).sid
    const sid = numbers[0] as PhoneNumberSid
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, sid)._tag).toBe("Added")
    expect(b.addSender(PHONE_NUMBER, accountSid, serviceSid, sid)._tag).toBe("AlreadyInThisService")
    expect(b.addSender(PHONE_NUMBER, accountSid, other, sid)).toEqual({ _tag: "InAnotherService", serviceSid })
    expect(dbB.prepare("SELECT count(*) AS n FROM service_phone_numbers").get()).toEqual({ n: 1 })
    db.close()
    dbB.close()
  })

  it("takes a removed phone number out of its service and back to the inventory", () => {
    const { db, repository } = open(400)
    const { accountSid, serviceSid, numbers } = account(repository, 1)
    const sid = numbers[0] as PhoneNumberSid
    repository.addSender(PHONE_NUMBER, accountSid, serviceSid, sid)
    expect(repository.removeSender(PHONE_NUMBER, accountSid, serviceSid, sid)).toBe(true)
    expect(repository.removeSender(PHONE_NUMBER, accountSid, serviceSid, sid)).toBe(false)
    expect(repository.findServiceSender(PHONE_NUMBER, accountSid, serviceSid, sid)).toBeUndefined()
    expect(repository.findAnySender(PHONE_NUMBER, sid)?.serviceSid).toBeNull()
    db.close()
  })
})

describe("one pool per service", () => {
  const kind = fc.constantFrom("phoneNumber" as const, "shortCode" as const)
  test.prop([fc.integer({ min: 1, max: 5 }), fc.array(kind, { minLength: 1, maxLength: 9 })], { numRuns: 40 })(
    "phone numbers and short codes count together against servicePoolLimit: whichever sender does not fit is refused",
    (limit, kinds) => {
      const { db, repository } = open(limit)
      const { accountSid, serviceSid, numbers, codes } = account(repository, kinds.length, kinds.length)
      let members = 0
      for (const [i, k] of kinds.entries()) {
        const outcome = k === "phoneNumber"
          ? repository.addSender(PHONE_NUMBER, accountSid, serviceSid, numbers[i] as PhoneNumberSid)
          : repository.addSender(SHORT_CODE, accountSid, serviceSid, codes[i] as ShortCodeSid)
        if (members < limit) {
          expect(outcome._tag).toBe("Added")
          members++
        } else {
          expect(outcome).toEqual({ _tag: "PoolFull", limit })
        }
      }
      const held = (repository.listServiceSenders(PHONE_NUMBER, accountSid, serviceSid, { _tag: "Offset", offset: 0 }, 50)?.rows.length ?? 0) +
        (repository.listServiceSenders(SHORT_CODE, accountSid, serviceSid, { _tag: "Offset", offset: 0 }, 50)?.rows.length ?? 0)
      expect(held).toBe(members)
      db.close()
    }
  )

  it("counts what another connection to the same file placed: the pool is the database's, not the connection's", () => {
    const { db, path, repository } = open(1)
    const dbB = openDatabase(path)
    const b = makeRepository(dbB, { servicePoolLimit: 1 })
    const { accountSid, serviceSid, numbers, codes } = account(repository, 1, 1)
    expect(b.addSender(SHORT_CODE, accountSid, serviceSid, codes[0] as ShortCodeSid)._tag).toBe("Added")
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, numbers[0] as PhoneNumberSid)).toEqual({ _tag: "PoolFull", limit: 1 })
    dbB.close()
    db.close()
  })

  it("frees a place for either kind when a sender of the other kind leaves", () => {
    const { db, repository } = open(1)
    const { accountSid, serviceSid, numbers, codes } = account(repository, 1, 1)
    const number = numbers[0] as PhoneNumberSid
    const code = codes[0] as ShortCodeSid
    expect(repository.addSender(SHORT_CODE, accountSid, serviceSid, code)._tag).toBe("Added")
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, number)).toEqual({ _tag: "PoolFull", limit: 1 })
    repository.removeSender(SHORT_CODE, accountSid, serviceSid, code)
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, number)._tag).toBe("Added")
    expect(repository.addSender(SHORT_CODE, accountSid, serviceSid, code)).toEqual({ _tag: "PoolFull", limit: 1 })
    db.close()
  })
})

describe("alpha senders", () => {
  it("gives a service one alpha sender: a second is refused naming the first, until the first is deleted", () => {
    const { db, repository } = open(400)
    const { accountSid, serviceSid } = account(repository, 0)
    const first = repository.addAlphaSender(accountSid, serviceSid, { alphaSender: "Acme" })
    if (first._tag !== "Added") throw new Error(JSON.stringify(first))
    expect(first.alphaSender).toMatchObject({ accountSid, serviceSid, alphaSender: "Acme", capabilities: ALPHA_SENDER_CAPABILITIES })
    expect(first.alphaSender.sid).toMatch(/^AI[0-9a-f]{32}$/)
    expect(repository.addAlphaSender(accountSid, serviceSid, { alphaSender: "Other" })).toEqual({ _tag: "AlreadyHasAlphaSender", alphaSender: first.alphaSender })
    expect(repository.findServiceAlphaSender(accountSid, serviceSid, first.alphaSender.sid)).toEqual(first.alphaSender)
    expect(repository.removeAlphaSender(accountSid, serviceSid, first.alphaSender.sid)).toBe(true)
    expect(repository.findServiceAlphaSender(accountSid, serviceSid, first.alphaSender.sid)).toBeUndefined()
    const second = repository.addAlphaSender(accountSid, serviceSid, { alphaSender: "Other" })
    expect(second._tag === "Added" && second.alphaSender.alphaSender).toBe("Other")
    expect(repository.addAlphaSender(accountSid, randomServiceSid(), { alphaSender: "Acme" })).toEqual({ _tag: "ServiceNotFound" })
    expect(repository.addAlphaSender((randomIds.sid("AC") as AccountSid), serviceSid, { alphaSender: "Acme" })).toEqual({ _tag: "ServiceNotFound" })
    // Another service may use the same text: an alpha sender is a name, not an inventory item.
    const other = inserted(repository.insertService({ accountSid, friendlyName: "other" })).sid
    expect(repository.addAlphaSender(accountSid, other, { alphaSender: "Other" })._tag).toBe("Added")
    db.close()
  })

  it("keeps one alpha sender per service as a database fact, across connections", () => {
    const { db, path, repository } = open(400)
    const { accountSid, serviceSid } = account(repository, 0)
    repository.addAlphaSender(accountSid, serviceSid, { alphaSender: "Acme" })
    expect(() =>
      db.prepare("INSERT INTO service_alpha_senders (sid, service_sid, account_sid, alpha_sender, capabilities, date_created, date_updated) VALUES (?, ?, ?, 'B', '[]', 0, 0)")
        .run(randomIds.sid("AI"), serviceSid, accountSid)
    ).toThrow(/UNIQUE constraint failed: service_alpha_senders.service_sid/)
    const dbB = openDatabase(path)
    expect(makeRepository(dbB, { servicePoolLimit: 400 }).addAlphaSender(accountSid, serviceSid, { alphaSender: "B" })._tag).toBe("AlreadyHasAlphaSender")
    dbB.close()
    db.close()
  })

  it("does not take a place of the pool (ALPHA_SENDER_COUNTS_AGAINST_POOL is false)", () => {
    expect(ALPHA_SENDER_COUNTS_AGAINST_POOL).toBe(false)
    const { db, repository } = open(1)
    const { accountSid, serviceSid, numbers } = account(repository, 1)
    expect(repository.addAlphaSender(accountSid, serviceSid, { alphaSender: "Acme" })._tag).toBe("Added")
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, numbers[0] as PhoneNumberSid)._tag).toBe("Added")
    // And a full pool still takes an alpha sender.
    const other = inserted(repository.insertService({ accountSid, friendlyName: "full" })).sid
    const { numbers: more } = { numbers: [inserted(repository.insertSender(PHONE_NUMBER, { accountSid, phoneNumber: `+1${digits++}`, countryCode: "US", capabilities: [] })).sid] }
    expect(repository.addSender(PHONE_NUMBER, accountSid, other, more[0] as PhoneNumberSid)._tag).toBe("Added")
    expect(repository.addAlphaSender(accountSid, other, { alphaSender: "Full" })._tag).toBe("Added")
    db.close()
  })
})

describe("deleteService", () => {
  it("returns the service's phone numbers and short codes to the inventory and deletes its alpha sender", () => {
    const { db, repository } = open(400)
    const { accountSid, serviceSid, numbers, codes } = account(repository, 2, 2)
    for (const sid of numbers) repository.addSender(PHONE_NUMBER, accountSid, serviceSid, sid)
    for (const sid of codes) repository.addSender(SHORT_CODE, accountSid, serviceSid, sid)
    repository.addAlphaSender(accountSid, serviceSid, { alphaSender: "Acme" })
    expect(repository.deleteService(accountSid, serviceSid)).toBe(true)
    for (const sid of numbers) expect(repository.findAnySender(PHONE_NUMBER, sid)).toMatchObject({ sid, accountSid, serviceSid: null })
    for (const sid of codes) expect(repository.findAnySender(SHORT_CODE, sid)).toMatchObject({ sid, accountSid, serviceSid: null })
    expect(repository.allAlphaSenders()).toEqual([])
    // Back in the inventory means free to join another service.
    const next = inserted(repository.insertService({ accountSid, friendlyName: "next" })).sid
    expect(repository.addSender(PHONE_NUMBER, accountSid, next, numbers[0] as PhoneNumberSid)._tag).toBe("Added")
    expect(repository.addSender(SHORT_CODE, accountSid, next, codes[0] as ShortCodeSid)._tag).toBe("Added")
    db.close()
  })
})

describe("listing a service's phone numbers and alpha senders", () => {
  const walk = <Row extends { readonly sid: string }>(
    list: (cursor: PageCursor) => { readonly rows: ReadonlyArray<Row>; readonly next: PageCursor | undefined; readonly previous: PageCursor | undefined } | undefined
  ) => {
    const forward: Array<Array<string>> = []
    let cursor: PageCursor | undefined = { _tag: "Offset", offset: 0 }
    let last: ReturnType<typeof list>
    while (cursor !== undefined) {
      last = list(cursor)
      forward.push(last?.rows.map((r) => r.sid) ?? [])
      cursor = last?.next
    }
    const backward: Array<Array<string>> = [forward[forward.length - 1] ?? []]
    cursor = last?.previous
    while (cursor !== undefined) {
      const page = list(cursor)
      backward.unshift(page?.rows.map((r) => r.sid) ?? [])
      cursor = page?.previous
    }
    return { forward: forward.flat(), backward: backward.flat() }
  }

  test.prop([fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 5 })], { numRuns: 25 })(
    "pages phone numbers by keyset in the order they joined, forward and back",
    (count, pageSize) => {
      const { db, repository } = open(400)
      const { accountSid, serviceSid, numbers } = account(repository, count)
      const joined = [...numbers].reverse()
      for (const sid of joined) repository.addSender(PHONE_NUMBER, accountSid, serviceSid, sid)
      const { forward, backward } = walk((cursor) => repository.listServiceSenders(PHONE_NUMBER, accountSid, serviceSid, cursor, pageSize))
      expect(forward).toEqual(joined)
      expect(backward).toEqual(joined)
      db.close()
    }
  )

  it("lists the alpha sender, and answers undefined for a service the account does not have", () => {
    const { db, repository } = open(400)
    const { accountSid, serviceSid } = account(repository, 0)
    const first = { _tag: "Offset", offset: 0 } as const
    expect(repository.listServiceAlphaSenders(accountSid, serviceSid, first, 50)).toEqual({ rows: [], previous: undefined, next: undefined })
    const added = repository.addAlphaSender(accountSid, serviceSid, { alphaSender: "Acme" })
    expect(repository.listServiceAlphaSenders(accountSid, serviceSid, first, 50)?.rows).toEqual(added._tag === "Added" ? [added.alphaSender] : [])
    const stranger: AccountSid = (randomIds.sid("AC") as AccountSid)
    const nowhere: ServiceSid = randomServiceSid()
    expect(repository.listServiceAlphaSenders(stranger, serviceSid, first, 50)).toBeUndefined()
    expect(repository.listServiceSenders(PHONE_NUMBER, accountSid, nowhere, first, 50)).toBeUndefined()
    db.close()
  })
})

describe("deleteEverything", () => {
  it("deletes the phone numbers, their memberships and the alpha senders too, counting each table", () => {
    const { db, repository } = open(400)
    const { accountSid, serviceSid, numbers, codes } = account(repository, 2, 1)
    repository.addSender(PHONE_NUMBER, accountSid, serviceSid, numbers[0] as PhoneNumberSid)
    repository.addSender(SHORT_CODE, accountSid, serviceSid, codes[0] as ShortCodeSid)
    repository.addAlphaSender(accountSid, serviceSid, { alphaSender: "Acme" })
    expect(repository.deleteEverything()).toEqual({
      accounts: 1, services: 1, shortCodes: 1, memberships: 1, phoneNumbers: 2, phoneNumberMemberships: 1, alphaSenders: 1
    })
    expect(repository.allSenders(PHONE_NUMBER)).toEqual([])
    expect(db.prepare("SELECT name FROM sqlite_sequence WHERE seq > 0").all()).toEqual([])
    db.close()
  })
})
