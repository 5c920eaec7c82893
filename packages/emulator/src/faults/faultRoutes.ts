/**
 * The HTTP face of fault injection, under the admin token:
 *
 * - `POST /admin/faults` a rule (JSON, see `FaultRule`) -> 201, the rule as listed
 * - `GET /admin/faults` -> 200 `{ faults: [...] }`, each rule with `id`, `matched`, `faulted`, `active`
 * - `DELETE /admin/faults` -> 204, every rule removed
 */
import type { Hono, MiddlewareHandler } from "hono"
import type { AppEnv } from "../http/AppEnv.js"
import { resource } from "../http/resource.js"
import { respondEmpty, respondWith } from "../http/respond.js"
import { readJson } from "../routes/admin.js"
import { FAULT_RULE_PARSE_OPTIONS, FaultRule, FaultRuleList, FaultRuleState } from "./FaultRule.js"
import { FAULTS_PATH, type FaultStore } from "./FaultStore.js"

/** Registers the three routes of `FAULTS_PATH` on `app`, behind `auth`. */
export const registerFaultRoutes = (app: Hono<AppEnv>, options: { readonly store: FaultStore; readonly auth: MiddlewareHandler<AppEnv> }): void => {
  const { store, auth } = options
  resource(app, FAULTS_PATH, auth, {
    POST: (c) => respondWith(c, FaultRuleState, store.add(readJson(c, FaultRule, FAULT_RULE_PARSE_OPTIONS)), 201),
    GET: (c) => respondWith(c, FaultRuleList, { faults: store.list() }, 200),
    DELETE: (c) => {
      store.clear()
      return respondEmpty(c, 204)
    }
  })
}
