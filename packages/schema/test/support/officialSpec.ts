// Where the codecs deliberately differ from ajv-formats, which the differential laws (test/resource/laws.test.ts)
// compare them with through the official document (./officialDocument.ts).
import { isRfc3986Uri } from "@shortcode-kit/schema"

/**
 * Inputs on which the codec deliberately differs from ajv-formats (listed in the README with reasons):
 * date-times that ajv-formats accepts beyond RFC 3339 (a space instead of `T`, offsets `+hh` or `+hhmm` without
 * the colon), and URIs that RFC 3986 allows but a WHATWG URL parser rejects or that ajv's URI pattern handles
 * differently.
 */
const LENIENT_DATE = /^\d{4}-\d{2}-\d{2}(?: |[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?[+-]\d{2}(?:\d{2})?$)/
const canParseUrl = (text: string): boolean => {
  try {
    new URL(text)
    return true
  } catch {
    return false
  }
}
const SCHEME_ONLY = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[?#].*)?$/s
const AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/s
const HOST_PORT = /^(?:\[[^\]]*\]|[^:]*)(?::[0-9]*)?$/s

/**
 * URIs on which our `uri` check deliberately differs from ajv-formats:
 * - RFC 3986 URIs that a WHATWG URL parser rejects, such as `http://256.256.256.256/` (IPv4 octet out of range);
 * - a scheme with an empty hierarchical part (`a:`, `a:#x`): valid RFC 3986, rejected by ajv-formats' pattern;
 * - an authority with a non-numeric port or several `@` (`http://host:x/`): invalid RFC 3986, accepted by ajv.
 */
export const isUriDifference = (value: unknown): boolean => {
  if (typeof value !== "string") return false
  if (isRfc3986Uri(value) && !canParseUrl(value)) return true
  if (SCHEME_ONLY.test(value)) return true
  const authority = AUTHORITY.exec(value)?.[1]
  if (authority === undefined) return false
  const at = authority.lastIndexOf("@")
  return authority.indexOf("@") !== at || !HOST_PORT.test(authority.slice(at + 1))
}

export const isLenientDateTime = (value: unknown): boolean => typeof value === "string" && LENIENT_DATE.test(value)
