/**
 * The checks that judge one answer on its own: each returns what was wrong, or `undefined`.
 */
import { corsHeaders } from "@shortcode-kit/schema/http"
import { validateTwilioError } from "../TwilioError.js"
import { formatIssue, type ValidationResult } from "../ValidationResult.js"
import type { ResponseCheckName } from "./Checks.js"
import { describeExpectation } from "./Expectation.js"
import type { Exchange, RecordedResponse } from "./Http.js"
import type { ConformanceTarget } from "./Membership.js"
import { withArticle } from "../internal/article.js"

/**
 * What a check found wrong: a sentence, what was expected, what was received.
 *
 * @since 0.2.0
 */
export interface Verdict {
  readonly message: string
  readonly expected: string
  readonly received: string
}

export interface OracleContext {
  /** The origin of the strict profile's `url`, or `undefined` for the spec profile only. */
  readonly strictBaseUrl: string | undefined
  /** Whose success bodies are judged, against the schemas of its endpoints. */
  readonly resource: ConformanceTarget
}

const excerpt = (text: string, max = 300): string => (text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`)

/** "404 {"code":20404,...}" or "no body". */
export const describeResponse = (response: RecordedResponse): string =>
  `${response.status}${response.body === "" ? " with no body" : ` ${excerpt(response.body)}`}`

export const parseJson = (text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

const noAnswer = (exchange: Exchange): Verdict => ({
  message: `${exchange.request.method} ${exchange.request.url} got no answer: ${exchange.error ?? "unknown reason"}`,
  expected: describeExpectation(exchange.expected),
  received: exchange.error ?? "no answer"
})

const notAServerError = (exchange: Exchange, response: RecordedResponse): Verdict | undefined =>
  response.status >= 500
    ? { message: `a server error: ${exchange.request.method} ${exchange.request.url} answered ${response.status}`, expected: describeExpectation(exchange.expected), received: describeResponse(response) }
    : undefined

const errorBodyFields = (body: string): { readonly code: unknown; readonly status: unknown } | undefined => {
  const parsed = parseJson(body)
  if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) return undefined
  const record = parsed.value as Record<string, unknown>
  return { code: record["code"], status: record["status"] }
}

const statusCode = (exchange: Exchange, response: RecordedResponse): Verdict | undefined => {
  const { expected } = exchange
  const base = { expected: describeExpectation(expected), received: describeResponse(response) }
  if (!expected.statuses.includes(response.status)) {
    return { message: `wrong status: ${exchange.request.method} ${exchange.request.url} answered ${response.status}, expected ${expected.statuses.join(" or ")}`, ...base }
  }
  if (response.status < 400) return undefined
  const fields = errorBodyFields(response.body)
  if (expected.code !== null && fields?.code !== expected.code) {
    return { message: `wrong Twilio error code: expected ${expected.code}, the body has ${fields === undefined ? "no code (not a JSON object)" : fields.code === undefined ? "no code" : JSON.stringify(fields.code)}`, ...base }
  }
  if (fields !== undefined && fields.status !== response.status) {
    return { message: `the error body says status ${fields.status === undefined ? "(missing)" : JSON.stringify(fields.status)} but the answer's status is ${response.status}`, ...base }
  }
  return undefined
}

const mediaType = (value: string | undefined): string | undefined => value?.split(";")[0]?.trim().toLowerCase()

const contentType = (exchange: Exchange, response: RecordedResponse): Verdict | undefined => {
  const header = response.headers["content-type"]
  const received = `${response.status}, Content-Type ${header === undefined ? "(none)" : JSON.stringify(header)}, ${response.body === "" ? "no body" : `body ${excerpt(response.body, 120)}`}`
  if (response.status === 204 || response.status === 304) {
    return response.body === "" ? undefined : { message: `a ${response.status} answer must have no body`, expected: "no body", received }
  }
  if (response.body === "") {
    return exchange.expected.body === "any" || exchange.expected.body === "empty"
      ? undefined
      : { message: `a ${response.status} answer without a body: a JSON body was expected`, expected: "an application/json body", received }
  }
  if (mediaType(header) !== "application/json") {
    return { message: `the body is not labelled application/json (Content-Type ${header === undefined ? "missing" : JSON.stringify(header)})`, expected: "Content-Type application/json", received }
  }
  const parsed = parseJson(response.body)
  return parsed.ok ? undefined : { message: `the body is labelled application/json but is not JSON: ${parsed.error}`, expected: "a JSON body", received }
}

