/**
 * Laws over every sender collection the emulator serves from the inventory (one row of `SENDER_KINDS` each: short
 * codes, phone numbers), through the official twilio SDK 6.3.1 (unmodified; only its HTTP client points at the
 * server) and the admin API, against a real server on 127.0.0.1 with a SQLite file in a temp folder. Names, paths,
 * labels and SID prefixes come from the kind's row and its resource declaration, so a new kind is one row below.
 * The create form's 20001 answers hold for AlphaSenders too. What a kind has of its own is data of its row: its
 * defaults, a number it takes with every field given, numbers it refuses with the exact message (one alpha sender per
 * service stays in alphaSenders.test.ts).
 */
import { AlphaSenderResource, errorTable, makeAlphaSenderStrict, makePhoneNumberStrict, moreInfoUrl, makeShortCodeStrict, PhoneNumberResource, randomAccountSid, randomServiceSid, ShortCodeResource, TWILIO_MESSAGING_BASE_URL } from "@shortcode-kit/schema"
import { Schema } from "effect"
import twilio from "twilio"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { randomIds } from "../../src/controls/Ids.js"
import { Seed } from "../../src/Seed.js"
import { type AnyInventoryKind, numberOf, PHONE_NUMBER, SENDER_KINDS, SHORT_CODE } from "../../src/store/SenderKinds.js"
import { makeTwilioHttpClient } from "../../src/TwilioHttpClient.js"
import { expectValidAgainstSpec, type SpecSchemaName } from "../support/spec.js"
import { expectTwilioError, startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"

const LIMIT = 2
let t: TestServer
let account: TestAccount
beforeAll(async () => {
  t = await startTestServer({ servicePoolLimit: LIMIT })
  account = await t.makeAccount(0)
})
afterAll(async () => {
  await t.close()
})

let next = 0
/**
 * Each kind with its resource, its strict profile, a fresh value of its number fields, the fields the admin API and
 * the seed default, a sender with every field given, and values of its number the admin API refuses with `refused`.
 */
const COLLECTIONS: ReadonlyArray<{
  readonly kind: AnyInventoryKind
  readonly resource: typeof ShortCodeResource | typeof PhoneNumberResource
  readonly strict: (baseUrl: string) => Schema.Top
  readonly number: () => Record<string, string>
  readonly defaults: Record<string, unknown>
  readonly given: Record<string, unknown>
  readonly bad: ReadonlyArray<string>
  readonly refused: (received: string) => string
  /** The fields a seed's second copy of a sender must repeat, as its 409 names them. */
  readonly conflict: string
  /** The key of its list page, as Twilio names it. */
  readonly pageKey: string
}> = [
  {
    kind: SHORT_CODE, resource: ShortCodeResource, strict: (baseUrl) => makeShortCodeStrict({ baseUrl }), number: () => ({ short_code: String(10_000 + next++) }),
    defaults: { country_code: "US", capabilities: ["SMS"] },
    given: { short_code: "44444", country_code: "GB", capabilities: ["SMS", "MMS"] },
    bad: ["12", "123456789", "1234a", ""],
    refused: (received) => `short_code: must be 3 to 8 digits (0-9) with nothing else, such as 12345 (received ${received})`,
    conflict: "account_sid, short_code, country_code or capabilities",
    pageKey: "short_codes"
  },
  {
    kind: PHONE_NUMBER, resource: PhoneNumberResource, strict: (baseUrl) => makePhoneNumberStrict({ baseUrl }), number: () => ({ phone_number: `+1415${String(5_000_000 + next++)}` }),
    defaults: { country_code: "US", capabilities: ["SMS"] },
    given: { phone_number: "+442079460999", country_code: "GB", capabilities: ["SMS", "Voice"] },
    bad: ["12025550101", "+02025550101", "+1", "+1234567890123456", "+1 202 555 0101", ""],
    refused: (received) => `phone_number: must be an E.164 phone number: + and 2 to 15 digits (0-9), the first not 0, such as +14155552671 (received ${received})`,
    conflict: "account_sid, phone_number, country_code or capabilities",
    pageKey: "phone_numbers"
  }
]

const uncapitalize = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)
const createWire = (resource: { readonly declaration: { readonly create: object } }): string =>
  (Object.values(resource.declaration.create) as ReadonlyArray<{ readonly wire: string }>)[0]!.wire
