/**
 * The one response cache of GET answers (src/http/responseCache.ts), held to the application's answers: a real
 * node:http server of an emulator on a SQLite file in a temporary folder. Generated requests, good and bad, are each
 * sent twice in a row (the second may be a kept answer, sent on node:http before any web request is built): status,
 * header lines in their order (but the date and the request id's value), body and log line must be the same, and
 * every request has its journal entry. Writes by this process or by another
 * connection to the file end every kept answer; fault rules still meet every request.
 */
import { spawnSync } from "node:child_process"
import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import { type AddressInfo, connect, type Socket } from "node:net"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fc, test } from "@fast-check/vitest"
import BetterSqlite3 from "better-sqlite3"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { markAuthenticated } from "../../src/http/auth.js"
import { getRequestListener, type HttpBindings } from "@hono/node-server"
import { makeResponseCache, withResponseCache } from "../../src/http/responseCache.js"
import { appListener, makeServer, type Emulator } from "../../src/Server.js"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../../src/Demo.js"
import { SHORT_CODE } from "../../src/store/SenderKinds.js"

interface Answer {
  readonly status: number
  readonly headers: Record<string, string | Array<string> | undefined>
  /** The header lines in the order they came, names as sent. */
  readonly rawHeaders: ReadonlyArray<string>
  readonly body: string
}

const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-response-cache-"))
const lines: Array<string> = []
let emulator: Emulator
let server: Server
let port = 0

const send = (method: string, path: string, headers: Record<string, string | Array<string>>) =>
  new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      let body = ""
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body })
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

/** The header lines as sent, in order, with the date's and the request id's values masked. */
const headerLines = (answer: Answer): Array<string> => {
  const lines: Array<string> = []
  for (let i = 0; i < answer.rawHeaders.length; i += 2) {
    const name = answer.rawHeaders[i] as string
    lines.push(`${name}: ${["date", "twilio-request-id"].includes(name.toLowerCase()) ? "*" : answer.rawHeaders[i + 1]}`)
  }
  return lines
}

/** A journal entry without what differs between two requests (their time and duration). */
const journaled = ({ at, duration_ms, ...entry }: { readonly at: string; readonly duration_ms: number }) => {
  expect([typeof at, typeof duration_ms]).toEqual(["string", "number"])
  return entry
}

/** A log line without its time stamp and duration. */
const logged = (line: string | undefined) => line?.replace(/^\S+ /, "").replace(/ [\d.]+ms$/, "")

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`
const OTHER_SERVICE = `MG${"b".repeat(32)}`
const collection = `/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`
const fetchPath = `${collection}/${DEMO_SHORT_CODE_SIDS[0]}`
const demoHeaders = { Host: "127.0.0.1", Authorization: basic(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN) }

beforeAll(async () => {
  emulator = makeServer({ database: join(folder, "cache.sqlite"), log: (line) => lines.push(line) })
  // SCaaa... in the demo service; SCbbb... owned but in no service; SCccc... in a second service of the account.
  const demo = { accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN }
  emulator.repository.insertService({ sid: OTHER_SERVICE as never, accountSid: demo.accountSid as never, friendlyName: "other" })
  emulator.repository.addSender(SHORT_CODE, demo.accountSid as never, DEMO_SERVICE_SID as never, DEMO_SHORT_CODE_SIDS[0] as never)
  emulator.repository.addSender(SHORT_CODE, demo.accountSid as never, OTHER_SERVICE as never, DEMO_SHORT_CODE_SIDS[2] as never)
  emulator.repository.insertAccount({ sid: `AC${"c".repeat(32)}` as never, authToken: "other-token" })
  // As startServer serves it: other connections' version read once per turn of the event loop.
  const app = appListener(emulator, () => true)
  server = createServer((req, res) => void app(req, res))
  port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)))
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await emulator.close()
  rmSync(folder, { recursive: true, force: true })
})

/** Mostly `good`, sometimes one of `bad`: every field right in about a quarter of the requests. */
const mostly = <A>(good: A, ...bad: Array<A>) =>
  fc.oneof({ arbitrary: fc.constant(good), weight: 4 }, { arbitrary: fc.constantFrom(...bad), weight: 1 })

const request = fc.record({
  // No POST or DELETE: they change what the second request would see.
  method: mostly("GET", "HEAD", "PUT", "OPTIONS", "get"),
  service: mostly(DEMO_SERVICE_SID, OTHER_SERVICE, `MG${"A".repeat(32)}`, `MG${"a".repeat(31)}`, `mg${"a".repeat(32)}`),
  // SCaaa... is in the demo service, SCbbb... in no service, SCccc... in the other service.
  sid: mostly(DEMO_SHORT_CODE_SIDS[0], DEMO_SHORT_CODE_SIDS[1], DEMO_SHORT_CODE_SIDS[2], `SC${"A".repeat(32)}`, `SC${"d".repeat(32)}`, "SC1", `PN${"a".repeat(32)}`),
  shape: mostly("plain", "query", "trailing-slash", "encoded", "double-slash", "collection", "services"),
  authorization: mostly<string | Array<string>>(
    basic(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN),
    basic(DEMO_ACCOUNT_SID, "wrong"),
    basic(DEMO_ACCOUNT_SID, `${DEMO_AUTH_TOKEN} `),
    basic(`AC${"c".repeat(32)}`, "other-token"),
    basic(`AC${"e".repeat(32)}`, DEMO_AUTH_TOKEN),
    `basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")}`,
    "Bearer x",
    "",
    [basic(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN), basic(DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN)]
  ),
  host: mostly("127.0.0.1", "localhost:4010", "[::1]:80", "example.com:99999", "xn--bcher-kva.example")
})

