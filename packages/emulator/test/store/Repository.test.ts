import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fc, test } from "@fast-check/vitest"
import { type AccountSid, randomAccountSid, randomServiceSid, randomShortCodeSid, type ServiceSid, type ShortCodeSid } from "@shortcode-kit/schema"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openDatabase } from "../../src/store/Database.js"
import type { KeysetPage, PageCursor } from "../../src/store/Paging.js"
import { makeRepository, type Repository, type ServiceShortCode } from "../../src/store/Repository.js"
import { SHORT_CODE } from "../../src/store/SenderKinds.js"

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "shortcode-kit-repository-"))
})
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

let files = 0
const freshFile = () => join(folder, `db-${files++}.sqlite`)

let number = 10_000
const setup = (repository: Repository, shortCodes: number) => {
  const account = repository.insertAccount({ authToken: "t" })
  if (account._tag !== "Inserted") throw new Error("account")
  const accountSid = account.value.sid
  const service = repository.insertService({ accountSid, friendlyName: "s" })
  if (service._tag !== "Inserted") throw new Error("service")
  const sids: Array<ShortCodeSid> = []
  for (let i = 0; i < shortCodes; i++) {
    const created = repository.insertSender(SHORT_CODE, { accountSid, shortCode: String(number++), countryCode: "US", capabilities: ["SMS"] })
    if (created._tag !== "Inserted") throw new Error("short code")
    sids.push(created.value.sid)
  }
  return { accountSid, serviceSid: service.value.sid, sids }
}

describe("addSender (short codes)", () => {
  it("reports each outcome", () => {
    const db = openDatabase(":memory:")
    const repository = makeRepository(db, { servicePoolLimit: 2 })
    const { accountSid, serviceSid, sids } = setup(repository, 4)
    const other = repository.insertService({ accountSid, friendlyName: "other" })
    if (other._tag !== "Inserted") throw new Error("service")
    const [a, b, c, d] = sids as [ShortCodeSid, ShortCodeSid, ShortCodeSid, ShortCodeSid]
    expect(repository.addSender(SHORT_CODE, accountSid, serviceSid, a)._tag).toBe("Added")
    expect(repository.addSender(SHORT_CODE, accountSid, serviceSid, a)._tag).toBe("AlreadyInThisService")
    expect(repository.addSender(SHORT_CODE, accountSid, other.value.sid, a)).toEqual({ _tag: "InAnotherService", serviceSid })
    expect(repository.addSender(SHORT_CODE, accountSid, serviceSid, b)._tag).toBe("Added")
    expect(repository.addSender(SHORT_CODE, accountSid, serviceSid, c)).toEqual({ _tag: "PoolFull", limit: 2 })
    expect(repository.addSender(SHORT_CODE, accountSid, randomServiceSid(), d)._tag).toBe("ServiceNotFound")
    expect(repository.addSender(SHORT_CODE, accountSid, serviceSid, randomShortCodeSid())._tag).toBe("NotFound")
    expect(repository.addSender(SHORT_CODE, randomAccountSid(), serviceSid, d)._tag).toBe("ServiceNotFound")
    // The rolled-back add left nothing behind.
    expect(repository.findAnySender(SHORT_CODE, c)?.serviceSid).toBeNull()
    db.close()
  })

  it("refuses another account's short code, even through the database constraints alone", () => {
    const db = openDatabase(":memory:")
    const repository = makeRepository(db, { servicePoolLimit: 400 })
    const first = setup(repository, 1)
    const second = setup(repository, 1)
    expect(repository.addSender(SHORT_CODE, first.accountSid, first.serviceSid, second.sids[0] as ShortCodeSid)._tag).toBe("NotFound")
    expect(() =>
      db.prepare("INSERT INTO service_short_codes (service_sid, short_code_sid, account_sid, date_created, date_updated) VALUES (?, ?, ?, 0, 0)")
        .run(first.serviceSid, second.sids[0], first.accountSid)
    ).toThrow(/FOREIGN KEY/)
    db.close()
  })

  it("lets the UNIQUE constraint decide between two connections to one file", () => {
    const path = freshFile()
    const dbA = openDatabase(path)
    const dbB = openDatabase(path)
    const a = makeRepository(dbA, { servicePoolLimit: 400 })
    const b = makeRepository(dbB, { servicePoolLimit: 400 })
    const { accountSid, serviceSid, sids } = setup(a, 1)
    const other = b.insertService({ accountSid, friendlyName: "other" })
    if (other._tag !== "Inserted") throw new Error("service")
    const sid = sids[0] as ShortCodeSid
    expect(a.addSender(SHORT_CODE, accountSid, serviceSid, sid)._tag).toBe("Added")
    expect(b.addSender(SHORT_CODE, accountSid, serviceSid, sid)._tag).toBe("AlreadyInThisService")
    expect(b.addSender(SHORT_CODE, accountSid, other.value.sid, sid)._tag).toBe("InAnotherService")
    expect(dbB.prepare("SELECT count(*) AS n FROM service_short_codes").get()).toEqual({ n: 1 })
    dbA.close()
    dbB.close()
  })

  it("stores whole seconds, as Twilio's dates have", () => {
    const db = openDatabase(":memory:")
    const repository = makeRepository(db, { servicePoolLimit: 400, now: () => 1_438_287_151_999 })
    const { accountSid, serviceSid, sids } = setup(repository, 1)
    const added = repository.addSender(SHORT_CODE, accountSid, serviceSid, sids[0] as ShortCodeSid)
    expect(added._tag === "Added" && added.row.dateCreated.toISOString()).toBe("2015-07-30T20:12:31.000Z")
    db.close()
  })
})

