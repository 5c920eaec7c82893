/**
 * The one table from a failure of a request to the answer a Twilio-compatible server gives it: a decode failure of
 * a request part (path parameters, form body, query) or a fault at the HTTP level (content type, body size,
 * credentials, method, path, the request itself) to HTTP status, Twilio code, message and the headers that go with
 * it, each row with where the fact comes from. The validator's `toTwilioError` and `expectedFaultResponses`, the
 * emulator's error answers and the conformance checks all read it.
 *
 * @since 0.2.0
 */
import { ALPHA_SENDER_RULE_PREFIX } from "./AlphaSenderText.js"
import { type ErrorCode, errorTable } from "./ErrorTable.js"
import { makeTwilioError, type TwilioError } from "./TwilioError.js"
import type { ValidationIssue } from "./ValidationIssue.js"

/**
 * The largest form body a Twilio request may carry, in bytes (64 KiB); one byte more is answered 413
 * (`inputErrors["body.too-large"]`).
 *
 * @since 0.2.0
 */
export const FORM_BODY_LIMIT_BYTES = 65_536

/**
 * One row: the answer's HTTP status, its Twilio code (`null` for an answer without an error body: the preflight),
 * its message and headers with `{name}` where a value of the request goes, when it applies, and where the fact comes
 * from. Every answer also carries the CORS headers (`corsHeaders` of `@shortcode-kit/schema/http`).
 *
 * @since 0.2.0
 */
export interface InputErrorRow {
  readonly status: number
  readonly code: ErrorCode | null
  readonly message: string
  readonly headers: Readonly<Record<string, string>>
  readonly when: string
  readonly source: string
}

const observed = "observed in third-party recorded fixtures of Twilio responses; not in Twilio's documentation"
const ours = "shortcode-kit's choice: Twilio documents no answer for this"
const wordsOf = (code: ErrorCode): string => errorTable[code].message
const FORM = "application/x-www-form-urlencoded"

/**
 * Every failure a request can meet before the resource's own logic runs, and its answer. The first seven rows are
 * decode failures of a request part, chosen by {@link inputErrorOf} from an issue's path and `rule`; the others are
 * HTTP-level faults, named by the server that meets them.
 *
 * @example
 * ```ts
 * import { inputErrors } from "@shortcode-kit/schema"
 *
 * inputErrors["body.too-large"].status // 413
 * inputErrors["method.not-allowed"].headers // { Allow: "{allow}" }
 * ```
 * @since 0.2.0
 */
