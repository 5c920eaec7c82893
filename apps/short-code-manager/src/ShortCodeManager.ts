/**
 * A small service that manages the short codes of Messaging Services through the official `twilio` SDK: it checks
 * its inputs, retries what is worth retrying, and answers every outcome as data.
 */
import { setTimeout as sleepFor } from "node:timers/promises"
import { errorTable, type ServiceSid } from "@shortcode-kit/schema"
import { Result } from "effect"
import twilio from "twilio"
import { describeFailure, type TwilioAnswer } from "./CallFailure.js"
import { checkServiceSid, checkShortCodeSid } from "./Input.js"
import type { AttachOutcome, CommonFailure, DetachOutcome, ListOutcome } from "./Outcome.js"
import { exponentialBackoff, type RetryPolicy } from "./RetryPolicy.js"
import { type Attempts, type Sleep, tapHeaders, withRetries } from "./retrying.js"

/** Options of {@link makeShortCodeManager}. */
export interface ShortCodeManagerOptions {
  readonly accountSid: string
  readonly authToken: string
  /** The SDK's HTTP client: Twilio's own `new twilio.RequestClient()`, or one pointed at an emulator. */
  readonly httpClient: twilio.RequestClient
  /** Default: `exponentialBackoff()`. */
  readonly retry?: RetryPolicy
  /** Default: a real timer. */
  readonly sleep?: Sleep
}

/** The operations; none throws but for bugs. */
export interface ShortCodeManager {
  /** Puts the short code in the service; already being there is success. */
  readonly attach: (serviceSid: string, shortCodeSid: string) => Promise<AttachOutcome>
  /** Takes the short code out of the service. */
  readonly detach: (serviceSid: string, shortCodeSid: string) => Promise<DetachOutcome>
  /** Every short code of the service, walking the pages (`pageSize` per page, default the API's). */
  readonly listAll: (serviceSid: string, options?: { readonly pageSize?: number }) => Promise<ListOutcome>
}

// What the walk needs of the SDK's pages (`nextPage` is typed as the generic Page).
interface ShortCodesPage {
  readonly instances: ReadonlyArray<{ readonly sid: string; readonly shortCode: string }>
  readonly nextPageUrl?: string | undefined
  nextPage(): Promise<unknown> | undefined
}

const codeIs = (failure: TwilioAnswer, code: keyof typeof errorTable) => failure.code === errorTable[code].code

/** The failures every operation shares, from a call that did not end `Done`. */
const common = (ended: Exclude<Attempts<unknown>, { _tag: "Done" }>): CommonFailure => {
  if (ended._tag === "GaveUp") {
    const message = `gave up after ${ended.attempts} attempt${ended.attempts === 1 ? "" : "s"}: ${describeFailure(ended.last)}`
    return { _tag: "GaveUp", attempts: ended.attempts, last: ended.last, message }
  }
  const failure = ended.failure
  if (codeIs(failure, 20404)) return { _tag: "NotFound", message: failure.message }
  return { _tag: "Rejected", status: failure.status, code: failure.code, message: failure.message }
}

/**
 * The manager over `options.httpClient`.
 *
 * @example
 * ```ts
 * const manager = makeShortCodeManager({ accountSid, authToken, httpClient: new twilio.RequestClient() })
 * const outcome = await manager.attach("MG...", "SC...")
 * if (outcome._tag !== "Attached") console.error(outcome.message)
 * ```
 */
export const makeShortCodeManager = (options: ShortCodeManagerOptions): ShortCodeManager => {
  const client = twilio(options.accountSid, options.authToken, { httpClient: tapHeaders(options.httpClient) })
  const policy = options.retry ?? exponentialBackoff()
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms).then(() => undefined))
  const run = <A>(call: () => Promise<A>) => withRetries(call, policy, sleep)
  const shortCodes = (serviceSid: ServiceSid) => client.messaging.v1.services(serviceSid).shortCodes

  return {
    attach: async (serviceSidInput, shortCodeSidInput) => {
      const serviceSid = checkServiceSid(serviceSidInput)
      if (Result.isFailure(serviceSid)) return serviceSid.failure
      const shortCodeSid = checkShortCodeSid(shortCodeSidInput)
      if (Result.isFailure(shortCodeSid)) return shortCodeSid.failure
      const at = { serviceSid: serviceSid.success, shortCodeSid: shortCodeSid.success }
      const ended = await run(() => shortCodes(at.serviceSid).create({ shortCodeSid: at.shortCodeSid }))
      if (ended._tag === "Done") return { _tag: "Attached", ...at, via: "created", attempts: ended.attempts }
      if (ended._tag === "Failed") {
        const failure = ended.failure
        if (codeIs(failure, 21710)) {
          const via = ended.afterLostAnswer ? "retried-after-lost-answer" : "already-attached"
          return { _tag: "Attached", ...at, via, attempts: ended.attempts }
        }
        if (codeIs(failure, 21712)) return { _tag: "InAnotherService", shortCodeSid: at.shortCodeSid, message: failure.message }
        if (codeIs(failure, 21714)) return { _tag: "PoolFull", serviceSid: at.serviceSid, message: failure.message }
      }
      return common(ended)
    },

    detach: async (serviceSidInput, shortCodeSidInput) => {
      const serviceSid = checkServiceSid(serviceSidInput)
      if (Result.isFailure(serviceSid)) return serviceSid.failure
      const shortCodeSid = checkShortCodeSid(shortCodeSidInput)
      if (Result.isFailure(shortCodeSid)) return shortCodeSid.failure
      const at = { serviceSid: serviceSid.success, shortCodeSid: shortCodeSid.success }
      const ended = await run(() => shortCodes(at.serviceSid)(at.shortCodeSid).remove())
      if (ended._tag === "Done") return { _tag: "Detached", ...at, attempts: ended.attempts }
      return common(ended)
    },

    listAll: async (serviceSidInput, listOptions = {}) => {
      const serviceSid = checkServiceSid(serviceSidInput)
      if (Result.isFailure(serviceSid)) return serviceSid.failure
      const found: Array<{ readonly sid: string; readonly shortCode: string }> = []
      const { pageSize } = listOptions
      // Each page is its own call, so a retry repeats one page, not the walk.
      let fetchPage: () => Promise<ShortCodesPage> = () => shortCodes(serviceSid.success).page(pageSize === undefined ? {} : { pageSize })
      for (let pages = 1; ; pages++) {
        const ended = await run(fetchPage)
        if (ended._tag !== "Done") return common(ended)
        const page = ended.value
        for (const item of page.instances) found.push({ sid: item.sid, shortCode: item.shortCode })
        if (!page.nextPageUrl) return { _tag: "Listed", serviceSid: serviceSid.success, shortCodes: found, pages }
        fetchPage = () => page.nextPage() as Promise<ShortCodesPage>
      }
    }
  }
}
