// The vitest helper registers one test per check, run against a small in-process target that answers every request
// with an empty list page: the response checks' rules hold for it only in part, so only cors_headers is asked for.
// stateful is registered too and skips itself, since no short codes are given.
import { corsHeaders } from "@shortcode-kit/schema/http"
import { conformanceSuite } from "@shortcode-kit/validator/conformance/vitest"
import { describe, expect, it } from "vitest"

const emptyPage = async () =>
  new Response(JSON.stringify({ short_codes: [], meta: { page: 0, page_size: 1000, key: "short_codes", next_page_url: null } }), {
    status: 200,
    headers: { "Content-Type": "application/json", ...corsHeaders }
  })

conformanceSuite(() => ({
  baseUrl: "http://target.test",
  accountSid: `AC${"a".repeat(32)}`,
  authToken: "token",
  serviceSid: `MG${"b".repeat(32)}`,
  runs: 5,
  fetch: emptyPage
}), { name: "conformanceSuite against an in-process target", checks: ["cors_headers", "stateful"] })

describe("conformanceSuite", () => {
  it("refuses an unknown check when the suite is declared", () => {
    expect(() => conformanceSuite(() => ({ baseUrl: "http://x", accountSid: "AC", authToken: "t" }), { checks: ["cors" as "cors_headers"] })).toThrow(
      new TypeError(`conformanceSuite: unknown check "cors"; the checks are not_a_server_error, status_code_conformance, content_type_conformance, cors_headers, response_schema_conformance, negative_data_rejection, auth, stateful`)
    )
  })
})
