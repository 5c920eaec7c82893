/**
 * Requests as curl commands a person can paste into a POSIX shell (bash, zsh): secrets stay in environment
 * variables, bodies go byte for byte, and the headers fetch would not send are not invented.
 */

/** The environment variables the commands read the auth tokens from (never printed). */
export const AUTH_TOKEN_VARIABLE = "SHORTCODE_KIT_AUTH_TOKEN"
export const OTHER_AUTH_TOKEN_VARIABLE = "SHORTCODE_KIT_OTHER_AUTH_TOKEN"

// Printable ASCII and any non-ASCII character except the line and paragraph separators some terminals mangle.
const PLAIN = /^[\u0020-\u007e\u00a0-\u2027\u202a-\uffff]*$/u

/**
 * One shell word that the shell turns back into exactly `text`: single quotes when the text is printable, ANSI-C
 * quoting (`$'...'`, bash, zsh, ksh and POSIX 2024) when it holds control characters.
 */
export const shellWord = (text: string): string => {
  if (PLAIN.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`
  let out = "$'"
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === "'" || ch === "\\") out += `\\${ch}`
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      out += code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`
    } else out += ch
  }
  return `${out}'`
}

/** A double-quoted word in which `$NAME` and `${...}` expand: for credentials read from the environment. */
export const expandingWord = (text: string): string => `"${text.replace(/["\\`]/g, (c) => `\\${c}`)}"`

const LONG_RUN = 256

/**
 * A body as a shell word. A body with a long run of one character (an oversized form) is written as the text around
 * the run and a `head -c N /dev/zero | tr` that makes it, so the command stays readable.
 */
export const bodyWord = (body: string): string => {
  const run = /(.)\1{255,}/su.exec(body)
  if (run === null || body.length < LONG_RUN) return shellWord(body)
  const ch = run[1] as string
  const length = run[0].length / ch.length
  if (!/^[\x21-\x7e]$/.test(ch) || ch === "'" || ch === "\\" || ch === "\"" || ch === "$" || ch === "`") return shellWord(body)
  const before = body.slice(0, run.index)
  const after = body.slice(run.index + run[0].length)
  const quoteInDouble = (text: string) => text.replace(/["\\`$]/g, (c) => `\\${c}`)
  if (!PLAIN.test(before) || !PLAIN.test(after)) return shellWord(body)
  return `"${quoteInDouble(before)}$(head -c ${length} /dev/zero | tr '\\0' '${ch}')${quoteInDouble(after)}"`
}

/** How the request authenticated, as curl arguments (already shell words). */
export type CurlAuth = ReadonlyArray<string>

export interface CurlRequest {
  readonly method: string
  readonly url: string
  /** Headers other than Authorization, as sent. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | null
  readonly auth: CurlAuth
}

/**
 * The curl command of a request: `-i` shows the status and headers, `-g` and `--path-as-is` send the URL as it is.
 * A body without a Content-Type is sent without one (`-H 'Content-Type:'`), as fetch sends bytes.
 */
export const toCurl = (request: CurlRequest): string => {
  const parts = ["curl -i -g --path-as-is"]
  if (request.method !== "GET" || request.body !== null) parts.push(`-X ${request.method}`)
  parts.push(shellWord(request.url))
  parts.push(...request.auth)
  const names = Object.keys(request.headers).map((name) => name.toLowerCase())
  for (const [name, value] of Object.entries(request.headers)) parts.push(`-H ${shellWord(`${name}: ${value}`)}`)
  if (request.body !== null) {
    if (!names.includes("content-type")) parts.push("-H 'Content-Type:'")
    parts.push(`--data-binary ${bodyWord(request.body)}`)
  }
  return parts.join(" \\\n  ")
}
