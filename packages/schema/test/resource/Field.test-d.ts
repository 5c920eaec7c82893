// The types the declarations derive: nullability and presence as declared, strict overrides as declared.
import { expectTypeOf, test } from "vitest"
import type { AccountSid, MessagingService, ShortCode, ShortCodeSid, ShortCodeStrict, ShortCodeWire } from "@shortcode-kit/schema"

test("every ShortCode field is nullable and always present in the domain; absent or null on the wire", () => {
  expectTypeOf<ShortCode["sid"]>().toEqualTypeOf<ShortCodeSid | null>()
  expectTypeOf<ShortCode["accountSid"]>().toEqualTypeOf<AccountSid | null>()
  expectTypeOf<ShortCode["capabilities"]>().toEqualTypeOf<ReadonlyArray<string> | null>()
  expectTypeOf<ShortCodeWire["date_created"]>().toEqualTypeOf<string | null | undefined>()
})

test("the strict profile makes the declared fields non-null and keeps the others nullable", () => {
  expectTypeOf<ShortCodeStrict["sid"]>().toEqualTypeOf<ShortCodeSid>()
  expectTypeOf<ShortCodeStrict["url"]>().toEqualTypeOf<URL>()
  expectTypeOf<ShortCodeStrict["shortCode"]>().toEqualTypeOf<string | null>()
  expectTypeOf<ShortCodeStrict["capabilities"]>().toEqualTypeOf<ReadonlyArray<"SMS" | "MMS"> | null>()
})

test("MessagingService: every key required, null allowed except on the two non-nullable fields", () => {
  expectTypeOf<MessagingService["inboundRequestUrl"]>().toEqualTypeOf<URL | null>()
  expectTypeOf<MessagingService["validityPeriod"]>().toEqualTypeOf<number>()
  expectTypeOf<MessagingService["scanMessageContent"]>().toEqualTypeOf<"inherit" | "enable" | "disable">()
})
