import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { plainTargetParts, urlTargetParts } from "../../src/controls/targetParts.js"

// What the journal recorded of a kept answer before: the parsed URL the adapter builds from Host and target.
const parsed = (target: string) => urlTargetParts(new URL(`http://127.0.0.1:4010${target}`))

// Pieces a target is made of: plain characters, percent-escapes (valid, broken, of a dot or a slash), dots, the
// characters the URL parser encodes or treats specially, and non-ASCII.
const piece = fc.oneof(
  fc.constantFrom("a", "Z", "0", "-", "_", "~", "!", "$", "'", "(", "*", "+", ",", ";", ":", "@", "=", "&", "/", "?", "#"),
  fc.constantFrom(".", "..", "%2e", "%2E", "%2f", "%20", "%41", "%", "%zz", "%e2%82%ac", "%ff", "\\", '"', "<", ">", "`", "{", "|", "^", "[", "]"),
  fc.constantFrom("é", "€", "\u2028", "\t", " "),
  fc.constantFrom("PageSize=2", "PageSize=50&Page=1", "Note=a%20b&Note=c&Note=d", "x=1&x=2", "=", "&&", "a=b=c")
)
const target = fc.array(piece, { maxLength: 12 }).map((pieces) => `/${pieces.join("")}`)

describe("plainTargetParts", () => {
  test.prop([target], { numRuns: 2000 })("reads the same path and query as the URL parser, or declines", (t) => {
    const plain = plainTargetParts(t)
    if (plain !== undefined) expect(plain).toEqual(parsed(t))
  })

  it("takes the plain targets of the API, repeated names as a list", () => {
    const t = "/v1/Services/MG0123/ShortCodes?PageSize=2&Note=a%20b&Note=c+d&PageToken=PT%3D1"
    expect(plainTargetParts(t)).toEqual({ path: "/v1/Services/MG0123/ShortCodes", query: { PageSize: "2", Note: ["a b", "c d"], PageToken: "PT=1" } })
    expect(plainTargetParts(t)).toEqual(parsed(t))
    expect(plainTargetParts("/v1/Services")).toEqual({ path: "/v1/Services", query: {} })
    // A "?" right after the query's own mark is a name, as the parser reads it.
    expect(plainTargetParts("/??")).toEqual({ path: "/", query: { "?": "" } })
  })

  it("declines what the parser rewrites: dot segments, a fragment, characters it encodes", () => {
    for (const t of ["/v1/../admin/requests", "/v1/%2e%2E/x", "/v1/./x", "/v1/x?a=1#frag", "/v1/x y", "/v1/é", "/v1\\x", "/v1/x?é=1"]) {
      expect(plainTargetParts(t), t).toBeUndefined()
    }
  })
})
