import { Effect } from "effect"
import { CliError } from "effect/cli"

/** One JSON document of the input; `line` is its line number when the input is JSON Lines. */
export interface Document {
  readonly line: number | undefined
  readonly value: unknown
}

const usage = (userMessage: string, cause: unknown) => new CliError.UserError({ cause, userMessage })

const reason = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause))

const tryParse = (text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly cause: unknown } => {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (cause) {
    return { ok: false, cause }
  }
}

/**
 * The JSON documents of the input: one document (pretty-printed or not), or JSON Lines, one document per line as
 * `shortcode-kit sample` prints them. The input is read as JSON Lines only when it is not one document and its first
 * non-blank line is a document by itself, so that a broken pretty-printed document is still reported as a whole.
 * Blank lines are skipped; a line that is not JSON is a usage error naming its line number, and so is an input with
 * nothing but white space. A leading byte order mark is dropped.
 */
export const parseDocuments = (name: string, input: string) =>
  Effect.suspend(() => {
    // A byte order mark, as some editors on Windows write one, is not part of the JSON.
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
    if (text.trim() === "") {
      return Effect.fail(usage(`${name} is empty: expected a JSON document, or JSON Lines (one document per line)`, undefined))
    }
    const whole = tryParse(text)
    if (whole.ok) return Effect.succeed<ReadonlyArray<Document>>([{ line: undefined, value: whole.value }])
    const lines = text.split(/\r?\n/)
    const first = lines.findIndex((line) => line.trim() !== "")
    if (first === -1 || !tryParse(lines[first] as string).ok) {
      return Effect.fail(usage(`${name} is not valid JSON: ${reason(whole.cause)}`, whole.cause))
    }
    const documents: Array<Document> = []
    for (const [index, line] of lines.entries()) {
      if (line.trim() === "") continue
      const parsed = tryParse(line)
      if (!parsed.ok) {
        return Effect.fail(usage(`${name} line ${index + 1} is not valid JSON: ${reason(parsed.cause)} (JSON Lines: one document per line)`, parsed.cause))
      }
      documents.push({ line: index + 1, value: parsed.value })
    }
    return Effect.succeed<ReadonlyArray<Document>>(documents)
  })
