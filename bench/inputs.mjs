// The inputs every validation benchmark uses, so that all libraries see the same bytes.
const hex = (digit) => digit.repeat(32)

export const ACCOUNT_SID = `AC${hex("a")}`
export const SERVICE_SID = `MG${hex("a")}`
export const SHORT_CODE_SID = `SC${hex("a")}`

/**
 * The seed's ShortCode: the response example of Twilio's "Create short code" page (../shared/seed), key order
 * included, which is also what the emulator answers for the demo short code 12345.
 */
export const validShortCodeWire = Object.freeze({
  sid: SHORT_CODE_SID,
  url: `https://messaging.twilio.com/v1/Services/${SERVICE_SID}/ShortCodes/${SHORT_CODE_SID}`,
  short_code: "12345",
  account_sid: ACCOUNT_SID,
  service_sid: SERVICE_SID,
  capabilities: Object.freeze(["SMS"]),
  country_code: "US",
  date_created: "2015-07-30T20:12:31Z",
  date_updated: "2015-07-30T20:12:33Z"
})

/** The same body with two broken fields that every validator here rejects: a SID one digit short, a non-ISO date. */
export const invalidShortCodeWire = Object.freeze({
  ...validShortCodeWire,
  sid: `SC${"a".repeat(31)}`,
  date_created: "30/07/2015 20:12:31"
})

/** The create request's form body (`application/x-www-form-urlencoded`), valid and with a malformed SID. */
export const validCreateFormBody = `ShortCodeSid=SC${hex("b")}`
export const invalidCreateFormBody = `ShortCodeSid=PN${hex("b")}`
