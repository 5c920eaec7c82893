/**
 * Every way an operation of the manager ends, as a tagged union: callers `switch` on `_tag` and TypeScript checks
 * that they handled each case. Only bugs throw.
 */
import type { ServiceSid, ShortCodeSid } from "@shortcode-kit/schema"
import type { CallFailure } from "./CallFailure.js"

/**
 * The short code is in the service. `via`: this call added it, it was there already (21710), or a 21710 answered a
 * retry after an attempt whose answer was lost, which most likely added it.
 */
export interface Attached {
  readonly _tag: "Attached"
  readonly serviceSid: ServiceSid
  readonly shortCodeSid: ShortCodeSid
  readonly via: "created" | "already-attached" | "retried-after-lost-answer"
  readonly attempts: number
}

/** The short code left the service. */
export interface Detached {
  readonly _tag: "Detached"
  readonly serviceSid: ServiceSid
  readonly shortCodeSid: ShortCodeSid
  readonly attempts: number
}

/** Every short code of the service, from every page. */
export interface Listed {
  readonly _tag: "Listed"
  readonly serviceSid: ServiceSid
  readonly shortCodes: ReadonlyArray<{ readonly sid: string; readonly shortCode: string }>
  readonly pages: number
}

/** An argument is no SID of its kind; nothing was sent. `rule` is the schema's (`sid.prefix`, `sid.length`...). */
export interface InvalidInput {
  readonly _tag: "InvalidInput"
  readonly field: "serviceSid" | "shortCodeSid"
  readonly rule: string
  readonly message: string
}

/** Twilio knows no such service, short code, or short code in this service (20404). */
export interface NotFound {
  readonly _tag: "NotFound"
  readonly message: string
}

/** The short code is in another Messaging Service (21712): detach it there first. */
export interface InAnotherService {
  readonly _tag: "InAnotherService"
  readonly shortCodeSid: ShortCodeSid
  readonly message: string
}

/** The service's number pool is full (21714). */
export interface PoolFull {
  readonly _tag: "PoolFull"
  readonly serviceSid: ServiceSid
  readonly message: string
}

/** Transient failures went on until the retry policy gave up; `last` is the one it gave up on. */
export interface GaveUp {
  readonly _tag: "GaveUp"
  readonly attempts: number
  readonly last: CallFailure
  readonly message: string
}

/** Any other error answer (bad credentials, ...), as Twilio gave it. */
export interface Rejected {
  readonly _tag: "Rejected"
  readonly status: number
  readonly code: number | undefined
  readonly message: string
}

/** What fails every operation alike. */
export type CommonFailure = InvalidInput | NotFound | GaveUp | Rejected

/** The outcomes of `attach`. */
export type AttachOutcome = Attached | InAnotherService | PoolFull | CommonFailure
/** The outcomes of `detach`. */
export type DetachOutcome = Detached | CommonFailure
/** The outcomes of `listAll`. */
export type ListOutcome = Listed | CommonFailure
