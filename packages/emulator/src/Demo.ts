/**
 * The demo data a fresh emulator starts with. These are fixed, public demo values, not secrets: the SIDs are the
 * placeholder SIDs of Twilio's own documentation (`AC`/`MG`/`SC`/`PN` followed by 32 a's, b's, c's), so the curl example
 * of the "Create short code" page works as printed once the host and credentials are swapped in, and the auth token
 * says what it is.
 */
import { Schema } from "effect"
import { Seed } from "./Seed.js"

const repeat = (prefix: string, digit: string) => `${prefix}${digit.repeat(32)}`

/** The demo account's SID and auth token (public demo values). */
export const DEMO_ACCOUNT_SID = repeat("AC", "a")
export const DEMO_AUTH_TOKEN = "demo-auth-token"
/** The demo Messaging Service. */
export const DEMO_SERVICE_SID = repeat("MG", "a")
/** The three demo short codes, owned by the demo account and in no service. */
export const DEMO_SHORT_CODE_SIDS = [repeat("SC", "a"), repeat("SC", "b"), repeat("SC", "c")] as const
/**
 * The three demo phone numbers, owned by the demo account: the first is in the demo service (so the service's pool
 * starts with one sender), the others are in no service.
 */
export const DEMO_PHONE_NUMBER_SIDS = [repeat("PN", "a"), repeat("PN", "b"), repeat("PN", "c")] as const

/**
 * The demo data as a seed.
 *
 * @example
 * ```ts
 * import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, startServer } from "@shortcode-kit/emulator"
 *
 * const server = await startServer({ port: 0 }) // demo: true by default
 * // Basic auth: `${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`
 * ```
 */
export const demoSeed: Seed = Schema.decodeUnknownSync(Seed)({
  accounts: [{ sid: DEMO_ACCOUNT_SID, auth_token: DEMO_AUTH_TOKEN }],
  services: [{ sid: DEMO_SERVICE_SID, account_sid: DEMO_ACCOUNT_SID, friendly_name: "Demo Messaging Service" }],
  short_codes: [
    // 12345, US, SMS: the short code of the response example in Twilio's documentation.
    { sid: DEMO_SHORT_CODE_SIDS[0], account_sid: DEMO_ACCOUNT_SID, short_code: "12345", country_code: "US", capabilities: ["SMS"] },
    { sid: DEMO_SHORT_CODE_SIDS[1], account_sid: DEMO_ACCOUNT_SID, short_code: "23456", country_code: "US", capabilities: ["SMS", "MMS"] },
    { sid: DEMO_SHORT_CODE_SIDS[2], account_sid: DEMO_ACCOUNT_SID, short_code: "34567", country_code: "US", capabilities: ["SMS"] }
  ],
  // Numbers of the 555-01xx range, which the North American numbering plan reserves for fiction, and one in London's
  // range that Ofcom reserves for drama (020 7946 0xxx), so no demo number is anybody's.
  phone_numbers: [
    {
      sid: DEMO_PHONE_NUMBER_SIDS[0],
      account_sid: DEMO_ACCOUNT_SID,
      phone_number: "+12025550101",
      country_code: "US",
      capabilities: ["SMS", "MMS", "Voice"],
      service_sid: DEMO_SERVICE_SID
    },
    { sid: DEMO_PHONE_NUMBER_SIDS[1], account_sid: DEMO_ACCOUNT_SID, phone_number: "+12025550102", country_code: "US", capabilities: ["SMS", "Voice"] },
    { sid: DEMO_PHONE_NUMBER_SIDS[2], account_sid: DEMO_ACCOUNT_SID, phone_number: "+442079460123", country_code: "GB", capabilities: ["SMS"] }
  ]
})
