// release-test: ESM import: @shortcode-kit/schema decodes the seed example with effect's Schema
import assert from "node:assert/strict"
import fs from "node:fs"
import { Schema } from "effect"
import { ServiceSid, ShortCode, ShortCodeSid } from "@shortcode-kit/schema"

// The import condition must pick the ESM build.
const entry = import.meta.resolve("@shortcode-kit/schema")
assert.match(entry, /dist[\\/]index\.mjs$/, `resolved entry ${entry}`)

/** @type {Record<string, unknown>} */
const seed = JSON.parse(fs.readFileSync(new URL("../seed.json", import.meta.url), "utf8"))
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
