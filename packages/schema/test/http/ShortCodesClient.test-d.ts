import type { Effect } from "effect"
import { describe, expectTypeOf, test } from "vitest"
import type { ShortCode, ShortCodePage, TwilioError } from "@shortcode-kit/schema"
import type {
  ShortCodesClient,
  ShortCodesClientFailure,
  ShortCodesEffectClient,
  TwilioApiError
} from "@shortcode-kit/schema/http"

describe("client types", () => {
  test("Promise calls resolve to the decoded domain values", () => {
    expectTypeOf<ReturnType<ShortCodesClient["createShortCode"]>>().toEqualTypeOf<Promise<ShortCode>>()
    expectTypeOf<ReturnType<ShortCodesClient["fetchShortCode"]>>().toEqualTypeOf<Promise<ShortCode>>()
    expectTypeOf<ReturnType<ShortCodesClient["listShortCodes"]>>().toEqualTypeOf<Promise<ShortCodePage>>()
    expectTypeOf<ReturnType<ShortCodesClient["listAllShortCodes"]>>().toEqualTypeOf<Promise<ReadonlyArray<ShortCode>>>()
    expectTypeOf<ReturnType<ShortCodesClient["deleteShortCode"]>>().toEqualTypeOf<Promise<void>>()
  })

  test("Effect calls need no services and fail only with the two client errors", () => {
    expectTypeOf<ReturnType<ShortCodesEffectClient["fetchShortCode"]>>().toEqualTypeOf<
      Effect.Effect<ShortCode, ShortCodesClientFailure, never>
    >()
    expectTypeOf<ShortCodesClientFailure["_tag"]>().toEqualTypeOf<"TwilioApiError" | "ShortCodesClientError">()
    expectTypeOf<TwilioApiError["twilioError"]>().toEqualTypeOf<TwilioError>()
  })

  test("arguments are checked: a missing SID does not compile", () => {
    // @ts-expect-error shortCodeSid is required
    void ((client: ShortCodesClient) => client.createShortCode({ serviceSid: "MG" }))
    // @ts-expect-error sid is required
    void ((client: ShortCodesClient) => client.fetchShortCode({ serviceSid: "MG" }))
  })
})
