/**
 * The `meta` of a generated list page, for every resource alike: the page's URLs under its list URL, as Twilio writes
 * them (`previous_page_url` null on page 0, `next_page_url` null on a page that is not full or the last one).
 */

/** Where a generated page stands: its number, size, the token of the later pages, and whether more follow. */
export interface PagePosition {
  readonly page: number
  readonly pageSize: number
  readonly token: string
  readonly more: boolean
}

/** The `meta` of a page of `itemCount` items of the list at `list` (no trailing slash), whose items are under `pageKey`. */
export const pageMeta = (list: string, pageKey: string, p: PagePosition, itemCount: number) => {
  const at = (n: number) => `${list}?PageSize=${p.pageSize}&Page=${n}${n === 0 ? "" : `&PageToken=${p.token}`}`
  return {
    page: p.page,
    page_size: p.pageSize,
    first_page_url: at(0),
    previous_page_url: p.page === 0 ? null : at(p.page - 1),
    url: at(p.page),
    next_page_url: itemCount === p.pageSize && p.more ? at(p.page + 1) : null,
    key: pageKey
  }
}
