// The service load benchmark: the emulator started as users start it (`node packages/emulator/dist/main.mjs`, a real
// SQLite file in a temporary folder, configuration from the environment; and with DB=:memory:, as test suites run it),
// driven by autocannon on 127.0.0.1, next to the baselines of rawServer.mjs and, when it is installed, Prism mocking
// Twilio's official OpenAPI document (bench/twilio/twilio_messaging_v1.json, vendored unchanged) as users run it, and
// the trimmed document of prismDocument.mjs for context. Every scenario is bounded (LOAD_SECONDS per target, default
// 5, plus a 1 s warm-up) and runs subject and baseline alternately. LOAD_BEFORE=<path of another build's main.mjs>
// adds the same rows for that build (the code before a change) in the same run, marked "(before)".
// LOAD_ONLY=<comma-separated scenarios> runs only those of durable, fetch, same-bytes, list, prism (default: all), for a
// bounded comparison of one path on a shared machine.
// Prints its rows as JSON on the last line with --json (bench/run.mjs collects them); run after a build.
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"
import { prismDocument } from "./prismDocument.mjs"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const SECONDS = Number(process.env.LOAD_SECONDS ?? 5)
const WRITE_CONNECTIONS = 8
const READ_CONNECTIONS = 32
const hex = (digit) => digit.repeat(32)
const ACCOUNT = `AC${hex("a")}`
const SERVICE = `MG${hex("a")}`
const FETCHED = `SC${hex("a")}`
const auth = { authorization: `Basic ${Buffer.from(`${ACCOUNT}:demo-auth-token`).toString("base64")}` }
const collection = `/v1/Services/${SERVICE}/ShortCodes`
const log = (line) => process.stderr.write(`  ${line}\n`)
const SCENARIOS = ["durable", "fetch", "same-bytes", "list", "prism"]
const only = process.env.LOAD_ONLY?.split(",").map((name) => name.trim()).filter((name) => name !== "")
const unknown = only?.filter((name) => !SCENARIOS.includes(name)) ?? []
if (unknown.length > 0) throw new Error(`LOAD_ONLY names ${unknown.join(", ")}: the scenarios are ${SCENARIOS.join(", ")}`)
/** Whether scenario `name` runs (LOAD_ONLY). */
const runs = (name) => only === undefined || only.includes(name)

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `url` until `accept(status)`, or fails after `ms` with what the process wrote to `errFile`. */
const waitUntil = async (url, accept, ms, errFile) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { headers: auth })
      await response.arrayBuffer()
      if (accept(response.status)) return
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  throw new Error(`${url} did not come up within ${ms} ms:\n${existsSync(errFile) ? readFileSync(errFile, "utf8").slice(-2000) : ""}`)
}

/** A child process with stdout and stderr in files of `dir`, stopped with SIGTERM (then SIGKILL) by `stop`. */
const startChild = (dir, name, args, env = {}) => {
  const out = openSync(join(dir, `${name}.out.log`), "a")
  const err = openSync(join(dir, `${name}.err.log`), "a")
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", out, err] })
  closeSync(out)
  closeSync(err)
  const exited = new Promise((resolve) => child.once("exit", resolve))
  return {
    child,
    errFile: join(dir, `${name}.err.log`),
    outFile: join(dir, `${name}.out.log`),
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill("SIGTERM")
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000)
      await exited
      clearTimeout(timer)
    }
  }
}

const rssMiB = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1])
  return Math.round((kib / 1024) * 10) / 10
}

/** CPU time (user + system) a process has used so far, in milliseconds (`/proc/<pid>/stat`, in clock ticks of 10 ms). */
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** `run` with the CPU time `pid` spent during it recorded on its result (`cpuMs`). */
const timed = (pid, run) => async (seconds) => {
  const before = cpuMs(pid)
  const result = await run(seconds)
  return { ...result, cpuMs: cpuMs(pid) - before }
}

const json = async (response) => {
  const text = await response.text()
  if (!response.ok) throw new Error(`${response.status} ${response.url}: ${text}`)
  return text
}

/** One autocannon run; `requests` per connection come from `setupClient` when given. */
const cannon = (url, options) =>
  autocannon({ url, duration: SECONDS / 2, headers: auth, ...options })

const summarize = (runs) => {
  const duration = runs.reduce((sum, r) => sum + r.duration, 0)
  const total = runs.reduce((sum, r) => sum + r.requests.total, 0)
  return {
    reqPerSec: total / duration,
    p99: runs.reduce((sum, r) => sum + r.latency.p99, 0) / runs.length,
    non2xx: runs.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
    total,
    // The server's CPU time per request, where the runs were `timed`: steadier than req/s on a shared machine.
    cpuUsPerRequest: runs.every((r) => r.cpuMs !== undefined) ? (runs.reduce((sum, r) => sum + r.cpuMs, 0) * 1000) / total : undefined
  }
}

