/**
 * The Messaging Service resource (`messaging.v1.service` in Twilio's OpenAPI), declared once, as far as a
 * stand-in serves it: enough for an SDK user to create, fetch, list and delete the service that short codes go into.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { DateFromTwilioString } from "./DateTime.js"
import { field } from "./resource/Field.js"
import type { ParentDeclaration } from "./resource/operationTexts.js"
import { defineResource } from "./resource/Resource.js"
import { AccountSid, ServiceSid } from "./Sid.js"
import { UrlFromUriString } from "./Uri.js"

const HttpMethod = Schema.Literals(["GET", "POST"])

/** The longest `FriendlyName` the spec allows ("up to 64 characters long"). @since 0.2.0 */
export const FRIENDLY_NAME_MAX_LENGTH = 64

/** How many characters (Unicode code points) `text` has; an emoji outside the BMP is one, not two UTF-16 units. */
const characterCount = (text: string): number => {
  let count = 0
  for (const _ of text) count++
  return count
}

/**
 * A service's friendly name: 1 to 64 characters. Characters are code points, as a person counts them, not the
 * UTF-16 units that `String.length` (and `Schema.isMaxLength`) count.
 *
 * @since 0.2.0
 */
export const FriendlyName = Schema.String.check(
  Schema.isNonEmpty({ message: "FriendlyName must not be empty" }),
  Schema.makeFilter(
    (text: string) => {
      const count = characterCount(text)
      return count <= FRIENDLY_NAME_MAX_LENGTH ||
        `FriendlyName must be at most ${FRIENDLY_NAME_MAX_LENGTH} characters long (it has ${count})`
    },
    { expected: `at most ${FRIENDLY_NAME_MAX_LENGTH} characters` }
  )
)

/** The answer of an operation on a service, or on a resource under one, when the service is not the account's. @since 0.2.0 */
export const serviceNotFound = { summary: "Not found: no such Messaging Service in this account", codes: [20404] } as const

/**
 * The parent of the resources that live in a Messaging Service (short codes, phone numbers, alpha senders): their
 * operations' texts are derived from its name, and each can answer its not-found.
 *
 * @since 0.2.0
 */
export const messagingServiceParent: ParentDeclaration = { name: "Messaging Service", notFound: serviceNotFound }

/**
 * The declaration of the Services resource. Its codec requires every key (a served body is whole); the official
 * schema makes every property nullable except `scan_message_content` (an enum) and `validity_period` (an integer).
 * The create form takes `FriendlyName` only (the spec's only required parameter); a stand-in that stores nothing
 * else ignores the other parameters and reports Twilio's defaults.
 *
 * @since 0.2.0
 */
export const MessagingServiceResource = defineResource({
  identifier: "MessagingService",
  singular: "Service",
  plural: "Services",
  openApiName: "messaging.v1.service",
  description: "A Messaging Service",
  sid: ServiceSid,
  presence: "required",
  fields: {
    accountSid: field("account_sid", AccountSid),
    sid: field("sid", ServiceSid),
    dateCreated: field("date_created", DateFromTwilioString),
    dateUpdated: field("date_updated", DateFromTwilioString),
    friendlyName: field("friendly_name", Schema.String),
    inboundRequestUrl: field("inbound_request_url", UrlFromUriString),
    inboundMethod: field("inbound_method", HttpMethod),
    fallbackUrl: field("fallback_url", UrlFromUriString),
    fallbackMethod: field("fallback_method", HttpMethod),
    statusCallback: field("status_callback", UrlFromUriString),
    stickySender: field("sticky_sender", Schema.Boolean),
    mmsConverter: field("mms_converter", Schema.Boolean),
    smartEncoding: field("smart_encoding", Schema.Boolean),
    scanMessageContent: field("scan_message_content", Schema.Literals(["inherit", "enable", "disable"]), { nullable: false }),
    fallbackToLongCode: field("fallback_to_long_code", Schema.Boolean),
    areaCodeGeomatch: field("area_code_geomatch", Schema.Boolean),
    validityPeriod: field("validity_period", Schema.Int, { nullable: false }),
    synchronousValidation: field("synchronous_validation", Schema.Boolean),
    usecase: field("usecase", Schema.String),
    usAppToPersonRegistered: field("us_app_to_person_registered", Schema.Boolean),
    useInboundWebhookOnNumber: field("use_inbound_webhook_on_number", Schema.Boolean),
    links: field("links", Schema.Record(Schema.String, UrlFromUriString)),
    url: field("url", UrlFromUriString)
  },
  collectionPath: "/v1/Services",
  pathParams: {},
  pageKey: "services",
  create: { friendlyName: { wire: "FriendlyName", schema: FriendlyName } },
  operations: {
    create: {
      summary: "Create a Messaging Service",
      success: "Created: the new Messaging Service",
      parameters: {},
      errors: [{ summary: "Bad request: FriendlyName is missing, empty, repeated or longer than 64 characters", codes: [20001] }]
    },
    list: {
      summary: "List the Messaging Services of the account",
      success: "OK: one page of the account's Messaging Services",
      parameters: {},
      errors: []
    },
    fetch: {
      summary: "Fetch a Messaging Service",
      success: "OK: the Messaging Service",
      parameters: { Sid: "The SID of the Service resource to fetch." },
      errors: [serviceNotFound]
    },
    delete: {
      summary: "Delete a Messaging Service",
      success: "The resource was deleted successfully.",
      parameters: { Sid: "The SID of the Service resource to delete." },
      errors: [serviceNotFound]
    }
  },
  groupDescription: "A Messaging Service: a container of phone numbers and short codes that send messages together."
})

/**
 * The service as the API returns it, every key present; encoding writes every key as Twilio does.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { MessagingService } from "@shortcode-kit/schema"
 *
 * const isServiceBody = Schema.is(Schema.toEncoded(MessagingService))
 * isServiceBody({ sid: null }) // false: a served body has every key of the official schema
 * ```
 * @since 0.2.0
 */
export const MessagingService = MessagingServiceResource.codec

/** @since 0.2.0 */
export type MessagingService = typeof MessagingService.Type

/**
 * A page of `GET /v1/Services` (`ListServiceResponse`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { MessagingServicePage } from "@shortcode-kit/schema"
 *
 * const decodePage = Schema.decodeUnknownSync(MessagingServicePage)
 * // decodePage(await response.json()).meta.nextPageUrl: a URL, or null on the last page
 * ```
 * @since 0.2.0
 */
export const MessagingServicePage = MessagingServiceResource.page

/** @since 0.2.0 */
export type MessagingServicePage = typeof MessagingServicePage.Type

/**
 * The create request's body as the spec's `CreateServiceRequest` object (`{ FriendlyName }`, the one parameter a
 * stand-in keeps), decoded to `{ friendlyName }`.
 *
 * @since 0.2.0
 */
export const CreateServiceRequest = MessagingServiceResource.createRequest

/**
 * The form body of `POST /v1/Services` to `{ friendlyName }`: `FriendlyName` required, given once, 1 to 64
 * characters.
 *
 * @since 0.2.0
 */
export const CreateServiceForm = MessagingServiceResource.createForm
