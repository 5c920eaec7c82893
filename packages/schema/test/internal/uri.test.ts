// Rule format.uri answers plain resource URLs without asking the URL parser; the answer must be the parser's.
import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { isRfc3986Uri, isUriString } from "../../src/Uri.js"

const byTheParser = (text: string): boolean => isRfc3986Uri(text) && URL.canParse(text)

// URLs near the plain form: labels of letters, digits and `-` (numeric ones, `xn--` ones, 0x ones among them),
// ports up to 99999 with leading zeros, unreserved segments, and a few characters outside the form.
const label = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/),
  fc.stringMatching(/^[0-9]{1,4}$/),
  fc.stringMatching(/^0[xX][0-9a-fA-F]{0,4}$/),
  fc.stringMatching(/^[xX][nN]--[a-z0-9-]{0,8}$/),
  fc.constantFrom("", "é", "_", "%41")
)
const url = fc.tuple(
  fc.constantFrom("http", "https", "HTTP", "ftp"),
  fc.array(label, { minLength: 1, maxLength: 4 }),
  fc.option(fc.tuple(fc.nat({ max: 99999 }), fc.nat({ max: 3 }))),
  fc.array(fc.stringMatching(/^[A-Za-z0-9._~%-]{0,10}$/), { maxLength: 4 })
).map(([scheme, labels, port, segments]) =>
  `${scheme}://${labels.join(".")}${port === null ? "" : `:${"0".repeat(port[1])}${port[0]}`}${segments.map((s) => `/${s}`).join("")}`
)

describe("isUriString", () => {
  test.prop([url], { numRuns: 20_000 })("answers what the RFC 3986 grammar and the URL parser answer together", (text) => {
    expect(isUriString(text), text).toBe(byTheParser(text))
  })

  it("on the edges of the plain form", () => {
    for (const text of [
      "https://messaging.twilio.com/v1/Services/MGaaaa/ShortCodes/SCbbbb",
      "http://256.256.256.256/",
      "http://99999999999/",
      "http://1a/",
      "http://0xg/",
      "http://0x1/",
      "http://xn--a/",
      "http://a.XN--b/",
      "http://a..b/",
      "http://a:65535/",
      "http://a:65536/",
      "http://a:000080/",
      "http://-a-/./../"
    ]) expect(isUriString(text), text).toBe(byTheParser(text))
  })
})