export const inputErrors = {
  "resource.not-found": {
    status: errorTable[20404].status,
    code: 20404,
    message: wordsOf(20404),
    headers: {},
    when: "a path parameter that does not decode (a malformed SID names no resource), an unknown path, or a resource " +
      "that does not exist or belongs to another account; {param} is the requested path",
    source: errorTable[20404].source
  },
  "form.missing": {
    status: errorTable[20001].status,
    code: 20001,
    message: "Missing required parameter {param} in the post body",
    headers: {},
    when: "a form issue of rule `required` at a parameter: the parameter is absent or empty",
    source: observed
  },
  "form.repeated": {
    status: errorTable[20001].status,
    code: 20001,
    message: "{reason}",
    headers: {},
    when: "a form issue of rule `form.repeated`: the parameter is given more than once (never first-wins or last-wins); " +
      "{reason} is the issue's message",
    source: ours + " beyond the code (20001, Invalid parameter)"
  },
  "form.malformed-sid": {
    status: errorTable[21421].status,
    code: 21421,
    message: wordsOf(21421).replace("{param}", "{param} {received} {reason}"),
    headers: {},
    when: "any other form issue at a SID parameter (a name ending in `Sid`, such as `ShortCodeSid`): present but not a " +
      "well-formed SID",
    source: errorTable[21421].source
  },
  "form.invalid-alpha-sender": {
    status: errorTable[21709].status,
    code: 21709,
    message: `${wordsOf(21709)}: {param} {received} {reason}`,
    headers: {},
    when: "a form issue of an alpha sender rule (`alpha-sender.*`): the AlphaSender text breaks that rule; {reason} names it",
    source: errorTable[21709].source
  },
  "parameter.invalid": {
    status: errorTable[20001].status,
    code: 20001,
    message: "Invalid parameter: {param}. {reason}",
    headers: {},
    when: "any other issue at a form or query parameter; {reason} is the issue's message",
    source: errorTable[20001].source
  },
  "form.unreadable": {
    status: errorTable[20001].status,
    code: 20001,
    message: "Invalid parameter: {reason}",
    headers: {},
    when: "a form issue at the root: the body is not a form at all",
    source: errorTable[20001].source
  },
  "content-type": {
    status: errorTable[20001].status,
    code: 20001,
    message: `Invalid parameter: {param}. The body must be ${FORM}; {found}, so {param} could not be read`,
    headers: {},
    when: `a form request without Content-Type ${FORM}: the body is not read as a form, so its required parameter ` +
      "{param} is missing; {found} says what the request had",
    source: errorTable[20001].source
  },
  "body.too-large": {
    status: 413,
    code: 20001,
    message: "Request body too large: the limit is {limit} bytes",
    headers: {},
    when: `a body over the limit ({limit}, ${FORM_BODY_LIMIT_BYTES} bytes for a Twilio request), refused before it is read`,
    source: ours + "; 20001 (Invalid parameter) with status 413 so that every error body is a valid TwilioError"
  },
  "request.invalid": {
    status: errorTable[20001].status,
    code: 20001,
    message: "Invalid request: {reason}",
    headers: {},
    when: "a request that cannot be read: not valid HTTP/1.1, a body cut off, a malformed target or Host header",
    source: ours
  },
  "request.headers-too-large": {
    status: 431,
    code: 20001,
    message: "Request header fields too large: the request line and headers may take up to {limit} bytes",
    headers: {},
    when: "a request line and headers over node:http's limit",
    source: ours
  },
  "request.chunk-extensions-too-large": {
    status: 413,
    code: 20001,
    message: "Request body too large: the chunk extensions of the body are too large",
    headers: {},
    when: "a chunked body whose chunk extensions pass node:http's limit",
    source: ours
  },
  "request.timeout": {
    status: 408,
    code: 20001,
    message: "Request timeout: {part} did not arrive in full within {ms} ms",
    headers: {},
    when: "the request headers or the whole request did not arrive in time; {part} says which",
    source: ours
  },
  credentials: {
    status: errorTable[20003].status,
    code: 20003,
    message: wordsOf(20003),
    headers: { "WWW-Authenticate": "Basic realm=\"Twilio API\"" },
    when: "no Basic credentials, malformed ones, or an Account SID and Auth Token that do not match",
    source: errorTable[20003].source
  },
  "method.not-allowed": {
    status: errorTable[20004].status,
    code: 20004,
    message: `${wordsOf(20004)}: {method} is not supported on {path}; allowed: {allow}`,
    headers: { Allow: "{allow}" },
    when: "an HTTP method the path does not support (answered before authentication: the methods are public)",
    source: errorTable[20004].source + "; Allow as RFC 9110 requires of a 405"
  },
  "server.fault": {
    status: errorTable[20500].status,
    code: 20500,
    message: `${wordsOf(20500)}: {reason}`,
    headers: {},
    when: "a failure of the server itself, never the client's input",
    source: errorTable[20500].source
  },
  preflight: {
    status: 204,
    code: null,
    message: "",
    headers: { "Access-Control-Max-Age": "600" },
    when: "a CORS preflight (OPTIONS, any path), answered before routing or authentication: browsers send it without credentials",
    source: "Fetch standard (CORS protocol); the max age is shortcode-kit's choice"
  }
} as const satisfies Record<string, InputErrorRow>

/**
 * The name of a row of {@link inputErrors}.
 *
 * @since 0.2.0
 */
export type InputError = keyof typeof inputErrors

/**
 * The part of a request an issue is about: its path parameters, its form body or its query.
 *
 * @since 0.2.0
 */
export type RequestPart = "path" | "form" | "query"

// Twilio names every SID parameter `...Sid` (ShortCodeSid, PhoneNumberSid, ServiceSid).
const isSidParameter = (name: string): boolean => /Sid$/.test(name)

/**
 * The row that answers a decode issue of `part`, chosen by the issue's path and `rule`.
 *
 * @example
 * ```ts
 * import { inputErrorOf } from "@shortcode-kit/schema"
 *
 * inputErrorOf("form", { path: ["ShortCodeSid"], rule: "sid.prefix", message: "", expected: "", received: "" })
 * // "form.malformed-sid"
 * ```
 * @since 0.2.0
 */
