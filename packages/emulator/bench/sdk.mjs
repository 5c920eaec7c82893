// SDK round trips: the official twilio SDK against one emulator (`:memory:`, demo data, as test suites run it),
// once through makeInProcessHttpClient (the handler called directly) and once through makeTwilioHttpClient (the
// same handler served by startServer on 127.0.0.1). One round trip is a sequential add + fetch + remove of a demo
// short code, the SDK's own calls. The two are run alternately in rounds of SDK_SECONDS each (default 2, 3 rounds)
// and the median of each is compared. Prints its rows as JSON on the last line with --json; run after a build.
import twilio from "twilio"
import { startServer } from "../dist/index.mjs"
import { makeInProcessHttpClient, makeTwilioHttpClient } from "../dist/twilio.mjs"

const SECONDS = Number(process.env.SDK_SECONDS ?? 2)
const ROUNDS = 3
const ACCOUNT = `AC${"a".repeat(32)}`
const SERVICE = `MG${"a".repeat(32)}`
const SHORT_CODE = `SC${"a".repeat(32)}`

const server = await startServer({ port: 0, database: ":memory:", log: false, lightweightWebGlobals: false })
const clients = {
  "in-process": twilio(ACCOUNT, "demo-auth-token", { httpClient: makeInProcessHttpClient(server.emulator) }),
  loopback: twilio(ACCOUNT, "demo-auth-token", { httpClient: makeTwilioHttpClient(server.url) })
}

/** SDK calls per second over `SECONDS`, each round trip three calls. */
const measure = async (client) => {
  const shortCodes = client.messaging.v1.services(SERVICE).shortCodes
  const end = performance.now() + SECONDS * 1000
  let calls = 0
  while (performance.now() < end) {
    await shortCodes.create({ shortCodeSid: SHORT_CODE })
    await shortCodes(SHORT_CODE).fetch()
    await shortCodes(SHORT_CODE).remove()
    calls += 3
  }
  return calls / SECONDS
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
try {
  for (const client of Object.values(clients)) await measure(client) // warm-up
  const samples = { "in-process": [], loopback: [] }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, client] of Object.entries(clients)) samples[name].push(await measure(client))
  }
  const value = median(samples["in-process"])
  const baselineValue = median(samples.loopback)
  const rows = [{
    group: "service",
    figure: "SDK calls/s in-process (add, fetch, remove)",
    subject: "makeInProcessHttpClient",
    value,
    baseline: "same SDK over loopback HTTP (makeTwilioHttpClient)",
    baselineValue,
    unit: "req/s",
    ratio: value / baselineValue,
    goal: { min: 2 },
    note: `median of ${ROUNDS} rounds of ${SECONDS} s; in-process ${samples["in-process"].map(Math.round).join(", ")}, loopback ${samples.loopback.map(Math.round).join(", ")}`
  }]
  if (process.argv.includes("--json")) console.log(JSON.stringify(rows))
  else console.table(rows.map((r) => ({ figure: r.figure, value: Math.round(r.value), baseline: Math.round(r.baselineValue), ratio: r.ratio.toFixed(2) })))
} finally {
  await server.close()
}
