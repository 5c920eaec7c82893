/**
 * Create requests (`ServiceSid` and the form body), valid and near misses.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { FormBodyInput } from "../CreateShortCode.js"
import type { LocalMiss, NearMiss } from "./NearMiss.js"
import { sidArbitrary } from "./Overrides.js"
import { sidMiss } from "./Sid.js"

/**
 * A create request as a server holds it: the `ServiceSid` path parameter and the form body.
 *
 * @since 0.1.0
 */
export interface CreateShortCodeRequestSample {
  readonly serviceSid: string
  readonly body: FormBodyInput
}

/**
 * Options of the create-request arbitraries. Fixed SIDs make the requests name real resources of a server under
 * test (an invalid one throws a TypeError at once); `bodyAs` picks the body's form (default: any of the three).
 *
 * @since 0.1.0
 */
export interface CreateShortCodeArbitraryOptions {
  readonly serviceSid?: string | undefined
  readonly shortCodeSid?: string | undefined
  readonly bodyAs?: "string" | "URLSearchParams" | "record" | undefined
}


const resolveBodyAs = (caller: string, options: CreateShortCodeArbitraryOptions | undefined) => {
  const bodyAs = options?.bodyAs
  if (bodyAs !== undefined && bodyAs !== "string" && bodyAs !== "URLSearchParams" && bodyAs !== "record") {
    throw new TypeError(`${caller}: bodyAs must be "string", "URLSearchParams" or "record", received ${JSON.stringify(bodyAs)}`)
  }
  return bodyAs === undefined ? fc.constantFrom("string" as const, "URLSearchParams" as const, "record" as const) : fc.constant(bodyAs)
}

const hexEscape = (ch: string, lower: boolean) => {
  const hex = ch.charCodeAt(0).toString(16).padStart(2, "0")
  return `%${lower ? hex : hex.toUpperCase()}`
}

/** Form text that decodes to `ShortCodeSid=<sid>` plus ignored parameters: escapes in the value and in the name. */
export const formText = (sid: string): fc.Arbitrary<string> =>
  fc.record({
    escaped: fc.uniqueArray(fc.nat(sid.length - 1), { maxLength: 4 }),
    lower: fc.boolean(),
    escapeName: fc.boolean(),
    before: fc.option(fc.constantFrom("FriendlyName=My+short+code", "Foo=bar", "x="), { nil: undefined }),
    after: fc.option(fc.constantFrom("FriendlyName=Sales%20line", "Capabilities=SMS", "y"), { nil: undefined })
  }).map(({ escaped, lower, escapeName, before, after }) => {
    const value = sid.split("").map((ch, i) => (escaped.includes(i) ? hexEscape(ch, lower) : ch)).join("")
    const name = escapeName ? `Short${hexEscape("C", lower)}odeSid` : "ShortCodeSid"
    return [before, `${name}=${value}`, after].filter((part) => part !== undefined).join("&")
  })

const bodyFrom = (as: "string" | "URLSearchParams" | "record", text: string, record: Readonly<Record<string, string | ReadonlyArray<string>>>): FormBodyInput =>
  as === "string" ? text : as === "URLSearchParams" ? new URLSearchParams(text) : record

/**
 * Valid create requests: a Service SID and a form body carrying `ShortCodeSid` once, as text (with
 * percent-escapes such as `SC%61...` and ignored parameters), `URLSearchParams`, or a record.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { validateCreateShortCodeRequest } from "@shortcode-kit/validator"
 * import { createShortCodeRequest } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.assert(fc.property(createShortCodeRequest(), (request) => validateCreateShortCodeRequest(request).ok))
 * ```
 * @since 0.1.0
 */
export const createShortCodeRequest = (options?: CreateShortCodeArbitraryOptions): fc.Arbitrary<CreateShortCodeRequestSample> => {
  const as = resolveBodyAs("createShortCodeRequest", options)
  const service = sidArbitrary("createShortCodeRequest", "serviceSid", options?.serviceSid)
  const sid = sidArbitrary("createShortCodeRequest", "shortCodeSid", options?.shortCodeSid)
  return fc.tuple(service, sid, as, fc.boolean())
    .chain(([service, sid, bodyAs, asArray]) =>
      formText(sid).map((text) => ({
        serviceSid: service,
        body: bodyFrom(bodyAs, text, asArray ? { ShortCodeSid: [sid] } : { ShortCodeSid: sid, FriendlyName: "Sales" })
      }))
    )
}

