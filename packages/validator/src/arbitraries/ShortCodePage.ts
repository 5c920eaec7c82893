/**
 * List pages as Twilio sends them, and near misses of them.
 *
 * @since 0.1.0
 */
import { ShortCodeResource, type ShortCodePageWire } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import type { NearMiss } from "./NearMiss.js"
import { pageMeta } from "./PageMeta.js"
import { resolveArbitraryOptions, type ResolvedOptions, type ShortCodeArbitraryOptions } from "./Options.js"
import { shortCodeMissFrom, shortCodeWireIn } from "./ShortCode.js"
import { shortCodeSid } from "./Sid.js"

/**
 * Options of the page arbitraries: those of the items, and how many items a page holds at most (default 5).
 * `accountSid` and `serviceSid` fix the account and service of the page and of all its items (and so every URL);
 * a page's items have distinct SIDs, so there is no `shortCodeSid`.
 *
 * @since 0.1.0
 */
export interface ShortCodePageArbitraryOptions extends Omit<ShortCodeArbitraryOptions, "shortCodeSid"> {
  readonly maxItems?: number | undefined
}

const resolvePageOptions = (caller: string, options: ShortCodePageArbitraryOptions | undefined) => {
  const maxItems = options?.maxItems ?? 5
  if (!Number.isInteger(maxItems) || maxItems < 0 || maxItems > 1000) {
    throw new TypeError(`${caller}: maxItems must be an integer from 0 to 1000, received ${JSON.stringify(maxItems)}`)
  }
  if ((options as { readonly shortCodeSid?: unknown } | undefined)?.shortCodeSid !== undefined) {
    throw new TypeError(`${caller}: shortCodeSid does not apply to a page, whose items have distinct SIDs; fix accountSid or serviceSid instead`)
  }
  return { ...resolveArbitraryOptions(caller, options), maxItems }
}

const pageWire = (options: ResolvedOptions & { readonly maxItems: number }, minItems: number) =>
  fc.record({
    account: options.sids.accountSid.arbitrary,
    service: options.sids.serviceSid.arbitrary,
    pageSize: fc.integer({ min: Math.max(1, minItems), max: 50 }),
    page: fc.nat(20),
    token: shortCodeSid().map((sid) => `PA${sid}`),
    more: fc.boolean()
  }).chain((p) => {
    const item = shortCodeWireIn(options, { accountSid: fc.constant(p.account), serviceSid: fc.constant(p.service) })
    const items = fc.uniqueArray(item, {
      minLength: Math.min(minItems, options.maxItems),
      maxLength: Math.min(p.pageSize, Math.max(minItems, options.maxItems)),
      comparator: (a, b) => a.sid !== null && a.sid === b.sid
    })
    // The list URL and the page key of the declaration: `${baseUrl}/v1/Services/${service}/ShortCodes`, `short_codes`.
    const list = ShortCodeResource.instanceUrl(options.baseUrl, { ServiceSid: p.service, Sid: "" }).replace(/\/$/, "")
    const pageKey = ShortCodeResource.declaration.pageKey
    return items.map((shortCodes): ShortCodePageWire => ({ [pageKey]: shortCodes, meta: pageMeta(list, pageKey, p, shortCodes.length) }))
  })

/**
 * A page of the list endpoint as Twilio sends it: items of {@link shortCodeWire} in one service of one account,
 * no more than `page_size`, and `meta` whose URLs agree with the page (`previous_page_url` null on page 0,
 * `next_page_url` null on a page that is not full).
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { validateShortCodePage } from "@shortcode-kit/validator"
 * import { shortCodePage } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.assert(fc.property(shortCodePage(), (page) => validateShortCodePage(page).ok))
 * ```
 * @since 0.1.0
 */
export const shortCodePage = (options?: ShortCodePageArbitraryOptions): fc.Arbitrary<ShortCodePageWire> =>
  pageWire(resolvePageOptions("shortCodePage", options), 0)

type Meta = NonNullable<ShortCodePageWire["meta"]>

const metaMiss = (): fc.Arbitrary<{ readonly key: keyof Meta; readonly value: unknown; readonly rule: string }> =>
  fc.oneof(
    fc.constantFrom<[keyof Meta, unknown]>(["page", "0"], ["page", null], ["page_size", "50"], ["key", 1], ["key", null])
      .map(([key, value]) => ({ key, value, rule: "type" })),
    fc.constantFrom<[keyof Meta, unknown]>(["page", 1.5], ["page_size", 20.5])
      .map(([key, value]) => ({ key, value, rule: "integer" })),
    fc.tuple(
      fc.constantFrom<keyof Meta>("first_page_url", "previous_page_url", "url", "next_page_url"),
      fc.constantFrom("/v1/Services/ShortCodes?Page=1", "?Page=1", "ShortCodes", "https://", "")
    ).map(([key, value]) => ({ key, value, rule: "format.uri" }))
  )

/**
 * Near misses of a list page, each breaking one rule at one path: an item with one defect (see
 * {@link invalidShortCodeWire}, under `["short_codes", i, ...]`), a `meta` property of the wrong type or a relative
 * page URL, `short_codes` or `meta` of the wrong type, or not an object at all.
 *
 * @example
 * ```ts
 * import fc from "fast-check"
 * import { invalidShortCodePage } from "@shortcode-kit/validator/arbitraries"
 *
 * fc.sample(invalidShortCodePage(), 1) // [{ value: { short_codes: [...], meta: {...} }, rule: "sid.hex", path: ["short_codes", 0, "sid"] }]
 * ```
 * @since 0.1.0
 */
export const invalidShortCodePage = (options?: ShortCodePageArbitraryOptions): fc.Arbitrary<NearMiss> => {
  const resolved = resolvePageOptions("invalidShortCodePage", options)
  const withItem = pageWire({ ...resolved, maxItems: Math.max(1, resolved.maxItems) }, 1)
  const base = pageWire(resolved, 0)
  const item = withItem.chain((page) => {
    const items = page.short_codes ?? []
    return fc.nat(items.length - 1).chain((i) =>
      shortCodeMissFrom(resolved, fc.constant(items[i] as never)).map((miss): NearMiss => ({
        value: { ...page, short_codes: items.map((one, j) => (j === i ? miss.value : one)) },
        rule: miss.rule,
        path: ["short_codes", i, ...miss.path]
      }))
    )
  })
  const meta = fc.tuple(base, metaMiss()).map(([page, miss]): NearMiss => ({
    value: { ...page, meta: { ...page.meta, [miss.key]: miss.value } },
    rule: miss.rule,
    path: ["meta", miss.key]
  }))
  const parts = fc.tuple(base, fc.constantFrom<["short_codes" | "meta", unknown]>(
    ["short_codes", {}], ["short_codes", null], ["short_codes", "[]"], ["meta", null], ["meta", []], ["meta", "page=0"]
  )).map(([page, [key, value]]): NearMiss => ({ value: { ...page, [key]: value }, rule: "type", path: [key] }))
  const root = base.chain((page) =>
    fc.constantFrom<unknown>(null, [page], JSON.stringify(page), 0).map((value): NearMiss => ({ value, rule: "type", path: [] }))
  )
  return fc.oneof({ weight: 4, arbitrary: item }, { weight: 2, arbitrary: meta }, { weight: 1, arbitrary: parts }, { weight: 1, arbitrary: root })
}
