/**
 * The Messaging Service resource (`messaging.v1.service` in Twilio's OpenAPI). Its schemas are declared in
 * `@shortcode-kit/schema` (`MessagingServiceResource`) and re-exported here, so that the emulator's names stay; what
 * is the emulator's own is which sub-resources it links from a service.
 */
export {
  CreateServiceForm,
  CreateServiceRequest,
  FRIENDLY_NAME_MAX_LENGTH,
  FriendlyName,
  MessagingService,
  MessagingServicePage
} from "@shortcode-kit/schema"

/**
 * The sub-resources Twilio links from a service that the schema package does not declare, by `links` key and path
 * segment: listed because Twilio's body has them and clients may read them. The links to the collections it
 * declares (`phone_numbers`, `short_codes`, `alpha_senders`) are made from their declarations (routes/services.ts).
 */
export const undeclaredServiceLinks = {
  messages: "Messages",
  us_app_to_person: "Compliance/Usa2p",
  us_app_to_person_usecases: "Compliance/Usa2p/Usecases",
  channel_senders: "ChannelSenders",
  destination_alpha_senders: "DestinationAlphaSenders"
} as const
