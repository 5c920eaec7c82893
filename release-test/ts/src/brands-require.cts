// release-test: the brands from a CommonJS module (the require condition and the .d.cts declarations)
import { Schema } from "effect"
import { ServiceSid, ShortCodeSid } from "@shortcode-kit/schema"

export const attach = (service: ServiceSid, shortCode: ShortCodeSid): string => service + shortCode
export const service: ServiceSid = Schema.decodeUnknownSync(ServiceSid)(`MG${"a".repeat(32)}`)