const pathOf = (r: { service: string; sid: string; shape: string }): string => {
  const base = `/v1/Services/${r.service}/ShortCodes`
  switch (r.shape) {
    case "query": return `${base}?PageSize=1`
    case "trailing-slash": return `${base}/${r.sid}/`
    case "encoded": return `${base}/${r.sid.slice(0, 3)}%${r.sid.charCodeAt(3).toString(16)}${r.sid.slice(4)}`
    case "double-slash": return `/v1/Services/${r.service}//ShortCodes/${r.sid}`
    case "collection": return base
    case "services": return `/v1/Services/${r.service}`
    default: return `${base}/${r.sid}`
  }
}

describe("the response cache of GET answers", () => {
  it("answers a repeated fetch with the application's answer, a fresh request id, a log line and a journal entry each time", async () => {
    emulator.clearRequests()
    const first = await send("GET", fetchPath, demoHeaders)
    const second = await send("GET", fetchPath, demoHeaders)
    expect(first.status).toBe(200)
    expect(comparable(second)).toEqual(comparable(first))
    expect(second.headers["twilio-request-id"]).not.toBe(first.headers["twilio-request-id"])
    expect(lines.map(logged).slice(-2)).toEqual([`GET ${fetchPath} 200`, `GET ${fetchPath} 200`])
    expect(emulator.requests().map((r) => [r.method, r.path, r.status, r.account_sid])).toEqual([
      ["GET", fetchPath, 200, DEMO_ACCOUNT_SID],
      ["GET", fetchPath, 200, DEMO_ACCOUNT_SID]
    ])
  })

  test.prop([request], { numRuns: 200, interruptAfterTimeLimit: 60_000 })(
    "answers every request the second time exactly as the first",
    async (r) => {
      const headers: Record<string, string | Array<string>> = { Host: r.host }
      if (r.authorization !== "") headers["Authorization"] = r.authorization
      const path = pathOf(r)
      const before = lines.length
      const first = await send(r.method, path, headers)
      const between = lines.length
      const second = await send(r.method, path, headers)
      expect(comparable(second)).toEqual(comparable(first))
      expect(headerLines(second)).toEqual(headerLines(first))
      expect(lines.slice(between).map(logged)).toEqual(lines.slice(before, between).map(logged))
    }
  )

  it("never answers a kept answer to a request with the same credentials twice, which the application refuses", async () => {
    expect((await send("GET", fetchPath, demoHeaders)).status).toBe(200)
    expect((await send("GET", fetchPath, demoHeaders)).status).toBe(200)
    const twice = await send("GET", fetchPath, { ...demoHeaders, Authorization: [demoHeaders.Authorization, demoHeaders.Authorization] })
    expect(twice.status).toBe(401)
  })

  it("never answers a kept answer after a write, by this process or by another connection to the file", async () => {
    const fetchIt = () => send("GET", fetchPath, demoHeaders)
    const first = await fetchIt()
    expect(first.status).toBe(200)
    expect((await fetchIt()).body).toBe(first.body)

    // Another connection (another process would do the same) changes the short code's capabilities.
    const other = new BetterSqlite3(join(folder, "cache.sqlite"))
    other.prepare("UPDATE short_codes SET capabilities = ? WHERE sid = ?").run(JSON.stringify(["SMS", "MMS"]), DEMO_SHORT_CODE_SIDS[0])
    expect(JSON.parse((await fetchIt()).body).capabilities).toEqual(["SMS", "MMS"])

    // ... and the account's auth token: the old credentials no longer open anything.
    other.prepare("UPDATE accounts SET auth_token = 'rotated' WHERE sid = ?").run(DEMO_ACCOUNT_SID)
    expect((await fetchIt()).status).toBe(401)
    other.prepare("UPDATE accounts SET auth_token = ? WHERE sid = ?").run(DEMO_AUTH_TOKEN, DEMO_ACCOUNT_SID)
    other.close()
    expect((await fetchIt()).status).toBe(200)

    // This process removes it from the service: the next fetch is 404, and 200 again once it is back.
    emulator.repository.removeSender(SHORT_CODE, DEMO_ACCOUNT_SID as never, DEMO_SERVICE_SID as never, DEMO_SHORT_CODE_SIDS[0])
    expect((await fetchIt()).status).toBe(404)
    emulator.repository.addSender(SHORT_CODE, DEMO_ACCOUNT_SID as never, DEMO_SERVICE_SID as never, DEMO_SHORT_CODE_SIDS[0] as never)
    expect((await fetchIt()).status).toBe(200)
  })

  it("never keeps an answer of the admin surface, whose fault rules are not in the database", async () => {
    const admin = { Host: "127.0.0.1", Authorization: `Bearer ${emulator.config.adminToken}` }
    const before = JSON.parse((await send("GET", "/admin/faults", admin)).body).faults
    emulator.faults.add({ method: "GET", path: "/nowhere", status: 503 })
    const after = JSON.parse((await send("GET", "/admin/faults", admin)).body).faults
    emulator.faults.clear()
    expect([before.length, after.length]).toEqual([0, 1])
  })

  it("answers a kept GET on node:http, before any web request, exactly as the full path does", async () => {
    emulator.clearRequests()
    const path = `${collection}?PageSize=2&Page=0`
    const before = lines.length
    // The application's answer (kept), the kept answer on node:http, and the kept answer on the web path (a fault
    // rule that meets nothing sends every request the full way).
    const made = await send("GET", path, demoHeaders)
    const onNode = await send("GET", path, demoHeaders)
    emulator.faults.add({ method: "DELETE", path: "/nowhere", status: 503 })
    const onWeb = await send("GET", path, demoHeaders)
    emulator.faults.clear()
    expect(made.status).toBe(200)
    expect(comparable(onNode)).toEqual(comparable(made))
    expect(comparable(onWeb)).toEqual(comparable(made))
    expect(headerLines(onNode)).toEqual(headerLines(onWeb))
    expect(headerLines(onNode)).toEqual(headerLines(made))
    expect(new Set([made, onNode, onWeb].map((answer) => answer.headers["twilio-request-id"])).size).toBe(3)
    expect(lines.slice(before).map(logged)).toEqual([`GET ${collection} 200`, `GET ${collection} 200`, `GET ${collection} 200`])
    const entries = emulator.requests().map(journaled)
    expect(entries).toEqual([entries[0], entries[0], entries[0]])
    expect(entries[0]).toEqual({
      method: "GET",
      path: collection,
      query: { PageSize: "2", Page: "0" },
      form: {},
      account_sid: DEMO_ACCOUNT_SID,
      status: 200,
      code: null
    })
  })

  it("never answers a kept answer on node:http after another process wrote to the file", async () => {
    const fetchIt = () => send("GET", fetchPath, demoHeaders)
    const first = await fetchIt()
    expect(JSON.parse((await fetchIt()).body).capabilities).toEqual(JSON.parse(first.body).capabilities)
    const script = [
      "const Database = require('better-sqlite3')",
      "const db = new Database(process.argv[1])",
      "db.prepare('UPDATE short_codes SET capabilities = ? WHERE sid = ?').run(process.argv[2], process.argv[3])",
      "db.close()"
    ].join(";")
    const written = spawnSync(process.execPath, ["-e", script, join(folder, "cache.sqlite"), JSON.stringify(["MMS"]), DEMO_SHORT_CODE_SIDS[0]], { encoding: "utf8" })
    expect(written.stderr).toBe("")
    expect(written.status).toBe(0)
    expect(JSON.parse((await fetchIt()).body).capabilities).toEqual(["MMS"])
    expect(JSON.parse((await fetchIt()).body).capabilities).toEqual(["MMS"])
  })

  it("never answers a pipelined GET sent after another connection's commit from the version its turn read first", async () => {
    const raw = (extra = "") =>
      `GET ${fetchPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${demoHeaders.Authorization}\r\n${extra}\r\n`
    const open = () => new Promise<Socket>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => resolve(socket))
    })
    const capabilitiesIn = (text: string) => [...text.matchAll(/"capabilities":(\[[^\]]*\])/g)].map((m) => JSON.parse(m[1] as string) as unknown)
    const x = await open()
    const y = await open()
    let onY = ""
    y.setEncoding("utf8").on("data", (chunk: string) => (onY += chunk))
    x.resume()
    const other = new BetterSqlite3(join(folder, "cache.sqlite"))
    const before = JSON.parse((await send("GET", fetchPath, demoHeaders)).body).capabilities as unknown
    expect((await send("GET", fetchPath, demoHeaders)).status).toBe(200)
    // X's request reads the turn's version; then another connection commits, and Y's client, told so, sends a second
    // GET behind the first one Y already has on its way: node:http reads both from Y in the same turn.
    const trigger = (request: IncomingMessage) => {
      if (request.headers["x-trigger"] !== "1") return
      other.prepare("UPDATE short_codes SET capabilities = ? WHERE sid = ?").run(JSON.stringify(["Voice"]), DEMO_SHORT_CODE_SIDS[0])
      y.write(raw("X-Seq: after\r\n"))
    }
    server.on("request", trigger)
    try {
      x.write(raw("X-Trigger: 1\r\n"))
      y.write(raw("X-Seq: before\r\n"))
      for (let i = 0; i < 100 && capabilitiesIn(onY).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10))
      const answers = capabilitiesIn(onY)
      expect(answers).toHaveLength(2)
      // The first may still be the old answer (it was sent before the commit); the second never is.
      expect([before, ["Voice"]]).toContainEqual(answers[0])
      expect(answers[1]).toEqual(["Voice"])
    } finally {
      server.off("request", trigger)
      other.prepare("UPDATE short_codes SET capabilities = ? WHERE sid = ?").run(JSON.stringify(before), DEMO_SHORT_CODE_SIDS[0])
      other.close()
      x.destroy()
      y.destroy()
    }
  })

  it("lets a fault rule meet a request whose answer is kept", async () => {
    expect((await send("GET", fetchPath, demoHeaders)).status).toBe(200)
    expect((await send("GET", fetchPath, demoHeaders)).status).toBe(200)
    emulator.faults.add({ method: "GET", path: fetchPath, status: 503, times: 1 })
    const faulted = await send("GET", fetchPath, demoHeaders)
    expect(faulted.status).toBe(503)
    expect(JSON.parse(faulted.body).status).toBe(503)
    expect((await send("GET", fetchPath, demoHeaders)).status).toBe(200)
    emulator.faults.clear()
  })
})