const tokens = (value: string) => value.split(",").map((part) => part.trim().toLowerCase()).filter((part) => part !== "").sort()

const cors = (_exchange: Exchange, response: RecordedResponse): Verdict | undefined => {
  const problems: Array<string> = []
  for (const [name, value] of Object.entries(corsHeaders)) {
    const got = response.headers[name.toLowerCase()]
    if (got === undefined) problems.push(`${name} is missing`)
    else if (tokens(got).join(",") !== tokens(value).join(",")) problems.push(`${name} is ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`)
  }
  if (problems.length === 0) return undefined
  const shown = Object.keys(corsHeaders).map((name) => `${name}: ${response.headers[name.toLowerCase()] ?? "(missing)"}`).join("; ")
  return {
    message: `CORS headers: ${problems.join("; ")} (on a ${response.status} answer)`,
    expected: Object.entries(corsHeaders).map(([name, value]) => `${name}: ${value}`).join("; "),
    received: shown
  }
}

const issuesOf = (result: ValidationResult<unknown>): string =>
  result.ok ? "" : result.issues.slice(0, 5).map(formatIssue).join("; ") + (result.issues.length > 5 ? `; and ${result.issues.length - 5} more` : "")

const schema = (exchange: Exchange, response: RecordedResponse, context: OracleContext): Verdict | undefined => {
  if (response.body === "" || response.status === 204) return undefined
  const parsed = parseJson(response.body)
  const received = describeResponse(response)
  if (!parsed.ok) return { message: `the body is not JSON: ${parsed.error}`, expected: "a JSON body", received }
  if (response.status >= 400) {
    const result = validateTwilioError(parsed.value)
    return result.ok ? undefined : { message: `the error body is not a TwilioError: ${issuesOf(result)}`, expected: "a TwilioError body { code, message, more_info, status }", received }
  }
  if (response.status < 200 || response.status >= 300) return undefined
  const kind = exchange.expected.body
  const { bodies } = context.resource
  const strictName = `${bodies.member}Strict`
  if (kind === bodies.member) {
    const spec = context.resource.validate("member", parsed.value)
    if (!spec.ok) return { message: `the body is not ${withArticle(bodies.member)} (spec profile): ${issuesOf(spec)}`, expected: withArticle(bodies.member), received }
    if (context.strictBaseUrl !== undefined && context.resource.hasStrict) {
      const strict = context.resource.validate("member", parsed.value, context.strictBaseUrl)
      if (!strict.ok) return { message: `the body is not ${withArticle(bodies.member)} of the strict profile: ${issuesOf(strict)}`, expected: `${withArticle(strictName)} with url under ${context.strictBaseUrl}`, received }
    }
  }
  if (kind === bodies.page) {
    const spec = context.resource.validate("page", parsed.value)
    if (!spec.ok) return { message: `the body is not a page of ${bodies.member}s (spec profile): ${issuesOf(spec)}`, expected: withArticle(bodies.page), received }
    if (context.strictBaseUrl !== undefined && context.resource.hasStrict) {
      const strict = context.resource.validate("page", parsed.value, context.strictBaseUrl)
      if (!strict.ok) return { message: `the page's items are not ${bodies.member}s of the strict profile: ${issuesOf(strict)}`, expected: `${strictName} items with url under ${context.strictBaseUrl}`, received }
    }
  }
  return undefined
}

const oracles: Readonly<Record<ResponseCheckName, (exchange: Exchange, response: RecordedResponse, context: OracleContext) => Verdict | undefined>> = {
  not_a_server_error: notAServerError,
  status_code_conformance: statusCode,
  content_type_conformance: contentType,
  cors_headers: cors,
  response_schema_conformance: schema
}

/** The verdict of one response check on one exchange; an exchange without an answer fails every check. */
export const judgeResponse = (check: ResponseCheckName, exchange: Exchange, context: OracleContext): Verdict | undefined =>
  exchange.response === null ? noAnswer(exchange) : oracles[check](exchange, exchange.response, context)

/** Status and Twilio error code as expected: what the model-based and the other scenario checks require first. */
export const judgeStatus = (exchange: Exchange): Verdict | undefined =>
  exchange.response === null ? noAnswer(exchange) : statusCode(exchange, exchange.response)

export const judgeNoAnswer = (exchange: Exchange): Verdict | undefined => (exchange.response === null ? noAnswer(exchange) : undefined)
