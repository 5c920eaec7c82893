/**
 * `@shortcode-kit/emulator`: a local, stateful stand-in for Twilio's Messaging ShortCodes API.
 */
export { makeServer, startServer, type Emulator, type RunningServer } from "./Server.js"
export { type ServerOptions, type ServerConfig, resolveConfig, readSeedFile } from "./Config.js"
export { Seed, type SeedWire } from "./Seed.js"
export { type SeedReport, SeedConflictError } from "./Seeding.js"
export { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_PHONE_NUMBER_SIDS, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS, demoSeed } from "./Demo.js"
export { MessagingService, MessagingServicePage } from "./MessagingService.js"
export { FaultRule, FaultRuleState, FaultRuleList, type FaultRuleWire, MAX_DELAY_MS } from "./faults/FaultRule.js"
export { type Faults } from "./faults/Faults.js"
export { ConnectionDropped, DEFAULT_RETRY_AFTER_SECONDS, type FetchHandler, withFaults } from "./faults/withFaults.js"
export { type FaultStore, makeFaultStore } from "./faults/FaultStore.js"
export {
  type ApplyFaultPlanOptions,
  applyFaultPlan,
  describeFaultPlan,
  FAULT_KINDS,
  type FaultKind,
  type FaultPlan,
  type FaultPlanOptions,
  faultPlan,
  type FaultStep,
  type FaultTarget,
  stepRule
} from "./faults/FaultPlan.js"
export { type JournalEntry, type JournalFilter, type Parameters as JournalParameters, DEFAULT_JOURNAL_LIMIT } from "./controls/Journal.js"
export { type ControlsHandle } from "./controls/attach.js"
export { type ResetHook } from "./controls/Reset.js"
export { type Clock, type TestClock, makeTestClock } from "./controls/Clock.js"
export { type IdSource, seededIds } from "./controls/Ids.js"
export { type HealthBody } from "./controls/Health.js"
export { type ReadySignal } from "./controls/ReadySignal.js"
