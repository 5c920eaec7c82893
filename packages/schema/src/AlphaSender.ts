/**
 * The AlphaSender resource (`messaging.v1.service.alpha_sender` in Twilio's OpenAPI): the Alphanumeric Sender ID of
 * a Messaging Service, declared once; its codec, strict profile, page, path parameters, create form and `HttpApi`
 * endpoints (http/MessagingApi.ts) are derived from {@link AlphaSenderResource}.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { AlphaSenderText } from "./AlphaSenderText.js"
import { DateFromTwilioString } from "./DateTime.js"
import { messagingServiceParent } from "./MessagingService.js"
import { field } from "./resource/Field.js"
import { memberStrictMaker } from "./resource/memberStrict.js"
import { defineResource } from "./resource/Resource.js"
import { AccountSid, ServiceSid, sid } from "./Sid.js"
import { UrlFromUriString } from "./Uri.js"

/**
 * An AlphaSender SID (`AI` + 32 hex digits).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { AlphaSenderSid } from "@shortcode-kit/schema"
 *
 * Schema.is(AlphaSenderSid)("AIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") // true
 * ```
 * @since 0.2.0
 */
export const AlphaSenderSid = sid("AI", "AlphaSenderSid")
/** @since 0.2.0 */
export type AlphaSenderSid = typeof AlphaSenderSid.Type

/**
 * The declaration of the AlphaSenders resource. Its create parameter is a text, not a SID: a text that breaks one
 * of the rules of {@link AlphaSenderText} is answered 21709, as is a second alpha sender in one service.
 *
 * @since 0.2.0
 */
export const AlphaSenderResource = defineResource({
  identifier: "AlphaSender",
  singular: "AlphaSender",
  plural: "AlphaSenders",
  openApiName: "messaging.v1.service.alpha_sender",
  description: "The alpha sender of a Messaging Service",
  sid: AlphaSenderSid,
  presence: "optional",
  fields: {
    sid: field("sid", AlphaSenderSid, { strict: { nullable: false } }),
    accountSid: field("account_sid", AccountSid, { strict: { nullable: false } }),
    serviceSid: field("service_sid", ServiceSid, { strict: { nullable: false } }),
    dateCreated: field("date_created", DateFromTwilioString, { strict: { nullable: false } }),
    dateUpdated: field("date_updated", DateFromTwilioString, { strict: { nullable: false } }),
    alphaSender: field("alpha_sender", Schema.String, { strict: { schema: AlphaSenderText, nullable: false } }),
    capabilities: field("capabilities", Schema.Array(Schema.String), { examples: [["SMS"]] }),
    url: field("url", UrlFromUriString, { strict: { nullable: false } })
  },
  collectionPath: "/v1/Services/:ServiceSid/AlphaSenders",
  pathParams: { ServiceSid },
  pageKey: "alpha_senders",
  // Twilio's AlphaSender resource page: "Each Messaging Service may only have one alpha sender associated with it."
  perParent: 1,
  create: { alphaSender: { wire: "AlphaSender", schema: AlphaSenderText, empty: { expected: "an alpha sender ID" } } },
  parent: messagingServiceParent,
  // A service has at most one alpha sender: "the", not "a".
  operations: {
    create: {
      summary: "Add the alpha sender of a Messaging Service",
      success: "Created: the alpha sender, now the Messaging Service's",
      errors: [{
        summary: "Bad request: AlphaSender is missing, empty, repeated or breaks a rule, or the service already has an alpha sender",
        codes: [20001, 21709]
      }]
    },
    list: { summary: "List the alpha senders of a Messaging Service (at most one)" },
    fetch: { summary: "Fetch the alpha sender of a Messaging Service" },
    delete: { summary: "Remove the alpha sender of a Messaging Service" }
  },
  groupDescription: "A Messaging Service resource to add, fetch or remove the alpha sender ID of a Messaging Service."
})

/**
 * The codec between the wire JSON of an AlphaSender and its domain value: exactly what Twilio's schema accepts
 * (every property nullable, none required).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { AlphaSender } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(AlphaSender)({ sid: "AIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", alpha_sender: "Twilio" }).alphaSender // "Twilio"
 * ```
 * @since 0.2.0
 */
export const AlphaSender = AlphaSenderResource.codec
/** @since 0.2.0 */
export type AlphaSender = typeof AlphaSender.Type
/** The wire JSON as Twilio sends it. @since 0.2.0 */
export type AlphaSenderWire = typeof AlphaSender.Encoded

/**
 * The strict profile for alpha senders served under `baseUrl` (default Twilio's origin): every key present, the
 * SIDs, dates, `alpha_sender` and `url` non-null, `alpha_sender` by the rules of {@link AlphaSenderText}, and the
 * checks of every member of a Messaging Service: `url` the resource's own, `date_updated >= date_created`.
 *
 * @since 0.2.0
 */
export const makeAlphaSenderStrict = memberStrictMaker(AlphaSenderResource)

/** The strict profile against Twilio's own origin. @since 0.2.0 */
export const AlphaSenderStrict = makeAlphaSenderStrict()
/** @since 0.2.0 */
export type AlphaSenderStrict = typeof AlphaSenderStrict.Type

/** The list page (`{ alpha_senders, meta }`). @since 0.2.0 */
export const AlphaSenderPage = AlphaSenderResource.page
/** @since 0.2.0 */
export type AlphaSenderPage = typeof AlphaSenderPage.Type

/** Path parameters of create and list (`ServiceSid`). @since 0.2.0 */
export const CreateAlphaSenderParams = AlphaSenderResource.collectionParams
/** Path parameters of fetch and delete (`ServiceSid`, `Sid`). @since 0.2.0 */
export const AlphaSenderInstanceParams = AlphaSenderResource.instanceParams
/** The create request (`{ AlphaSender }` decoded to `{ alphaSender }`). @since 0.2.0 */
export const CreateAlphaSenderRequest = AlphaSenderResource.createRequest
/**
 * The create form body codec: `AlphaSender` exactly once, non-empty, by the rules of {@link AlphaSenderText}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CreateAlphaSenderForm } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(CreateAlphaSenderForm)("AlphaSender=Twilio") // { alphaSender: "Twilio" }
 * ```
 * @since 0.2.0
 */
export const CreateAlphaSenderForm = AlphaSenderResource.createForm
