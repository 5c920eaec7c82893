/**
 * The seed format: the JSON that `SEED_FILE` holds, that `POST /admin/seed` accepts and that `GET /admin/dump`
 * returns, so a dump can seed another run. Wire names are snake_case like the Twilio API's.
 */
import { AlphaSenderText, Capability, CountryCode, PhoneNumberE164, ShortCodeNumber } from "@shortcode-kit/schema"
import { Effect, Schema } from "effect"
import { CanonicalAccountSid, CanonicalAlphaSenderSid, CanonicalPhoneNumberSid, CanonicalServiceSid, CanonicalShortCodeSid } from "./CanonicalSid.js"
import { FriendlyName } from "./MessagingService.js"
import { PHONE_NUMBER, SHORT_CODE } from "./store/SenderKinds.js"

/**
 * An auth token: 1 to 128 visible ASCII characters. Twilio's are 32 hex digits; anything a Basic auth header can
 * carry unambiguously is accepted so test suites can use readable tokens.
 */
export const AuthToken = Schema.String.check(
  Schema.isPattern(/^[\x21-\x7e]{1,128}$/, {
    message: "auth_token must be 1 to 128 visible ASCII characters (no spaces)",
    expected: "1 to 128 visible ASCII characters"
  })
)

/** A list of `item` capabilities, each at most once. */
const capabilitiesOf = <S extends Schema.Top & { readonly Type: string }>(item: S) =>
  Schema.Array(item).check(
    Schema.makeFilter((items: ReadonlyArray<string>) => new Set(items).size === items.length || "capabilities must not repeat a value", {
      expected: "capabilities without duplicates"
    })
  )
const Capabilities = capabilitiesOf(Capability)

/** What a phone number can do, as the official `messaging.v1.service.phone_number` lists it: `Voice`, `SMS`, `MMS`. */
export const PhoneNumberCapability = Schema.Literals(["SMS", "MMS", "Voice"])

// Every SID of a seed decodes to its canonical form (see CanonicalSid.ts), so that `ACAAAA...` in a seed file is
// the account `ACaaaa...`.

/** An account of the seed. */
export const SeedAccount = Schema.Struct({
  sid: CanonicalAccountSid,
  authToken: AuthToken
}).pipe(Schema.encodeKeys({ sid: "sid", authToken: "auth_token" }))

/** The fields of a seed service, and their wire names. */
export const seedServiceFields = { sid: CanonicalServiceSid, accountSid: CanonicalAccountSid, friendlyName: FriendlyName }
export const seedServiceWireKeys = { sid: "sid", accountSid: "account_sid", friendlyName: "friendly_name" } as const

/** A Messaging Service of the seed. */
export const SeedService = Schema.Struct(seedServiceFields).pipe(Schema.encodeKeys(seedServiceWireKeys))

/**
 * The wire names of a seed sender of `kind`: its SID, its account, its kind's own columns (the resource's wire
 * names) and the service it is placed in.
 */
export const seedSenderWireKeys = <C extends object>(kind: { readonly columns: C }) =>
  ({ sid: "sid", accountSid: "account_sid", ...kind.columns, serviceSid: "service_sid" }) as const

/** The wire names of a seed short code's fields. */
export const seedShortCodeWireKeys = seedSenderWireKeys(SHORT_CODE)

/** The fields of a seed short code. */
export const seedShortCodeFields = {
  sid: CanonicalShortCodeSid,
  accountSid: CanonicalAccountSid,
  shortCode: ShortCodeNumber,
  countryCode: CountryCode.pipe(Schema.withDecodingDefaultKey(Effect.succeed("US"))),
  capabilities: Capabilities.pipe(Schema.withDecodingDefaultKey(Effect.succeed(["SMS" as const]))),
  serviceSid: Schema.NullOr(CanonicalServiceSid).pipe(Schema.withDecodingDefaultKey(Effect.succeed(null)))
}
/**
 * A short code of an account's inventory. `country_code` defaults to `US` and `capabilities` to `["SMS"]`;
 * `service_sid`, when given, puts it in that service of the same account on first load.
 */