const adminPath = (kind: AnyInventoryKind): string => `/admin/${kind.inventory.replaceAll("_", "-")}`
const prefixOf = (kind: AnyInventoryKind): string => kind.newSid(randomIds).slice(0, 2)
const upper = (sid: string): string => sid.slice(0, 2) + sid.slice(2).toUpperCase()
const dump = async () => {
  const dumped = (await t.admin("GET", "/admin/dump")).json as Record<string, ReadonlyArray<{ sid: string; service_sid?: string | null }>>
  Schema.decodeUnknownSync(Seed)(dumped)
  return dumped
}

interface Member { readonly sid: string }
interface SdkCollection {
  (sid: string): { fetch(): Promise<Member>; remove(): Promise<boolean> }
  create(params: Record<string, string>): Promise<Member>
  list(params?: { readonly pageSize?: number }): Promise<ReadonlyArray<Member>>
  page(params: { readonly pageSize: number }): Promise<{ readonly instances: ReadonlyArray<Member>; readonly nextPageUrl?: string | null }>
}
const sdk = () => twilio(account.accountSid, account.authToken, { httpClient: makeTwilioHttpClient(t.url) })
/** The SDK's accessor of the collection (`services(sid).shortCodes`, `.phoneNumbers`), named by the declaration. */
const collectionOf = (serviceSid: string, c: (typeof COLLECTIONS)[number]): SdkCollection =>
  (sdk().messaging.v1.services(serviceSid) as unknown as Record<string, SdkCollection>)[uncapitalize(c.resource.declaration.plural)]!
const add = (serviceSid: string, c: (typeof COLLECTIONS)[number], sid: string) => collectionOf(serviceSid, c).create({ [uncapitalize(createWire(c.resource))]: sid })
const newService = async (): Promise<string> => (await sdk().messaging.v1.services.create({ friendlyName: "laws" })).sid
/** A sender of the account's inventory, in no service, via the admin API. */
const inventory = async (c: (typeof COLLECTIONS)[number]): Promise<string> => {
  const created = await t.admin("POST", adminPath(c.kind), { account_sid: account.accountSid, ...c.number() })
  expect(created.status, created.text).toBe(201)
  return (created.json as { sid: string }).sid
}
const restError = async (promise: Promise<unknown>): Promise<{ status: number; code: number; message: string }> => {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(twilio.RestException)
    const e = error as InstanceType<typeof twilio.RestException>
    return { status: e.status, code: e.code ?? 0, message: e.message }
  }
  throw new Error("expected the SDK call to fail")
}
const full = { status: 400, code: 21714, message: `The Messaging Service number pool is full (${LIMIT} numbers and short codes per service)` }

describe("the table of collections", () => {
  it("has one row per kind of SENDER_KINDS", () => {
    expect(COLLECTIONS.map((c) => c.kind)).toStrictEqual([...SENDER_KINDS])
  })
})

