/**
 * The parent's list as the harness sees it (walking `next_page_url`), and putting the parent back as it was. Paths,
 * the page key, statuses and the create form come from the target (`Membership.ts`).
 */
import { collectionOperations as ops } from "@shortcode-kit/schema"
import { expectAnswer, expectSuccess, type Expectation } from "./Expectation.js"
import { auth, type Exchange, followUrl, type Target } from "./Http.js"
import type { ConformanceTarget } from "./Membership.js"
import { describeResponse, parseJson, type Verdict } from "./Oracles.js"
import { isResponseCheck } from "./Checks.js"
import { Inconclusive, type Run } from "./Run.js"

/** The SIDs of a page body, or why they cannot be read. */
export const pageItems = (resource: ConformanceTarget, exchange: Exchange): { readonly ok: true; readonly sids: ReadonlyArray<string>; readonly next: string | null; readonly pageSize: unknown } | { readonly ok: false; readonly verdict: Verdict } => {
  const response = exchange.response
  const { pageKey, success, words } = resource
  if (response === null) return { ok: false, verdict: { message: exchange.error ?? "no answer", expected: `${success.listed} with a page`, received: exchange.error ?? "no answer" } }
  const bad = (message: string): { readonly ok: false; readonly verdict: Verdict } => ({
    ok: false,
    verdict: { message, expected: `${success.listed} with { ${pageKey}: [...], meta: { next_page_url, ... } }`, received: describeResponse(response) }
  })
  if (response.status !== success.listed) return bad(`listing the ${words.parent} answered ${response.status}`)
  const parsed = parseJson(response.body)
  if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) return bad("the list page is not a JSON object")
  const page = parsed.value as { meta?: { next_page_url?: unknown; page_size?: unknown } | null } & Record<string, unknown>
  const list = page[pageKey]
  if (!Array.isArray(list)) return bad(`the list page has no ${pageKey} array`)
  const sids: Array<string> = []
  for (const item of list) {
    const sid = typeof item === "object" && item !== null ? (item as { sid?: unknown }).sid : undefined
    if (typeof sid !== "string") return bad(`an item of ${pageKey} has no sid`)
    sids.push(sid)
  }
  const next = page.meta?.next_page_url
  return { ok: true, sids, next: typeof next === "string" ? next : null, pageSize: page.meta?.page_size }
}

export interface Walk {
  readonly sids: ReadonlyArray<string>
  readonly pages: number
}

/**
 * Lists the service from the first page with `pageSize`, following `next_page_url` (on the base URL) for at most
 * `maxPages` pages. Each page is a recorded, judged exchange of `run`; a page that cannot be read fails the run.
 */
export const walkList = async (
  run: Run,
  options: {
    readonly pageSize: number
    readonly maxPages: number
    readonly step: string
    readonly because: string
    readonly judgePages?: boolean
    /** Fail when a page holds more items than this (the PageSize asked for), or an item a page listed before. */
    readonly maxItemsPerPage?: number | undefined
  }
): Promise<Walk> => {
  const { env } = run
  const { resource } = env
  const sids: Array<string> = []
  let path = `${resource.collectionPath(env.serviceSid)}?PageSize=${options.pageSize}`
  for (let page = 1; ; page++) {
    const exchange = await run.send(
      page === 1 ? options.step : `${options.step}: page ${page}, from next_page_url`,
      { method: ops.list.method, path, auth: auth.primary(env.accountSid) },
      expectSuccess(resource.success.listed, resource.bodies.page, options.because),
      { judge: options.judgePages ?? true }
    )
    const items = pageItems(resource, exchange)
    // For a response check the page's answer has been judged on its own; only the walk cannot go on.
    const stop = (verdict: Verdict): never => {
      if (isResponseCheck(env.check)) throw new Inconclusive(verdict.message)
      return run.fail(verdict)
    }
    if (!items.ok) return stop(items.verdict)
    if (options.maxItemsPerPage !== undefined && items.sids.length > options.maxItemsPerPage) {
      run.fail({
        message: `page ${page} holds ${items.sids.length} ${resource.words.members}, more than the PageSize ${options.maxItemsPerPage} asked for`,
        expected: `at most ${options.maxItemsPerPage} items per page`,
        received: items.sids.join(", ")
      })
    }
    if (options.maxItemsPerPage !== undefined) {
      // The model-based check says at once which page repeated which item, before the walk ends (or never does).
      for (const [i, sid] of items.sids.entries()) {
        const at = sids.indexOf(sid)
        if (at < 0 && items.sids.indexOf(sid) === i) continue
        run.fail({
          message: `page ${page} of the walk with PageSize ${options.pageSize} repeats ${sid}, already listed ${at < 0 ? "on the same page" : `as item ${at + 1}`}`,
          expected: `each ${resource.words.member} exactly once over all pages`,
          received: `items so far: ${[...sids, ...items.sids].join(", ")}`
        })
      }
    }
    sids.push(...items.sids)
    if (items.next === null) return { sids, pages: page }
    if (page >= options.maxPages) {
      stop({
        message: `next_page_url never ends: still a next page after ${page} pages of PageSize ${options.pageSize} (${sids.length} items so far)`,
        expected: `at most ${options.maxPages} pages`,
        received: `next_page_url ${items.next}`
      })
    }
    const next = followUrl(items.next, env.target.baseUrl, resource.root)
    if (next === undefined) {
      return stop({ message: `next_page_url is not a URL of the resource: ${JSON.stringify(items.next)}`, expected: `an absolute URL of ${decodeURIComponent(resource.collectionPath(`{${resource.parent.param}}`))} with its query`, received: items.next })
    }
    path = next
  }
}

