/**
 * Twilio's `uri` fields. OpenAPI's `uri` format is RFC 3986's `URI` (a scheme is required). The domain side is a
 * WHATWG `URL`, so a wire value must also be one that the platform's URL parser accepts: see the README's list of
 * deliberate differences for the few RFC 3986 URIs that fall outside (for example `http://256.1.1.1/`).
 *
 * @since 0.1.0
 */
import { Schema, SchemaGetter } from "effect"
import { SchemaCompiler } from "effect/schema"
import { declareFastLeaf } from "./internal/compile/fastLeaf.js"
import { ruleCheck } from "./internal/rule.js"

// Built from the ABNF of RFC 3986 (appendix A), rule by rule.
const unreserved = "A-Za-z0-9\\-._~"
const subDelims = "!$&'()*+,;="
const pctEncoded = "%[0-9A-Fa-f]{2}"
const pchar = `(?:[${unreserved}${subDelims}:@]|${pctEncoded})`
const scheme = "[A-Za-z][A-Za-z0-9+\\-.]*"
const userinfo = `(?:[${unreserved}${subDelims}:]|${pctEncoded})*`
const regName = `(?:[${unreserved}${subDelims}]|${pctEncoded})*`
const ipLiteral = "\\[([^\\]]*)\\]"
const port = "[0-9]*"
const segment = `${pchar}*`
const segmentNz = `${pchar}+`
const pathAbempty = `(?:/${segment})*`
const pathAbsolute = `/(?:${segmentNz}(?:/${segment})*)?`
const pathRootless = `${segmentNz}(?:/${segment})*`
const queryOrFragment = `(?:${pchar}|[/?])*`
const URI = new RegExp(
  `^${scheme}:(?://(?:${userinfo}@)?(?:${ipLiteral}|${regName})(?::${port})?${pathAbempty}|${pathAbsolute}|${pathRootless}|)` +
    `(?:\\?${queryOrFragment})?(?:#${queryOrFragment})?$`
)
const IPV_FUTURE = new RegExp(`^[vV][0-9A-Fa-f]+\\.[${unreserved}${subDelims}:]+$`)
const H16 = /^[0-9A-Fa-f]{1,4}$/
const DEC_OCTET = /^(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])$/

const isIpv4 = (s: string): boolean => {
  const parts = s.split(".")
  return parts.length === 4 && parts.every((p) => DEC_OCTET.test(p))
}

/** RFC 3986 `IPv6address`: eight 16-bit groups, at most one `::`, optionally ending in a dotted IPv4 address. */
const isIpv6 = (s: string): boolean => {
  const halves = s.split("::")
  if (halves.length > 2) return false
  const groups = (part: string): Array<string> => (part === "" ? [] : part.split(":"))
  const head = groups(halves[0] as string)
  const tail = halves.length === 2 ? groups(halves[1] as string) : []
  const all = [...head, ...tail]
  let count = 0
  for (let i = 0; i < all.length; i++) {
    const g = all[i] as string
    if (i === all.length - 1 && g.includes(".")) {
      if (!isIpv4(g)) return false
      count += 2
    } else {
      if (!H16.test(g)) return false
      count += 1
    }
  }
  return halves.length === 2 ? count <= 7 : count === 8
}

/**
 * The form of nearly every URI this package sees, a resource URL such as
 * `https://messaging.twilio.com/v1/Services/MG.../ShortCodes/SC...`: `http` or `https`, `://`, a host of letters,
 * digits, `.` and `-`, an optional numeric port, then `/`-separated segments of unreserved characters
 * (`A-Z a-z 0-9 - . _ ~`), and nothing else. Each part is a special case of the corresponding rule of the grammar
 * above (scheme, reg-name, port, path-abempty), so a match is an RFC 3986 URI; this small expression runs several
 * times faster than the whole grammar, which judges everything else.
 */
const PLAIN_HTTP_URI = /^https?:\/\/[A-Za-z0-9.-]+(?::[0-9]+)?(?:\/[A-Za-z0-9._~-]*)*$/

/**
 * Whether `text` is an RFC 3986 `URI`: a scheme, then a hierarchical part, an optional query and fragment.
 *
 * @example
 * ```ts
 * import { isRfc3986Uri } from "@shortcode-kit/schema"
 *
 * isRfc3986Uri("https://messaging.twilio.com/v1/Services") // true
 * isRfc3986Uri("/v1/Services") // false: relative
 * ```
 * @since 0.1.0
 */
