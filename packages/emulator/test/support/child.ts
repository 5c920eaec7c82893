/**
 * The emulator as `npm start` runs it: `node dist/main.mjs` in a child process, configured by environment
 * variables. The URL is read from the start-up banner.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

export const MAIN = fileURLToPath(new URL("../../dist/main.mjs", import.meta.url))

export interface ChildEmulator {
  readonly url: string
  readonly process: ChildProcess
  /** Everything written to stdout and stderr so far. */
  readonly output: () => string
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  readonly exited: Promise<number | string>
}

export const spawnEmulator = (env: Record<string, string>): Promise<ChildEmulator> => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the emulator first (npm run build -w @shortcode-kit/emulator)`)
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env["PATH"] ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  let output = ""
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk))
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk))
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator did not start within 20 s:\n${output}`)), 20_000)
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(output)
      if (m === null) return
      clearTimeout(timer)
      child.stdout?.off("data", check)
      resolve({ url: m[1] as string, process: child, output: () => output, exited })
    }
    child.stdout?.on("data", check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`the emulator exited (${code}) before listening:\n${output}`))
    })
  })
}
