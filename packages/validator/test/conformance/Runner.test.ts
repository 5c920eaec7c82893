// runConformance's own behaviour, against small in-process targets (the `fetch` option): setup failures, the time
// bound of each request, stopping on a signal (and still restoring), progress, the seed, a temporary service.
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { type ConformanceOptions, type ConformanceProgress, formatFailure, runConformance } from "@shortcode-kit/validator/conformance"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const AC = `AC${"a".repeat(32)}`
const MG = `MG${"b".repeat(32)}`
const SC = `SC${"c".repeat(32)}`
const base: ConformanceOptions = { baseUrl: "http://target.test", accountSid: AC, authToken: "token", serviceSid: MG, runs: 3 }

const json = (status: number, body: unknown, headers: Record<string, string> = corsHeaders) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } })
const error = (status: number, code: number, headers: Record<string, string> = corsHeaders) =>
  json(status, { code, message: "x", more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers)
const page = (sids: ReadonlyArray<string>) =>
  json(200, { short_codes: sids.map((sid) => ({ sid, service_sid: MG, account_sid: AC })), meta: { page: 0, page_size: 1000, key: "short_codes", next_page_url: null } })

/** Records every request the harness sends, and answers with `answer`. */
const recording = (answer: (request: Request, body: string) => Response | Promise<Response>) => {
  const seen: Array<string> = []
  const fetch = async (request: Request) => {
    const body = await request.text()
    seen.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`)
    return answer(request, body)
  }
  return { seen, fetch }
}

describe("runConformance", () => {
  it("a target that refuses the credentials is a setup error: nothing is checked, the report says what to check", async () => {
    const target = recording(() => error(401, 20003))
    const report = await runConformance({ ...base, fetch: target.fetch })
    expect(report.ok).toBe(false)
    expect(report.setupError).toBe(
      `cannot list the short codes of ${MG}: GET http://target.test/v1/Services/${MG}/ShortCodes?PageSize=1000: listing the service answered 401: 401 {"code":20003,"message":"x","more_info":"https://www.twilio.com/docs/errors/20003","status":401} (check the base URL, the account SID, the auth token and the service SID)`
    )
    expect(report.checks.map((check) => [check.name, check.status, check.notes])).toStrictEqual(report.checks.map((check) => [check.name, "skipped", ["not run: setup failed"]]))
    expect(target.seen).toStrictEqual([`GET /v1/Services/${MG}/ShortCodes?PageSize=1000`])
  })

  it("bounds every request: a target that never answers is reported after requestTimeoutMs", async () => {
    // A fetch that answers only its signal, as fetch does; under load the signal may already be aborted when it is called.
    const hang = (request: Request) => new Promise<Response>((_, reject) => {
      if (request.signal.aborted) reject(request.signal.reason)
      else request.signal.addEventListener("abort", () => reject(request.signal.reason))
    })
    const report = await runConformance({ ...base, requestTimeoutMs: 30, fetch: hang })
    expect(report.setupError).toBe(`cannot list the short codes of ${MG}: GET http://target.test/v1/Services/${MG}/ShortCodes?PageSize=1000: no answer within 30 ms (check the base URL, the account SID, the auth token and the service SID)`)
  })

  it("an unreachable target: the reason fetch gives", async () => {
    // A port that was free a moment ago: nothing listens there.
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const port = (server.address() as AddressInfo).port
    await new Promise((resolve) => server.close(resolve))
    const report = await runConformance({ ...base, baseUrl: `http://127.0.0.1:${port}`, runs: 1 })
    expect(report.setupError).toMatch(new RegExp(`: no answer: fetch failed \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\) \\(check the base URL`))
  })

  it("without a service SID, creates a temporary service and deletes it, even when the checks fail", async () => {
    const temporary = `MG${"d".repeat(32)}`
    const target = recording((request) => {
      const path = new URL(request.url).pathname
      if (request.method === "POST" && path === "/v1/Services") return json(201, { sid: temporary })
      if (request.method === "DELETE" && path === `/v1/Services/${temporary}`) return new Response(null, { status: 204 })
      if (request.method === "GET" && path === `/v1/Services/${temporary}/ShortCodes`) return page([])
      return error(500, 20500)
    })
    const report = await runConformance({ ...base, serviceSid: undefined, checks: ["not_a_server_error"], fetch: target.fetch })
    expect(report.target).toMatchObject({ serviceSid: temporary, temporaryService: true })
    expect(report.checks[0]?.status).toBe("failed")
    expect(target.seen[0]).toBe("POST /v1/Services")
    expect(target.seen.at(-1)).toBe(`DELETE /v1/Services/${temporary}`)
    expect(report.cleanup).toStrictEqual({ restored: true, problems: [] })
    // The reproduction cannot name the deleted service as if it still existed.
    const failure = report.checks[0]?.failures[0]
    if (failure !== undefined) expect(formatFailure(report, failure)).toContain(`The service ${temporary} was created for this run and deleted after it`)
  })

  it("a target that cannot create a service: a setup error that asks for --service-sid", async () => {
    const report = await runConformance({ ...base, serviceSid: undefined, fetch: async () => error(404, 20404) })
    expect(report.setupError).toMatch(/^creating a temporary service \(POST http:\/\/target\.test\/v1\/Services\) answered 404 .*; pass the SID of a test service \(--service-sid, serviceSid\)$/)
  })

  it("an unreachable target without a service SID: the create got no answer, and why", async () => {
    const report = await runConformance({ ...base, serviceSid: undefined, fetch: async () => { throw new TypeError("fetch failed", { cause: new Error("bad port") }) } })
    expect(report.setupError).toBe(
      "creating a temporary service (POST http://target.test/v1/Services) got no answer: fetch failed (bad port); pass the SID of a test service (--service-sid, serviceSid)"
    )
  })

  it("stops on the signal, marks the rest not run, and still restores the service", async () => {
    const controller = new AbortController()
    let inService = false
    const target = recording((request, body) => {
      const path = new URL(request.url).pathname
      if (request.method === "GET" && path === `/v1/Services/${MG}/ShortCodes`) return page(inService ? [SC] : [])
      if (request.method === "POST" && body === `ShortCodeSid=${SC}`) {
        inService = true
        // The user presses Ctrl-C while the harness's short code is in the service.
        controller.abort()
        return json(201, { sid: SC, service_sid: MG, account_sid: AC })
      }
      if (request.method === "DELETE" && path.endsWith(SC)) {
        inService = false
        return new Response(null, { status: 204, headers: corsHeaders })
      }
      return error(404, 20404)
    })
    const report = await runConformance({ ...base, shortCodeSids: [SC], checks: ["auth", "stateful"], fetch: target.fetch, signal: controller.signal })
    expect(report.interrupted).toBe(true)
    expect(report.ok).toBe(false)
    expect(report.checks.map((check) => check.status)).toStrictEqual(["interrupted", "skipped"])
    expect(inService).toBe(false)
    expect(report.cleanup.restored).toBe(true)
    expect(target.seen.filter((line) => line.startsWith("DELETE"))).toHaveLength(1)
  })

  it("a response check whose runs cannot read the list says so, instead of passing quietly", async () => {
    let lists = 0
    // The first list (setup) works; every later one is a 500 that still carries the CORS headers.
    const fetch = async () => (lists++ === 0 ? page([]) : error(500, 20500))
    const report = await runConformance({ ...base, checks: ["cors_headers"], fetch })
    expect(report.checks[0]?.status).toBe("passed")
    expect(report.checks[0]?.notes).toContain("3 of 3 runs stopped early: a list page they needed could not be read")
    expect(report.cleanup.restored).toBe(false)
  })

  it("reports progress: setup, each check with its runs, a finished event per check, cleanup, done", async () => {
    const events: Array<ConformanceProgress> = []
    await runConformance({ ...base, checks: ["cors_headers", "auth"], fetch: async () => page([]), onProgress: (event) => events.push(event) })
    const phases = events.map((event) => event.phase).filter((phase, i, all) => phase !== all[i - 1])
    expect(phases).toStrictEqual(["setup", "check", "cleanup", "done"])
    expect(events.filter((event) => event.finished !== undefined).map((event) => event.finished?.check)).toStrictEqual(["cors_headers", "auth"])
    const requests = events.map((event) => event.requests)
    expect(requests).toStrictEqual([...requests].sort((a, b) => a - b))
    expect(events.at(-1)).toMatchObject({ phase: "done", checksDone: 2, checksTotal: 2 })
  })

  it("a throwing progress listener does not stop the run", async () => {
    const report = await runConformance({ ...base, checks: ["cors_headers"], fetch: async () => page([]), onProgress: () => { throw new Error("printer broke") } })
    expect(report.checks[0]?.runs).toBe(3)
  })

  it("takes fast-check's configured seed by default, so that FC_SEED replays a suite's conformance runs too", async () => {
    const report = await runConformance({ ...base, checks: ["cors_headers"], fetch: async () => page([]) })
    expect(report.seed).toBe(fc.readConfigureGlobal().seed)
    expect((await runConformance({ ...base, checks: ["cors_headers"], seed: 12, fetch: async () => page([]) })).seed).toBe(12)
  })

  it("a failing check: shrunk to the request that shows it, marked in the reproduction, with the seed and path", async () => {
    // Everything is fine except that errors lack the CORS headers.
    const target = recording((request) =>
      request.method === "GET" && new URL(request.url).pathname === `/v1/Services/${MG}/ShortCodes` && new URL(request.url).search === "?PageSize=1000"
        ? page([])
        : error(404, 20404, {})
    )
    const report = await runConformance({ ...base, checks: ["cors_headers"], runs: 20, seed: 5, fetch: target.fetch })
    const failure = report.checks[0]?.failures[0]
    expect(report.checks[0]?.status).toBe("failed")
    expect(failure?.message).toMatch(/^CORS headers: Access-Control-Allow-Origin is missing; .* \(on a 404 answer\)$/)
    // The snapshot of the service, then the one request: fast-check removed everything else.
    expect(failure?.exchanges.map((exchange) => exchange.step)[0]).toBe("list the service (its state before the run)")
    expect(failure?.exchanges).toHaveLength(2)
    expect(failure?.failedAt).toBe(1)
    expect(failure?.seed).toBe(5)
    const text = formatFailure(report, failure as NonNullable<typeof failure>)
    expect(text).toContain("2. ")
    expect(text).toContain("<-- the check failed here")
    expect(text).toContain(`--checks cors_headers --seed 5 --path '${failure?.path}'`)
  })
})
