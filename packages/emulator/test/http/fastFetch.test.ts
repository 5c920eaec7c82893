/**
 * The fast lane of `GET .../ShortCodes/{Sid}` must answer every request exactly as the application does, or decline
 * it. Two node:http servers share one emulator: one serves through the fast lane (counting what it served), the
 * other through the application only. Generated requests, good and bad, go to both; status, headers (but the date
 * and the request id's value), body and log line must be the same.
 */
import { request as httpRequest, createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { fc, test } from "@fast-check/vitest"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeFastFetch } from "../../src/http/fastFetch.js"
import { appListener, makeServer, type Emulator } from "../../src/Server.js"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../../src/Demo.js"
import { mkdtempSync, rmSync } from "node:fs"
import BetterSqlite3 from "better-sqlite3"
import { tmpdir } from "node:os"
import { join } from "node:path"

interface Answer {
  readonly status: number
  readonly headers: Record<string, string | Array<string> | undefined>
  readonly body: string
}

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-fast-fetch-"))
const lines: Array<string> = []
let emulator: Emulator
let withLane: Server
let appOnly: Server
let served = 0

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)))

const send = (port: number, method: string, path: string, headers: Record<string, string | Array<string>>) =>
  new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      let body = ""
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body })
      })
    })
    req.on("error", reject)
    req.end()
  })

/** What must be equal: the date changes by the second, the request id per request (its form must not). */
const comparable = (answer: Answer) => {
  const { date, "twilio-request-id": requestId, ...headers } = answer.headers
  expect(date).toBeTypeOf("string")
  const requestIdForm = typeof requestId === "string" && /^RQ[0-9a-f]{32}$/.test(requestId) ? "RQ + 32 hex digits" : requestId
  return { status: answer.status, headers, requestIdForm, body: answer.body }
}

/** A log line without its time stamp and duration. */
const logged = (line: string | undefined) => line?.replace(/^\S+ /, "").replace(/ [\d.]+ms$/, "")

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`
const OTHER_SERVICE = `MG${"b".repeat(32)}`
const collection = `/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`

beforeAll(async () => {
  emulator = makeServer({ database: join(folder, "fast.sqlite"), log: (line) => lines.push(line) })
  // SCaaa... in the demo service; SCbbb... owned but in no service; SCccc... in a second service of the account.
  const demo = { accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN }
  emulator.repository.insertService({ sid: OTHER_SERVICE as never, accountSid: demo.accountSid as never, friendlyName: "other" })
  emulator.repository.addShortCode(demo.accountSid as never, DEMO_SERVICE_SID as never, DEMO_SHORT_CODE_SIDS[0] as never)
  emulator.repository.addShortCode(demo.accountSid as never, OTHER_SERVICE as never, DEMO_SHORT_CODE_SIDS[2] as never)
  emulator.repository.insertAccount({ sid: `AC${"c".repeat(32)}` as never, authToken: "other-token" })
  const app = appListener(emulator)
  const fast = makeFastFetch({ repository: emulator.repository, publicBaseUrl: emulator.config.publicBaseUrl, log: emulator.config.log })
  withLane = createServer((req, res) => {
    if (fast(req, res)) served++
    else void app(req, res)
  })
  appOnly = createServer((req, res) => void app(req, res))
})
afterAll(async () => {
  await new Promise((resolve) => withLane.close(resolve))
  await new Promise((resolve) => appOnly.close(resolve))
  await emulator.close()
  rmSync(folder, { recursive: true, force: true })
})

/** Mostly `good`, sometimes one of `bad`: every field right in about a quarter of the requests. */
const mostly = <A>(good: A, ...bad: Array<A>) =>
  fc.oneof({ arbitrary: fc.constant(good), weight: 4 }, { arbitrary: fc.constantFrom(...bad), weight: 1 })

const request = fc.record({
  // No POST or DELETE: they change what the second request would see (the lane declines every method but GET).
  method: mostly("GET", "HEAD", "PUT", "OPTIONS", "get"),
  service: mostly(DEMO_SERVICE_SID, OTHER_SERVICE, `MG${"A".repeat(32)}`, `MG${"a".repeat(31)}`, `mg${"a".repeat(32)}`),
  // SCaaa... is in the demo service, SCbbb... in no service, SCccc... in the other service.
  sid: mostly(DEMO_SHORT_CODE_SIDS[0], DEMO_SHORT_CODE_SIDS[1], DEMO_SHORT_CODE_SIDS[2], `SC${"A".repeat(32)}`, `SC${"d".repeat(32)}`, "SC1", `PN${"a".repeat(32)}`),
  shape: mostly("plain", "query", "trailing-slash", "encoded", "double-slash", "collection"),
  authorization: mostly<string | Array<string>>(
    basic(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN),
    basic(DEMO_ACCOUNT_SID, "wrong"),
    basic(DEMO_ACCOUNT_SID, `${DEMO_AUTH_TOKEN} `),
    basic(`AC${"c".repeat(32)}`, "other-token"),
    basic(`AC${"e".repeat(32)}`, DEMO_AUTH_TOKEN),
    `basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")}`,
    `Basic  ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")} `,
    "Bearer x",
    "",
    [basic(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN), basic(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN)],
    [basic(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN), "Bearer x"]
  ),
  host: mostly("127.0.0.1", "localhost:4010", "[::1]:80", "example.com:99999", "a b", "", "xn--bcher-kva.example")
})

