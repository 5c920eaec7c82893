import { constants } from "node:buffer"
import { readFile, stat } from "node:fs/promises"
import { Effect } from "effect"
import { CliError } from "effect/cli"

/**
 * The most bytes one run reads: the longest string Node can make (about 512 MiB), since the input is parsed as one
 * text. Larger input is refused with this message rather than failing inside Node.
 */
const MAX_INPUT_BYTES = constants.MAX_STRING_LENGTH

const tooLarge = (bytes: number, atLeast: boolean): Error =>
  new Error(`it is larger than ${Math.floor(MAX_INPUT_BYTES / 2 ** 20)} MiB (${bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.ceil(bytes / 2 ** 20)} MiB`}${atLeast ? " or more" : ""}), the most one run reads: split JSON Lines into smaller files (split -l) and validate each`)

const readStdin = (): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    let bytes = 0
    const onData = (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes <= MAX_INPUT_BYTES) chunks.push(chunk)
      else {
        // Nothing more is read or kept.
        chunks.length = 0
        process.stdin.off("data", onData)
        process.stdin.destroy()
        reject(tooLarge(bytes, true))
      }
    }
    process.stdin.on("data", onData)
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    process.stdin.on("error", reject)
  })

const readTextFile = async (path: string): Promise<string> => {
  const { size } = await stat(path)
  if (size > MAX_INPUT_BYTES) throw tooLarge(size, false)
  return readFile(path, "utf8")
}

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
    try: () => (name === "standard input" ? readStdin() : readTextFile(name)),
    catch: (cause) => usage(`cannot read ${name}: ${cause instanceof Error ? cause.message : String(cause)}`, cause)
  }).pipe(Effect.map((text) => ({ name, text })))
}
