/**
 * The one escaping of the request log: every field a log writer prints from a request goes through it, so a
 * client cannot write a line of its own (a `%0A` in the path is decoded to a newline before routing) or split a
 * field (a decoded `%20`).
 */

// C0 controls, space, backslash (so an escape in the log is never ambiguous), DEL and the C1 controls, and the
// Unicode characters a terminal or editor treats as a line break or that reorder what is shown (bidi controls).
const UNSAFE = /[\x00-\x20\\\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

const escapeOne = (character: string): string => {
  if (character === "\\") return "\\\\"
  const code = character.charCodeAt(0)
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`
}

/**
 * `text` with every control character, space and backslash written as an escape (`\x0a`, `\x20`, `\\`,
 * `\u2028`): the result is one line and one space-free field.
 *
 * @example
 * ```ts
 * escapeLogField("/v1/Services\n2025 GET /admin 200") // "/v1/Services\\x0a2025\\x20GET\\x20/admin\\x20200"
 * ```
 */
export const escapeLogField = (text: string): string => text.replace(UNSAFE, escapeOne)
