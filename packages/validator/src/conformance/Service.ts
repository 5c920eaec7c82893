/**
 * The service's list as the harness sees it (walking `next_page_url`), and putting the service back as it was.
 */
import { expectError, expectSuccess, type Expectation } from "./Expectation.js"
import { auth, type Exchange, followUrl, type Target } from "./Http.js"
import { describeResponse, parseJson, type Verdict } from "./Oracles.js"
import { isResponseCheck } from "./Checks.js"
import { Inconclusive, type Run } from "./Run.js"

export const collectionPath = (serviceSid: string): string => `/v1/Services/${encodeURIComponent(serviceSid)}/ShortCodes`
export const instancePath = (serviceSid: string, sid: string): string => `${collectionPath(serviceSid)}/${encodeURIComponent(sid)}`
export const FORM = "application/x-www-form-urlencoded"

/** The SIDs of a page body, or why they cannot be read. */
export const pageItems = (exchange: Exchange): { readonly ok: true; readonly sids: ReadonlyArray<string>; readonly next: string | null; readonly pageSize: unknown } | { readonly ok: false; readonly verdict: Verdict } => {
  const response = exchange.response
  if (response === null) return { ok: false, verdict: { message: exchange.error ?? "no answer", expected: "200 with a page", received: exchange.error ?? "no answer" } }
  const bad = (message: string): { readonly ok: false; readonly verdict: Verdict } => ({
    ok: false,
    verdict: { message, expected: "200 with { short_codes: [...], meta: { next_page_url, ... } }", received: describeResponse(response) }
  })
  if (response.status !== 200) return bad(`listing the service answered ${response.status}`)
  const parsed = parseJson(response.body)
  if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) return bad("the list page is not a JSON object")
  const page = parsed.value as { short_codes?: unknown; meta?: { next_page_url?: unknown; page_size?: unknown } | null }
  if (!Array.isArray(page.short_codes)) return bad("the list page has no short_codes array")
  const sids: Array<string> = []
  for (const item of page.short_codes) {
    const sid = typeof item === "object" && item !== null ? (item as { sid?: unknown }).sid : undefined
    if (typeof sid !== "string") return bad("an item of short_codes has no sid")
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
  const sids: Array<string> = []
  let path = `${collectionPath(env.serviceSid)}?PageSize=${options.pageSize}`
  for (let page = 1; ; page++) {
    const exchange = await run.send(
      page === 1 ? options.step : `${options.step}: page ${page}, from next_page_url`,
      { method: "GET", path, auth: auth.primary(env.accountSid) },
      expectSuccess(200, "ShortCodePage", options.because),
      { judge: options.judgePages ?? true }
    )
    const items = pageItems(exchange)
    // For a response check the page's answer has been judged on its own; only the walk cannot go on.
    const stop = (verdict: Verdict): never => {
      if (isResponseCheck(env.check)) throw new Inconclusive(verdict.message)
      return run.fail(verdict)
    }
    if (!items.ok) return stop(items.verdict)
    if (options.maxItemsPerPage !== undefined && items.sids.length > options.maxItemsPerPage) {
      run.fail({
        message: `page ${page} holds ${items.sids.length} short codes, more than the PageSize ${options.maxItemsPerPage} asked for`,
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
          expected: "each short code exactly once over all pages",
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
    const next = followUrl(items.next, env.target.baseUrl)
    if (next === undefined) {
      return stop({ message: `next_page_url is not a URL of the resource: ${JSON.stringify(items.next)}`, expected: "an absolute URL of /v1/Services/{ServiceSid}/ShortCodes with its query", received: items.next })
    }
    path = next
  }
}

/** Lists the whole service outside any run (setup and cleanup): the SIDs, or why the list cannot be read. */
export const listAll = async (target: Target, serviceSid: string, accountSid: string): Promise<{ readonly ok: true; readonly sids: ReadonlyArray<string> } | { readonly ok: false; readonly reason: string }> => {
  const sids: Array<string> = []
  let path = `${collectionPath(serviceSid)}?PageSize=1000`
  for (let page = 1; page <= 100; page++) {
    const sent = await target.send({ method: "GET", path, auth: auth.primary(accountSid) })
    const items = pageItems({ step: "list", ...sent, expected: expectSuccess(200, "ShortCodePage", "listing the service") })
    if (!items.ok) return { ok: false, reason: `GET ${sent.request.url}: ${sent.response === null ? items.verdict.message : `${items.verdict.message}: ${items.verdict.received}`}` }
    sids.push(...items.sids)
    if (items.next === null) return { ok: true, sids }
    const next = followUrl(items.next, target.baseUrl)
    if (next === undefined) return { ok: false, reason: `next_page_url ${JSON.stringify(items.next)} is not a URL of the resource` }
    path = next
  }
  return { ok: false, reason: "the list has more than 100 pages of 1000 short codes" }
}

const addForm = (sid: string) => `ShortCodeSid=${encodeURIComponent(sid)}`

/**
 * Puts the service back as it was when the check started: removes the pool's short codes the harness added, adds
 * back any of the initial ones that went missing. Returns what could not be put back, in words.
 */
export const restoreService = async (
  target: Target,
  state: { readonly serviceSid: string; readonly accountSid: string; readonly initial: ReadonlyArray<string>; readonly pool: ReadonlyArray<string> },
  options: { readonly verify: boolean }
): Promise<ReadonlyArray<string>> => {
  const listed = await listAll(target, state.serviceSid, state.accountSid)
  if (!listed.ok) return [`could not list the service to restore it: ${listed.reason}`]
  const problems: Array<string> = []
  const now = new Set(listed.sids)
  for (const sid of state.pool) {
    if (!now.has(sid)) continue
    const sent = await target.send({ method: "DELETE", path: instancePath(state.serviceSid, sid), auth: auth.primary(state.accountSid) })
    if (sent.response === null || sent.response.status >= 300) {
      problems.push(`could not remove ${sid} from ${state.serviceSid}: DELETE answered ${sent.response === null ? sent.error : describeResponse(sent.response)}`)
    }
  }
  for (const sid of state.initial) {
    if (now.has(sid)) continue
    const sent = await target.send({ method: "POST", path: collectionPath(state.serviceSid), headers: { "Content-Type": FORM }, body: addForm(sid), auth: auth.primary(state.accountSid) })
    if (sent.response === null || sent.response.status >= 300) {
      problems.push(`${sid} was in ${state.serviceSid} before the run and is gone; adding it back answered ${sent.response === null ? sent.error : describeResponse(sent.response)}`)
    }
  }
  const extras = listed.sids.filter((sid) => !state.initial.includes(sid) && !state.pool.includes(sid))
  if (extras.length > 0) problems.push(`short codes that were not in ${state.serviceSid} before appeared in it and were left in place: ${extras.join(", ")}`)
  if (problems.length > 0 || !options.verify) return problems
  // A DELETE that answers 204 but removes nothing is caught only by listing again.
  const after = await listAll(target, state.serviceSid, state.accountSid)
  if (!after.ok) return [`could not list the service after restoring it: ${after.reason}`]
  const wrong = after.sids.filter((sid) => state.pool.includes(sid))
  const missing = state.initial.filter((sid) => !after.sids.includes(sid))
  return [
    ...wrong.map((sid) => `${sid} is still in ${state.serviceSid}: its DELETE answered a success but it is still listed; remove it by hand`),
    ...missing.map((sid) => `${sid} was in ${state.serviceSid} before the run and is not listed any more`)
  ]
}

export const addExpectation = (sid: string, present: boolean, because?: string): Expectation =>
  present
    ? expectError(409, 21710, because ?? `${sid} is already in the service: a second add is a conflict`)
    : expectSuccess(201, "ShortCode", because ?? `${sid} is in the account's inventory and in no service`)
