/**
 * The kept answers on node:http as the command line entry serves them, with the adapter's lightweight `Request` and
 * `Response` in place of the globals (`lightweightWebGlobals`): `node dist/main.mjs` in a child process, since the
 * globals stay replaced for the rest of a process. The application's own answer, the kept answer on node:http and
 * the kept answer on the web path send the same header lines, in the same order and letter case (the adapter's
 * `Content-Length` before node:http's `Date`); only the date and the request id differ.
 */
import { request as httpRequest } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "../../src/Demo.js"
import { type ChildEmulator, spawnEmulator } from "../support/child.js"

const ADMIN_TOKEN = "lightweight-admin-token-0001"
const authorization = `Basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString("base64")}`
const collection = `/v1/Services/${DEMO_SERVICE_SID}/ShortCodes`
const fetchPath = `${collection}/${DEMO_SHORT_CODE_SIDS[0]}`
let child: ChildEmulator

/** Status, header lines in order (the date's and request id's values masked) and body of a GET of `path`. */
const get = (path: string) =>
  new Promise<{ readonly status: number; readonly lines: ReadonlyArray<string>; readonly body: string }>((resolve, reject) => {
    const req = httpRequest(`${child.url}${path}`, { headers: { authorization }, agent: false }, (res) => {
      let body = ""
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => {
        const lines: Array<string> = []
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i] as string
          lines.push(`${name}: ${["date", "twilio-request-id"].includes(name.toLowerCase()) ? "*" : res.rawHeaders[i + 1]}`)
        }
        resolve({ status: res.statusCode ?? 0, lines, body })
      })
    })
    req.on("error", reject)
    req.end()
  })

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${child.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  }).then((response) => response.status)

beforeAll(async () => {
  child = await spawnEmulator({ DB: ":memory:", ADMIN_TOKEN })
  const added = await fetch(`${child.url}${collection}`, {
    method: "POST",
    headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
    body: `ShortCodeSid=${DEMO_SHORT_CODE_SIDS[0]}`
  })
  expect(added.status).toBe(201)
})
afterAll(async () => {
  child.process.kill("SIGTERM")
  await child.exited
})

describe("kept answers with the adapter's lightweight globals (node dist/main.mjs)", () => {
  it("sends a kept answer, on node:http and on the web path, with the application's header lines", async () => {
    const made = await get(fetchPath)
    const onNode = await get(fetchPath)
    // A fault rule that meets nothing sends every request the full way.
    expect(await admin("POST", "/admin/faults", { method: "DELETE", path: "/nowhere", status: 503 })).toBe(201)
    const onWeb = await get(fetchPath)
    expect(await admin("DELETE", "/admin/faults")).toBe(204)
    expect(made.status).toBe(200)
    expect(made.lines).toEqual([
      "access-control-allow-credentials: false",
      "access-control-allow-headers: Content-Type, Authorization",
      "access-control-allow-methods: GET, POST, DELETE, OPTIONS",
      "access-control-allow-origin: *",
      "access-control-expose-headers: ETag, Twilio-Request-Id",
      "content-type: application/json",
      "twilio-request-id: *",
      `Content-Length: ${Buffer.byteLength(made.body)}`,
      "Date: *",
      "Connection: close"
    ])
    expect(onNode).toEqual(made)
    expect(onWeb).toEqual(made)
  })
})