/** Subject and baseline alternately (b, s, s, b), each SECONDS/2 long after a 1 s warm-up of both. */
const compare = async (subject, baseline) => {
  await subject(1)
  await baseline(1)
  const s = [], b = []
  b.push(await baseline())
  s.push(await subject())
  s.push(await subject())
  b.push(await baseline())
  return { subject: summarize(s), baseline: summarize(b) }
}

/** A req/s row of a `compare` result; the note counts the subject's failed requests unless given. */
const throughputRow = ({ figure, subject, baseline, result, goal = null, note }) => ({
  group: "service",
  figure,
  subject,
  value: result.subject.reqPerSec,
  baseline,
  baselineValue: result.baseline.reqPerSec,
  unit: "req/s",
  ratio: result.subject.reqPerSec / result.baseline.reqPerSec,
  goal: goal === null ? null : { min: goal },
  note: note ?? `non-2xx or errors: ${result.subject.non2xx} of ${result.subject.total}`
})

/** The same runs as the server's CPU time per request, the baseline's over the subject's (higher is better, like the
 * throughput ratio): report only, and steadier than req/s on a shared machine. */
const cpuRow = ({ figure, subject, baseline, result }) => ({
  group: "service",
  figure: `${figure}, server CPU per request`,
  subject,
  value: result.subject.cpuUsPerRequest,
  baseline,
  baselineValue: result.baseline.cpuUsPerRequest,
  unit: "µs",
  ratio: result.baseline.cpuUsPerRequest / result.subject.cpuUsPerRequest,
  goal: null
})

