/**
 * A third kind of sender is one row of the kinds table: a test-only kind over its own two tables (what its migration
 * would create) gets the inventory, the membership, the shared pool, paging, removal and reset from the repository
 * without a line of its own. Real SQLite files in a temp folder.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { AccountSid, ServiceSid, ShortCodeSid } from "@shortcode-kit/schema"
import { afterAll, describe, expect, it } from "vitest"
import { openDatabase } from "../../src/store/Database.js"
import { makeRepository } from "../../src/store/Repository.js"
import { type InventoryKind, PHONE_NUMBER, SENDER_KINDS, SHORT_CODE } from "../../src/store/SenderKinds.js"

type WhatsAppSid = string & { readonly WhatsAppSid: unique symbol }
let drawn = 0
/** The test-only kind: a WhatsApp sender, `XE` SIDs, an address unique over every account, channels as JSON. */
const WHATSAPP: InventoryKind<WhatsAppSid, { address: string; channels: ReadonlyArray<string> }, { readonly address: "address"; readonly channels: "channels" }> = {
  label: "WhatsApp sender",
  inventory: "whatsapp_senders",
  members: "service_whatsapp_senders",
  senderSid: "whatsapp_sender_sid",
  columns: { address: "address", channels: "channels" },
  json: ["channels"],
  number: ["address"],
  newSid: () => `XE${String(drawn++).padStart(32, "0")}` as WhatsAppSid,
  pool: true,
  twilioPath: (account, sid) => `/test/Accounts/${account}/WhatsAppSenders/${sid}.json`
}
/** What the kind's migration would hold: the two tables of every inventory kind, with its own columns. */
const WHATSAPP_TABLES = `
  CREATE TABLE whatsapp_senders (
    sid TEXT PRIMARY KEY,
    account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
    address TEXT NOT NULL UNIQUE,
    channels TEXT NOT NULL,
    date_created INTEGER NOT NULL,
    date_updated INTEGER NOT NULL,
    UNIQUE (sid, account_sid)
  ) STRICT;
  CREATE TABLE service_whatsapp_senders (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    service_sid TEXT NOT NULL,
    whatsapp_sender_sid TEXT NOT NULL UNIQUE,
    account_sid TEXT NOT NULL,
    date_created INTEGER NOT NULL,
    date_updated INTEGER NOT NULL,
    FOREIGN KEY (service_sid, account_sid) REFERENCES services(sid, account_sid) ON DELETE CASCADE,
    FOREIGN KEY (whatsapp_sender_sid, account_sid) REFERENCES whatsapp_senders(sid, account_sid) ON DELETE CASCADE
  ) STRICT;`

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-sender-kinds-"))
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})
let files = 0
const open = (servicePoolLimit: number) => {
  const db = openDatabase(join(folder, `kinds-${files++}.sqlite`))
  db.exec(WHATSAPP_TABLES)
  const repository = makeRepository(db, { servicePoolLimit, now: () => 1_700_000_000_000, kinds: [...SENDER_KINDS, WHATSAPP] })
  const value = <A>(outcome: { readonly _tag: string; readonly value?: A }): A => {
    if (outcome._tag !== "Inserted" || outcome.value === undefined) throw new Error(`expected Inserted, got ${JSON.stringify(outcome)}`)
    return outcome.value
  }
  const accountSid: AccountSid = value(repository.insertAccount({ authToken: "t" })).sid
  const service = (): ServiceSid => value(repository.insertService({ accountSid, friendlyName: "s" })).sid
  const sender = (address: string): WhatsAppSid => value(repository.insertSender(WHATSAPP, { accountSid, address, channels: ["whatsapp"] })).sid
  return { db, repository, accountSid, service, sender, value }
}

