/**
 * Whole HTTP requests to the create endpoint, valid and with one HTTP-level fault each, carrying the response a
 * Twilio-compatible server must give (from `expectedFaultResponses`).
 *
 * @since 0.1.0
 */
import { collectionOperations as ops, ShortCodeResource } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import { expectedCreatedResponse, expectedFaultResponses, type HttpFault, MAX_FORM_BODY_BYTES } from "../FaultResponses.js"
import { formText } from "./CreateShortCode.js"
import { sidArbitrary } from "./Overrides.js"
import { sidMiss } from "./Sid.js"

/**
 * One request: send `body` with `headers` as `method` to `path` (relative to the server's origin), expect
 * `expect.status` and, for an error, a Twilio error body with `expect.code`. `fault` names the one defect, or is
 * `null` for a valid request.
 *
 * @since 0.1.0
 */
export interface HttpRequestSample {
  readonly method: typeof ops.create.method
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  readonly expect: { readonly status: number; readonly code: number | null }
  readonly fault: HttpFault | null
}

/**
 * Options of the HTTP request arbitraries. The expectations hold when `serviceSid` names an existing service of the
 * caller's account and, for valid requests, `shortCodeSid` a short code of its inventory that is in no service;
 * `headers` (for example `authorization`) are added to every request.
 *
 * @since 0.1.0
 */
export interface HttpRequestArbitraryOptions {
  readonly serviceSid?: string | undefined
  readonly shortCodeSid?: string | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
}

const FORM = "application/x-www-form-urlencoded"
const formTypes = fc.constantFrom(FORM, `${FORM}; charset=utf-8`, `${FORM};charset=UTF-8`)
const pathFor = (service: string) => ShortCodeResource.pathOf(ops.create.path, { ServiceSid: encodeURIComponent(service) })

const resolve = (caller: string, options: HttpRequestArbitraryOptions | undefined) => {
  const headers = options?.headers ?? {}
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== "string" || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new TypeError(`${caller}: headers must map header names to strings, received ${JSON.stringify(name)}: ${JSON.stringify(value)}`)
    }
  }
  const lowered = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
  return {
    service: sidArbitrary(caller, "serviceSid", options?.serviceSid),
    sid: sidArbitrary(caller, "shortCodeSid", options?.shortCodeSid),
    headers: lowered
  }
}

const sample = (
  extra: Readonly<Record<string, string>>,
  fault: HttpFault | null,
  path: string,
  headers: Readonly<Record<string, string>>,
  body: string
): HttpRequestSample => {
  const expected = fault === null ? expectedCreatedResponse : expectedFaultResponses[fault]
  return { method: ops.create.method, path, headers: { ...extra, ...headers }, body, expect: { status: expected.status, code: expected.code }, fault }
}

/**
 * Valid create requests as they go over the wire: form Content-Type (with or without a charset), a body with
 * percent-escapes (`SC%61...` decodes to a valid SID) and ignored parameters. Each expects 201.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { createShortCodeHttpRequest } from "@shortcode-kit/validator/arbitraries"
 *
 * const [request] = fc.sample(createShortCodeHttpRequest({ headers: { authorization: "Basic ..." } }), 1)
 * // { method: "POST", path: "/v1/Services/MG.../ShortCodes", headers: { ... }, body: "ShortCodeSid=SC...",
 * //   expect: { status: 201, code: null }, fault: null }
 * ```
 * @since 0.1.0
 */
export const createShortCodeHttpRequest = (options?: HttpRequestArbitraryOptions): fc.Arbitrary<HttpRequestSample> => {
  const { service, sid, headers } = resolve("createShortCodeHttpRequest", options)
  return fc.tuple(service, sid, formTypes).chain(([serviceValue, sidValue, type]) =>
    formText(sidValue).map((body) => sample(headers, null, pathFor(serviceValue), { "content-type": type }, body))
  )
}

const json = (sid: string) => JSON.stringify({ ShortCodeSid: sid })

