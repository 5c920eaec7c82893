/**
 * The emulator's identity rule for SIDs: a SID is its two-letter prefix and its 32 hex digits, and the digits are
 * compared without regard to case, so `MGAAAA...` and `MGaaaa...` name the same service. Twilio's official patterns
 * accept both cases (`[0-9a-fA-F]{32}`) while Twilio issues lower-case hex; the emulator therefore turns every SID it
 * is given into that canonical lower-case form where the input is decoded (paths, forms, Basic auth, admin bodies,
 * seeds) and stores and answers only the canonical form. The schema package's codecs are left as they are: they
 * accept and return what the official schema allows, never rewriting a value.
 */
import { AccountSid, AlphaSenderSid, ServiceSid, ShortCodeSid, sidString } from "@shortcode-kit/schema"
import { Schema, SchemaGetter } from "effect"

// A well-formed SID of any prefix. Anything else is left untouched, so that what is not a SID stays exactly what the
// client sent (and a 404 names it as sent).
const SID = /^[A-Z]{2}[0-9a-fA-F]{32}$/

/** The canonical form of a SID (prefix kept, hex digits in lower case); any other text is returned unchanged. */
export const canonicalSid = <S extends string>(text: S): S =>
  SID.test(text) ? (`${text.slice(0, 2)}${text.slice(2).toLowerCase()}` as S) : text

/** `schema` (a SID schema of the schema package) decoding to, and encoding, the canonical form. */
export const canonical = <S extends Schema.Top & { readonly Type: string }>(schema: S) =>
  schema.pipe(
    Schema.decode<S>({
      decode: SchemaGetter.transform(canonicalSid),
      encode: SchemaGetter.transform(canonicalSid)
    })
  )

/** An Account SID, decoded to its canonical form. */
export const CanonicalAccountSid = canonical(AccountSid)
/** A Messaging Service SID, decoded to its canonical form. */
export const CanonicalServiceSid = canonical(ServiceSid)
/** A Short Code SID, decoded to its canonical form. */
export const CanonicalShortCodeSid = canonical(ShortCodeSid)

// The schema package declares no PhoneNumber or AlphaSender brands yet (issue 14 adds them there); until it does, the
// emulator's store brands its own from the same `sidString`, under the names the schema package will export.

/** A Phone Number SID (`PN` + 32 hex digits), as the store holds it. */
export const PhoneNumberSid = sidString("PN").pipe(Schema.brand("PhoneNumberSid")).annotate({ identifier: "PhoneNumberSid" })
/** A Phone Number SID. */
export type PhoneNumberSid = typeof PhoneNumberSid.Type
/** An Alpha Sender SID (`AI` + 32 hex digits): the schema package's. */
export { AlphaSenderSid } from "@shortcode-kit/schema"
/** A Phone Number SID, decoded to its canonical form. */
export const CanonicalPhoneNumberSid = canonical(PhoneNumberSid)
/** An Alpha Sender SID, decoded to its canonical form. */
export const CanonicalAlphaSenderSid = canonical(AlphaSenderSid)
