// release-test: ESM import: @shortcode-kit/validator validateShortCode(seed, { profile: "spec" }) is ok
import assert from "node:assert/strict"
import fs from "node:fs"
import { validateShortCode } from "@shortcode-kit/validator"

// The import condition must pick the ESM build.
const entry = import.meta.resolve("@shortcode-kit/validator")
assert.match(entry, /dist[\\/]index\.mjs$/, `resolved entry ${entry}`)

/** @type {Record<string, unknown>} */
const seed = JSON.parse(fs.readFileSync(new URL("../seed.json", import.meta.url), "utf8"))
const valid = validateShortCode(seed, { profile: "spec" })
assert.equal(valid.ok, true, `seed example: ${JSON.stringify(valid)}`)
// A Service SID where the ShortCode SID belongs: invalid under every profile.
const invalid = validateShortCode({ ...seed, sid: seed.service_sid }, { profile: "spec" })
assert.equal(invalid.ok, false, `invalid example: ${JSON.stringify(invalid)}`)
