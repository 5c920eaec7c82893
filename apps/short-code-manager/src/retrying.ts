/**
 * The retry loop around one SDK call. The SDK's `RestException` drops the answer's headers, so the HTTP client is
 * tapped: each attempt runs in an async context that the tap fills with the headers of its answer, which keeps
 * concurrent calls apart without any shared "last response".
 */
import { AsyncLocalStorage } from "node:async_hooks"
import twilio from "twilio"
import { type CallFailure, isTransient, mayHaveHappened, parseSdkError, type TwilioAnswer } from "./CallFailure.js"
import type { RetryPolicy } from "./RetryPolicy.js"

type RequestOptions = Parameters<twilio.RequestClient["request"]>[0]

const answerHeaders = new AsyncLocalStorage<{ headers?: Readonly<Record<string, unknown>> }>()

/** `inner` with each answer's headers recorded for the attempt that asked. */
export const tapHeaders = (inner: twilio.RequestClient): twilio.RequestClient => {
  class TappedRequestClient extends twilio.RequestClient {
    override async request<TData>(opts: RequestOptions & { data?: TData }) {
      const response = await inner.request<TData>(opts)
      const slot = answerHeaders.getStore()
      if (slot !== undefined) slot.headers = response.headers as Readonly<Record<string, unknown>>
      return response
    }
  }
  return new TappedRequestClient()
}

/**
 * How a call ended after its attempts: done, failed for good on an answer that no retry changes, or given up.
 * `afterLostAnswer`: an earlier attempt may have been carried out.
 */
export type Attempts<A> =
  | { readonly _tag: "Done"; readonly value: A; readonly attempts: number; readonly afterLostAnswer: boolean }
  | { readonly _tag: "Failed"; readonly failure: TwilioAnswer; readonly attempts: number; readonly afterLostAnswer: boolean }
  | { readonly _tag: "GaveUp"; readonly last: CallFailure; readonly attempts: number }

/** Waits `ms` milliseconds; injectable so tests do not wait real seconds. */
export type Sleep = (ms: number) => Promise<void>

/** Runs `call` until it succeeds, fails for good, or `policy` gives up. A throw that is no failure is rethrown. */
export const withRetries = async <A>(call: () => Promise<A>, policy: RetryPolicy, sleep: Sleep): Promise<Attempts<A>> => {
  const history: Array<CallFailure> = []
  for (let attempt = 1; ; attempt++) {
    const slot: { headers?: Readonly<Record<string, unknown>> } = {}
    const afterLostAnswer = history.some(mayHaveHappened)
    try {
      return { _tag: "Done", value: await answerHeaders.run(slot, call), attempts: attempt, afterLostAnswer }
    } catch (error) {
      const failure = parseSdkError(error, slot.headers)
      if (failure === undefined) throw error
      // A lost connection is always transient, so what fails for good is an answer.
      if (failure._tag === "TwilioAnswer" && !isTransient(failure)) return { _tag: "Failed", failure, attempts: attempt, afterLostAnswer }
      history.push(failure)
      const delay = policy.delayAfter(failure, attempt, history)
      if (delay === undefined) return { _tag: "GaveUp", last: failure, attempts: attempt }
      await sleep(delay)
    }
  }
}
