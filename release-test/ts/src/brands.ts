// release-test: the ServiceSid/ShortCodeSid brands and the ShortCode type from an ES module
import { Schema } from "effect"
import { ServiceSid, ShortCode, ShortCodeSid } from "@shortcode-kit/schema"

export const attachShortCode = (service: ServiceSid, shortCode: ShortCodeSid): string =>
  `/v1/Services/${service}/ShortCodes/${shortCode}`

const decoded: ShortCode = Schema.decodeUnknownSync(ShortCode)(JSON.parse("{}") as unknown)
const service: ServiceSid = Schema.decodeUnknownSync(ServiceSid)(`MG${"a".repeat(32)}`)
const shortCode: ShortCodeSid | null = decoded.sid
export const path: string = attachShortCode(
  decoded.serviceSid ?? service,
  shortCode ?? Schema.decodeUnknownSync(ShortCodeSid)(`SC${"a".repeat(32)}`)
)
export const wire: ShortCode["sid"] = null
