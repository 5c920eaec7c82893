// The release scripts' checks: a name, a pass/fail/skip line with its time, and the closing
// `N passed, N failed` line that CI reads.
import { CheckError } from "./processes.mjs"

const started = Date.now()
const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`
const results = [] // { name, status: "pass" | "fail" | "skip" }

/** Prints a line with the time since the start. */
export const log = (line) => console.log(`${stamp()} ${line}`)

/** Indents every line of `text` by `n` spaces. */
export const indent = (text, n = 12) =>
  String(text)
    .trimEnd()
    .split("\n")
    .map((l) => " ".repeat(n) + l)
    .join("\n")

/**
 * Runs one check and resolves with whether it passed. `needs`: results (booleans) it depends on; when one is not
 * true the check is skipped. `fn` may resolve with a note printed after PASS.
 */
export async function check(name, fn, { needs = [] } = {}) {
  if (needs.some((n) => n !== true)) {
    results.push({ name, status: "skip" })
    log(`SKIP  ${name} (an earlier step it needs failed)`)
    return false
  }
  const t = Date.now()
  try {
    const note = await fn()
    results.push({ name, status: "pass" })
    log(`PASS  ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)${note ? ` ${note}` : ""}`)
    return true
  } catch (error) {
    results.push({ name, status: "fail" })
    log(`FAIL  ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)`)
    console.log(indent(error instanceof CheckError ? error.message : (error?.stack ?? String(error))))
    return false
  }
}

/** Prints what did not pass and the closing line; returns the exit code (1 when anything failed or was skipped). */
export function summary(label) {
  const count = (status) => results.filter((r) => r.status === status).length
  const [passed, failed, skipped] = [count("pass"), count("fail"), count("skip")]
  console.log(`${label}: finished in ${((Date.now() - started) / 1000).toFixed(1)}s`)
  if (failed + skipped > 0) {
    console.log(`${label}: not passed:`)
    for (const r of results.filter((r) => r.status !== "pass")) console.log(`  ${r.status.toUpperCase()}  ${r.name}`)
  }
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
  return failed > 0 || skipped > 0 ? 1 : 0
}
