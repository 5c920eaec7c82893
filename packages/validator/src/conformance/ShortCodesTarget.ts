/**
 * The ShortCodes resource as the harness tests it by default: its `HttpApiGroup`, its table of error answers for the
 * create form, and its strict profile. Nothing else about ShortCodes is known to the harness.
 *
 * @since 0.2.0
 */
import { makeShortCodeStrict } from "@shortcode-kit/schema"
import { ShortCodesGroup } from "@shortcode-kit/schema/http"
import { createShortCodeHttpRequest, invalidCreateShortCodeHttpRequest } from "../arbitraries/HttpRequest.js"
import { expectedFaultResponses } from "../FaultResponses.js"
import { conformanceTarget, type ConformanceTarget } from "./Membership.js"

/**
 * The default target of `runConformance` and of `shortcode-kit conformance`: the short codes of a Messaging Service.
 *
 * @example
 * ```ts
 * import { shortCodesTarget } from "@shortcode-kit/validator/conformance"
 *
 * shortCodesTarget.member.field // "ShortCodeSid"
 * ```
 * @since 0.2.0
 */
export const shortCodesTarget: ConformanceTarget = conformanceTarget(ShortCodesGroup, {
  faults: {
    requests: ({ parentSid, memberSid }) =>
      invalidCreateShortCodeHttpRequest({ serviceSid: parentSid, shortCodeSid: memberSid }).map((request) => {
        // Every request of this arbitrary carries a fault (`null` is the valid request's); the table says the answer.
        const fault = request.fault ?? "body.missing-short-code-sid"
        return { fault, method: request.method, path: request.path, headers: request.headers, body: request.body, answer: expectedFaultResponses[fault] }
      }),
    malformedMember: expectedFaultResponses["body.malformed-short-code-sid"]
  },
  adds: ({ parentSid, memberSid }) =>
    createShortCodeHttpRequest({ serviceSid: parentSid, shortCodeSid: memberSid }).map(({ headers, body }) => ({ headers, body })),
  strict: (baseUrl) => makeShortCodeStrict({ baseUrl })
})
