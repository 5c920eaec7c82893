/**
 * The Messaging Service resource (`messaging.v1.service` in Twilio's OpenAPI), only as far as the emulator serves
 * it: enough for an SDK user to create, fetch, list and delete the service that short codes go into. App-internal;
 * the schema package covers the ShortCodes resource.
 */
import { AccountSid, DateFromTwilioString, FormBody, PageMeta, ServiceSid, UrlFromUriString } from "@shortcode-kit/schema"
import { Effect, Schema, SchemaGetter, SchemaIssue } from "effect"

const HttpMethod = Schema.Literals(["GET", "POST"])

/**
 * The service as the API returns it. The official schema makes every property nullable except
 * `scan_message_content` (an enum) and `validity_period` (an integer); encoding writes every key as Twilio does.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { MessagingService } from "@shortcode-kit/emulator"
 *
 * const isServiceBody = Schema.is(Schema.toEncoded(MessagingService))
 * isServiceBody({ sid: null }) // false: a served body has every key of the official schema
 * ```
 */
export const MessagingService = Schema.Struct({
  accountSid: Schema.NullOr(AccountSid),
  sid: Schema.NullOr(ServiceSid),
  dateCreated: Schema.NullOr(DateFromTwilioString),
  dateUpdated: Schema.NullOr(DateFromTwilioString),
  friendlyName: Schema.NullOr(Schema.String),
  inboundRequestUrl: Schema.NullOr(UrlFromUriString),
  inboundMethod: Schema.NullOr(HttpMethod),
  fallbackUrl: Schema.NullOr(UrlFromUriString),
  fallbackMethod: Schema.NullOr(HttpMethod),
  statusCallback: Schema.NullOr(UrlFromUriString),
  stickySender: Schema.NullOr(Schema.Boolean),
  mmsConverter: Schema.NullOr(Schema.Boolean),
  smartEncoding: Schema.NullOr(Schema.Boolean),
  scanMessageContent: Schema.Literals(["inherit", "enable", "disable"]),
  fallbackToLongCode: Schema.NullOr(Schema.Boolean),
  areaCodeGeomatch: Schema.NullOr(Schema.Boolean),
  validityPeriod: Schema.Int,
  synchronousValidation: Schema.NullOr(Schema.Boolean),
  usecase: Schema.NullOr(Schema.String),
  usAppToPersonRegistered: Schema.NullOr(Schema.Boolean),
  useInboundWebhookOnNumber: Schema.NullOr(Schema.Boolean),
  links: Schema.NullOr(Schema.Record(Schema.String, UrlFromUriString)),
  url: Schema.NullOr(UrlFromUriString)
}).pipe(
  Schema.encodeKeys({
    accountSid: "account_sid",
    sid: "sid",
    dateCreated: "date_created",
    dateUpdated: "date_updated",
    friendlyName: "friendly_name",
    inboundRequestUrl: "inbound_request_url",
    inboundMethod: "inbound_method",
    fallbackUrl: "fallback_url",
    fallbackMethod: "fallback_method",
    statusCallback: "status_callback",
    stickySender: "sticky_sender",
    mmsConverter: "mms_converter",
    smartEncoding: "smart_encoding",
    scanMessageContent: "scan_message_content",
    fallbackToLongCode: "fallback_to_long_code",
    areaCodeGeomatch: "area_code_geomatch",
    validityPeriod: "validity_period",
    synchronousValidation: "synchronous_validation",
    usecase: "usecase",
    usAppToPersonRegistered: "us_app_to_person_registered",
    useInboundWebhookOnNumber: "use_inbound_webhook_on_number",
    links: "links",
    url: "url"
  })
).annotate({ identifier: "MessagingService", description: "A Messaging Service (messaging.v1.service)" })

export type MessagingService = typeof MessagingService.Type

/**
 * A page of `GET /v1/Services` (`ListServiceResponse`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { MessagingServicePage } from "@shortcode-kit/emulator"
 *
 * const decodePage = Schema.decodeUnknownSync(MessagingServicePage)
 * // decodePage(await response.json()).meta.nextPageUrl: a URL, or null on the last page
 * ```
 */
export const MessagingServicePage = Schema.Struct({
  services: Schema.Array(MessagingService),
  meta: PageMeta
}).annotate({ identifier: "MessagingServicePage" })

export type MessagingServicePage = typeof MessagingServicePage.Type

/**
 * The sub-resources Twilio links from a service, by `links` key and path segment. The emulator serves only
 * `ShortCodes`; the others are listed because Twilio's body has them and clients may read them.
 */
export const serviceLinkPaths = {
  phone_numbers: "PhoneNumbers",
  short_codes: "ShortCodes",
  alpha_senders: "AlphaSenders",
  messages: "Messages",
  us_app_to_person: "Compliance/Usa2p",
  us_app_to_person_usecases: "Compliance/Usa2p/Usecases",
  channel_senders: "ChannelSenders",
  destination_alpha_senders: "DestinationAlphaSenders"
} as const

/** The longest `FriendlyName` the spec allows ("up to 64 characters long"). */
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

const formIssue = (message: string, input: unknown) =>
  new SchemaIssue.Pointer(["FriendlyName"], new SchemaIssue.InvalidValue({ message, expected: "exactly one FriendlyName" }, input))

/**
 * The parameters of `POST /v1/Services` as a struct of wire names: `FriendlyName` (required). The Services
 * endpoints' form payload (src/api/ServicesApi.ts).
 */
export const CreateServiceRequest = Schema.Struct({
  friendlyName: FriendlyName.annotateKey({ messageMissingKey: "FriendlyName is required" })
}).pipe(Schema.encodeKeys({ friendlyName: "FriendlyName" })).annotate({ identifier: "CreateServiceRequest" })

/**
 * The form body of `POST /v1/Services` to `{ friendlyName }`. `FriendlyName` is required (the spec's only required
 * parameter), given once, 1 to 64 characters. The service's other settings are not stored by the emulator: their
 * parameters are ignored and the service reports Twilio's defaults.
 */
export const CreateServiceForm = FormBody.pipe(
  Schema.decodeTo(
    CreateServiceRequest,
    {
      decode: SchemaGetter.transformEffect((body: string | URLSearchParams) => {
        const params = typeof body === "string" ? new URLSearchParams(body) : body
        const values = params.getAll("FriendlyName")
        if (values.length > 1) {
          return Effect.fail(formIssue(`FriendlyName must be given once; it was given ${values.length} times`, values))
        }
        const [value] = values
        return Effect.succeed(value === undefined ? ({} as { readonly FriendlyName: string }) : { FriendlyName: value })
      }),
      encode: SchemaGetter.transform((fields: { readonly FriendlyName: string }) =>
        new URLSearchParams({ FriendlyName: fields.FriendlyName }).toString()
      )
    }
  )
).annotate({ identifier: "CreateServiceForm" })
