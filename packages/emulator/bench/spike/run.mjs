// The spike's measurement of issue 13, kept with its figures in the report: for each server named on the command
// line ("effect" = spike A, bench/spike/effectApi.mjs; "emulator" = dist/main.mjs with DB=:memory:, the Hono routes
// derived from the HttpApi, spike B), the Twilio fidelity checks and then bounded autocannon runs on 127.0.0.1:
// GET fetch at 32 connections and POST/DELETE cycles at 8. SPIKE_SECONDS per run (default 3). Run after a build:
//   node bench/spike/run.mjs effect emulator
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const SECONDS = Number(process.env.SPIKE_SECONDS ?? 3)
const ACCOUNT = `AC${"a".repeat(32)}`
const SERVICE = `MG${"a".repeat(32)}`
const FETCHED = `SC${"a".repeat(32)}`
const CYCLED = `SC${"b".repeat(32)}`
const auth = { authorization: `Basic ${Buffer.from(`${ACCOUNT}:demo-auth-token`).toString("base64")}` }
const form = { ...auth, "content-type": "application/x-www-form-urlencoded" }
const collection = `/v1/Services/${SERVICE}/ShortCodes`

const servers = {
  effect: { args: [here("./effectApi.mjs")], env: {} },
  emulator: { args: [process.env.SPIKE_EMULATOR_MAIN ?? here("../../dist/main.mjs")], env: { HOST: "127.0.0.1", PORT: "0", DB: ":memory:", LOG: "off" } }
}

const start = (name) =>
  new Promise((resolve, reject) => {
    const { args, env } = servers[name]
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${out}`)), 20_000)
    const onData = (chunk) => {
      out += chunk
      const port = /listening (\d+)|127\.0\.0\.1:(\d+)/.exec(out)
      if (port !== null) {
        clearTimeout(timer)
        resolve({ url: `http://127.0.0.1:${port[1] ?? port[2]}`, stop: () => child.kill("SIGTERM") })
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
  })

const CORS = "access-control-allow-origin"
const big = `ShortCodeSid=${CYCLED}&x=${"a".repeat(70_000)}`
const checks = [
  ["a repeated ShortCodeSid is 400 20001", { method: "POST", path: collection, headers: form, body: `ShortCodeSid=${CYCLED}&ShortCodeSid=${CYCLED}` }, (r, b) => r.status === 400 && b?.code === 20001],
  ["a malformed path SID is 404 20404", { method: "GET", path: `${collection}/SC-not-a-sid`, headers: auth }, (r, b) => r.status === 404 && b?.code === 20404],
  ["an unsupported method is 405 20004 with Allow", { method: "PUT", path: `${collection}/${FETCHED}`, headers: auth }, (r, b) => r.status === 405 && b?.code === 20004 && r.headers.has("allow")],
  ["a form body over the limit is 413", { method: "POST", path: collection, headers: form, body: big }, (r, b) => r.status === 413 && b?.status === 413],
  ["no credentials is 401 20003", { method: "GET", path: `${collection}/${FETCHED}` }, (r, b) => r.status === 401 && b?.code === 20003]
]

const fidelity = async (url) => {
  const results = []
  for (const [name, { method, path, headers, body }, ok] of checks) {
    const response = await fetch(`${url}${path}`, { method, headers, body })
    const text = await response.text()
    let parsed
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    const cors = response.headers.has(CORS)
    results.push({ check: name, pass: ok(response, parsed) && cors, got: `${response.status} ${text.slice(0, 60)}${cors ? "" : " (no CORS)"}` })
  }
  return results
}

const rate = async (options) => {
  const result = await autocannon({ duration: SECONDS, ...options })
  return { reqPerSec: Math.round(result.requests.total / result.duration), non2xx: result.non2xx + result.errors }
}

for (const name of process.argv.slice(2)) {
  const server = await start(name)
  try {
    const added = await fetch(`${server.url}${collection}`, { method: "POST", headers: form, body: `ShortCodeSid=${FETCHED}` })
    if (added.status !== 201) throw new Error(`${name}: could not add the fetched short code: ${added.status} ${await added.text()}`)
    console.log(name, "fidelity")
    console.table(await fidelity(server.url))
    const get = await rate({ url: `${server.url}${collection}/${FETCHED}`, connections: 32, headers: auth })
    const cycles = await rate({
      url: server.url,
      connections: 1,
      requests: [
        { method: "POST", path: collection, headers: form, body: `ShortCodeSid=${CYCLED}` },
        { method: "DELETE", path: `${collection}/${CYCLED}`, headers: auth }
      ]
    })
    console.log(JSON.stringify({ server: name, getFetch32: get, postDeleteCycles1: cycles }))
  } finally {
    server.stop()
  }
}
