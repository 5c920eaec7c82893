// Hand-written documents shaped like Twilio's documentation examples, for the example-based tests.
export const SC = "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
export const MG = "MGbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
export const AC = "ACcccccccccccccccccccccccccccccccc"

export const strictShortCode = {
  sid: SC,
  account_sid: AC,
  service_sid: MG,
  date_created: "2015-07-30T20:12:31Z",
  date_updated: "2015-07-30T20:12:33Z",
  short_code: "12345",
  country_code: "US",
  capabilities: ["SMS", "MMS"],
  url: `https://messaging.twilio.com/v1/Services/${MG}/ShortCodes/${SC}`
} as const

export const twilioError404 = {
  code: 20404,
  message: `The requested resource /v1/Services/${MG}/ShortCodes/${SC} was not found`,
  more_info: "https://www.twilio.com/docs/errors/20404",
  status: 404
} as const
