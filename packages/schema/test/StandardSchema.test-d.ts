// The Standard Schema views keep the types of the schemas they view: the ones derived from a declaration as well as
// the ones listed by name.
import {
  type AlphaSender,
  type AlphaSenderSid,
  type AlphaSenderWire,
  type CreatePhoneNumberRequest,
  type PhoneNumberPage,
  type PhoneNumberSid,
  type ShortCode,
  type ShortCodeWire,
  standardSchemas,
  type TwilioError
} from "@shortcode-kit/schema"
import type { Schema } from "effect"
import { describe, expectTypeOf, it } from "vitest"

type Output<S> = S extends { readonly "~standard": { readonly types?: { readonly output: infer O } | undefined } } ? O : never
type Input<S> = S extends { readonly "~standard": { readonly types?: { readonly input: infer I } | undefined } } ? I : never

describe("standardSchemas", () => {
  it("types each view by its schema: input the wire form, output the domain value", () => {
    expectTypeOf<Output<typeof standardSchemas.ShortCode>>().toEqualTypeOf<ShortCode>()
    expectTypeOf<Input<typeof standardSchemas.ShortCode>>().toEqualTypeOf<ShortCodeWire>()
    expectTypeOf<Output<typeof standardSchemas.PhoneNumberSid>>().toEqualTypeOf<PhoneNumberSid>()
    expectTypeOf<Output<typeof standardSchemas.PhoneNumberPage>>().toEqualTypeOf<PhoneNumberPage>()
    expectTypeOf<Output<typeof standardSchemas.CreatePhoneNumberRequest>>().toEqualTypeOf<typeof CreatePhoneNumberRequest.Type>()
    expectTypeOf<Output<typeof standardSchemas.AlphaSender>>().toEqualTypeOf<AlphaSender>()
    expectTypeOf<Input<typeof standardSchemas.AlphaSender>>().toEqualTypeOf<AlphaSenderWire>()
    expectTypeOf<Output<typeof standardSchemas.AlphaSenderSid>>().toEqualTypeOf<AlphaSenderSid>()
    expectTypeOf<Output<typeof standardSchemas.TwilioError>>().toEqualTypeOf<TwilioError>()
    // Each view is its schema too.
    expectTypeOf(standardSchemas.ShortCodeStrict).toExtend<Schema.Top>()
  })

  it("has no key it does not declare", () => {
    // @ts-expect-error: no such resource
    void standardSchemas.WidgetSid
  })
})
