/**
 * Fault injection as a wrapper of the web-standard handler, `(fetch) => fetch`: it knows nothing of the routes, and
 * anything wrapped around it (a request journal) sees faulted requests like any other.
 */
import { setTimeout as sleep } from "node:timers/promises"
import { makeTwilioError, moreInfoUrl, TwilioError } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import type { AppEnv } from "../http/AppEnv.js"
import { newRequestId, REQUEST_ID_HEADER } from "../http/requestId.js"
import { type LogSink, logLine } from "../http/requestLog.js"
import { genericCodeOf, type FaultRule } from "./FaultRule.js"
import type { FaultStore } from "./FaultStore.js"

/** A web-standard handler; over node:http, `env` carries the node request (`@hono/node-server` passes it). */
export type FetchHandler = (request: Request, env?: AppEnv["Bindings"]) => Promise<Response>

/** What a 429 answer says in `Retry-After` when its rule does not say. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1

/**
 * The rejection of a dropped request, shaped like the one `fetch` gives when the other side closes the connection
 * (a `TypeError` "fetch failed" whose `cause` has code `ECONNRESET`), so in-process callers meet what HTTP ones do.
 */
export class ConnectionDropped extends TypeError {
  constructor(readonly ruleId: number) {
    super("fetch failed", {
      cause: Object.assign(new Error(`the emulator dropped the connection (fault rule ${ruleId})`), { code: "ECONNRESET" })
    })
    this.name = "ConnectionDropped"
  }
}

const encodeError = Schema.encodeSync(TwilioError)

/** The Twilio error body of an error rule: the table's words when it knows the code. */
export const faultErrorBody = (rule: FaultRule, ruleId: number): TwilioError => {
  const status = rule.status as number
  const code = rule.code ?? (genericCodeOf(status) as number)
  const known = genericCodeOf(code - 20000) === code ? makeTwilioError(code as never, undefined, { status }) : undefined
  return known ?? {
    code,
    message: `Error ${code}, injected by the emulator's fault rule ${ruleId}`,
    moreInfo: new URL(moreInfoUrl(code)),
    status
  }
}

const errorResponse = (rule: FaultRule, ruleId: number): Response => {
  const body = faultErrorBody(rule, ruleId)
  const retryAfter = rule.retryAfter ?? (body.status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined)
  return new Response(JSON.stringify(encodeError(body)), {
    status: body.status,
    headers: {
      "Content-Type": "application/json",
      ...corsHeaders,
      [REQUEST_ID_HEADER]: newRequestId(),
      ...(retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) })
    }
  })
}

/**
 * Wraps `fetch` so that every request meets the rules of `store` first. Answers a rule makes (errors, drops) go to
 * `log` like the application's own; a delayed request is logged by the application.
 */
export const withFaults = (store: FaultStore, log?: LogSink) => (fetch: FetchHandler): FetchHandler => async (request, env) => {
  // The common case, no rule at all, costs one call.
  if (!store.hasRules()) return fetch(request, env)
  const started = performance.now()
  const path = new URL(request.url).pathname
  const action = store.decide(request.method, path)
  if (action === undefined) return fetch(request, env)
  switch (action._tag) {
    case "Error": {
      const response = errorResponse(action.rule, action.ruleId)
      log?.(logLine(request.method, path, response.status, started))
      return response
    }
    case "Delay":
      await sleep(action.ms)
      return fetch(request, env)
    case "Drop":
      log?.(`${new Date().toISOString()} ${request.method} ${path} dropped by fault rule ${action.ruleId}`)
      // Over node:http the socket goes away unanswered; the rejection tells the server not to answer either.
      env?.incoming?.socket.destroy()
      throw new ConnectionDropped(action.ruleId)
  }
}
