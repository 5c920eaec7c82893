import { describeReceived, type ValidationIssue } from "@shortcode-kit/schema"

const isPlainRecord = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const BODY_EXPECTED = "a form body: a string, URLSearchParams, or a record of string or string[] values"

/**
 * A create request's form body as URLSearchParams, or the issues that keep it from being one: the raw text, parsed
 * `URLSearchParams`, or a plain record of string or string[] values (a body parser's output).
 */
export const toParams = (body: unknown): { readonly params: URLSearchParams; readonly issues: Array<ValidationIssue> } => {
  if (body === undefined) return { params: new URLSearchParams(), issues: [] }
  if (typeof body === "string") return { params: new URLSearchParams(body), issues: [] }
  if (body instanceof URLSearchParams) return { params: body, issues: [] }
  if (typeof body !== "object" || body === null || Array.isArray(body) || !isPlainRecord(body)) {
    return {
      params: new URLSearchParams(),
      issues: [{ path: [], rule: "type", message: `the body must be ${BODY_EXPECTED}`, expected: BODY_EXPECTED, received: describeReceived(body) }]
    }
  }
  const params = new URLSearchParams()
  const issues: Array<ValidationIssue> = []
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") params.append(key, value)
    else if (Array.isArray(value) && value.every((item) => typeof item === "string")) for (const item of value) params.append(key, item)
    else {
      issues.push({
        path: [key],
        rule: "type",
        message: `${key} must be a string, or an array of strings when the parameter is repeated`,
        expected: "string or string[]",
        received: describeReceived(value)
      })
    }
  }
  return { params, issues }
}