describe("a test-only third sender kind, declared as one row", () => {
  it("is stored in its inventory with a generated SID, and a duplicate SID or address is refused naming the kind", () => {
    const { db, repository, accountSid, sender } = open(400)
    const sid = sender("whatsapp:+15005550006")
    expect(repository.findAnySender(WHATSAPP, sid)).toEqual({
      sid,
      accountSid,
      address: "whatsapp:+15005550006",
      channels: ["whatsapp"],
      serviceSid: null,
      dateCreated: new Date(1_700_000_000_000),
      dateUpdated: new Date(1_700_000_000_000)
    })
    expect(repository.insertSender(WHATSAPP, { sid, accountSid, address: "whatsapp:+15005550007", channels: [] }))
      .toEqual({ _tag: "Conflict", reason: `WhatsApp sender ${sid} already exists` })
    expect(repository.insertSender(WHATSAPP, { accountSid, address: "whatsapp:+15005550006", channels: [] }))
      .toEqual({ _tag: "Conflict", reason: `the number whatsapp:+15005550006 already exists as WhatsApp sender ${sid} of account ${accountSid}` })
    db.close()
  })

  it("joins one service at a time, is listed and found there, and goes back to the inventory when removed or when the service is deleted", () => {
    const { db, repository, accountSid, service, sender } = open(400)
    const [first, second] = [service(), service()]
    const sid = sender("whatsapp:+15005550010")
    const added = repository.addSender(WHATSAPP, accountSid, first, sid)
    expect(added).toEqual({
      _tag: "Added",
      row: { sid, accountSid, serviceSid: first, address: "whatsapp:+15005550010", channels: ["whatsapp"], dateCreated: new Date(1_700_000_000_000), dateUpdated: new Date(1_700_000_000_000) }
    })
    expect(repository.addSender(WHATSAPP, accountSid, first, sid)).toEqual({ _tag: "AlreadyInThisService" })
    expect(repository.addSender(WHATSAPP, accountSid, second, sid)).toEqual({ _tag: "InAnotherService", serviceSid: first })
    expect(repository.addSender(WHATSAPP, accountSid, first, "XE" + "f".repeat(32))).toEqual({ _tag: "NotFound" })
    const row = added._tag === "Added" ? added.row : undefined
    expect(repository.findServiceSender(WHATSAPP, accountSid, first, sid)).toEqual(row)
    expect(repository.listServiceSenders(WHATSAPP, accountSid, first, { _tag: "Offset", offset: 0 }, 50)?.rows).toEqual([row])
    expect(repository.removeSender(WHATSAPP, accountSid, first, sid)).toBe(true)
    expect(repository.findAnySender(WHATSAPP, sid)?.serviceSid).toBeNull()
    repository.addSender(WHATSAPP, accountSid, second, sid)
    expect(repository.deleteService(accountSid, second)).toBe(true)
    expect(repository.allSenders(WHATSAPP).map((s) => [s.sid, s.serviceSid])).toEqual([[sid, null]])
    db.close()
  })

  it("shares the service's pool with short codes and phone numbers: whichever sender does not fit is PoolFull", () => {
    const { db, repository, accountSid, service, sender, value } = open(2)
    const serviceSid = service()
    const shortCode: ShortCodeSid = value(repository.insertSender(SHORT_CODE, { accountSid, shortCode: "55501", countryCode: "US", capabilities: ["SMS"] })).sid
    const phoneNumber = value(repository.insertSender(PHONE_NUMBER, { accountSid, phoneNumber: "+15005550099", countryCode: "US", capabilities: ["SMS"] })).sid
    const [a, b] = [sender("whatsapp:+15005550020"), sender("whatsapp:+15005550021")]
    expect(repository.addSender(SHORT_CODE, accountSid, serviceSid, shortCode)._tag).toBe("Added")
    expect(repository.addSender(WHATSAPP, accountSid, serviceSid, a)._tag).toBe("Added")
    expect(repository.addSender(WHATSAPP, accountSid, serviceSid, b)).toEqual({ _tag: "PoolFull", limit: 2 })
    expect(repository.addSender(PHONE_NUMBER, accountSid, serviceSid, phoneNumber)).toEqual({ _tag: "PoolFull", limit: 2 })
    // The refused insert was rolled back: b is still in no service.
    expect(repository.findAnySender(WHATSAPP, b)?.serviceSid).toBeNull()
    db.close()
  })

  it("is emptied by deleteEverything with the built-in kinds, its list positions restarted", () => {
    const { db, repository, accountSid, service, sender } = open(400)
    repository.addSender(WHATSAPP, accountSid, service(), sender("whatsapp:+15005550030"))
    repository.deleteEverything()
    expect(db.prepare("SELECT (SELECT count(*) FROM whatsapp_senders) + (SELECT count(*) FROM service_whatsapp_senders) AS n").get()).toEqual({ n: 0 })
    expect(db.prepare("SELECT name FROM sqlite_sequence WHERE seq > 0").all()).toEqual([])
    db.close()
  })

  it("is refused, by name, by a repository that was not given it", () => {
    const db = openDatabase(join(folder, `kinds-${files++}.sqlite`))
    const repository = makeRepository(db, { servicePoolLimit: 400 })
    expect(() => repository.findAnySender(WHATSAPP, "XE" + "0".repeat(32)))
      .toThrow("the WhatsApp sender is not a sender kind of this repository (makeRepository's kinds)")
    db.close()
  })
})
