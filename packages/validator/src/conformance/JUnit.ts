/**
 * The report as JUnit XML, for CI systems that show test results: one test case per check.
 *
 * @since 0.2.0
 */
import { formatFailure, type ConformanceReport } from "./Report.js"

// XML 1.0 allows no control characters but tab, line feed and carriage return, not even as references.
const xml = (text: string): string =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")

/**
 * JUnit XML of a report: a `testsuite` named "shortcode-kit conformance" with a `testcase` per check, a `failure`
 * with the reproduction for each failed check, `skipped` for the others not run; a setup failure or a service that
 * could not be restored is an `error`.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { runConformance, toJUnitXml } from "@shortcode-kit/validator/conformance"
 *
 * const report = await runConformance({ baseUrl: "http://127.0.0.1:4010", accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", authToken: "demo-auth-token" })
 * writeFileSync("junit.xml", toJUnitXml(report))
 * ```
 * @since 0.2.0
 */
export const toJUnitXml = (report: ConformanceReport): string => {
  const cases = report.checks.map((check) => {
    const open = `  <testcase classname="shortcode-kit.conformance" name="${xml(check.name)}" time="${(check.durationMs / 1000).toFixed(3)}">`
    const body = check.status === "failed"
      ? check.failures.length === 0
        ? [`    <failure message="${xml(check.notes.join("; ") || "failed")}" type="${xml(check.name)}"/>`]
        : check.failures.map((failure) => `    <failure message="${xml(failure.message)}" type="${xml(check.name)}">${xml(formatFailure(report, failure))}</failure>`)
      : check.status === "passed" ? [] : [`    <skipped message="${xml(check.notes.join("; ") || check.status)}"/>`]
    const notes = check.notes.length > 0 && check.status !== "skipped" ? [`    <system-out>${xml(check.notes.join("\n"))}</system-out>`] : []
    return [open, ...body, ...notes, "  </testcase>"].join("\n")
  })
  const errors = [
    ...(report.setupError === null ? [] : [`setup failed: ${report.setupError}`]),
    ...(report.cleanup.restored ? [] : report.cleanup.problems.map((problem) => `cleanup: ${problem}`))
  ]
  if (errors.length > 0) {
    cases.push([
      `  <testcase classname="shortcode-kit.conformance" name="setup and cleanup" time="0">`,
      `    <error message="${xml(errors[0] as string)}">${xml(errors.join("\n"))}</error>`,
      "  </testcase>"
    ].join("\n"))
  }
  const failures = report.checks.filter((check) => check.status === "failed").length
  const skippedCount = report.checks.filter((check) => check.status === "skipped" || check.status === "interrupted").length
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuite name="shortcode-kit conformance" tests="${cases.length}" failures="${failures}" errors="${errors.length > 0 ? 1 : 0}" skipped="${skippedCount}" time="${(report.durationMs / 1000).toFixed(3)}" timestamp="${xml(report.startedAt.replace(/\.\d+Z$/, ""))}">`,
    `  <properties>`,
    `    <property name="baseUrl" value="${xml(report.target.baseUrl)}"/>`,
    `    <property name="seed" value="${report.seed}"/>`,
    `    <property name="runs" value="${report.runs}"/>`,
    `  </properties>`,
    ...cases,
    `</testsuite>`,
    ""
  ].join("\n")
}