describe.each(COLLECTIONS)("$resource.declaration.plural through the official twilio SDK", (c) => {
  const plural = c.resource.declaration.plural

  it("adds, lists with paging, fetches and removes; a removed one is 404 and back in the inventory", async () => {
    const serviceSid = await newService()
    const [first, second] = [await inventory(c), await inventory(c)] as [string, string]
    const created = await add(serviceSid, c, first)
    expect(created).toMatchObject({ sid: first, accountSid: account.accountSid, serviceSid })
    expect((created as unknown as { url: string }).url).toBe(`https://messaging.twilio.com/v1/Services/${serviceSid}/${plural}/${first}`)
    await add(serviceSid, c, second)
    const page = await collectionOf(serviceSid, c).page({ pageSize: 1 })
    expect([page.instances.length, typeof page.nextPageUrl]).toEqual([1, "string"])
    // The SDK follows next_page_url to the end.
    expect((await collectionOf(serviceSid, c).list({ pageSize: 1 })).map((m) => m.sid).sort()).toEqual([first, second].sort())
    expect((await collectionOf(serviceSid, c)(first).fetch()).sid).toBe(first)
    expect(await collectionOf(serviceSid, c)(first).remove()).toBe(true)
    expect((await collectionOf(serviceSid, c).list()).map((m) => m.sid)).toEqual([second])
    const gone = { status: 404, code: 20404, message: `The requested resource /v1/Services/${serviceSid}/${plural}/${first} was not found` }
    expect(await restError(collectionOf(serviceSid, c)(first).fetch())).toEqual(gone)
    expect(await restError(collectionOf(serviceSid, c)(first).remove())).toEqual(gone)
    expect((await add(await newService(), c, first)).sid).toBe(first)
  })

  it("answers 21710 in the same service, 21712 in another, 21421 malformed, 404 an unknown sender or service", async () => {
    const [one, two] = [await newService(), await newService()]
    const sid = await inventory(c)
    await add(one, c, sid)
    expect(await restError(add(one, c, sid))).toEqual({ status: 409, code: 21710, message: "Phone Number or Short Code is already in the Messaging Service." })
    expect(await restError(add(two, c, sid))).toEqual({ status: 409, code: 21712, message: "Phone Number or Short Code is associated with another Messaging Service" })
    const malformed = await restError(add(two, c, `${prefixOf(c.kind)}123`))
    expect(malformed).toMatchObject({ status: 400, code: 21421 })
    expect(malformed.message).toContain(`${createWire(c.resource)} "${prefixOf(c.kind)}123" `)
    const unknown = c.kind.newSid(randomIds)
    expect(await restError(add(two, c, unknown))).toEqual({ status: 404, code: 20404, message: `The requested resource ${c.kind.twilioPath(account.accountSid, unknown)} was not found` })
    const noService = randomServiceSid()
    expect(await restError(add(noService, c, await inventory(c)))).toEqual({ status: 404, code: 20404, message: `The requested resource /v1/Services/${noService}/${plural} was not found` })
  })

  // The schema package's tests hold each strict profile to Twilio's official schema.
  it("serves raw bodies valid under the strict profile, url on the public base URL", async () => {
    const serviceSid = await newService()
    const sid = await inventory(c)
    await add(serviceSid, c, sid)
    const raw = await t.twilio(account, "GET", `/v1/Services/${serviceSid}/${plural}/${sid}`)
    expect(Schema.decodeUnknownExit(c.strict(TWILIO_MESSAGING_BASE_URL) as unknown as Schema.Codec<unknown, unknown>)(raw.json)._tag, raw.text).toBe("Success")
  })

  it("returns its senders to the inventory when their service is deleted", async () => {
    const serviceSid = await newService()
    const sid = await inventory(c)
    await add(serviceSid, c, sid)
    expect(await sdk().messaging.v1.services(serviceSid).remove()).toBe(true)
    const dumped = (await t.admin("GET", "/admin/dump")).json as Record<string, ReadonlyArray<{ sid: string; service_sid: string | null }>>
    expect(dumped[c.kind.inventory]?.find((s) => s.sid === sid)?.service_sid).toBeNull()
    expect((await add(await newService(), c, sid)).sid).toBe(sid)
  })
})

describe.each(COLLECTIONS.flatMap((a) => COLLECTIONS.map((b) => ({ a, b, name: `${a.kind.label} and ${b.kind.label}` }))))(
  "the one pool of a service: $name",
  ({ a, b }) => {
    it("count together up to servicePoolLimit; the next of either is 21714 and stays free", async () => {
      const serviceSid = await newService()
      await add(serviceSid, a, await inventory(a))
      for (let i = 1; i < LIMIT; i++) await add(serviceSid, b, await inventory(b))
      const [nextA, nextB] = [await inventory(a), await inventory(b)]
      expect(await restError(add(serviceSid, a, nextA))).toEqual(full)
      expect(await restError(add(serviceSid, b, nextB))).toEqual(full)
      // Placing one through the admin API meets the same pool, and keeps nothing (insert and placement are one transaction).
      const refused = b.kind.newSid(randomIds)
      expectTwilioError(await t.admin("POST", adminPath(b.kind), { sid: refused, account_sid: account.accountSid, ...b.number(), service_sid: serviceSid }), 400, 21714)
      const dumped = (await t.admin("GET", "/admin/dump")).json as Record<string, ReadonlyArray<{ sid: string }>>
      expect(dumped[b.kind.inventory]?.some((s) => s.sid === refused)).toBe(false)
      const other = await newService()
      expect((await add(other, a, nextA)).sid).toBe(nextA)
    })
  }
)