/** Lists the whole parent outside any run (setup and cleanup): the SIDs, or why the list cannot be read. */
export const listAll = async (target: Target, resource: ConformanceTarget, serviceSid: string, accountSid: string): Promise<{ readonly ok: true; readonly sids: ReadonlyArray<string> } | { readonly ok: false; readonly reason: string }> => {
  const sids: Array<string> = []
  let path = `${resource.collectionPath(serviceSid)}?PageSize=1000`
  for (let page = 1; page <= 100; page++) {
    const sent = await target.send({ method: ops.list.method, path, auth: auth.primary(accountSid) })
    const items = pageItems(resource, { step: "list", ...sent, expected: expectSuccess(resource.success.listed, resource.bodies.page, `listing the ${resource.words.parent}`) })
    if (!items.ok) return { ok: false, reason: `GET ${sent.request.url}: ${sent.response === null ? items.verdict.message : `${items.verdict.message}: ${items.verdict.received}`}` }
    sids.push(...items.sids)
    if (items.next === null) return { ok: true, sids }
    const next = followUrl(items.next, target.baseUrl, resource.root)
    if (next === undefined) return { ok: false, reason: `next_page_url ${JSON.stringify(items.next)} is not a URL of the resource` }
    path = next
  }
  return { ok: false, reason: `the list has more than 100 pages of 1000 ${resource.words.members}` }
}

/** The create form that adds `value`: a member's SID, or the value a created member is made from. */
export const addForm = (resource: ConformanceTarget, value: string): string => `${resource.member.field}=${encodeURIComponent(value)}`

/**
 * Puts the service back as it was when the check started: removes the pool's short codes the harness added (or,
 * for a target that creates its members, every member that was not there), adds back any of the initial ones that
 * went missing. Returns what could not be put back, in words.
 */
export const restoreService = async (
  target: Target,
  resource: ConformanceTarget,
  state: { readonly serviceSid: string; readonly accountSid: string; readonly initial: ReadonlyArray<string>; readonly pool: ReadonlyArray<string> },
  options: { readonly verify: boolean }
): Promise<ReadonlyArray<string>> => {
  const { words } = resource
  const listed = await listAll(target, resource, state.serviceSid, state.accountSid)
  if (!listed.ok) return [`could not list the ${words.parent} to restore it: ${listed.reason}`]
  const problems: Array<string> = []
  const now = new Set(listed.sids)
  for (const sid of state.pool) {
    if (!now.has(sid)) continue
    const sent = await target.send({ method: ops.delete.method, path: resource.instancePath(state.serviceSid, sid), auth: auth.primary(state.accountSid) })
    if (sent.response === null || sent.response.status >= 300) {
      problems.push(`could not remove ${sid} from ${state.serviceSid}: DELETE answered ${sent.response === null ? sent.error : describeResponse(sent.response)}`)
    }
  }
  // Members that the harness created are its own: any member that was not there before goes.
  const created = resource.creates === undefined ? [] : listed.sids.filter((sid) => !state.initial.includes(sid))
  for (const sid of created) {
    const sent = await target.send({ method: ops.delete.method, path: resource.instancePath(state.serviceSid, sid), auth: auth.primary(state.accountSid) })
    if (sent.response === null || sent.response.status >= 300) {
      problems.push(`could not remove the ${words.member} ${sid} the run created in ${state.serviceSid}: DELETE answered ${sent.response === null ? sent.error : describeResponse(sent.response)}`)
    }
  }
  for (const sid of state.initial) {
    if (now.has(sid)) continue
    if (resource.creates !== undefined) {
      problems.push(`${sid} was in ${state.serviceSid} before the run and is gone; a created ${words.member} cannot be put back under its SID`)
      continue
    }
    const sent = await target.send({ method: ops.create.method, path: resource.collectionPath(state.serviceSid), headers: { "Content-Type": resource.formType }, body: addForm(resource, sid), auth: auth.primary(state.accountSid) })
    if (sent.response === null || sent.response.status >= 300) {
      problems.push(`${sid} was in ${state.serviceSid} before the run and is gone; adding it back answered ${sent.response === null ? sent.error : describeResponse(sent.response)}`)
    }
  }
  const extras = listed.sids.filter((sid) => !state.initial.includes(sid) && !state.pool.includes(sid) && !created.includes(sid))
  if (extras.length > 0) problems.push(`${words.members} that were not in ${state.serviceSid} before appeared in it and were left in place: ${extras.join(", ")}`)
  if (problems.length > 0 || !options.verify) return problems
  // A DELETE that answers 204 but removes nothing is caught only by listing again.
  const after = await listAll(target, resource, state.serviceSid, state.accountSid)
  if (!after.ok) return [`could not list the ${words.parent} after restoring it: ${after.reason}`]
  const wrong = after.sids.filter((sid) => state.pool.includes(sid) || created.includes(sid))
  const missing = state.initial.filter((sid) => !after.sids.includes(sid))
  return [
    ...wrong.map((sid) => `${sid} is still in ${state.serviceSid}: its DELETE answered a success but it is still listed; remove it by hand`),
    ...missing.map((sid) => `${sid} was in ${state.serviceSid} before the run and is not listed any more`)
  ]
}

/** What adding `sid` must get: the created member, or the conflict of a second add. */
export const addExpectation = (resource: ConformanceTarget, sid: string, present: boolean, because?: string): Expectation =>
  present
    ? expectAnswer(resource.errors.alreadyMember, because ?? `${sid} is already in the ${resource.words.parent}: a second add is a conflict`)
    : expectSuccess(resource.success.added, resource.bodies.member, because ?? `${sid} is in the account's inventory and in no ${resource.words.parent}`)
