// release-test: a ServiceSid passed where a ShortCodeSid is expected does not compile (exactly one error, TS2345)
import { Schema } from "effect"
import { ServiceSid, type ShortCodeSid } from "@shortcode-kit/schema"

const removeShortCode = (shortCode: ShortCodeSid): string => shortCode
const service: ServiceSid = Schema.decodeUnknownSync(ServiceSid)(`MG${"a".repeat(32)}`)
export const wrong = removeShortCode(service) // expect TS2345
