/**
 * The AlphaSenders resource as the harness tests it: its `HttpApiGroup`, its strict profile, and its create form's
 * values (the validator's arbitraries of valid alpha senders and of ones that break one rule each). The service
 * mints each alpha sender and its `AI` SID; the answers come from the group's errors and `inputErrors`.
 *
 * @since 0.2.0
 */
import { AlphaSenderResource, makeAlphaSenderStrict } from "@shortcode-kit/schema"
import { AlphaSendersGroup } from "@shortcode-kit/schema/http"
import { alphaSenderText, invalidAlphaSenderText } from "../arbitraries/AlphaSender.js"
import { conformanceTarget, type ConformanceTarget } from "./Membership.js"

/**
 * The alpha sender of a Messaging Service, for `runConformance({ target: alphaSendersTarget })`: it needs no member
 * SIDs, since each create makes a new alpha sender.
 *
 * @example
 * ```ts
 * import { alphaSendersTarget } from "@shortcode-kit/validator/conformance"
 *
 * alphaSendersTarget.member.field // "AlphaSender"
 * alphaSendersTarget.creates?.full // { status: 400, code: 21709 }
 * ```
 * @since 0.2.0
 */
export const alphaSendersTarget: ConformanceTarget = conformanceTarget(AlphaSendersGroup, {
  strict: (baseUrl) => makeAlphaSenderStrict({ baseUrl }),
  creates: {
    valid: alphaSenderText,
    invalid: invalidAlphaSenderText,
    // The declaration's limit per service (Twilio's: one alpha sender).
    perParent: AlphaSenderResource.declaration.perParent
  }
})
