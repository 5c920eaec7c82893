/**
 * The `shortcode-kit` command: validate documents and generate fixtures from the shell.
 *
 * @since 0.1.0
 */
import { createRequire } from "node:module"
import { Cause, Effect, Exit } from "effect"
import { Command } from "effect/cli"
import { conformanceCommand } from "./cli/Conformance.js"
import { NodeCliEnvironment } from "./cli/NodeEnvironment.js"
import { ShortcodeKitPresenter } from "./cli/Presenter.js"
import { sampleCommand } from "./cli/Sample.js"
import { validateCommand } from "./cli/Validate.js"

const { version } = createRequire(import.meta.url)("../package.json") as { readonly version: string }

const shortcodeKit = Command.make("shortcode-kit").pipe(
  Command.withDescription("Validate and generate data for Twilio's Messaging ShortCodes resource"),
  Command.withSubcommands([validateCommand, sampleCommand, conformanceCommand])
)

const USAGE_ERROR = 2

Effect.runPromiseExit(Command.run(shortcodeKit, { version }).pipe(Effect.provide([NodeCliEnvironment, ShortcodeKitPresenter]))).then((exit) => {
  if (Exit.isSuccess(exit)) return
  // effect/cli has already shown parse errors and the handlers' messages; a defect has not been shown yet.
  if (Cause.findErrorOption(exit.cause)._tag === "None") {
    const defect = Cause.squash(exit.cause)
    process.stderr.write(`shortcode-kit: ${defect instanceof Error ? defect.message : String(defect)}\n`)
  }
  process.exitCode = USAGE_ERROR
})
