import type { ServiceSid, ShortCode, ShortCodeSid } from "@shortcode-kit/schema"
import { isServiceSid, validateCreateShortCodeRequest, validateShortCode } from "@shortcode-kit/validator"
import { describe, expectTypeOf, it } from "vitest"

describe("types", () => {
  it("the strict profile's value has non-null SIDs, dates and url; the spec profile's may be null", () => {
    const strict = validateShortCode({}, { profile: "strict" })
    if (strict.ok) {
      expectTypeOf(strict.value.dateCreated).toEqualTypeOf<Date>()
      expectTypeOf(strict.value.url).toEqualTypeOf<URL>()
    }
    const spec = validateShortCode({})
    if (spec.ok) {
      expectTypeOf(spec.value).toEqualTypeOf<ShortCode>()
      expectTypeOf(spec.value.dateCreated).toEqualTypeOf<Date | null>()
    }
  })

  it("guards narrow to the branded SID, and decoded requests carry branded SIDs that cannot be swapped", () => {
    const input: unknown = "MG"
    if (isServiceSid(input)) expectTypeOf(input).toEqualTypeOf<ServiceSid>()
    const request = validateCreateShortCodeRequest({ serviceSid: "", body: "" })
    if (request.ok) {
      expectTypeOf(request.value.shortCodeSid).toEqualTypeOf<ShortCodeSid>()
      expectTypeOf(request.value.serviceSid).not.toEqualTypeOf<ShortCodeSid>()
    }
  })
})