export const inputErrorOf = (part: RequestPart, issue: ValidationIssue): InputError => {
  if (part === "path") return "resource.not-found"
  const [name] = issue.path
  if (part === "query" || name === undefined) return part === "query" ? "parameter.invalid" : "form.unreadable"
  if (issue.rule === "required") return "form.missing"
  if (issue.rule === "form.repeated") return "form.repeated"
  if (issue.rule.startsWith(ALPHA_SENDER_RULE_PREFIX)) return "form.invalid-alpha-sender"
  return typeof name === "string" && issue.path.length === 1 && isSidParameter(name) ? "form.malformed-sid" : "parameter.invalid"
}

/**
 * An answer made from a row: status, headers and the Twilio error body (`undefined` for the preflight).
 *
 * @since 0.2.0
 */
export interface InputErrorAnswer<K extends InputError = InputError> {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: (typeof inputErrors)[K]["code"] extends null ? undefined : TwilioError
}

const fill = (template: string, values: Readonly<Record<string, string | number>>, kind: string): string =>
  template.replace(/\{([a-z]+)\}/gi, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new TypeError(`answerOf("${kind}"): the row needs a value for {${name}}`)
    return String(value)
  })

/** The value an issue's `received` renders, back as text: a JSON string unquoted, anything else as rendered. */
const receivedText = (issue: ValidationIssue): string => {
  if (issue.received === "(missing)") return ""
  if (issue.received.startsWith("\"") && issue.received.endsWith("\"")) {
    try {
      const parsed: unknown = JSON.parse(issue.received)
      if (typeof parsed === "string") return parsed
    } catch {
      // A rendering cut short at its length limit is not valid JSON; show it as it is.
    }
  }
  return issue.received
}

/**
 * The values an issue gives a row's placeholders: `{param}` (the parameter's wire name, or for a path issue the
 * value it received), `{reason}` (its message) and `{received}` (its rendering of the value).
 *
 * @example
 * ```ts
 * import { issueValues } from "@shortcode-kit/schema"
 *
 * issueValues({ path: ["ServiceSid"], rule: "sid.prefix", message: "must start with MG", expected: "", received: "\"MG1\"" })
 * // { param: "ServiceSid", reason: "must start with MG", received: "\"MG1\"", value: "MG1" }
 * ```
 * @since 0.2.0
 */
export const issueValues = (issue: ValidationIssue): Readonly<Record<string, string>> => ({
  param: issue.path.map(String).join("."),
  reason: issue.message,
  received: issue.received,
  value: receivedText(issue)
})

/**
 * The answer of row `kind`, its placeholders filled from `values` (a missing value is a programmer error and
 * throws); `status` overrides the row's for the rare answer that keeps the code under another status (a client
 * error of the HTTP parser).
 *
 * @example
 * ```ts
 * import { answerOf } from "@shortcode-kit/schema"
 *
 * const answer = answerOf("method.not-allowed", { method: "PUT", path: "/v1/Services", allow: "GET, POST, OPTIONS" })
 * answer.status // 405
 * answer.headers // { Allow: "GET, POST, OPTIONS" }
 * answer.body.message // "Method not allowed: PUT is not supported on /v1/Services; allowed: GET, POST, OPTIONS"
 * ```
 * @since 0.2.0
 */
export const answerOf = <K extends InputError>(
  kind: K,
  values: Readonly<Record<string, string | number>> = {},
  options: { readonly status?: number } = {}
): InputErrorAnswer<K> => {
  const row: InputErrorRow = inputErrors[kind]
  const status = options.status ?? row.status
  const headers = Object.fromEntries(Object.entries(row.headers).map(([name, value]) => [name, fill(value, values, kind)]))
  const body = row.code === null ? undefined : makeTwilioError(row.code, "", { status, message: fill(row.message, values, kind) })
  return { status, headers, body } as InputErrorAnswer<K>
}

/**
 * The answer to a decode issue of `part`: the row {@link inputErrorOf} picks, filled with the issue's values
 * ({@link issueValues}) and any of `values` (a path issue needs `param`, the requested path).
 *
 * @example
 * ```ts
 * import { answerOfIssue } from "@shortcode-kit/schema"
 *
 * answerOfIssue("form", { path: ["ShortCodeSid"], rule: "required", message: "", expected: "", received: "(missing)" }).body.message
 * // "Missing required parameter ShortCodeSid in the post body"
 * ```
 * @since 0.2.0
 */
export const answerOfIssue = (
  part: RequestPart,
  issue: ValidationIssue,
  values: Readonly<Record<string, string | number>> = {}
): InputErrorAnswer<Exclude<InputError, "preflight">> =>
  answerOf(inputErrorOf(part, issue) as Exclude<InputError, "preflight">, { ...issueValues(issue), ...values })
