// release-test: CommonJS require: @shortcode-kit/validator validateShortCode(seed, { profile: "spec" }) is ok
const assert = require("node:assert/strict")
const fs = require("node:fs")
const path = require("node:path")
const { validateShortCode } = require("@shortcode-kit/validator")

// The require condition must pick the CommonJS build.
const entry = require.resolve("@shortcode-kit/validator")
assert.match(entry, /dist[\\/]index\.cjs$/, `resolved entry ${entry}`)

/** @type {Record<string, unknown>} */
const seed = JSON.parse(fs.readFileSync(path.join(__dirname, "../seed.json"), "utf8"))
const valid = validateShortCode(seed, { profile: "spec" })
assert.equal(valid.ok, true, `seed example: ${JSON.stringify(valid)}`)
// A Service SID where the ShortCode SID belongs: invalid under every profile.
const invalid = validateShortCode({ ...seed, sid: seed.service_sid }, { profile: "spec" })
assert.equal(invalid.ok, false, `invalid example: ${JSON.stringify(invalid)}`)
