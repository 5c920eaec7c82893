/**
 * The `shortcode-kit` command: validate documents and generate fixtures from the shell.
 *
 * @since 0.1.0
 */
import { createRequire } from "node:module"
import { Cause, Effect, Exit } from "effect"
import { CliConfig, Command, GlobalFlag } from "effect/cli"
import { conformanceCommand } from "./cli/Conformance.js"
import { NodeCliEnvironment } from "./cli/NodeEnvironment.js"
import { ShortcodeKitPresenter } from "./cli/Presenter.js"
import { sampleCommand } from "./cli/Sample.js"
import { validateCommand } from "./cli/Validate.js"

const { version } = createRequire(import.meta.url)("../package.json") as { readonly version: string }

const shortcodeKit = Command.make("shortcode-kit").pipe(
  Command.withDescription("Validate and generate data for Twilio's Messaging ShortCodes resource"),
  Command.withSubcommands([validateCommand, sampleCommand, conformanceCommand]),
  Command.withExamples([
    { command: "shortcode-kit validate short-code response.json", description: "Validate a ShortCode; exit 1 with one line per issue" },
    { command: "shortcode-kit sample short-code --count 3 | shortcode-kit validate short-code", description: "Generate fixtures and validate them (JSON Lines)" },
    { command: "shortcode-kit conformance --base-url http://127.0.0.1:4010 --account-sid AC...", description: "Property-test an implementation of the endpoints" },
    { command: "shortcode-kit validate --help", description: "Each command's flags and examples" }
  ])
)

// No --wizard: it needs raw terminal input, which this package's Node environment does not provide, and three
// commands with documented flags and examples gain little from it. The other built-in flags stay.
const builtIns = GlobalFlag.BuiltIns.filter((flag) => flag !== GlobalFlag.Wizard)

const USAGE_ERROR = 2

Effect.runPromiseExit(Command.run(shortcodeKit, { version }).pipe(Effect.provide([NodeCliEnvironment, ShortcodeKitPresenter, CliConfig.layer({ builtIns })]))).then((exit) => {
  if (Exit.isSuccess(exit)) return
  // effect/cli has already shown parse errors and the handlers' messages; a defect has not been shown yet.
  if (Cause.findErrorOption(exit.cause)._tag === "None") {
    const defect = Cause.squash(exit.cause)
    process.stderr.write(`shortcode-kit: ${defect instanceof Error ? defect.message : String(defect)}\n`)
  }
  process.exitCode = USAGE_ERROR
})
