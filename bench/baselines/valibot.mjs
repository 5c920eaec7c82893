// The same schemas in valibot 1: `v.nullish`, SIDs by length and regex, `v.isoTimestamp()`, `v.url()`.
import * as v from "valibot"

const sid = (prefix) => v.pipe(v.string(), v.length(34), v.regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`)))

export const valibotShortCode = v.object({
  sid: v.nullish(sid("SC")),
  account_sid: v.nullish(sid("AC")),
  service_sid: v.nullish(sid("MG")),
  date_created: v.nullish(v.pipe(v.string(), v.isoTimestamp())),
  date_updated: v.nullish(v.pipe(v.string(), v.isoTimestamp())),
  short_code: v.nullish(v.string()),
  country_code: v.nullish(v.string()),
  capabilities: v.nullish(v.array(v.string())),
  url: v.nullish(v.pipe(v.string(), v.url()))
})

export const valibotCreateRequest = v.object({ ShortCodeSid: sid("SC") })

export const valibotSafeParse = (schema) => (input) => v.safeParse(schema, input)

/** The form body parsed and checked the valibot way. */
export const valibotCreateForm = (body) => v.safeParse(valibotCreateRequest, Object.fromEntries(new URLSearchParams(body)))
