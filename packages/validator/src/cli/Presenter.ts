import { Console, Effect } from "effect"
import { CliOutput } from "effect/cli"

/**
 * Help and the version on standard output; for a wrong invocation only the error and where to find help, on
 * standard error, so that a script's output never fills with help text.
 */
export const ShortcodeKitPresenter = CliOutput.layerPresenter({
  present: (event) =>
    Effect.gen(function*() {
      const formatter = CliOutput.defaultFormatter({ colors: false })
      switch (event._tag) {
        case "Help":
          return yield* Console.log(formatter.formatHelpDoc(event.helpDoc))
        case "Version":
          return yield* Console.log(formatter.formatVersion(event.name, event.version))
        case "InvalidInvocation":
          return yield* Console.error(`${formatter.formatErrors(event.errors)}\n\nRun: ${event.commandPath.join(" ")} --help`)
      }
    })
})