describe.each(COLLECTIONS)("POST /admin/<kind> for the $kind.label inventory", (c) => {
  const path = adminPath(c.kind)
  const accountWith = async () => {
    const accountSid = randomAccountSid()
    expect((await t.admin("POST", "/admin/accounts", { sid: accountSid })).status).toBe(201)
    return accountSid
  }

  it("answers 201 with a generated SID of the kind's prefix and its defaults, in no service, and dumps it so", async () => {
    const accountSid = await accountWith()
    const number = c.number()
    const created = await t.admin("POST", path, { account_sid: accountSid, ...number })
    expect(created.status, created.text).toBe(201)
    const { sid } = created.json as { sid: string }
    expect(sid).toMatch(new RegExp(`^${prefixOf(c.kind)}[0-9a-f]{32}$`))
    expect(created.json).toStrictEqual({ sid, account_sid: accountSid, ...number, ...c.defaults, service_sid: null })
    expect((await dump())[c.kind.inventory]?.find((s) => s.sid === sid)).toMatchObject({ ...number, service_sid: null })
  })

  it("takes every field given, SIDs stored in their canonical lower-case form, and a service to place it in", async () => {
    const accountSid = await accountWith()
    const serviceSid = randomServiceSid()
    expect((await t.admin("POST", "/admin/services", { sid: serviceSid, account_sid: accountSid, friendly_name: "given" })).status).toBe(201)
    const sid = c.kind.newSid(randomIds)
    const created = await t.admin("POST", path, { sid: upper(sid), account_sid: upper(accountSid), ...c.given, service_sid: upper(serviceSid) })
    expect(created.status, created.text).toBe(201)
    expect(created.json).toStrictEqual({ sid, account_sid: accountSid, ...c.given, service_sid: serviceSid })
    expect((await dump())[c.kind.inventory]?.find((s) => s.sid === sid)?.service_sid).toBe(serviceSid)
  })

  it("answers 400 naming each bad field, with the exact message for a bad number", async () => {
    const [field] = Object.keys(c.number()) as [string]
    const error = expectTwilioError(await t.admin("POST", path, { account_sid: "AC1", [field]: "x" }), 400, 20001)
    expect(error.message).toMatch(/^Invalid parameter: body\. /)
    expect(error.message).toContain("account_sid: ")
    expect(error.message).toContain(`${field}: `)
    const accountSid = await accountWith()
    for (const bad of c.bad) {
      const refused = expectTwilioError(await t.admin("POST", path, { account_sid: accountSid, [field]: bad }), 400, 20001)
      expect(refused.message).toBe(`Invalid parameter: body. ${c.refused(JSON.stringify(bad))}`)
    }
    expect(expectTwilioError(await t.admin("POST", path, { account_sid: accountSid }), 400, 20001).message).toMatch(new RegExp(`^Invalid parameter: body\\. ${field}: `))
    const others = expectTwilioError(await t.admin("POST", path, { sid: `${prefixOf(c.kind)}1`, account_sid: accountSid, ...c.number(), capabilities: ["Fax"] }), 400, 20001)
    expect(others.message).toContain("sid: ")
    expect(others.message).toContain("capabilities.0: ")
  })

  it("answers 404 for an unknown account or service (keeping nothing) and 409 for a duplicate SID or number, naming them", async () => {
    const stranger = randomAccountSid()
    expect(expectTwilioError(await t.admin("POST", path, { account_sid: stranger, ...c.number() }), 404, 20404).message).toContain(stranger)
    const accountSid = await accountWith()
    const sid = c.kind.newSid(randomIds)
    const number = c.number()
    const created = await t.admin("POST", path, { sid, account_sid: accountSid, ...number })
    expect(created.status, created.text).toBe(201)
    expect(expectTwilioError(await t.admin("POST", path, { sid, account_sid: accountSid, ...c.number() }), 409, 20001).message)
      .toBe(`Conflict: ${c.kind.label} ${sid} already exists`)
    const body = created.json as Record<string, unknown>
    const shown = numberOf(c.kind, Object.fromEntries(Object.entries(c.kind.columns).map(([field, wire]) => [field, body[wire as string]])))
    expect(expectTwilioError(await t.admin("POST", path, { account_sid: accountSid, ...number }), 409, 20001).message)
      .toBe(`Conflict: the number ${shown} already exists as ${c.kind.label} ${sid} of account ${accountSid}`)
    const unplaced = c.kind.newSid(randomIds)
    const noService = randomServiceSid()
    expect(expectTwilioError(await t.admin("POST", path, { sid: unplaced, account_sid: accountSid, ...c.number(), service_sid: noService }), 404, 20404).message).toContain(noService)
    const dumped = (await t.admin("GET", "/admin/dump")).json as Record<string, ReadonlyArray<{ sid: string }>>
    expect(dumped[c.kind.inventory]?.some((s) => s.sid === unplaced)).toBe(false)
  })
})