describe("withResponseCache", () => {
  const counting = () => {
    let calls = 0
    let version = "1"
    const cached = withResponseCache(async (request: Request) => {
      calls++
      // What the application's authentication does for a Twilio account's request.
      if (request.headers.get("authorization") !== null) markAuthenticated(request, `AC${calls}`)
      return new Response(`{"n":${calls}}`, { status: 200, headers: { "content-type": "application/json", "twilio-request-id": "RQapp" } })
    }, { othersVersion: () => 0, ownChanges: () => Number(version), bypass: () => false, requestId: () => `RQ${calls}`, log: undefined })
    return { cached, calls: () => calls, write: () => (version = String(Number(version) + 1)) }
  }

  it("calls the application once for a repeated GET of the same URL and credentials, and again after a change", async () => {
    const { cached, calls, write } = counting()
    const get = (url: string, authorization = "Basic a") => cached(new Request(url, { headers: { authorization } }))
    expect(await (await get("http://h/x")).text()).toBe('{"n":1}')
    const kept = await get("http://h/x")
    expect(await kept.text()).toBe('{"n":1}')
    expect(kept.headers.get("twilio-request-id")).toBe("RQ1")
    expect(kept.headers.get("content-type")).toBe("application/json")
    expect(calls()).toBe(1)
    // Another query, other credentials: their own answers.
    await get("http://h/x?PageSize=1")
    await get("http://h/x", "Basic b")
    expect(calls()).toBe(3)
    write()
    expect(await (await get("http://h/x")).text()).toBe('{"n":4}')
  })

  it("keeps no body larger than an eighth of its budget, and starts over when the budget is spent", async () => {
    let calls = 0
    const cached = withResponseCache(async (request: Request) => {
      calls++
      markAuthenticated(request, "AC1")
      return new Response(new URL(request.url).pathname === "/big" ? "x".repeat(200) : "x".repeat(100), { status: 200 })
    }, { othersVersion: () => 1, ownChanges: () => 1, bypass: () => false, requestId: () => "RQ", log: undefined, maxChars: 800 })
    const get = (path: string) => cached(new Request(`http://h${path}`, { headers: { authorization: "Basic a" } }))
    await get("/big")
    await get("/big")
    expect(calls).toBe(2)
    for (const path of ["/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8"]) await get(path)
    await get("/1")
    expect(calls).toBe(10)
    // A ninth 100-character body would pass the budget: the cache starts over with it, so /1 is made again.
    await get("/9")
    await get("/9")
    expect(calls).toBe(11)
    await get("/1")
    expect(calls).toBe(12)
  })

  it("answers on node:http, under the same key, what the web path kept, and leaves every other request to it", async () => {
    let calls = 0
    const hits: Array<unknown> = []
    const cache = makeResponseCache({ othersVersion: () => 1, ownChanges: () => 1, bypass: () => false, requestId: () => "RQkept", log: undefined })
    const cached = cache.wrap(async (request: Request) => {
      calls++
      markAuthenticated(request, "AC1")
      return new Response(`{"n":${calls}}`, { status: 200, headers: { "content-type": "application/json" } })
    })
    const web = getRequestListener(async (request, env) => cached(request, env as HttpBindings), { overrideGlobalObjects: false })
    const answered: Array<boolean> = []
    const node = createServer((req, res) => {
      const done = cache.answerNode(req, res, performance.now(), (hit) => hits.push(hit))
      answered.push(done)
      if (!done) void web(req, res)
    })
    const nodePort = await new Promise<number>((resolve) => node.listen(0, "127.0.0.1", () => resolve((node.address() as AddressInfo).port)))
    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<string>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port: nodePort, path, headers: { authorization: "Basic a", ...headers }, agent: false }, (res) => {
          let body = ""
          res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve(`${res.headers["twilio-request-id"] ?? ""} ${body}`))
        })
        req.on("error", reject)
        req.end(headers["content-length"] === undefined ? undefined : "x")
      })
    try {
      expect(await get("/x?a=1")).toBe(' {"n":1}')
      expect(await get("/x?a=1")).toBe('RQkept {"n":1}')
      // Other credentials, another query, a body: the web path.
      expect(await get("/x?a=1", { authorization: "Basic b" })).toBe(' {"n":2}')
      expect(await get("/x?a=2")).toBe(' {"n":3}')
      expect(await get("/x?a=1", { "content-length": "1" })).toBe('RQkept {"n":1}')
      expect(answered).toEqual([false, true, false, false, false])
      expect(hits).toEqual([{ url: `http://127.0.0.1:${nodePort}/x?a=1`, target: "/x?a=1", status: 200, accountSid: "AC1" }])
    } finally {
      await new Promise((resolve) => node.close(resolve))
    }
  })

  it("on node:http, reads other connections' version once per turn for each connection's first request, afresh for its next ones, and this connection's changes on every request", async () => {
    let others = 1
    let own = 1
    let othersReads = 0
    let calls = 0
    const cache = makeResponseCache({ othersVersion: () => (othersReads++, others), ownChanges: () => own, bypass: () => false, requestId: () => "RQ", log: undefined })
    const cached = cache.wrap(async (request: Request) => {
      calls++
      markAuthenticated(request, "AC1")
      return new Response(`{"n":${calls}}`, { status: 200 })
    })
    const make = () => cached(new Request("http://h/x", { headers: { authorization: "Basic a" } }))
    // What answerNode reads of node's request (on `connection`, a new one unless given) and writes to its response.
    const incoming = (connection: object) => ({ method: "GET", url: "/x", headers: { host: "h" }, rawHeaders: ["Host", "h", "Authorization", "Basic a"], socket: connection }) as unknown as IncomingMessage
    const sent: Array<string> = []
    const outgoing = () => ({ writeHead: () => undefined, end: (bytes: Buffer) => sent.push(bytes.toString()) }) as unknown as ServerResponse
    const answer = (oncePerTurn: boolean, connection: object = {}) => cache.answerNode(incoming(connection), outgoing(), 0, () => undefined, oncePerTurn)
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

    await make()
    await nextTurn()
    othersReads = 0
    expect([answer(true), answer(true), answer(true)]).toEqual([true, true, true])
    expect(othersReads).toBe(1)
    // Another connection commits during the turn. The first request of a connection read in this turn began before
    // the turn's wait for I/O returned, so before the commit: the turn's version answers it. The next turn's see it.
    others = 2
    expect(answer(true)).toBe(true)
    await nextTurn()
    expect(answer(true)).toBe(false)
    expect(othersReads).toBe(2)
    await make()
    expect(sent).toEqual(['{"n":1}', '{"n":1}', '{"n":1}', '{"n":1}'])
    // A connection's second request in a turn (pipelined) may have been sent after the commit: it reads afresh.
    await nextTurn()
    othersReads = 0
    const pipelined = {}
    expect(answer(true, pipelined)).toBe(true)
    others = 3
    expect(answer(true)).toBe(true)
    expect(othersReads).toBe(1)
    expect(answer(true, pipelined)).toBe(false)
    expect(othersReads).toBe(2)
    await make()
    // This connection's own write counts at once, in the same turn.
    await nextTurn()
    expect(answer(true)).toBe(true)
    own = 2
    expect(answer(true)).toBe(false)
    await make()
    // Not told it may: every request reads other connections' version.
    await nextTurn()
    othersReads = 0
    expect([answer(false), answer(false), answer(false)]).toEqual([true, true, true])
    expect(othersReads).toBe(3)
    others = 4
    expect(answer(false)).toBe(false)
  })

  it("never keeps an answer to another method, or one no Twilio account was authenticated for", async () => {
    const { cached, calls } = counting()
    await cached(new Request("http://h/x", { method: "DELETE", headers: { authorization: "Basic a" } }))
    await cached(new Request("http://h/x", { method: "DELETE", headers: { authorization: "Basic a" } }))
    expect(calls()).toBe(2)
    await cached(new Request("http://h/x"))
    await cached(new Request("http://h/x"))
    expect(calls()).toBe(4)
  })
})
