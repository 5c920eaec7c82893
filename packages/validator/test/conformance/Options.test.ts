// Bad options are a mistake in the caller's setup: each is refused at once, before any request, with a TypeError
// that names the option, what it must be and what it was.
import { alphaSendersTarget, type ConformanceOptions, phoneNumbersTarget, runConformance, shortCodesTarget } from "@shortcode-kit/validator/conformance"
import { describe, expect, it } from "vitest"

const AC = `AC${"a".repeat(32)}`
const good: ConformanceOptions = { baseUrl: "http://127.0.0.1:4010", accountSid: AC, authToken: "token" }

const refused = (options: unknown, message: string) =>
  expect(runConformance(options as ConformanceOptions)).rejects.toThrow(new TypeError(`runConformance: ${message}`))

describe("runConformance options", () => {
  it("refuses a bad base URL", async () => {
    await refused({ ...good, baseUrl: "127.0.0.1:4010" }, `baseUrl must be an absolute http(s) URL such as "http://127.0.0.1:4010", received "127.0.0.1:4010"`)
    await refused({ ...good, baseUrl: "not a url" }, `baseUrl must be an absolute http(s) URL such as "http://127.0.0.1:4010", received "not a url"`)
    await refused({ ...good, baseUrl: "ftp://example.com" }, `baseUrl must use http or https, received "ftp://example.com"`)
    await refused({ ...good, baseUrl: "http://example.com/?x=1" }, `baseUrl must not have a query or a fragment, received "http://example.com/?x=1"`)
    await refused({ ...good, baseUrl: "http://user:pw@example.com" }, `baseUrl must not carry credentials: pass accountSid and authToken, received "http://user:pw@example.com"`)
    await refused({ ...good, baseUrl: 4010 }, `baseUrl must be a string such as "http://127.0.0.1:4010", received 4010`)
  })

  it("refuses malformed SIDs and credentials, naming which", async () => {
    await refused({ ...good, accountSid: "AC12" }, `accountSid must be "AC" followed by 32 hexadecimal digits, received "AC12"`)
    await refused({ ...good, authToken: "" }, "authToken must be a non-empty string")
    await refused({ ...good, authToken: "a\nb" }, "authToken must not contain control characters")
    await refused({ ...good, serviceSid: "mg" + "a".repeat(32) }, `serviceSid must be "MG" followed by 32 hexadecimal digits, received "mg${"a".repeat(32)}"`)
    await refused({ ...good, shortCodeSids: [`SC${"a".repeat(32)}`, " SC"] }, `shortCodeSids[1] must be "SC" followed by 32 hexadecimal digits, received " SC"`)
    await refused({ ...good, shortCodeSids: [`SC${"a".repeat(32)}`, `SC${"a".repeat(32)}`] }, `shortCodeSids lists SC${"a".repeat(32)} twice`)
    await refused({ ...good, otherAccount: { accountSid: AC, authToken: "x" } }, "otherAccount.accountSid must be another account than accountSid")
    await refused({ ...good, otherAccount: { accountSid: `AC${"b".repeat(32)}` } }, "otherAccount.authToken must be a non-empty string")
  })

  it("refuses unknown checks, and stateful without short codes when it is asked for", async () => {
    await refused({ ...good, checks: ["cors"] }, `checks: unknown check "cors"; the checks are not_a_server_error, status_code_conformance, content_type_conformance, cors_headers, response_schema_conformance, negative_data_rejection, auth, stateful, pool_one_service, pool_shared_limit`)
    await refused({ ...good, checks: [] }, "checks must be a non-empty array of check names (not_a_server_error, status_code_conformance, content_type_conformance, cors_headers, response_schema_conformance, negative_data_rejection, auth, stateful, pool_one_service, pool_shared_limit), received []")
    await refused({ ...good, checks: ["stateful"] }, "the stateful check needs shortCodeSids: short codes of the account's inventory that are in no service, which it adds to the service and removes again")
  })

  it("refuses member SIDs for a target that creates its members, and pool senders that cannot fill the pool", async () => {
    await refused({ ...good, target: alphaSendersTarget, memberSids: [`AI${"a".repeat(32)}`] }, "memberSids: the alpha senders of alphaSenders are created from their AlphaSender, not named by SID: pass no member SIDs")
    const sc = [`SC${"a".repeat(32)}`, `SC${"b".repeat(32)}`]
    const pn = [`PN${"a".repeat(32)}`, `PN${"b".repeat(32)}`]
    await refused({ ...good, poolLimit: 2, poolSenders: [] }, "poolSenders must list the free senders of two or more targets ({ target, sids }), received []")
    await refused({ ...good, poolLimit: 2, poolSenders: [{ target: shortCodesTarget, sids: sc }, { target: alphaSendersTarget, sids: pn }] },
      "poolSenders[1].target alphaSenders is not a pool's membership collection: its create endpoint declares no conflict for a member of another service or no pool-full answer")
    await refused({ ...good, poolLimit: 2, poolSenders: [{ target: shortCodesTarget, sids: sc }, { target: phoneNumbersTarget, sids: [pn[0]] }] },
      `poolSenders[1].sids must be two or more Phone Number SIDs (one is kept back beyond the limit), received ["${pn[0]}"]`)
    await refused({ ...good, poolLimit: 2, poolSenders: [{ target: shortCodesTarget, sids: sc }, { target: phoneNumbersTarget, sids: [pn[0], sc[0]] }] },
      `poolSenders[1].sids[1] must be "PN" followed by 32 hexadecimal digits, received "${sc[0]}"`)
    await refused({ ...good, poolLimit: 0, poolSenders: [{ target: shortCodesTarget, sids: sc }, { target: phoneNumbersTarget, sids: pn }] }, "poolLimit must be an integer from 1 to 100000, received 0")
  })

  it("refuses bounds out of range and a replay without what it needs", async () => {
    await refused({ ...good, runs: 0 }, "runs must be an integer from 1 to 100000, received 0")
    await refused({ ...good, requestTimeoutMs: 1.5 }, "requestTimeoutMs must be an integer from 1 to 600000, received 1.5")
    await refused({ ...good, seed: 2 ** 31 }, `seed must be an integer from -2147483648 to 2147483647, received ${2 ** 31}`)
    await refused({ ...good, path: "1:a" }, `path must be a fast-check path such as "3:0:1", received "1:a"`)
    await refused({ ...good, path: "1:2" }, "path replays a failure only with the seed it was found with: pass seed too")
    await refused({ ...good, path: "1:2", seed: 1 }, "path belongs to one check: pass checks with exactly that check")
    await refused({ ...good, replayPath: "AB:C" }, "replayPath needs path (and seed)")
  })

  it("refuses a strict profile without an origin for the resource URLs, and publicBaseUrl without strict", async () => {
    await refused({ ...good, baseUrl: "https://gw.example.com/twilio", strict: true }, `the strict profile needs an origin for the resource URLs: pass publicBaseUrl (baseUrl "https://gw.example.com/twilio" has a path)`)
    await refused({ ...good, publicBaseUrl: "https://messaging.twilio.com" }, "publicBaseUrl is only used by the strict profile: pass strict: true too")
    await refused({ ...good, fetch: "fetch" }, `fetch must be a function, received "fetch"`)
    await refused(null, "options must be an object such as { baseUrl, accountSid, authToken }, received null")
  })

  it("sends nothing when the options are bad", async () => {
    let sent = 0
    await expect(runConformance({ ...good, runs: -1, fetch: async () => (sent++, new Response()) })).rejects.toThrow(TypeError)
    expect(sent).toBe(0)
  })
})
