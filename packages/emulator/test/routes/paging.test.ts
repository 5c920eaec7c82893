import { fc, test } from "@fast-check/vitest"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { listIdentity } from "../../src/http/listQuery.js"
import { encodePageToken } from "../../src/store/Paging.js"
import { expectTwilioError, startTestServer, type TestAccount, type TestServer } from "../support/testServer.js"

let t: TestServer
/** Lists of several lengths, with gaps in their positions (items removed), on one account. */
let a: TestAccount
let lists: ReadonlyArray<{ readonly path: string; readonly size: number }>

const collection = (serviceSid: string) => `/v1/Services/${serviceSid}/ShortCodes`

beforeAll(async () => {
  t = await startTestServer()
  a = await t.makeAccount(7)
  const built: Array<{ path: string; size: number }> = [{ path: collection(a.serviceSid), size: 0 }]
  // A second service holding every short code, two of them then removed, and a third holding one.
  const created = await t.twilio(a, "POST", "/v1/Services", { FriendlyName: "seven" })
  const full = (created.json as { sid: string }).sid
  for (const sid of a.shortCodeSids.slice(0, 6)) expect((await t.twilio(a, "POST", collection(full), { ShortCodeSid: sid })).status).toBe(201)
  for (const sid of [a.shortCodeSids[0], a.shortCodeSids[3]]) expect((await t.twilio(a, "DELETE", `${collection(full)}/${sid}`)).status).toBe(204)
  built.push({ path: collection(full), size: 4 })
  const single = (await t.twilio(a, "POST", "/v1/Services", { FriendlyName: "one" })).json as { sid: string }
  expect((await t.twilio(a, "POST", collection(single.sid), { ShortCodeSid: a.shortCodeSids[6] as string })).status).toBe(201)
  built.push({ path: collection(single.sid), size: 1 })
  built.push({ path: "/v1/Services", size: 3 })
  lists = built
})
afterAll(async () => {
  await t.close()
})

type Meta = Record<"url" | "first_page_url" | "previous_page_url" | "next_page_url", string | null>

const get = async (path: string) => {
  const answer = await t.twilio(a, "GET", path)
  return { answer, meta: (answer.json as { meta?: Meta } | undefined)?.meta }
}

const position = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1), fc.maxSafeNat())
const start = fc.oneof(
  fc.record({ _tag: fc.constantFrom("After" as const, "Before" as const), position }),
  fc.record({ _tag: fc.constant("Page" as const), page: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(Number.MAX_SAFE_INTEGER)) })
)

describe("paging links", () => {
  it("PageToken at position 0 (before) and at the largest position (after) link only to pages that are served", async () => {
    const { path } = lists[1] as { path: string }
    const list = listIdentity(a.accountSid, path)
    for (const token of [encodePageToken({ _tag: "Before", position: 0 }, list), encodePageToken({ _tag: "After", position: Number.MAX_SAFE_INTEGER }, list)]) {
      const { answer, meta } = await get(`${path}?PageSize=1&Page=${Number.MAX_SAFE_INTEGER}&PageToken=${token}`)
      expect(answer.status, answer.text).toBe(200)
      for (const key of ["url", "first_page_url", "previous_page_url", "next_page_url"] as const) {
        const link = meta?.[key]
        if (link === null || link === undefined) continue
        const url = new URL(link)
        const followed = await t.twilio(a, "GET", url.pathname + url.search)
        expect(followed.status, `${key} ${link}: ${followed.text}`).toBe(200)
      }
    }
  })

  test.prop([fc.nat(), fc.integer({ min: 1, max: 5 }), start], { numRuns: 40 })(
    "every link (next, previous, first) of every page is accepted, and next walks to the end",
    async (which, pageSize, from) => {
      const { path, size } = lists[which % lists.length] as { path: string; size: number }
      const query = from._tag === "Page"
        ? `PageSize=${pageSize}&Page=${from.page}`
        : `PageSize=${pageSize}&PageToken=${encodePageToken(from, listIdentity(a.accountSid, path))}`
      const { answer, meta } = await get(`${path}?${query}`)
      expect(answer.status, answer.text).toBe(200)
      for (const key of ["first_page_url", "previous_page_url"] as const) {
        const link = meta?.[key]
        if (link === null || link === undefined) continue
        const url = new URL(link)
        const followed = await t.twilio(a, "GET", url.pathname + url.search)
        expect(followed.status, `${key} ${link}: ${followed.text}`).toBe(200)
      }
      // Following next from here ends within the list's length, every page accepted.
      let next = meta?.next_page_url ?? null
      for (let hops = 0; next !== null; hops++) {
        expect(hops, `next links from ${query} keep going`).toBeLessThanOrEqual(size)
        const url = new URL(next)
        const followed = await get(url.pathname + url.search)
        expect(followed.answer.status, `next_page_url ${next}: ${followed.answer.text}`).toBe(200)
        next = followed.meta?.next_page_url ?? null
      }
    }
  )
})

describe("PageToken is bound to its list", () => {
  const firstNext = async (path: string, account: TestAccount = a): Promise<string> => {
    const page = await t.twilio(account, "GET", `${path}?PageSize=1`)
    const next = (page.json as { meta: Meta }).meta.next_page_url
    expect(next, page.text).not.toBeNull()
    return new URL(next as string).searchParams.get("PageToken") as string
  }

  it("refuses a token of one service's list on another service's, and on the services list, with 400 20001 naming PageToken", async () => {
    const token = await firstNext((lists[1] as { path: string }).path)
    expect(token).toMatch(/^PA[0-9a-f]{32}$/)
    const other = (lists[2] as { path: string }).path
    const refused = expectTwilioError(await t.twilio(a, "GET", `${other}?PageToken=${token}`), 400, 20001)
    expect(refused.message).toBe(
      `Invalid parameter: PageToken. PageToken was issued for another list; it pages only the list whose next_page_url or previous_page_url it came from, not ${other}`
    )
    const services = expectTwilioError(await t.twilio(a, "GET", `/v1/Services?PageToken=${token}`), 400, 20001)
    expect(services.message).toBe(
      "Invalid parameter: PageToken. PageToken was issued for another list; it pages only the list whose next_page_url or previous_page_url it came from, not /v1/Services"
    )
  })

  it("refuses one account's services token on another account's services list", async () => {
    const token = await firstNext("/v1/Services")
    const b = await t.makeAccount(0)
    await t.twilio(b, "POST", "/v1/Services", { FriendlyName: "second" })
    expect((await t.twilio(b, "GET", `/v1/Services?PageToken=${await firstNext("/v1/Services", b)}`)).status).toBe(200)
    expectTwilioError(await t.twilio(b, "GET", `/v1/Services?PageToken=${token}`), 400, 20001)
  })

  it("refuses the old, unbound form of tokens as not issued by this server", async () => {
    const refused = expectTwilioError(await t.twilio(a, "GET", "/v1/Services?PageToken=PA1"), 400, 20001)
    expect(refused.message).toBe("Invalid parameter: PageToken. PageToken must be a token from a next_page_url or previous_page_url of this server")
  })
})
