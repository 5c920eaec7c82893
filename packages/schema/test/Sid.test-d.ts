import { describe, expectTypeOf, it } from "vitest"
import type { AccountSid, ServiceSid, ShortCodeSid } from "@shortcode-kit/schema"

declare const account: AccountSid
declare const service: ServiceSid
declare const shortCode: ShortCodeSid

describe("SID brands", () => {
  it("are distinct from each other", () => {
    expectTypeOf(service).not.toEqualTypeOf<ShortCodeSid>()
    expectTypeOf(account).not.toEqualTypeOf<ServiceSid>()
    // @ts-expect-error a ServiceSid is not a ShortCodeSid
    const a: ShortCodeSid = service
    // @ts-expect-error a ShortCodeSid is not an AccountSid
    const b: AccountSid = shortCode
    // @ts-expect-error an AccountSid is not a ServiceSid
    const c: ServiceSid = account
    void a, void b, void c
  })

  it("cannot be made from a plain string, but are strings", () => {
    // @ts-expect-error a plain string is not a ShortCodeSid
    const d: ShortCodeSid = "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    void d
    expectTypeOf(shortCode).toExtend<string>()
  })
})
