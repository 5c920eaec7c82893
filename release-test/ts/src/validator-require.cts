// release-test: validateShortCode's result type from a CommonJS module
import { validateShortCode } from "@shortcode-kit/validator"

export const ok: boolean = validateShortCode(JSON.parse("{}") as unknown, { profile: "spec" }).ok
