/**
 * The command line entry (`npm start`): configuration from the environment, start, print, and shut down cleanly on
 * SIGTERM/SIGINT. Everything else lives in the modules it imports.
 */
import { join } from "node:path"
import { banner } from "./Banner.js"
import { configFromEnv } from "./Config.js"
import { readyLine } from "./controls/ReadySignal.js"
import { stdoutLines } from "./http/logBuffer.js"
import { startServer } from "./Server.js"

// `.data/shortcode-kit.sqlite` in the folder the user ran npm or npx from (npm's INIT_CWD: the repository root for
// `npm start`, the user's project for `npx shortcode-kit-emulator`), else the working directory.
const DEFAULT_DATABASE = join(process.env["INIT_CWD"] || process.cwd(), ".data", "shortcode-kit.sqlite")

/**
 * The readers of stdout and stderr may leave before this process does (`npm start | head -1`, or a `| tee` that
 * Ctrl-C stops first). A write then fails with EPIPE as an 'error' event, which unhandled would end the process with
 * exit code 1 and the database still open: that text is lost on purpose, and the service and its shutdown go on.
 */
const survivesLostReader = (stream: NodeJS.WriteStream): void => {
  stream.on("error", () => undefined)
}

const main = async (): Promise<void> => {
  survivesLostReader(process.stdout)
  survivesLostReader(process.stderr)
  const env = configFromEnv(process.env, DEFAULT_DATABASE)
  // This process is the emulator's own: @hono/node-server may swap in its lighter Request and Response.
  const server = await startServer({ ...env.options, lightweightWebGlobals: true })

  const shutdown = (signal: NodeJS.Signals): void => {
    stdoutLines.flush()
    process.stdout.write(`${signal}: no new connections; finishing requests in flight, then closing the database\n`)
    server.close().then(
      () => {
        stdoutLines.flush()
        process.stdout.write("stopped\n")
        process.exit(0)
      },
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`)
        process.exit(1)
      }
    )
  }
  // Before the banner: a Ctrl-C as soon as "listening" shows is already a clean shutdown.
  process.once("SIGTERM", shutdown)
  process.once("SIGINT", shutdown)
  // READY_JSON=1: one machine-readable line first, for test runners (src/controls/ReadySignal.ts).
  if (env.readyJson) process.stdout.write(readyLine(server, env.databasePath))
  process.stdout.write(banner({ server, databasePath: env.databasePath, adminTokenGenerated: env.adminTokenGenerated }))
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
