import { readFile } from "node:fs/promises"
import { Effect } from "effect"
import { CliError } from "effect/cli"

const readStdin = (): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    process.stdin.on("data", (chunk: Buffer) => chunks.push(chunk))
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    process.stdin.on("error", reject)
  })

const usage = (userMessage: string, cause: unknown) => new CliError.UserError({ cause, userMessage })

/**
 * What to tell a user who ran `validate` at a terminal with no FILE, or undefined when there is nothing to say:
 * without it the command would wait silently for input that the user does not know it expects.
 */
export const stdinNotice = (command: string, file: string | undefined, stdinIsTerminal: boolean): string | undefined =>
  file !== undefined || !stdinIsTerminal
    ? undefined
    : `shortcode-kit: reading standard input; paste the document, then press Ctrl-D on an empty line to end (Ctrl-Z then Enter on Windows), or pass a file: ${command} FILE`

/**
 * The text of FILE, or of standard input for `-` or no FILE; a failure names what could not be read and why. With
 * no FILE at a terminal, first says on standard error that it is reading standard input (see {@link stdinNotice}).
 */
export const readInput = (command: string, file: string | undefined) => {
  const name = file === undefined || file === "-" ? "standard input" : file
  const notice = stdinNotice(command, file, process.stdin.isTTY === true)
  if (notice !== undefined) process.stderr.write(`${notice}\n`)
  return Effect.tryPromise({
    try: () => (name === "standard input" ? readStdin() : readFile(name, "utf8")),
    catch: (cause) => usage(`cannot read ${name}: ${cause instanceof Error ? cause.message : String(cause)}`, cause)
  }).pipe(Effect.map((text) => ({ name, text })))
}
