/**
 * JSON Schema (draft 2020-12) documents of the wire forms, generated from the Effect schemas so that they never
 * drift from what the codecs accept (formats such as `date-time` and `uri` are carried as `format`).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { AlphaSender, AlphaSenderPage, AlphaSenderStrict, CreateAlphaSenderRequest } from "./AlphaSender.js"
import { CreateShortCodeRequest } from "./CreateShortCode.js"
import { ListShortCodesQuery } from "./ListShortCodesQuery.js"
import { CreateServiceRequest, MessagingService, MessagingServicePage } from "./MessagingService.js"
import { CreatePhoneNumberRequest, PhoneNumber, PhoneNumberPage, PhoneNumberStrict } from "./PhoneNumber.js"
import { ShortCode } from "./ShortCode.js"
import { ShortCodePage } from "./ShortCodePage.js"
import { ShortCodeStrict } from "./ShortCodeStrict.js"
import { TwilioError } from "./TwilioError.js"

const wireSchemas = {
  ShortCode,
  ShortCodeStrict,
  ShortCodePage,
  TwilioError,
  CreateShortCodeRequest,
  ListShortCodesQuery,
  MessagingService,
  MessagingServicePage,
  CreateServiceRequest,
  PhoneNumber,
  PhoneNumberStrict,
  PhoneNumberPage,
  CreatePhoneNumberRequest,
  AlphaSender,
  AlphaSenderStrict,
  AlphaSenderPage,
  CreateAlphaSenderRequest
} as const

/** @since 0.1.0 */
export type WireSchemaName = keyof typeof wireSchemas

/**
 * The JSON Schema document of one wire schema.
 *
 * @example
 * ```ts
 * import { toJsonSchema } from "@shortcode-kit/schema"
 *
 * const document = toJsonSchema("ShortCode")
 * document.schema // { $ref: "#/$defs/ShortCodeEncoded" }
 * ```
 * @since 0.1.0
 */
export const toJsonSchema = (name: WireSchemaName) => Schema.toJsonSchemaDocument(wireSchemas[name])

/** Names of the schemas {@link toJsonSchema} knows. @since 0.1.0 */
export const wireSchemaNames = Object.keys(wireSchemas) as ReadonlyArray<WireSchemaName>