const dir = mkdtempSync(join(tmpdir(), "shortcode-kit-load-"))
const children = []
const rows = []
try {
  const adminToken = randomBytes(24).toString("hex")
  /** An emulator process as `npm start` runs it (main.mjs reads HOST, PORT, DB and ADMIN_TOKEN from the environment). */
  const startApp = async (name, main, database) => {
    const port = await freePort()
    const app = startChild(dir, name, [main], { HOST: "127.0.0.1", PORT: String(port), DB: database, ADMIN_TOKEN: adminToken })
    children.push(app)
    const url = `http://127.0.0.1:${port}`
    await waitUntil(`${url}/v1/Services/${SERVICE}`, (status) => status === 200, 30_000, app.errFile)
    // State: SCaaa... in the demo service (the fetched resource), 50 more in it (a full list page), 64 outside it
    // for the add/remove cycles.
    const postBody = await json(await fetch(`${url}${collection}`, { method: "POST", headers: form, body: `ShortCodeSid=${FETCHED}` }))
    const addShortCode = async (number, inService) => {
      const body = { account_sid: ACCOUNT, short_code: String(number), country_code: "US", capabilities: ["SMS"], ...(inService ? { service_sid: SERVICE } : {}) }
      return JSON.parse(await json(await fetch(`${url}/admin/short-codes`, { method: "POST", headers: admin, body: JSON.stringify(body) }))).sid
    }
    for (let i = 0; i < 50; i++) await addShortCode(50_000 + i, true)
    const writeSids = []
    for (let i = 0; i < 64; i++) writeSids.push(await addShortCode(60_000 + i, false))
    return { app, url, postBody, writeSids }
  }
  const admin = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" }
  const form = { ...auth, "content-type": "application/x-www-form-urlencoded" }
  const main = join(root, "packages/emulator/dist/main.mjs")
  const before = process.env.LOAD_BEFORE
  const durable = await startApp("app", main, join(dir, "shortcode-kit.sqlite"))
  const memory = await startApp("memory", main, ":memory:")
  const durableBefore = before === undefined ? undefined : await startApp("before", before, join(dir, "before.sqlite"))
  const memoryBefore = before === undefined ? undefined : await startApp("before-memory", before, ":memory:")
  const { app, url: appUrl, postBody } = durable
  const rssAtStart = rssMiB(app.child.pid)
  log(`app up on ${appUrl} (RSS ${rssAtStart} MiB)`)
  const fetchPath = `${collection}/${FETCHED}`
  const listPath = `${collection}?PageSize=50`
  const fetchResponse = await fetch(`${appUrl}${fetchPath}`, { headers: auth })
  const fetchBody = await json(fetchResponse)
  // The app's own response headers, for the baseline that sends the same bytes (node:http adds the date and
  // connection headers itself).
  const fetchHeaders = Object.fromEntries([...fetchResponse.headers].filter(([name]) => !["date", "connection", "keep-alive"].includes(name)))
  const listBody = await json(await fetch(`${appUrl}${listPath}`, { headers: auth }))
  if (JSON.parse(listBody).short_codes.length !== 50) throw new Error("the list page does not hold 50 short codes")

  // The baselines, each in its own process like the app.
  const raw = startChild(dir, "raw", [join(root, "packages/emulator/bench/rawServer.mjs"), JSON.stringify({
    getBodies: { [fetchPath]: fetchBody, [listPath]: listBody },
    sameHeaders: { path: `/same-headers${fetchPath}`, headers: fetchHeaders },
    postBody,
    dataFile: join(dir, "raw-writes.log")
  })])
  children.push(raw)
  let rawPort
  for (let i = 0; i < 100 && rawPort === undefined; i++) {
    await sleep(50)
    rawPort = /listening (\d+)/.exec(existsSync(raw.outFile) ? readFileSync(raw.outFile, "utf8") : "")?.[1]
  }
  if (rawPort === undefined) throw new Error(`the raw baseline server did not start: ${readFileSync(raw.errFile, "utf8")}`)
  const rawUrl = `http://127.0.0.1:${rawPort}`

  // Each connection adds and removes its own short code, so every POST is a real insert and every DELETE a delete.
  const cycles = (url, writeSids = durable.writeSids) => {
    let next = 0
    const run = async (seconds) => {
      const result = await cannon(url, {
        connections: WRITE_CONNECTIONS,
        ...(seconds === undefined ? {} : { duration: seconds }),
        setupClient: (client) => {
          const sid = writeSids[next++ % writeSids.length]
          client.setRequests([
            { method: "POST", path: collection, headers: form, body: `ShortCodeSid=${sid}` },
            { method: "DELETE", path: `${collection}/${sid}`, headers: auth }
          ])
        }
      })
      // A run that stops between a POST and its DELETE leaves the short code in the service: take it out.
      await Promise.all(writeSids.map(async (sid) => (await fetch(`${url}${collection}/${sid}`, { method: "DELETE", headers: auth })).arrayBuffer()))
      return result
    }
    return run
  }
  const reads = (url, path) => (seconds) =>
    cannon(`${url}${path}`, { connections: READ_CONNECTIONS, ...(seconds === undefined ? {} : { duration: seconds }) })

  // The emulator's rows, and the same rows for the build before a change when LOAD_BEFORE names one.
  const builds = [{ label: "", durable, memory }, ...(before === undefined ? [] : [{ label: " (before)", durable: durableBefore, memory: memoryBefore }])]
  for (const build of runs("durable") ? builds : []) {
    log(`POST add + DELETE remove cycles (durable)${build.label}`)
    const write = await compare(cycles(build.durable.url, build.durable.writeSids), cycles(rawUrl))
    rows.push(throughputRow({
      figure: `POST add + DELETE remove cycles (durable), ${WRITE_CONNECTIONS} connections`,
      subject: `emulator${build.label} (SQLite WAL, group commit: one fdatasync per batch)`,
      baseline: "node:http + one fdatasync per POST/DELETE",
      result: write,
      goal: 0.5
    }))
  }

  let fetched
  for (const build of runs("fetch") ? builds : []) {
    log(`GET fetch${build.label}`)
    const result = await compare(timed(build.durable.app.child.pid, reads(build.durable.url, fetchPath)), timed(raw.child.pid, reads(rawUrl, fetchPath)))
    fetched ??= result
    rows.push(throughputRow({
      figure: `GET fetch, ${READ_CONNECTIONS} connections`,
      subject: `emulator${build.label}`,
      baseline: `node:http canned body (${Buffer.byteLength(fetchBody)} B)`,
      result,
      goal: 0.7
    }))
    rows.push(cpuRow({ figure: `GET fetch, ${READ_CONNECTIONS} connections`, subject: `emulator${build.label}`, baseline: "node:http canned body", result }))
  }
  if (fetched !== undefined) rows.push({
    group: "service",
    figure: `GET fetch p99 latency, ${READ_CONNECTIONS} connections`,
    subject: "emulator",
    value: fetched.subject.p99,
    baseline: "node:http canned body",
    baselineValue: fetched.baseline.p99,
    unit: "ms",
    ratio: fetched.subject.p99 / fetched.baseline.p99,
    goal: null
  })

  // Context for the figure above: the same baseline sending the app's own headers (the five CORS headers and a
  // request id that the contract requires), that is the same response bytes.
  if (runs("same-bytes")) {
    log("GET fetch vs node:http sending the same headers")
    const sameBytes = await compare(reads(appUrl, fetchPath), reads(rawUrl, `/same-headers${fetchPath}`))
    rows.push(throughputRow({
      figure: `GET fetch, ${READ_CONNECTIONS} connections, vs the same response bytes`,
      subject: "emulator",
      baseline: "node:http canned body and the app's headers",
      result: sameBytes
    }))
  }

  if (runs("list")) {
    log("GET list page of 50")
    const listed = await compare(reads(appUrl, listPath), reads(rawUrl, listPath))
    rows.push(throughputRow({
      figure: `GET list page of 50, ${READ_CONNECTIONS} connections`,
      subject: "emulator",
      baseline: `node:http canned body (${Buffer.byteLength(listBody)} B)`,
      result: listed
    }))
  }

  const rssAfter = rssMiB(app.child.pid)
  rows.push({
    group: "service",
    figure: "RSS after the load",
    subject: "emulator",
    value: rssAfter,
    baseline: "RSS after start",
    baselineValue: rssAtStart,
    unit: "MiB",
    ratio: rssAfter / rssAtStart,
    goal: null
  })
  await raw.stop()

  // Prism, if installed: the same add/remove cycles against its mock of Twilio's official document, as users run it
  // (the emulator with DB=:memory:, as test suites run it), and against the bench's trimmed document for context.
  const prismCli = join(root, "node_modules/@stoplight/prism-cli/dist/index.js")
  if (!runs("prism")) {
    // not asked for (LOAD_ONLY)
  } else if (existsSync(prismCli)) {
    const trimmed = join(dir, "twilio-shortcodes-openapi.json")
    writeFileSync(trimmed, JSON.stringify(prismDocument()))
    const documents = [
      { name: "official", file: fileURLToPath(new URL("./twilio/twilio_messaging_v1.json", import.meta.url)), what: "Twilio's official Messaging v1 document", goal: 10, builds },
      { name: "trimmed", file: trimmed, what: "the bench's trimmed document (3 operations)", goal: null, builds: builds.slice(0, 1) }
    ]
    for (const document of documents) {
      const prismPort = await freePort()
      const prism = startChild(dir, `prism-${document.name}`, [prismCli, "mock", "-h", "127.0.0.1", "-p", String(prismPort), "--errors", "false", "-v", "error", document.file])
      children.push(prism)
      const prismUrl = `http://127.0.0.1:${prismPort}`
      await waitUntil(`${prismUrl}${fetchPath}`, (status) => status === 200, 120_000, prism.errFile)
      for (const build of document.builds) {
        log(`Prism (${document.name} document): the same POST/DELETE cycles${build.label}`)
        const versusPrism = await compare(timed(build.memory.app.child.pid, cycles(build.memory.url, build.memory.writeSids)), timed(prism.child.pid, cycles(prismUrl)))
        const names = {
          figure: `POST add + DELETE remove cycles, ${WRITE_CONNECTIONS} connections, vs a mock`,
          subject: `emulator${build.label} (DB=:memory:)`,
          baseline: `Prism 5.14 mock of ${document.what}`,
          result: versusPrism
        }
        rows.push(throughputRow({
          ...names,
          goal: document.goal,
          note: `Prism non-2xx or errors: ${versusPrism.baseline.non2xx} of ${versusPrism.baseline.total}`
        }))
        // The CPU figure is the one a change to the write path moves first.
        rows.push(cpuRow(names))
      }
      await prism.stop()
    }
  } else {
    rows.push({
      group: "service",
      figure: "POST add + DELETE remove cycles vs Prism",
      subject: "emulator",
      value: null,
      baseline: "Prism (not installed)",
      baselineValue: null,
      unit: "req/s",
      ratio: null,
      goal: { min: 10 },
      note: "not measurable: @stoplight/prism-cli is not installed"
    })
  }
  await app.stop()
} finally {
  for (const child of children) await child.stop()
  rmSync(dir, { recursive: true, force: true })
}

if (process.argv.includes("--json")) console.log(JSON.stringify(rows))
else console.table(rows.map((r) => ({ figure: r.subject === "emulator" ? r.figure : `${r.figure} [${r.subject}]`, value: r.value?.toFixed(1), baseline: r.baseline, "baseline value": r.baselineValue?.toFixed(1), unit: r.unit, ratio: r.ratio?.toFixed(2), goal: r.goal ? `>= ${r.goal.min}` : "report", note: r.note ?? "" })))
