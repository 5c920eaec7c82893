/**
 * One execution of a check's property: the exchanges it made, in order, and the judge that turns a wrong answer
 * into a violation (which fails the property, so fast-check shrinks it).
 */
import type * as fc from "fast-check"
import type { CheckName } from "./Checks.js"
import type { Expectation } from "./Expectation.js"
import type { Exchange, OutgoingRequest, Target } from "./Http.js"
import type { ConformanceTarget } from "./Membership.js"
import { judgeNoAnswer, type Verdict } from "./Oracles.js"
import type { PoolSenders } from "./Options.js"

/**
 * A check found the target wrong. `exchangeIndex` says which of the run's exchanges showed it.
 */
export class Violation extends Error {
  override readonly name = "Violation"
  /** The index, in the run's exchanges, of the one that showed the problem. */
  constructor(readonly check: CheckName, readonly verdict: Verdict, readonly exchangeIndex: number) {
    super(verdict.message)
  }
}

/**
 * A run of a response check cannot go on (a list page it needs cannot be read): it ends without a verdict, since the
 * answer that stopped it has already been judged by the check's own rule.
 */
export class Inconclusive extends Error {
  override readonly name = "Inconclusive"
}

/** Judges an exchange for the check being run; `undefined` when it is fine. */
export type Judge = (exchange: Exchange) => Verdict | undefined

export interface Env {
  readonly target: Target
  /** The membership collection under test, read from the contract. */
  readonly resource: ConformanceTarget
  readonly check: CheckName
  readonly serviceSid: string
  readonly accountSid: string
  readonly otherAccountSid: string | undefined
  readonly pool: ReadonlyArray<string>
  /** The parent's members when the check started: never touched by a request that changes something. */
  readonly initial: ReadonlyArray<string>
  readonly strictBaseUrl: string | undefined
  readonly maxCommands: number
  /** The pool checks' senders and limit (`poolSenders`, `poolLimit`), and the target without the stop signal for their cleanup. */
  readonly poolSenders: ReadonlyArray<PoolSenders>
  readonly poolLimit: number | undefined
  readonly cleanupTarget: Target
}

export class Run {
  readonly exchanges: Array<Exchange> = []

  constructor(readonly env: Env, private readonly judge: Judge) {}

  /** Fails the run; `exchange` is the one that showed the problem (default: the last one sent). */
  fail(verdict: Verdict, exchange?: Exchange): never {
    const index = exchange === undefined ? this.exchanges.length - 1 : this.exchanges.indexOf(exchange)
    throw new Violation(this.env.check, verdict, index)
  }

  /**
   * Sends one request and records it. The check's judge looks at the answer (pass `judge: false` for requests whose
   * answer the caller judges itself); a request without an answer always fails the run.
   */
  async send(step: string, request: OutgoingRequest, expected: Expectation, options: { readonly judge?: boolean } = {}): Promise<Exchange> {
    const sent = await this.env.target.send(request)
    const exchange: Exchange = { step, ...sent, expected }
    this.exchanges.push(exchange)
    const verdict = options.judge === false ? judgeNoAnswer(exchange) : this.judge(exchange)
    if (verdict !== undefined) this.fail(verdict)
    return exchange
  }
}

/** A check's property: the values one run is made of, what a run does with them, and the judge of its requests. */
export interface CheckProperty<T> {
  readonly arbitrary: fc.Arbitrary<T>
  readonly execute: (value: T, run: Run) => Promise<void>
  readonly judge: Judge
}