/** Form-level near misses of the ShortCodeSid parameter, as text and as the record a body parser would give. */
const formMiss = (sid: fc.Arbitrary<string>): fc.Arbitrary<{ readonly text: string; readonly record: Record<string, unknown>; readonly rule: string }> =>
  fc.oneof(
    // No ShortCodeSid at all: an empty body, other parameters only, or the name misspelt (names are case-sensitive).
    fc.tuple(sid, fc.constantFrom<readonly [string, string | null]>(
      ["", null], ["FriendlyName", "x"], ["shortcodesid", null], ["ShortCodeSID", null], [" ShortCodeSid", null],
      ["ShortCodeSid ", null], ["Short_Code_Sid", null], ["shortCodeSid", null]
    )).map(([value, [name, fixed]]) => {
      if (name === "") return { text: "", record: {}, rule: "required" }
      const given = fixed ?? value
      return { text: `${encodeURIComponent(name)}=${given}`, record: { [name]: given }, rule: "required" }
    }),
    fc.constantFrom("ShortCodeSid=", "ShortCodeSid", "FriendlyName=x&ShortCodeSid=").map((text) => ({ text, record: { ShortCodeSid: "" }, rule: "required" })),
    fc.tuple(sid, sid, fc.boolean()).map(([a, b, same]) => ({
      text: `ShortCodeSid=${a}&ShortCodeSid=${same ? a : b}`,
      record: { ShortCodeSid: [a, same ? a : b] },
      rule: "form.repeated"
    }))
  )

const ShortCodeSidText = (miss: LocalMiss) => new URLSearchParams({ ShortCodeSid: String(miss.value) }).toString()

/**
 * Near misses of a create request, each breaking one rule at one path: a malformed, missing or wrongly typed
 * `ServiceSid` (path `["ServiceSid"]`), or a body whose `ShortCodeSid` is malformed (every SID near miss),
 * missing (including a misspelt name such as `shortCodeSid`), empty or repeated (path `["ShortCodeSid"]`).
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { toTwilioError, validateCreateShortCodeRequest } from "@shortcode-kit/validator"
 * import { invalidCreateShortCodeRequest } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.assert(fc.property(invalidCreateShortCodeRequest(), ({ value }) => {
 *   const result = validateCreateShortCodeRequest(value)
 *   return !result.ok && toTwilioError(result).status >= 400
 * }))
 * ```
 * @since 0.1.0
 */
export const invalidCreateShortCodeRequest = (options?: CreateShortCodeArbitraryOptions): fc.Arbitrary<NearMiss<{ readonly serviceSid: unknown; readonly body: unknown }>> => {
  const as = resolveBodyAs("invalidCreateShortCodeRequest", options)
  const service = sidArbitrary("invalidCreateShortCodeRequest", "serviceSid", options?.serviceSid)
  const sid = sidArbitrary("invalidCreateShortCodeRequest", "shortCodeSid", options?.shortCodeSid)
  const validBody = fc.tuple(sid, as).chain(([value, bodyAs]) => formText(value).map((text) => bodyFrom(bodyAs, text, { ShortCodeSid: value })))
  const badService = fc.tuple(
    fc.oneof({ weight: 9, arbitrary: sidMiss("MG") }, { weight: 1, arbitrary: fc.constant<LocalMiss>({ value: undefined, rule: "required" }) }),
    validBody
  ).map(([miss, body]) => ({ value: { serviceSid: miss.value, body }, rule: miss.rule, path: ["ServiceSid"] }))
  // An array of strings in a record is a repeated parameter, not a value of the wrong type.
  const sidMisses = sidMiss("SC").filter((miss) => !(Array.isArray(miss.value) && miss.value.every((item) => typeof item === "string")))
  const badSid = fc.tuple(service, as, sidMisses, fc.boolean()).map(([serviceValue, bodyAs, miss, asArray]) => {
    // A type miss exists only where the body can hold a non-string: in a record.
    const kind = miss.rule === "type" ? "record" : bodyAs
    const record = { ShortCodeSid: asArray && miss.rule !== "type" ? [miss.value] : miss.value } as Record<string, string>
    return {
      value: { serviceSid: serviceValue, body: bodyFrom(kind, miss.rule === "type" ? "" : ShortCodeSidText(miss), record) },
      rule: miss.rule,
      path: ["ShortCodeSid"]
    }
  })
  const badForm = fc.tuple(service, as, formMiss(sid)).map(([serviceValue, bodyAs, miss]) => ({
    value: { serviceSid: serviceValue, body: bodyFrom(bodyAs, miss.text, miss.record as Record<string, string>) },
    rule: miss.rule,
    path: ["ShortCodeSid"]
  }))
  return fc.oneof(badService, { weight: 2, arbitrary: badSid }, badForm)
}
