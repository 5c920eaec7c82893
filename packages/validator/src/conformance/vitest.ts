/**
 * The conformance harness inside a vitest suite: one test per check, failing with the check's shrunk
 * reproduction. vitest is an optional peer dependency, imported only by this entry point.
 *
 * @since 0.2.0
 */
import { describe, it } from "vitest"
import { type CheckName, checkNames } from "./Checks.js"
import type { ConformanceOptions } from "./Options.js"
import { ConformanceError } from "./Report.js"
import { runConformance } from "./Runner.js"

/**
 * Settings of {@link conformanceSuite}: the suite's name, the checks (default all; one test each), and the time
 * each test may take (default 300,000 ms; keep it above the options' `timeLimitMs`).
 *
 * @since 0.2.0
 */
export interface ConformanceSuiteSettings {
  readonly name?: string | undefined
  readonly checks?: ReadonlyArray<CheckName> | undefined
  readonly timeout?: number | undefined
}

/**
 * Registers a `describe` block with one test per check. `options` is called when a test runs, so it can read a
 * server started in `beforeAll`. A check that cannot run (stateful without short codes) is reported as skipped.
 *
 * @example
 * ```ts
 * import { conformanceSuite } from "@shortcode-kit/validator/conformance/vitest"
 *
 * conformanceSuite(() => ({
 *   baseUrl: process.env["TARGET_URL"] ?? "http://127.0.0.1:4010",
 *   accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   authToken: "demo-auth-token",
 *   shortCodeSids: ["SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
 *   runs: 25
 * }), { checks: ["status_code_conformance", "stateful"] })
 * ```
 * @since 0.2.0
 */
export const conformanceSuite = (
  options: () => Omit<ConformanceOptions, "checks"> | Promise<Omit<ConformanceOptions, "checks">>,
  settings: ConformanceSuiteSettings = {}
): void => {
  const checks = settings.checks ?? checkNames
  for (const check of checks) {
    if (!(checkNames as ReadonlyArray<string>).includes(check)) {
      throw new TypeError(`conformanceSuite: unknown check ${JSON.stringify(check)}; the checks are ${checkNames.join(", ")}`)
    }
  }
  describe(settings.name ?? "shortcode-kit conformance", () => {
    for (const check of checks) {
      it(check, async (context) => {
        const given = await options()
        if (check === "stateful" && (given.memberSids ?? given.shortCodeSids ?? []).length === 0) {
          context.skip("stateful needs shortCodeSids (or memberSids): members of the account's inventory that are in no parent")
        }
        const report = await runConformance({ ...given, checks: [check] })
        const result = report.checks[0]
        if (report.ok && result?.status === "skipped") context.skip(result.notes.join("; "))
        if (!report.ok) throw new ConformanceError(report)
      }, settings.timeout ?? 300_000)
    }
  })
}
