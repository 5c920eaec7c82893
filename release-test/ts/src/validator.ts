// release-test: validateShortCode's result type from an ES module
import { validateShortCode } from "@shortcode-kit/validator"

const result = validateShortCode(JSON.parse("{}") as unknown, { profile: "spec" })
export const ok: boolean = result.ok
