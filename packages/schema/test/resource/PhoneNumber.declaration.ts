// A second resource of the ShortCodes shape, declared from Twilio's official schema
// `messaging.v1.service.phone_number` (test/fixtures/twilio-resources.json), to prove that a declaration is all a
// resource needs: the codec, page, params, form and `HttpApi` endpoints are derived from it.
import { HttpApi } from "effect/http-api"
import { Schema } from "effect"
import {
  AccountSid,
  CountryCode,
  DateFromTwilioString,
  defineResource,
  field,
  serviceNotFound,
  ServiceSid,
  sid,
  UrlFromUriString
} from "@shortcode-kit/schema"
import { collectionEndpoints, collectionGroup } from "@shortcode-kit/schema/http"

export const PhoneNumberSid = sid("PN", "PhoneNumberSid")

const notFound = { summary: "Not found: no such Messaging Service, or no such phone number in it", codes: [20404] } as const

export const PhoneNumberResource = defineResource({
  identifier: "PhoneNumber",
  singular: "PhoneNumber",
  plural: "PhoneNumbers",
  openApiName: "messaging.v1.service.phone_number",
  description: "A phone number in a Messaging Service",
  sid: PhoneNumberSid,
  presence: "optional",
  fields: {
    sid: field("sid", PhoneNumberSid, { strict: { nullable: false } }),
    accountSid: field("account_sid", AccountSid, { strict: { nullable: false } }),
    serviceSid: field("service_sid", ServiceSid, { strict: { nullable: false } }),
    dateCreated: field("date_created", DateFromTwilioString, { strict: { nullable: false } }),
    dateUpdated: field("date_updated", DateFromTwilioString, { strict: { nullable: false } }),
    phoneNumber: field("phone_number", Schema.String, { strict: { schema: Schema.String.check(Schema.isPattern(/^\+[1-9][0-9]{1,14}$/)) } }),
    countryCode: field("country_code", Schema.String, { strict: { schema: CountryCode } }),
    capabilities: field("capabilities", Schema.Array(Schema.String)),
    url: field("url", UrlFromUriString, { strict: { nullable: false } })
  },
  collectionPath: "/v1/Services/:ServiceSid/PhoneNumbers",
  pathParams: { ServiceSid },
  pageKey: "phone_numbers",
  create: { phoneNumberSid: { wire: "PhoneNumberSid", schema: PhoneNumberSid, empty: { expected: "a PhoneNumber SID" } } },
  operations: {
    create: {
      summary: "Add a phone number to a Messaging Service",
      success: "Created: the phone number, now in the Messaging Service",
      parameters: { ServiceSid: "The SID of the Service to create the resource under." },
      errors: [
        { summary: "Bad request: PhoneNumberSid is missing, empty, repeated or malformed, or the pool is full", codes: [20001, 21421, 21714] },
        serviceNotFound,
        { summary: "Conflict: the phone number is already in this or another Messaging Service", codes: [21710, 21712] }
      ]
    },
    list: {
      summary: "List the phone numbers of a Messaging Service",
      success: "OK: one page of the service's phone numbers",
      parameters: { ServiceSid: "The SID of the Service to read the resources from." },
      errors: [serviceNotFound]
    },
    fetch: {
      summary: "Fetch a phone number of a Messaging Service",
      success: "OK: the phone number",
      parameters: { ServiceSid: "The SID of the Service to fetch the resource from.", Sid: "The SID of the PhoneNumber resource to fetch." },
      errors: [notFound]
    },
    delete: {
      summary: "Remove a phone number from a Messaging Service",
      success: "The resource was deleted successfully.",
      parameters: { ServiceSid: "The SID of the Service to delete the resource from.", Sid: "The SID of the PhoneNumber resource to delete." },
      errors: [notFound]
    }
  },
  groupDescription: "A Messaging Service resource to add, fetch or remove phone numbers from a Messaging Service."
})

export const PhoneNumbersApi = HttpApi.make("PhoneNumbersApi").add(
  collectionGroup(PhoneNumberResource, collectionEndpoints(PhoneNumberResource))
)
