// The floor: a hand-written check that does nothing but run one regular expression per present string (and the
// type tests around them). No library validates the spec's formats with less work; a real validator adds calendar
// checks, URI parsing and issue reporting on top.
const SC = /^SC[0-9a-fA-F]{32}$/
const AC = /^AC[0-9a-fA-F]{32}$/
const MG = /^MG[0-9a-fA-F]{32}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/

const matches = (value, pattern) => value === undefined || value === null || (typeof value === "string" && pattern.test(value))
const isString = (value) => value === undefined || value === null || typeof value === "string"
const isStrings = (value) => {
  if (value === undefined || value === null) return true
  if (!Array.isArray(value)) return false
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return false
  return true
}

/** The names of the properties that fail, empty when the body is valid (so invalid input lists every issue too). */
export const regexShortCodeIssues = (input) => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return ["(root)"]
  const issues = []
  if (!matches(input.sid, SC)) issues.push("sid")
  if (!matches(input.account_sid, AC)) issues.push("account_sid")
  if (!matches(input.service_sid, MG)) issues.push("service_sid")
  if (!matches(input.date_created, DATE_TIME)) issues.push("date_created")
  if (!matches(input.date_updated, DATE_TIME)) issues.push("date_updated")
  if (!isString(input.short_code)) issues.push("short_code")
  if (!isString(input.country_code)) issues.push("country_code")
  if (!isStrings(input.capabilities)) issues.push("capabilities")
  if (!matches(input.url, URI)) issues.push("url")
  return issues
}

export const regexIsShortCode = (input) => regexShortCodeIssues(input).length === 0

/** The form body's ShortCodeSid, checked by one regex after URLSearchParams. */
export const regexCreateForm = (body) => {
  const values = new URLSearchParams(body).getAll("ShortCodeSid")
  return values.length === 1 && SC.test(values[0])
}
