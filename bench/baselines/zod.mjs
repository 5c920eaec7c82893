// The ShortCode wire schema and the create form written in zod 4 as its documentation suggests: every property
// optional and nullable, SIDs by length and pattern, `z.iso.datetime({ offset: true })`, `z.url()`.
import { z } from "zod"

const sid = (prefix) => z.string().length(34).regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`))
const nullish = (schema) => schema.nullable().optional()

export const zodShortCode = z.object({
  sid: nullish(sid("SC")),
  account_sid: nullish(sid("AC")),
  service_sid: nullish(sid("MG")),
  date_created: nullish(z.iso.datetime({ offset: true })),
  date_updated: nullish(z.iso.datetime({ offset: true })),
  short_code: nullish(z.string()),
  country_code: nullish(z.string()),
  capabilities: nullish(z.array(z.string())),
  url: nullish(z.url())
})

export const zodCreateRequest = z.object({ ShortCodeSid: sid("SC") })

/** The form body parsed and checked the zod way. */
export const zodCreateForm = (body) => zodCreateRequest.safeParse(Object.fromEntries(new URLSearchParams(body)))