const pathOf = (r: { service: string; sid: string; shape: string }): string => {
  const base = `/v1/Services/${r.service}/ShortCodes`
  switch (r.shape) {
    case "query": return `${base}/${r.sid}?PageSize=1`
    case "trailing-slash": return `${base}/${r.sid}/`
    case "encoded": return `${base}/${r.sid.slice(0, 3)}%${r.sid.charCodeAt(3).toString(16)}${r.sid.slice(4)}`
    case "double-slash": return `/v1/Services/${r.service}//ShortCodes/${r.sid}`
    case "collection": return base
    default: return `${base}/${r.sid}`
  }
}

describe("the fast lane of GET .../ShortCodes/{Sid}", () => {
  it("serves the plain fetch of a short code in the service itself, with the application's answer", async () => {
    const ports = { lane: await listen(withLane), app: await listen(appOnly) }
    const headers = { Host: "127.0.0.1", Authorization: basic(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN) }
    const before = served
    const viaLane = await send(ports.lane, "GET", `${collection}/${DEMO_SHORT_CODE_SIDS[0]}`, headers)
    expect(served).toBe(before + 1)
    const viaApp = await send(ports.app, "GET", `${collection}/${DEMO_SHORT_CODE_SIDS[0]}`, headers)
    expect(viaLane.status).toBe(200)
    expect(comparable(viaLane)).toEqual(comparable(viaApp))
    expect(lines.map(logged).slice(-2)).toEqual([`GET ${collection}/${DEMO_SHORT_CODE_SIDS[0]} 200`, `GET ${collection}/${DEMO_SHORT_CODE_SIDS[0]} 200`])
  })

  test.prop([request], { numRuns: 300, interruptAfterTimeLimit: 60_000 })(
    "answers every request as the application alone does",
    async (r) => {
      const ports = { lane: withLane.listening ? (withLane.address() as AddressInfo).port : await listen(withLane), app: appOnly.listening ? (appOnly.address() as AddressInfo).port : await listen(appOnly) }
      const headers: Record<string, string | Array<string>> = { Host: r.host }
      if (r.authorization !== "") headers["Authorization"] = r.authorization
      const path = pathOf(r)
      const before = lines.length
      const viaLane = await send(ports.lane, r.method, path, headers)
      const between = lines.length
      const viaApp = await send(ports.app, r.method, path, headers)
      expect(comparable(viaLane)).toEqual(comparable(viaApp))
      expect(lines.slice(before, between).map(logged)).toEqual(lines.slice(between).map(logged))
    }
  )

  it("never serves a kept body after a write, by this process or by another connection to the file", async () => {
    const port = withLane.listening ? (withLane.address() as AddressInfo).port : await listen(withLane)
    const path = `${collection}/${DEMO_SHORT_CODE_SIDS[0]}`
    const headers = { Host: "127.0.0.1", Authorization: basic(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN) }
    const fetchIt = () => send(port, "GET", path, headers)
    const first = await fetchIt()
    expect(first.status).toBe(200)
    expect((await fetchIt()).body).toBe(first.body)

    // Another connection (another process would do the same) changes the short code's capabilities.
    const other = new BetterSqlite3(join(folder, "fast.sqlite"))
    other.prepare("UPDATE short_codes SET capabilities = ? WHERE sid = ?").run(JSON.stringify(["SMS", "MMS"]), DEMO_SHORT_CODE_SIDS[0])
    expect(JSON.parse((await fetchIt()).body).capabilities).toEqual(["SMS", "MMS"])

    // ... and the account's auth token: the old credentials no longer open anything.
    other.prepare("UPDATE accounts SET auth_token = 'rotated' WHERE sid = ?").run(DEMO_ACCOUNT_SID)
    expect((await fetchIt()).status).toBe(401)
    other.prepare("UPDATE accounts SET auth_token = ? WHERE sid = ?").run(DEMO_AUTH_TOKEN, DEMO_ACCOUNT_SID)
    other.close()
    expect((await fetchIt()).status).toBe(200)

    // This process removes it from the service: the next fetch is 404.
    const lanes = served
    emulator.repository.removeShortCode(DEMO_ACCOUNT_SID as never, DEMO_SERVICE_SID as never, DEMO_SHORT_CODE_SIDS[0])
    expect((await fetchIt()).status).toBe(404)
    expect(served).toBe(lanes)
    emulator.repository.addShortCode(DEMO_ACCOUNT_SID as never, DEMO_SERVICE_SID as never, DEMO_SHORT_CODE_SIDS[0] as never)
    expect((await fetchIt()).status).toBe(200)
    expect(served).toBe(lanes + 1)
  })

  it("served a share of the generated requests itself (the property above compared real fast answers)", () => {
    expect(served).toBeGreaterThan(20)
  })
})
