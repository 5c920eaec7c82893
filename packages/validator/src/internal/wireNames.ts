import { shortCodeWireKeys } from "@shortcode-kit/schema"

const differing = (keys: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(keys).filter(([domain, wire]) => domain !== wire))

/** The ShortCode's domain names that differ from their wire names (`dateCreated` -> `date_created`). */
export const shortCodeDomainToWire: Readonly<Record<string, string>> = differing(shortCodeWireKeys)

/** The same for a list page, whose domain-side checks (item dates, strict items) name `shortCodes`. */
export const shortCodePageDomainToWire: Readonly<Record<string, string>> = {
  ...shortCodeDomainToWire,
  shortCodes: "short_codes",
  pageSize: "page_size",
  firstPageUrl: "first_page_url",
  previousPageUrl: "previous_page_url",
  nextPageUrl: "next_page_url"
}
