/**
 * What the command line entry prints at start: where it listens, where the data is, the admin token, and the demo
 * credentials with a curl that works as printed.
 */
import { collectionOperations, errorTable, ShortCodeResource } from "@shortcode-kit/schema"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_PHONE_NUMBER_SIDS, DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "./Demo.js"
import type { RunningServer } from "./Server.js"
import type { InventoryShortCode } from "./store/Repository.js"
import { PHONE_NUMBER, SHORT_CODE } from "./store/SenderKinds.js"

export interface BannerInput {
  readonly server: RunningServer
  readonly databasePath: string
  readonly adminTokenGenerated: boolean
}

const answer = (code: 20404 | 21710 | 21712): string => `${errorTable[code].status} code ${errorTable[code].code}`
const RESET_HINT = "POST /admin/reset puts the demo data back"

/**
 * What the printed curl answers with this database, said before it is run. The banner is printed at every start, and
 * on a database kept from an earlier run the demo short code may already be in the service, so "201" is not always
 * true. The cases follow the order in which the emulator decides (service, then inventory, then placement).
 */
const curlOutcome = (accountSid: string, serviceExists: boolean, shortCode: InventoryShortCode | undefined): string => {
  if (!serviceExists) return `the demo service was deleted: ${answer(20404)}; ${RESET_HINT}`
  if (shortCode === undefined || shortCode.accountSid !== accountSid) return `it is not in the account's inventory: ${answer(20404)}; ${RESET_HINT}`
  if (shortCode.serviceSid === null) return `it is in no service: 201 and the ShortCode JSON; run again: ${answer(21710)}`
  if (shortCode.serviceSid === DEMO_SERVICE_SID) return `it is already in the service: ${answer(21710)}; ${RESET_HINT}`
  return `it is in service ${shortCode.serviceSid}: ${answer(21712)}; ${RESET_HINT}`
}

/** The start-up text. The demo section appears only while the demo account exists with its demo token. */
export const banner = ({ server, databasePath, adminTokenGenerated }: BannerInput): string => {
  const { repository, config } = server.emulator
  const lines = [
    `shortcode-kit emulator listening on ${server.url}`,
    `  database      ${databasePath === ":memory:" ? ":memory: (nothing is kept after exit)" : databasePath}`,
    `  resource URLs ${config.publicBaseUrl}  (PUBLIC_BASE_URL)`,
    `  admin token   ${server.adminToken}${adminTokenGenerated ? "  (generated for this run; set ADMIN_TOKEN to fix it)" : "  (from ADMIN_TOKEN)"}`,
    `  docs          ${server.url}/docs  and  ${server.url}/openapi.json`
  ]
  const account = repository.findAccount(DEMO_ACCOUNT_SID)
  if (account !== undefined && account.authToken === DEMO_AUTH_TOKEN) {
    const service = repository.findService(account.sid, DEMO_SERVICE_SID as never)
    lines.push(
      "",
      "Demo data (fixed public demo values, not secrets):",
      `  account       ${DEMO_ACCOUNT_SID}`,
      `  auth token    ${DEMO_AUTH_TOKEN}`,
      service === undefined ? "  service       (the demo service was deleted)" : `  service       ${service.sid}  "${service.friendlyName}"`
    )
    const placeOf = (serviceSid: string | null) => (serviceSid === null ? "in no service" : `in service ${serviceSid}`)
    DEMO_SHORT_CODE_SIDS.forEach((sid, i) => {
      const shortCode = repository.findAnySender(SHORT_CODE, sid)
      if (shortCode === undefined) return
      lines.push(`  ${i === 0 ? "short codes  " : "             "} ${sid}  ${shortCode.shortCode} ${shortCode.countryCode} ${shortCode.capabilities.join(",")}  ${placeOf(shortCode.serviceSid)}`)
    })
    // The pool of a service holds phone numbers and short codes together, so the demo pool is shown whole.
    DEMO_PHONE_NUMBER_SIDS.forEach((sid, i) => {
      const phoneNumber = repository.findAnySender(PHONE_NUMBER, sid)
      if (phoneNumber === undefined) return
      lines.push(`  ${i === 0 ? "phone numbers" : "             "} ${sid}  ${phoneNumber.phoneNumber} ${phoneNumber.countryCode} ${phoneNumber.capabilities.join(",")}  ${placeOf(phoneNumber.serviceSid)}`)
    })
    lines.push(
      "",
      `Add the first demo short code to the demo service (${curlOutcome(account.sid, service !== undefined, repository.findAnySender(SHORT_CODE, DEMO_SHORT_CODE_SIDS[0]))}):`,
      `  curl --request ${collectionOperations.create.method} '${server.url}${ShortCodeResource.pathOf(collectionOperations.create.path, { ServiceSid: DEMO_SERVICE_SID })}' \\`,
      `    --user "${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}" \\`,
      `    --header "Content-Type: application/x-www-form-urlencoded" \\`,
      `    --data 'ShortCodeSid=${DEMO_SHORT_CODE_SIDS[0]}'`
    )
  }
  return `${lines.join("\n")}\n`
}
