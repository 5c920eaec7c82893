// `npm run bench`: builds the packages and the app, checks that the compiled decoders agree with Effect's
// interpreter, runs the validation micro-benchmarks, the service load benchmark and the import-cost bundles (each in
// its own process), then prints one table and writes bench/results/latest.json.
//
//   node bench/run.mjs [--skip-build] [--only=validation,service,import] [--snapshot]
//
// --snapshot also writes bench/results/<date>.json, the file to commit when the figures in docs/benchmarks.md
// change. Environment: BENCH_ROUNDS (validation rounds, default 7), LOAD_SECONDS (per load target, default 5).
import { spawn } from "node:child_process"
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { machine, machineLine } from "./lib/machine.mjs"

const root = fileURLToPath(new URL("../", import.meta.url))
const resultsDir = join(root, "bench", "results")
const args = process.argv.slice(2)
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",")
const wants = (group) => only === undefined || only.includes(group)

/** Runs a command from the repository root; resolves with its stdout, rejects with its exit code. */
const run = (command, commandArgs, { capture = false, env = {} } = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd: root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"]
    })
    let out = ""
    child.stdout?.on("data", (chunk) => (out += chunk))
    child.once("error", reject)
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${commandArgs.join(" ")} exited with ${code}`))))
  })

/** The JSON array a benchmark script prints on its last line. */
const lastJsonLine = (out) => JSON.parse(out.trim().split("\n").at(-1))

const step = (text) => process.stderr.write(`\n== ${text}\n`)

if (!args.includes("--skip-build")) {
  step("build (schema, validator, emulator)")
  await run("npx", ["turbo", "run", "build", "--filter=@shortcode-kit/emulator...", "--output-logs=errors-only"])
}

const rows = []
if (wants("validation")) {
  step("compiled decoders agree with Effect's interpreter")
  // The agreement property of npm test, the one oracle (an annotated copy is compiled too, so it cannot be one).
  await run("npx", ["vitest", "run", "--root", "packages/schema", "test/internal/compiledPaths.agreement.test.ts"])
  step("validation micro-benchmarks (tinybench, interleaved rounds, median)")
  rows.push(...lastJsonLine(await run("node", ["bench/validation.mjs", "--json"], { capture: true })))
}
if (wants("service")) {
  step("service load benchmark (autocannon, 127.0.0.1)")
  rows.push(...lastJsonLine(await run("node", ["packages/emulator/bench/load.mjs", "--json"], { capture: true })))
  step("the official SDK in-process vs over loopback HTTP")
  rows.push(...lastJsonLine(await run("node", ["packages/emulator/bench/sdk.mjs", "--json"], { capture: true })))
}
if (wants("import")) {
  step("import cost (esbuild, minified, gzip)")
  const bundles = lastJsonLine(await run("node", ["packages/schema/bench/import-cost.mjs", "--json"], { capture: true }))
  const zod = bundles.find((b) => b.bundle.startsWith("zod"))
  for (const bundle of bundles.filter((b) => b !== zod)) {
    rows.push({
      group: "import cost",
      figure: bundle.bundle,
      subject: bundle.bundle,
      value: bundle.gzipKiB,
      baseline: zod.bundle,
      baselineValue: zod.gzipKiB,
      unit: "KiB gz",
      ratio: bundle.gzipKiB / zod.gzipKiB,
      goal: null,
      note: `${bundle.minifiedKiB} KiB minified (zod: ${zod.minifiedKiB})`
    })
  }
}

// The last committed snapshot, to show where a figure moved (import sizes should not grow without a reason).
mkdirSync(resultsDir, { recursive: true })
const previous = (() => {
  const snapshots = readdirSync(resultsDir, { withFileTypes: true })
    .filter((f) => f.isFile() && /^\d{4}-\d{2}-\d{2}\.json$/.test(f.name))
    .map((f) => f.name)
    .sort()
  const last = snapshots.at(-1)
  return last === undefined ? undefined : { name: last, rows: JSON.parse(readFileSync(join(resultsDir, last), "utf8")).rows }
})()

for (const row of rows) {
  row.met = row.goal === null || row.ratio === null ? null : row.ratio >= row.goal.min
  const before = previous?.rows.find((r) => r.group === row.group && r.figure === row.figure)
  if (before !== undefined && before.value !== null) row.previous = { snapshot: previous.name, value: before.value, ratio: before.ratio }
}

const m = machine()
const result = { date: new Date().toISOString(), machine: m, rows }

// One table: every figure, its baseline, the ratio and the goal.
const format = (value, unit) => {
  if (value === null || value === undefined) return "n/a"
  if (unit === "ops/s" || unit === "req/s") return `${Math.round(value).toLocaleString("en-US")} ${unit}`
  return `${value.toFixed(1)} ${unit}`
}
const table = [
  ["group", "figure", "ours", "baseline", "baseline value", "ratio", "goal", "met"],
  ...rows.map((r) => [
    r.group,
    r.figure,
    format(r.value, r.unit),
    r.baseline,
    format(r.baselineValue, r.unit),
    r.ratio === null ? "n/a" : r.ratio.toFixed(2),
    r.goal === null ? "report" : `>= ${r.goal.min}`,
    r.met === null ? "" : r.met ? "yes" : "NO"
  ])
]
const widths = table[0].map((_, i) => Math.max(...table.map((line) => String(line[i]).length)))
const line = (cells) => cells.map((cell, i) => (i >= 2 && i !== 3 ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join("  ")
console.log(`\n${machineLine(m)} · ${result.date}`)
console.log(line(table[0]))
console.log(widths.map((w) => "-".repeat(w)).join("  "))
for (const cells of table.slice(1)) console.log(line(cells))
const notes = rows.filter((r) => r.note !== undefined)
if (notes.length > 0) console.log(`\nnotes:\n${notes.map((r) => `  ${r.figure}: ${r.note}`).join("\n")}`)

writeFileSync(join(resultsDir, "latest.json"), `${JSON.stringify(result, null, 2)}\n`)
console.log(`\nwrote bench/results/latest.json`)
if (args.includes("--snapshot")) {
  const name = `${result.date.slice(0, 10)}.json`
  writeFileSync(join(resultsDir, name), `${JSON.stringify(result, null, 2)}\n`)
  console.log(`wrote bench/results/${name}`)
}
