// The manager's input checks against the published arbitraries: every SID Twilio could issue gets through to the
// API, and every near miss is refused before any request, naming the one rule it breaks.
import { test } from "@fast-check/vitest"
import { DEMO_SERVICE_SID, DEMO_SHORT_CODE_SIDS } from "@shortcode-kit/emulator"
import { invalidServiceSid, invalidShortCodeSid, serviceSid, shortCodeSid } from "@shortcode-kit/validator/arbitraries"
import { describe, expect, it } from "vitest"
import { managerFor, useInProcessEmulator } from "./support/inProcess.js"

const emulator = useInProcessEmulator()
const [DEMO_SHORT_CODE_SID] = DEMO_SHORT_CODE_SIDS

describe("input checks", () => {
  test.prop([serviceSid(), shortCodeSid()], { numRuns: 50 })(
    "accept every valid pair of SIDs and send exactly one request (the emulator knows none of them: 20404)",
    async (service, shortCode) => {
      const before = emulator().requests().length
      const outcome = await managerFor(emulator()).attach(service, shortCode)
      expect(outcome).toEqual({ _tag: "NotFound", message: `The requested resource /v1/Services/${service}/ShortCodes was not found` })
      expect(emulator().requests().slice(before).map((r) => [r.method, r.path, r.form])).toEqual([
        ["POST", `/v1/Services/${service}/ShortCodes`, { ShortCodeSid: shortCode }]
      ])
    }
  )

  // Near misses include non-strings (numbers, arrays, null): what JavaScript callers and parsed JSON can pass.
  test.prop([invalidServiceSid()], { numRuns: 100 })("refuse every near miss of a service SID with its rule, sending nothing", async (miss) => {
    const manager = managerFor(emulator())
    for (const outcome of [
      await manager.attach(miss.value as string, DEMO_SHORT_CODE_SID),
      await manager.detach(miss.value as string, DEMO_SHORT_CODE_SID),
      await manager.listAll(miss.value as string)
    ]) {
      expect(outcome).toMatchObject({ _tag: "InvalidInput", field: "serviceSid", rule: miss.rule })
    }
    expect(emulator().requests()).toEqual([])
  })

  test.prop([invalidShortCodeSid()], { numRuns: 100 })("refuse every near miss of a short code SID with its rule, sending nothing", async (miss) => {
    const manager = managerFor(emulator())
    for (const outcome of [await manager.attach(DEMO_SERVICE_SID, miss.value as string), await manager.detach(DEMO_SERVICE_SID, miss.value as string)]) {
      expect(outcome).toMatchObject({ _tag: "InvalidInput", field: "shortCodeSid", rule: miss.rule })
    }
    expect(emulator().requests()).toEqual([])
  })

  it("say what is wrong, where, and what was expected", async () => {
    const manager = managerFor(emulator())
    expect(await manager.attach("MG123", DEMO_SHORT_CODE_SID)).toEqual({
      _tag: "InvalidInput",
      field: "serviceSid",
      rule: "sid.length",
      message: 'serviceSid must be exactly 34 characters long: "MG" followed by 32 hexadecimal digits (received "MG123")'
    })
    expect(await manager.attach(DEMO_SERVICE_SID, ` ${DEMO_SHORT_CODE_SID}`)).toEqual({
      _tag: "InvalidInput",
      field: "shortCodeSid",
      rule: "sid.whitespace",
      message: `shortCodeSid must not contain whitespace; a SC SID is "SC" followed by 32 hexadecimal digits (received " ${DEMO_SHORT_CODE_SID}")`
    })
  })
})
