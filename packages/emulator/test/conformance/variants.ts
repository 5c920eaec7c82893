/**
 * Deliberately broken variants of the example app, each a bug real implementations have, and the check meant to
 * catch it. A harness that never fails proves nothing: each of these must fail its check with a shrunk reproduction.
 */
import { corsHeaders } from "@shortcode-kit/schema/http"
import type { CheckName } from "@shortcode-kit/validator/conformance"
import { editJson, type Fault, rebuild } from "./proxy.js"

export interface Variant {
  readonly name: string
  readonly check: CheckName
  readonly fault: Fault
  /** Something the failing exchange's answer shows, to prove the failure is the planted bug. */
  readonly evidence: RegExp
}

const isCollection = (request: Request) => /^\/v1\/Services\/[^/]+\/ShortCodes$/.test(new URL(request.url).pathname)
const isInstance = (request: Request) => /^\/v1\/Services\/[^/]+\/ShortCodes\/[^/]+$/.test(new URL(request.url).pathname)

const demoAuthorization = { value: "" }

/** Credentials any wrong ones are replaced by; set by the test to the account under test. */
export const setAcceptedCredentials = (accountSid: string, authToken: string): void => {
  demoAuthorization.value = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`
}

const internalError = () =>
  new Response(JSON.stringify({ code: 20500, message: "Internal Server Error", more_info: "https://www.twilio.com/docs/errors/20500", status: 500 }), {
    status: 500,
    headers: { "Content-Type": "application/json", ...corsHeaders }
  })

export const variants: ReadonlyArray<Variant> = [
  {
    name: "a 500 when the create form carries a parameter other than ShortCodeSid",
    check: "not_a_server_error",
    fault: async (request, forward) => {
      if (request.method !== "POST" || !isCollection(request)) return forward(request)
      const body = await request.clone().text()
      const names = [...new URLSearchParams(body).keys()]
      return names.some((name) => name !== "ShortCodeSid") ? internalError() : forward(request)
    },
    evidence: /^500$/
  },
  {
    name: "error answers without Access-Control-Allow-Origin (the CORS middleware skips the error path)",
    check: "cors_headers",
    fault: async (request, forward) => {
      const response = await forward(request)
      if (response.status < 400) return response
      const headers = new Headers(response.headers)
      headers.delete("Access-Control-Allow-Origin")
      return new Response(response.body, { status: response.status, headers })
    },
    evidence: /^4\d\d$/
  },
  {
    name: "a DELETE that finds the short code, answers 204 and removes nothing",
    check: "stateful",
    fault: async (request, forward) => {
      if (request.method !== "DELETE" || !isInstance(request)) return forward(request)
      const found = await forward(await rebuild(request, { method: "GET" }))
      return found.status === 200 ? new Response(null, { status: 204, headers: corsHeaders }) : forward(request)
    },
    evidence: /^(200|204|409)$/
  },
  {
    name: "next_page_url starts one item too early (>= instead of >), so a page repeats the last item of the page before",
    check: "stateful",
    fault: async (request, forward) => {
      const response = await forward(request)
      if (request.method !== "GET" || !isCollection(request) || response.status !== 200) return response
      return editJson(response, (body) => {
        const meta = body["meta"] as { next_page_url?: string | null } | undefined
        if (typeof meta?.next_page_url === "string") {
          // The token is "PA", the position in 16 hex digits, then the list's tag: one position back, same list.
          meta.next_page_url = meta.next_page_url.replace(
            /PageToken=PA([0-9a-f]{16})/,
            (_, n: string) => `PageToken=PA${(Number.parseInt(n, 16) - 1).toString(16).padStart(16, "0")}`
          )
        }
        return body
      })
    },
    evidence: /^200$/
  },
  {
    name: "authentication that accepts any token (and no credentials at all)",
    check: "auth",
    fault: async (request, forward) => {
      const headers = new Headers(request.headers)
      headers.set("Authorization", demoAuthorization.value)
      return forward(await rebuild(request, { headers }))
    },
    // The planted bug lets a request without valid credentials through: whatever the app answers, it is not 401.
    evidence: /^(?!401$)\d{3}$/
  },
  {
    name: "a create answered 200 instead of 201",
    check: "status_code_conformance",
    fault: async (request, forward) => {
      const response = await forward(request)
      return request.method === "POST" && isCollection(request) && response.status === 201
        ? new Response(response.body, { status: 200, headers: response.headers })
        : response
    },
    evidence: /^200$/
  },
  {
    name: "a lenient form parser that trims whitespace and upper-cases the prefix of ShortCodeSid",
    check: "negative_data_rejection",
    fault: async (request, forward) => {
      if (request.method !== "POST" || !isCollection(request)) return forward(request)
      const form = new URLSearchParams(await request.clone().text())
      const sid = form.get("ShortCodeSid")
      if (sid === null) return forward(request)
      form.set("ShortCodeSid", sid.trim().replace(/^sc/i, "SC"))
      return forward(await rebuild(request, { body: form.toString() }))
    },
    evidence: /^201$/
  },
  {
    name: "error bodies sent as text/plain",
    check: "content_type_conformance",
    fault: async (request, forward) => {
      const response = await forward(request)
      if (response.status < 400) return response
      const headers = new Headers(response.headers)
      headers.set("Content-Type", "text/plain; charset=utf-8")
      return new Response(response.body, { status: response.status, headers })
    },
    evidence: /^4\d\d$/
  },
  {
    name: "date_created in the RFC 2822 form of Twilio's 2010 API instead of RFC 3339",
    check: "response_schema_conformance",
    // Every ShortCode the variant serves has the old date form: fetched, created and in list pages. (Only a fetch,
    // as at first, left the bug unseen by a run whose fetches all found nothing: one seed in CI did just that.)
    fault: async (request, forward) => {
      const response = await forward(request)
      if (response.status !== 200 && response.status !== 201) return response
      const rfc2822 = (shortCode: Record<string, unknown>) => ({
        ...shortCode,
        date_created: new Date(String(shortCode["date_created"])).toUTCString().replace("GMT", "+0000")
      })
      return editJson(response, (body) => {
        if (Array.isArray(body["short_codes"])) return { ...body, short_codes: body["short_codes"].map(rfc2822) }
        return "date_created" in body ? rfc2822(body) : body
      })
    },
    evidence: /^20[01]$/
  }
]