describe.each(COLLECTIONS)("the $kind.label inventory in seeds", (c) => {
  it("loads through POST /admin/seed idempotently, placing one, dumps them in the same format, and names a conflict or a bad number", async () => {
    const accountSid = randomAccountSid()
    const serviceSid = randomServiceSid()
    const placed = { sid: c.kind.newSid(randomIds), account_sid: accountSid, ...c.number(), country_code: "US", capabilities: ["MMS", "SMS"], service_sid: serviceSid }
    const unplaced = { sid: c.kind.newSid(randomIds), account_sid: accountSid, ...c.number() }
    const seed = {
      accounts: [{ sid: accountSid, auth_token: "seeded" }],
      services: [{ sid: serviceSid, account_sid: accountSid, friendly_name: "From seed" }],
      [c.kind.inventory]: [placed, unplaced]
    }
    const counts = (n: number, kind: number) => ({ accounts: n, services: n, ...Object.fromEntries(SENDER_KINDS.map((k) => [k.inventory, k === c.kind ? kind : 0])), memberships: n })
    const first = await t.admin("POST", "/admin/seed", seed)
    expect(first.json, first.text).toEqual(counts(1, 2))
    expect((await t.admin("POST", "/admin/seed", seed)).json).toEqual(counts(0, 0))
    const dumped = await dump()
    expect(dumped[c.kind.inventory]).toContainEqual(placed)
    expect(dumped[c.kind.inventory]).toContainEqual({ ...unplaced, ...c.defaults, service_sid: null })
    const changed = expectTwilioError(await t.admin("POST", "/admin/seed", { [c.kind.inventory]: [{ ...placed, capabilities: ["SMS"] }] }), 409, 20001)
    expect(changed.message).toContain(`${c.kind.inventory}[0]: ${placed.sid} exists with a different ${c.conflict}`)
    const [field] = Object.keys(c.number()) as [string]
    const bad = expectTwilioError(await t.admin("POST", "/admin/seed", { [c.kind.inventory]: [{ ...placed, [field]: c.bad[0] }] }), 400, 20001)
    expect(bad.message).toContain(`${c.kind.inventory}.0.${c.refused(JSON.stringify(c.bad[0]))}`)
  })
})

