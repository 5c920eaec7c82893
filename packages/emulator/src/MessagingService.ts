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
