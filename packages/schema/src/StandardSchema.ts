/**
 * Standard Schema V1 (https://standardschema.dev) objects for every public schema, for libraries that accept any
 * Standard Schema (form libraries, tRPC, Hono validators, ...). Each validates the wire form and returns the
 * decoded domain value; its issues carry the message and the path of the failure.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import {
  AlphaSender,
  AlphaSenderInstanceParams,
  AlphaSenderPage,
  AlphaSenderSid,
  AlphaSenderStrict,
  CreateAlphaSenderForm,
  CreateAlphaSenderParams,
  CreateAlphaSenderRequest
} from "./AlphaSender.js"
import { CountryCode } from "./CountryCode.js"
import { CreateShortCodeForm, CreateShortCodeParams, CreateShortCodeRequest } from "./CreateShortCode.js"
import { ListShortCodesQuery } from "./ListShortCodesQuery.js"
import { CreateServiceForm, MessagingService, MessagingServicePage } from "./MessagingService.js"
import {
  CreatePhoneNumberForm,
  CreatePhoneNumberParams,
  CreatePhoneNumberRequest,
  PhoneNumber,
  PhoneNumberInstanceParams,
  PhoneNumberPage,
  PhoneNumberSid,
  PhoneNumberStrict
} from "./PhoneNumber.js"
import { ShortCode } from "./ShortCode.js"
import { ShortCodeInstanceParams } from "./ShortCodeParams.js"
import { ShortCodePage } from "./ShortCodePage.js"
import { ShortCodeStrict } from "./ShortCodeStrict.js"
import { AccountSid, ServiceSid, ShortCodeSid } from "./Sid.js"
import { TwilioError } from "./TwilioError.js"

const standard = <S extends Schema.Top>(schema: S) =>
  Schema.toStandardSchemaV1(schema as S & Schema.Codec<S["Type"], S["Encoded"]>, { parseOptions: { errors: "all" } })

/**
 * Standard Schema V1 views of the package's schemas, under the same names.
 *
 * @example
 * ```ts
 * import { standardSchemas } from "@shortcode-kit/schema"
 *
 * const result = standardSchemas.ShortCode["~standard"].validate({ sid: "SC12" })
 * // { issues: [{ message: "must be exactly 34 characters long: ...", path: ["sid"] }] }
 * ```
 * @since 0.1.0
 */
export const standardSchemas = {
  AccountSid: standard(AccountSid),
  ServiceSid: standard(ServiceSid),
  ShortCodeSid: standard(ShortCodeSid),
  CountryCode: standard(CountryCode),
  ShortCode: standard(ShortCode),
  ShortCodeStrict: standard(ShortCodeStrict),
  ShortCodePage: standard(ShortCodePage),
  TwilioError: standard(TwilioError),
  CreateShortCodeParams: standard(CreateShortCodeParams),
  CreateShortCodeRequest: standard(CreateShortCodeRequest),
  CreateShortCodeForm: standard(CreateShortCodeForm),
  ShortCodeInstanceParams: standard(ShortCodeInstanceParams),
  ListShortCodesQuery: standard(ListShortCodesQuery),
  MessagingService: standard(MessagingService),
  MessagingServicePage: standard(MessagingServicePage),
  CreateServiceForm: standard(CreateServiceForm),
  PhoneNumberSid: standard(PhoneNumberSid),
  PhoneNumber: standard(PhoneNumber),
  PhoneNumberStrict: standard(PhoneNumberStrict),
  PhoneNumberPage: standard(PhoneNumberPage),
  CreatePhoneNumberParams: standard(CreatePhoneNumberParams),
  CreatePhoneNumberRequest: standard(CreatePhoneNumberRequest),
  CreatePhoneNumberForm: standard(CreatePhoneNumberForm),
  PhoneNumberInstanceParams: standard(PhoneNumberInstanceParams),
  AlphaSenderSid: standard(AlphaSenderSid),
  AlphaSender: standard(AlphaSender),
  AlphaSenderStrict: standard(AlphaSenderStrict),
  AlphaSenderPage: standard(AlphaSenderPage),
  CreateAlphaSenderParams: standard(CreateAlphaSenderParams),
  CreateAlphaSenderRequest: standard(CreateAlphaSenderRequest),
  CreateAlphaSenderForm: standard(CreateAlphaSenderForm),
  AlphaSenderInstanceParams: standard(AlphaSenderInstanceParams)
}
