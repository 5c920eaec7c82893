/** The response example of the seed page, ../shared/seed/create-short-code.txt (201 Created). */
export const seedExample = {
  sid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  url: "https://messaging.twilio.com/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ShortCodes/SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  short_code: "12345",
  account_sid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  service_sid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  capabilities: ["SMS"],
  country_code: "US",
  date_created: "2015-07-30T20:12:31Z",
  date_updated: "2015-07-30T20:12:33Z"
}