// The create form of every collection, AlphaSenders too (whose form carries text, not an inventory SID): a value it
// takes, its strict profile, the name of its schema in the official spec fixture (when the fixture has it), and
// values it refuses with the exact answer.
const A21709 = errorTable[21709].message
const FORMS: ReadonlyArray<{
  readonly resource: { readonly declaration: { readonly create: object; readonly plural: string; readonly pageKey: string } }
  readonly value: () => Promise<string>
  readonly strict: (baseUrl: string) => Schema.Top
  readonly spec?: SpecSchemaName
  readonly refused: ReadonlyArray<readonly [value: string, code: number, message: string]>
  readonly pageKey: string
}> = [
  ...COLLECTIONS.map((c) => ({ resource: c.resource, value: () => inventory(c), strict: c.strict, refused: [], pageKey: c.pageKey })),
  {
    resource: AlphaSenderResource, value: async () => "Acme", strict: (baseUrl: string) => makeAlphaSenderStrict({ baseUrl }), spec: "messaging.v1.service.alpha_sender", pageKey: "alpha_senders",
    refused: [
      ["123456", 21709, `${A21709}: AlphaSender "123456" must not contain only digits: an alpha sender needs at least one letter or symbol`],
      ["TwelveChars!", 21709, `${A21709}: AlphaSender "TwelveChars!" must be 1 to 11 characters long`],
      ["Acme.Co", 21709, `${A21709}: AlphaSender "Acme.Co" must contain only A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand &`]
    ]
  }
]

describe.each(FORMS)("POST .../$resource.declaration.plural", ({ resource, value, strict, spec, refused, pageKey }) => {
  it("answers 400 20001 naming a missing, empty or repeated create parameter, a refused value exactly, and adds nothing", async () => {
    const serviceSid = await newService()
    const collection = `/v1/Services/${serviceSid}/${resource.declaration.plural}`
    const wire = createWire(resource)
    const missing = `Missing required parameter ${wire} in the post body`
    expect(expectTwilioError(await t.twilio(account, "POST", collection, {}), 400, 20001).message).toBe(missing)
    expect(expectTwilioError(await t.twilio(account, "POST", collection, { [wire]: "" }), 400, 20001).message).toBe(missing)
    const given = await value()
    const repeated = await t.request("POST", collection, {
      headers: { Authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: `${wire}=${given}&${wire}=${given}`
    })
    expect(expectTwilioError(repeated, 400, 20001).message).toBe(`${wire} must be given once; it was given 2 times`)
    for (const [text, code, message] of refused) {
      const answer = await t.twilio(account, "POST", collection, { [wire]: text })
      expect(expectTwilioError(answer, 400, code).message).toBe(message)
      expect((answer.json as { more_info: string }).more_info).toBe(moreInfoUrl(code))
    }
    const page = await t.twilio(account, "GET", collection)
    expect(Object.values(page.json as Record<string, unknown>).filter(Array.isArray), page.text).toStrictEqual([[]])
  })

  it("adds one: its raw body valid under the strict profile (and the official schema), listed under its page key; an unknown service is 404", async () => {
    const serviceSid = await newService()
    const collection = `/v1/Services/${serviceSid}/${resource.declaration.plural}`
    const created = await t.twilio(account, "POST", collection, { [createWire(resource)]: await value() })
    expect(created.status, created.text).toBe(201)
    const raw = await t.twilio(account, "GET", `${collection}/${(created.json as { sid: string }).sid}`)
    expect(Schema.decodeUnknownExit(strict(TWILIO_MESSAGING_BASE_URL) as unknown as Schema.Codec<unknown, unknown>)(raw.json)._tag, raw.text).toBe("Success")
    if (spec !== undefined) expectValidAgainstSpec(spec, raw.json)
    const page = (await t.twilio(account, "GET", collection)).json as Record<string, unknown> & { meta: { key: string } }
    expect([page.meta.key, (page[pageKey] as ReadonlyArray<unknown> | undefined)?.length]).toEqual([pageKey, 1])
    const unknown = `/v1/Services/MG${"0".repeat(32)}/${resource.declaration.plural}`
    expect(expectTwilioError(await t.twilio(account, "POST", unknown, { [createWire(resource)]: await value() }), 404, 20404).message)
      .toBe(`The requested resource ${unknown} was not found`)
  })
})
