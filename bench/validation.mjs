// The validation micro-benchmarks: our packages and every baseline timed in this one process, interleaved (see
// lib/micro.mjs). Prints its rows as JSON on the last line for bench/run.mjs; run alone for a quick look.
import { schemaRows, schemaTasks } from "../packages/schema/bench/codec.bench.mjs"
import { validatorRows, validatorTasks } from "../packages/validator/bench/validator.bench.mjs"
import { baselineTasks } from "./baselines/index.mjs"
import { measure } from "./lib/micro.mjs"

const peerRows = [
  { figure: "peer: zod 4, valid input", subject: "zod 4 safeParse, valid", baseline: "ajv validate, valid", goal: null },
  { figure: "peer: valibot 1, valid input", subject: "valibot 1 safeParse, valid", baseline: "ajv validate, valid", goal: null },
  { figure: "floor: one regex per field, valid input", subject: "regex floor, valid", baseline: "ajv validate, valid", goal: null },
  { figure: "peer: ajv allErrors, invalid input", subject: "ajv validate (allErrors), invalid", baseline: "zod 4 safeParse, invalid", goal: null },
  { figure: "peer: valibot 1, invalid input", subject: "valibot 1 safeParse, invalid", baseline: "zod 4 safeParse, invalid", goal: null },
  { figure: "floor: one regex per field, invalid input", subject: "regex floor, invalid", baseline: "zod 4 safeParse, invalid", goal: null }
]

const all = { ...validatorTasks, ...schemaTasks, ...baselineTasks }
for (const [name, [fn, check]] of Object.entries(all)) {
  if (!check(fn())) throw new Error(`benchmark task "${name}" does not give the expected answer on its input`)
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 7)
const ops = await measure(
  Object.fromEntries(Object.entries(all).map(([name, [fn]]) => [name, fn])),
  { rounds, onRound: (i) => process.stderr.write(`  validation round ${i}/${rounds}\n`) }
)

// A row with `perItem` reports items per second of a task that handles that many items per call (a page).
const rows = [...validatorRows, ...schemaRows, ...peerRows].map((row) => ({
  group: "validation",
  figure: row.figure,
  subject: row.subject,
  value: ops[row.subject] * (row.perItem ?? 1),
  baseline: row.baseline,
  baselineValue: ops[row.baseline],
  unit: row.perItem === undefined ? "ops/s" : "items/s",
  ratio: (ops[row.subject] * (row.perItem ?? 1)) / ops[row.baseline],
  goal: row.goal === null ? null : { min: row.goal }
}))

if (process.argv.includes("--json")) console.log(JSON.stringify(rows))
else console.table(rows.map((r) => ({ figure: r.figure, "ops/s": Math.round(r.value), baseline: r.baseline, "baseline ops/s": Math.round(r.baselineValue), ratio: r.ratio.toFixed(2), goal: r.goal ? `>= ${r.goal.min}` : "report" })))
