/**
 * The strict profile's checks shared by every member of a Messaging Service (a short code, a phone number, ...):
 * the resource `url` is its own instance path under the served origin, and `date_updated >= date_created`.
 *
 * @since 0.2.0
 */
import { ruleCheck } from "../internal/rule.js"
import { fillPath } from "./fillPath.js"

/** Twilio's public API origin, the base of every resource `url` it returns. @since 0.1.0 */
export const TWILIO_MESSAGING_BASE_URL = "https://messaging.twilio.com"

/**
 * The canonical URL of an instance of a resource under `baseUrl`: its declared instance path, filled in.
 *
 * @since 0.2.0
 */
export const memberUrl = (instancePath: string, baseUrl: string, serviceSid: string, sid: string): string => {
  return fillPath(baseUrl, instancePath, { ServiceSid: serviceSid, Sid: sid })
}

/**
 * The base URL of a strict profile, checked: an http(s) origin. `maker` names the function in the error.
 *
 * @since 0.2.0
 */
export const strictBaseUrl = (maker: string, baseUrl: string | undefined): string => {
  const origin = baseUrl ?? TWILIO_MESSAGING_BASE_URL
  if (!/^https?:\/\/[^/?#]+\/?$/.test(origin)) {
    throw new Error(`${maker}: baseUrl must be an http(s) origin such as https://messaging.twilio.com, received ${JSON.stringify(origin)}`)
  }
  return origin
}

/**
 * The checks `dates.order` and `url.canonical` of a member resource whose instances live at `instancePath`.
 *
 * @since 0.2.0
 */
export const memberChecks = (instancePath: string, baseUrl: string) => {
  const own = (v: { readonly serviceSid: string; readonly sid: string }) => memberUrl(instancePath, baseUrl, v.serviceSid, v.sid)
  return [
    ruleCheck("dates.order", (v: { readonly dateCreated: Date; readonly dateUpdated: Date }) =>
      v.dateUpdated.getTime() >= v.dateCreated.getTime(), {
      message: "date_updated must not be earlier than date_created",
      expected: "date_updated >= date_created"
    }, {
      abort: false,
      path: ["date_updated"],
      received: (v) => v.dateUpdated,
      generators: {
        keep: (v) => v.dateUpdated.getTime() >= v.dateCreated.getTime() ? v : { ...v, dateCreated: v.dateUpdated, dateUpdated: v.dateCreated },
        // The creation minus 1 second to 10 years, to the second as Twilio's dates are.
        breaking: (fc, v) =>
          fc.integer({ min: 1, max: 315_576_000 }).map((back) => ({ ...v, dateUpdated: new Date(v.dateCreated.getTime() - back * 1000) }))
      }
    }),
    ruleCheck("url.canonical", (v: { readonly url: URL; readonly serviceSid: string; readonly sid: string }) => v.url.href === own(v), {
      message: `must be the resource's own URL, ${memberUrl(instancePath, baseUrl, "{service_sid}", "{sid}")}`,
      expected: memberUrl(instancePath, baseUrl, "{service_sid}", "{sid}")
    }, {
      abort: false,
      path: ["url"],
      received: (v) => v.url,
      generators: {
        keep: (v) => ({ ...v, url: new URL(own(v)) }),
        // URIs that are not the resource's own: another scheme, a trailing slash, a query, another case, another SID.
        breaking: (fc, v) => {
          const canonical = own(v)
          const otherSid = v.sid.slice(0, 2) + (v.sid.endsWith("0") ? "1" : "0").repeat(v.sid.length - 2)
          return fc.constantFrom(
            canonical.replace(/^https?:/, "ftp:"),
            canonical.startsWith("https:") ? canonical.replace("https:", "http:") : canonical.replace("http:", "https:"),
            `${canonical}/`,
            `${canonical}?PageSize=50`,
            canonical.replace("/v1/", "/V1/"),
            own({ serviceSid: v.serviceSid, sid: otherSid })
          ).map((href) => ({ ...v, url: new URL(href) }))
        }
      }
    })
  ] as const
}

/**
 * The maker of a member resource's strict profile for an origin (`makePhoneNumberStrict`): the declaration's strict
 * fields (every key present, each field as its `strict` declares) and {@link memberChecks}, named
 * `<Identifier>Strict`; a bad `baseUrl` is refused naming `make<Identifier>Strict`.
 *
 * @since 0.2.0
 */
export const memberStrictMaker = <
  const Identifier extends string,
  Strict
>(resource: {
  readonly declaration: { readonly identifier: Identifier }
  readonly instancePath: string
  readonly strict: (options: { readonly identifier: string; readonly description: string; readonly checks?: ReadonlyArray<any> }) => Strict
}) =>
(options: { readonly baseUrl?: string } = {}): Strict => {
  const { identifier } = resource.declaration
  return resource.strict({
    identifier: `${identifier}Strict`,
    description: `${/^[AEIOU]/.test(identifier) ? "An" : "A"} ${identifier} as a real one looks (strict profile)`,
    checks: memberChecks(resource.instancePath, strictBaseUrl(`make${identifier}Strict`, options.baseUrl))
  })
}
