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

/** The text of FILE, or of standard input for `-` or no FILE; a failure names what could not be read and why. */
export const readInput = (file: string | undefined) => {
  const name = file === undefined || file === "-" ? "standard input" : file
  return Effect.tryPromise({
    try: () => (name === "standard input" ? readStdin() : readFile(name, "utf8")),
    catch: (cause) => usage(`cannot read ${name}: ${cause instanceof Error ? cause.message : String(cause)}`, cause)
  }).pipe(Effect.map((text) => ({ name, text })))
}

/** JSON from the input, or a usage error saying where the text stops being JSON. */
export const parseJson = (name: string, text: string) =>
  Effect.try({
    try: (): unknown => JSON.parse(text),
    catch: (cause) => usage(`${name} is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`, cause)
  })