export const isRfc3986Uri = (text: string): boolean => {
  if (PLAIN_HTTP_URI.test(text)) return true
  const m = URI.exec(text)
  if (m === null) return false
  const literal = m[1]
  return literal === undefined || isIpv6(literal) || IPV_FUTURE.test(literal)
}

// URL.canParse answers without building a URL (Node 19.9+, current browsers); the fallback builds one.
const canParseUrl: (text: string) => boolean = typeof URL.canParse === "function"
  ? (text) => URL.canParse(text)
  : (text) => {
    try {
      new URL(text)
      return true
    } catch {
      return false
    }
  }

/** The `URL` of an absolute URI that the platform's parser accepts (rule `format.uri`), or `undefined`. */
export const urlOfUriString = (text: string): URL | undefined => {
  if (!isRfc3986Uri(text)) return undefined
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

/**
 * The plain resource URLs the WHATWG parser accepts without asking it: `http(s)://`, a host of non-empty labels of
 * letters, digits and `-` whose last label has a letter (so it is a domain, not an IPv4 address) and none starting
 * `xn--` (punycode, which the parser checks), a port of at most 65535, segments of unreserved characters. Every
 * match is an RFC 3986 URI too (a special case of {@link PLAIN_HTTP_URI}). test/internal/uri.test.ts holds it to the parser.
 */
const PLAIN_DOMAIN_URL = /^https?:\/\/((?:[A-Za-z0-9-]+\.)*([A-Za-z0-9-]+))(?::([0-9]{1,5}))?(?:\/[A-Za-z0-9._~-]*)*$/

const surelyParses = (text: string): boolean => {
  const m = PLAIN_DOMAIN_URL.exec(text)
  if (m === null) return false
  const last = m[2] as string
  if (!/[A-Za-z]/.test(last) || /^0x[0-9a-f]*$/i.test(last) || /(?:^|\.)xn--/i.test(m[1] as string)) return false
  return m[3] === undefined || Number(m[3]) <= 65535
}

/** Whether `text` passes rule `format.uri`: an RFC 3986 absolute URI that the platform's URL parser accepts. */
export const isUriString = (text: string): boolean => surelyParses(text) || (isRfc3986Uri(text) && canParseUrl(text))

/**
 * The wire form: an absolute URI. Rule `format.uri`.
 *
 * @since 0.1.0
 */
export const UriString = Schema.String.check(
  ruleCheck<string>("format.uri", isUriString, {
    message: "must be an absolute URI (RFC 3986) such as https://messaging.twilio.com/v1/Services",
    expected: "absolute URI"
  }, {
    jsonSchema: { type: "string", format: "uri" },
    generators: {
      // Relative references, a missing scheme or host, characters a URI cannot hold, a path of another system.
      breaking: (fc, uri) =>
        fc.constantFrom(
          new URL(uri).pathname,
          uri.replace(/^[a-z]+:/, ""),
          uri.replace(/^[a-z]+:\/\//, ""),
          `${uri}\n`,
          uri.replace(/^([a-z]+:\/\/)/, "$1exa mple."),
          "https://",
          "http://[::1/",
          "",
          "\\\\server\\share"
        )
    }
  })
)

/**
 * The codec from an absolute URI to a `URL`. Encoding writes `URL#href`, the parser's normal form.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { UrlFromUriString } from "@shortcode-kit/schema"
 *
 * Schema.decodeUnknownSync(UrlFromUriString)("https://messaging.twilio.com/v1").host // "messaging.twilio.com"
 * ```
 * @since 0.1.0
 */
export const UrlFromUriString = declareFastLeaf(
  UriString.pipe(
    Schema.decodeTo(Schema.URL, {
      decode: SchemaGetter.transform((s: string) => new URL(s)),
      encode: SchemaGetter.transform((u: URL) => u.href)
    })
  ),
  // The same codec in one step each way, for the compiled paths (internal/compile): the URL is built once, where the
  // check and the getter would each parse the text.
  {
    decode: (input) => (typeof input === "string" ? urlOfUriString(input) ?? SchemaCompiler.invalid : SchemaCompiler.invalid),
    encode: (input) => {
      if (!(input instanceof URL)) return SchemaCompiler.invalid
      const href = input.href
      return isUriString(href) ? href : SchemaCompiler.invalid
    },
    is: (input) => (input instanceof URL ? input : SchemaCompiler.invalid)
  }
)