export const SeedShortCode = Schema.Struct(seedShortCodeFields).pipe(Schema.encodeKeys(seedShortCodeWireKeys))

/** The wire names of a seed phone number's fields. */
export const seedPhoneNumberWireKeys = seedSenderWireKeys(PHONE_NUMBER)

/** The fields of a seed phone number: those of a short code, with `phone_number` in place of `short_code`. */
export const seedPhoneNumberFields = {
  sid: CanonicalPhoneNumberSid,
  accountSid: seedShortCodeFields.accountSid,
  phoneNumber: PhoneNumberE164,
  countryCode: seedShortCodeFields.countryCode,
  capabilities: capabilitiesOf(PhoneNumberCapability).pipe(Schema.withDecodingDefaultKey(Effect.succeed(["SMS" as const]))),
  serviceSid: seedShortCodeFields.serviceSid
}
/**
 * A phone number of an account's inventory. As for a short code, `country_code` defaults to `US` and
 * `capabilities` to `["SMS"]` (any of `SMS`, `MMS`, `Voice`); `service_sid`, when given, puts it in that service of
 * the same account on first load, where it takes a place of the service's pool.
 */
export const SeedPhoneNumber = Schema.Struct(seedPhoneNumberFields).pipe(Schema.encodeKeys(seedPhoneNumberWireKeys))

/** The wire names of a seed alpha sender's fields. */
export const seedAlphaSenderWireKeys = { sid: "sid", serviceSid: "service_sid", alphaSender: "alpha_sender" } as const

/**
 * The alpha sender of a service: it has no inventory, so it names only its service (the account is the service's).
 * The text follows the schema package's `AlphaSenderText` rules; `sid`, when left out, is generated on load.
 */
export const SeedAlphaSender = Schema.Struct({
  sid: Schema.optionalKey(CanonicalAlphaSenderSid),
  serviceSid: CanonicalServiceSid,
  alphaSender: AlphaSenderText
}).pipe(Schema.encodeKeys(seedAlphaSenderWireKeys))

const list = <S extends Schema.Top>(item: S) =>
  Schema.Array(item).pipe(Schema.withDecodingDefaultKey(Effect.succeed([])))

/**
 * The whole seed. Every list may be left out (`phone_numbers` and `alpha_senders` stay out of the decoded value then). Loading is idempotent: what exists is kept, what is missing is added
 * (see `loadSeed`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Seed } from "@shortcode-kit/emulator"
 *
 * const seed = Schema.decodeUnknownSync(Seed)({
 *   accounts: [{ sid: "AC11111111111111111111111111111111", auth_token: "my-test-token" }],
 *   short_codes: [{ sid: "SC11111111111111111111111111111111", account_sid: "AC11111111111111111111111111111111", short_code: "55501" }]
 * })
 * seed.shortCodes[0]?.capabilities // ["SMS"]
 * ```
 */
export const Seed = Schema.Struct({
  accounts: list(SeedAccount),
  services: list(SeedService),
  shortCodes: list(SeedShortCode),
  // Optional in the decoded type too, so a `Seed` written as a literal before phone numbers and alpha senders existed still type-checks.
  phoneNumbers: Schema.optionalKey(Schema.Array(SeedPhoneNumber)),
  alphaSenders: Schema.optionalKey(Schema.Array(SeedAlphaSender))
}).pipe(
  Schema.encodeKeys({
    accounts: "accounts",
    services: "services",
    shortCodes: "short_codes",
    phoneNumbers: "phone_numbers",
    alphaSenders: "alpha_senders"
  })
).annotate({
  identifier: "Seed"
})

export type Seed = typeof Seed.Type
export type SeedWire = typeof Seed.Encoded