describe("listServiceSenders (short codes)", () => {
  const walkForward = (repository: Repository, accountSid: AccountSid, serviceSid: ServiceSid, pageSize: number, between: () => void) => {
    const seen: Array<string> = []
    let cursor: PageCursor | undefined = { _tag: "Offset", offset: 0 }
    for (let pages = 0; cursor !== undefined; pages++) {
      if (pages > 1000) throw new Error("the walk does not end")
      const page: KeysetPage<ServiceShortCode> | undefined = repository.listServiceSenders(SHORT_CODE, accountSid, serviceSid, cursor, pageSize)
      if (page === undefined) throw new Error("service vanished")
      seen.push(...page.rows.map((row) => row.sid))
      between()
      cursor = page.next
    }
    return seen
  }

  // Between page reads: add a short code from the inventory, or remove a member.
  const change = fc.oneof(fc.record({ kind: fc.constant("add" as const) }), fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }))

  test.prop([fc.integer({ min: 0, max: 25 }), fc.integer({ min: 1, max: 7 }), fc.array(change, { maxLength: 40 })], { numRuns: 60 })(
    "walking next returns every item that stays in the list exactly once, whatever changes between pages",
    (initial, pageSize, changes) => {
      const db = openDatabase(":memory:")
      const repository = makeRepository(db, { servicePoolLimit: 400 })
      const { accountSid, serviceSid, sids } = setup(repository, initial + changes.length)
      const members = sids.slice(0, initial)
      const spare = sids.slice(initial)
      for (const sid of members) repository.addSender(SHORT_CODE, accountSid, serviceSid, sid)
      const everMember = new Set<string>(members)
      const removed = new Set<string>()
      let step = 0
      const seen = walkForward(repository, accountSid, serviceSid, pageSize, () => {
        const next = changes[step++]
        if (next === undefined) return
        if (next.kind === "add") {
          const sid = spare.shift()
          if (sid === undefined) return
          repository.addSender(SHORT_CODE, accountSid, serviceSid, sid)
          members.push(sid)
          everMember.add(sid)
        } else if (members.length > 0) {
          const [sid] = members.splice(next.pick % members.length, 1)
          repository.removeSender(SHORT_CODE, accountSid, serviceSid, sid as string)
          removed.add(sid as string)
        }
      })
      expect(new Set(seen).size).toBe(seen.length)
      for (const sid of seen) expect(everMember.has(sid)).toBe(true)
      for (const sid of sids.slice(0, initial)) if (!removed.has(sid)) expect(seen).toContain(sid)
      db.close()
    }
  )

  test.prop([fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 6 })], { numRuns: 30 })(
    "walking previous from the last page returns the same items in the same order",
    (count, pageSize) => {
      const db = openDatabase(":memory:")
      const repository = makeRepository(db, { servicePoolLimit: 400 })
      const { accountSid, serviceSid, sids } = setup(repository, count)
      for (const sid of sids) repository.addSender(SHORT_CODE, accountSid, serviceSid, sid)
      const pages: Array<Array<string>> = []
      let cursor: PageCursor | undefined = { _tag: "Offset", offset: 0 }
      let last: KeysetPage<ServiceShortCode> | undefined
      while (cursor !== undefined) {
        last = repository.listServiceSenders(SHORT_CODE, accountSid, serviceSid, cursor, pageSize)
        pages.push(last?.rows.map((r) => r.sid) ?? [])
        cursor = last?.next
      }
      const backwards: Array<Array<string>> = [pages[pages.length - 1] ?? []]
      cursor = last?.previous
      while (cursor !== undefined) {
        const page = repository.listServiceSenders(SHORT_CODE, accountSid, serviceSid, cursor, pageSize)
        backwards.unshift(page?.rows.map((r) => r.sid) ?? [])
        cursor = page?.previous
      }
      expect(pages.flat()).toEqual(sids)
      expect(backwards.flat()).toEqual(sids)
      db.close()
    }
  )
})