/**
 * Create requests with exactly one HTTP-level fault, each with the answer of `expectedFaultResponses[fault]`:
 * no or another Content-Type, JSON instead of a form, JSON text sent as a form, a missing, empty or repeated
 * `ShortCodeSid`, a malformed one (every SID near miss, percent-encoded), invalid escapes (`%ZZ`), `%00`, a body
 * over 64 KiB, and a malformed `ServiceSid` in the path.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { invalidCreateShortCodeHttpRequest } from "@shortcode-kit/validator/arbitraries"
 *
 * await fc.assert(fc.asyncProperty(invalidCreateShortCodeHttpRequest(), async (request) => {
 *   const response = await fetch(`http://127.0.0.1:4010${request.path}`, { method: request.method, headers: request.headers, body: request.body })
 *   const body = await response.json()
 *   return response.status === request.expect.status && body.code === request.expect.code
 * }), { numRuns: 50 })
 * ```
 * @since 0.1.0
 */
export const invalidCreateShortCodeHttpRequest = (options?: HttpRequestArbitraryOptions): fc.Arbitrary<HttpRequestSample> => {
  const { service, sid, headers } = resolve("invalidCreateShortCodeHttpRequest", options)
  const base = fc.record({ service, sid, type: formTypes })
  const form = (fault: HttpFault, make: (b: { service: string; sid: string; type: string }) => fc.Arbitrary<string>) =>
    base.chain((b) => make(b).map((body) => sample(headers, fault, pathFor(b.service), { "content-type": b.type }, body)))
  const padding = "Padding="
  return fc.oneof(
    base.chain((b) => formText(b.sid).map((body) => sample(headers, "content-type.missing", pathFor(b.service), {}, body))),
    fc.tuple(base, fc.constantFrom("text/plain", "text/plain; charset=utf-8", "application/xml", "application/octet-stream", "multipart/form-data; boundary=----shortcodekit"))
      .chain(([b, type]) => formText(b.sid).map((body) => sample(headers, "content-type.other", pathFor(b.service), { "content-type": type }, body))),
    base.map((b) => sample(headers, "body.json", pathFor(b.service), { "content-type": "application/json" }, json(b.sid))),
    form("body.json-as-form", (b) => fc.constant(json(b.sid))),
    form("body.missing-short-code-sid", (b) => fc.constantFrom("", "FriendlyName=Sales", `shortcodesid=${b.sid}`, `shortCodeSid=${b.sid}`, `ShortCodeSID=${b.sid}`)),
    form("body.empty-short-code-sid", () => fc.constantFrom("ShortCodeSid=", "ShortCodeSid", "FriendlyName=x&ShortCodeSid=")),
    form("body.repeated-short-code-sid", (b) => fc.constantFrom(`ShortCodeSid=${b.sid}&ShortCodeSid=${b.sid}`, `ShortCodeSid=${b.sid}&ShortCodeSid=`, `ShortCodeSid=${b.sid}&FriendlyName=x&ShortCodeSid=SC1`)),
    form("body.malformed-short-code-sid", () =>
      sidMiss("SC", { typeMisses: false }).map((miss) => new URLSearchParams({ ShortCodeSid: String(miss.value) }).toString())
    ),
    form("body.bad-percent-encoding", (b) =>
      fc.tuple(fc.constantFrom("%ZZ", "%G1", "%4", "%", "%%"), fc.nat(31)).map(([escape, at]) =>
        `ShortCodeSid=${b.sid.slice(0, 2 + at)}${escape}${b.sid.slice(3 + at)}`
      )
    ),
    form("body.nul-byte", (b) => fc.nat(31).map((at) => `ShortCodeSid=${b.sid.slice(0, 2 + at)}%00${b.sid.slice(3 + at)}`)),
    form("body.too-large", (b) =>
      fc.integer({ min: 1, max: 4096 }).map((over) => {
        const head = `ShortCodeSid=${b.sid}&`
        return head + padding + "x".repeat(MAX_FORM_BODY_BYTES + over - head.length - padding.length)
      })
    ),
    fc.tuple(base, sidMiss("MG", { typeMisses: false })).chain(([b, miss]) =>
      formText(b.sid).map((body) => sample(headers, "path.malformed-service-sid", pathFor(String(miss.value)), { "content-type": b.type }, body))
    )
  )
}
