// Runs the built bin the way npm runs an installed one: the file named by package.json "bin", through its shebang.
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { bin: Record<string, string> }
export const BIN = join(root, pkg.bin["shortcode-kit"] as string)

export interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export const run = (args: ReadonlyArray<string>, input?: string): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input ?? "")
  })

export const lines = (text: string): Array<string> => text.split("\n").filter((line) => line !== "")

/** Runs a shell command line, as a user types it: `shortcode-kit` there is the built bin. */
export const runShell = (commandLine: string): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", commandLine.replaceAll("shortcode-kit", JSON.stringify(BIN))], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })
