// release-test: CommonJS require: @shortcode-kit/schema decodes the seed example with effect's Schema
const assert = require("node:assert/strict")
const fs = require("node:fs")
const path = require("node:path")
const { Schema } = require("effect")
const { ServiceSid, ShortCode, ShortCodeSid } = require("@shortcode-kit/schema")

// The require condition must pick the CommonJS build.
const entry = require.resolve("@shortcode-kit/schema")
assert.match(entry, /dist[\\/]index\.cjs$/, `resolved entry ${entry}`)

/** @type {Record<string, unknown>} */
const seed = JSON.parse(fs.readFileSync(path.join(__dirname, "../seed.json"), "utf8"))
const shortCode = Schema.decodeUnknownSync(ShortCode)(seed)
assert.equal(shortCode.sid, seed.sid)
assert.equal(shortCode.serviceSid, seed.service_sid)
assert.equal(shortCode.shortCode, "12345")
assert.ok(shortCode.dateCreated instanceof Date, "dateCreated is a Date")
assert.equal(shortCode.dateCreated.toISOString(), "2015-07-30T20:12:31.000Z")
assert.deepEqual(Schema.encodeSync(ShortCode)(shortCode), seed)
assert.equal(Schema.decodeUnknownSync(ServiceSid)(seed.service_sid), seed.service_sid)
assert.throws(() => Schema.decodeUnknownSync(ShortCodeSid)(seed.service_sid))
// A Service SID where the ShortCode SID belongs: invalid under every profile.
assert.throws(() => Schema.decodeUnknownSync(ShortCode)({ ...seed, sid: seed.service_sid }))
