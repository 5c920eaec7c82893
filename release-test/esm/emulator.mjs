// release-test: ESM import: @shortcode-kit/emulator in-process with the official twilio SDK (makeInProcessHttpClient)
import assert from "node:assert/strict"
import twilio from "twilio"
import { makeServer } from "@shortcode-kit/emulator"
import { makeInProcessHttpClient } from "@shortcode-kit/emulator/twilio"

const emulator = makeServer({ database: ":memory:", log: false })
const client = twilio(`AC${"a".repeat(32)}`, "demo-auth-token", { httpClient: makeInProcessHttpClient(emulator) })
const shortCodes = client.messaging.v1.services(`MG${"a".repeat(32)}`).shortCodes
// The demo data knows this ShortCode SID as the number 23456.
const sid = `SC${"b".repeat(32)}`
const added = await shortCodes.create({ shortCodeSid: sid })
assert.equal(added.shortCode, "23456")
assert.deepEqual(
  (await shortCodes.list()).map((s) => s.sid),
  [sid]
)
await assert.rejects(
  shortCodes.create({ shortCodeSid: sid }),
  (/** @type {{ status?: unknown, code?: unknown }} */ e) => e.status === 409 && e.code === 21710
)
await emulator.close()
