/**
 * The conformance harness: property-tests any HTTP implementation of Twilio's Messaging ShortCodes endpoints (a
 * stand-in, a proxy, a gateway) against the contract, with fast-check; any membership collection of the same shape
 * can be tested from its `HttpApiGroup` with `conformanceTarget`, and reports every failure shrunk to a
 * small sequence of curl commands with the seed and path that replay it. The CLI runs it as
 * `shortcode-kit conformance`; `@shortcode-kit/validator/conformance/vitest` runs it inside a vitest suite.
 *
 * @since 0.2.0
 */
export { type CheckName, checkDescriptions, checkNames, poolCheckNames } from "./conformance/Checks.js"
export type { PoolSenders } from "./conformance/Options.js"
export type { BodyKind, Expectation } from "./conformance/Expectation.js"
export type { Exchange, RecordedRequest, RecordedResponse } from "./conformance/Http.js"
export type { ConformanceOptions, ConformanceProgress } from "./conformance/Options.js"
export type { Verdict } from "./conformance/Oracles.js"
export {
  type Answer,
  type ConformanceTarget,
  conformanceTarget,
  type ConformanceTargetOptions,
  type CreatedMembers,
  type CreatesOptions,
  type ErrorAnswer,
  type FaultyRequest,
  type ValidAdd
} from "./conformance/Membership.js"
export { shortCodesTarget } from "./conformance/ShortCodesTarget.js"
export { phoneNumbersTarget } from "./conformance/PhoneNumbersTarget.js"
export { alphaSendersTarget } from "./conformance/AlphaSendersTarget.js"
export { formFaults, type FormFaultsOf } from "./conformance/FormFaults.js"
export {
  assertConformance,
  type CheckResult,
  ConformanceError,
  type ConformanceFailure,
  type ConformanceReport,
  formatFailure,
  formatReport,
  formatSummary,
  replayCommand
} from "./conformance/Report.js"
export { toJUnitXml } from "./conformance/JUnit.js"
export { runConformance } from "./conformance/Runner.js"
