/**
 * `@shortcode-kit/emulator`: a local, stateful stand-in for Twilio's Messaging ShortCodes API.
 */
export { makeServer, startServer, type Emulator, type RunningServer } from "./Server.js"
export { type ServerOptions, type ServerConfig, resolveConfig, readSeedFile } from "./Config.js"
export { Seed, type SeedWire } from "./Seed.js"
export { type SeedReport, SeedConflictError } from "./Seeding.js"
export { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS, demoSeed } from "./Demo.js"
export { MessagingService, MessagingServicePage } from "./MessagingService.js"
