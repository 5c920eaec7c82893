// How long a reset takes (`emulator.reset()`: delete every row, reload the demo data, sync to the disk), for an
// in-memory database and for a SQLite file, each time after a few writes to undo.
// Run after building: node bench/reset.mjs [resets per case, default 200]
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS, makeServer } from "../dist/index.mjs"

const runs = Number(process.argv[2] ?? 200)
const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-reset-bench-"))

const measure = async (label, database) => {
  const emulator = makeServer({ database, log: false })
  try {
    const account = emulator.repository.allAccounts()[0]
    const shortCodes = emulator.repository.kinds.find((kind) => kind.inventory === "short_codes")
    const times = []
    for (let i = 0; i < runs; i++) {
      // Something to undo: a service and a placement, as a test would leave behind.
      emulator.repository.insertService({ accountSid: account.sid, friendlyName: `run ${i}` })
      emulator.repository.addSender(shortCodes, account.sid, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS[0])
      const started = performance.now()
      await emulator.reset()
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(3)
    console.log(`${label.padEnd(28)} ${runs} resets: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`)
  } finally {
    await emulator.close()
  }
}

try {
  await measure(":memory: + demo data", ":memory:")
  await measure("SQLite file + demo data", join(folder, "bench.sqlite"))
} finally {
  rmSync(folder, { recursive: true, force: true })
}
