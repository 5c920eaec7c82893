import { shortCodeWireKeys } from "@shortcode-kit/schema"

/** The ShortCode's domain names that differ from their wire names (`dateCreated` -> `date_created`). */
export const shortCodeDomainToWire: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(shortCodeWireKeys).filter(([domain, wire]) => domain !== wire)
)
