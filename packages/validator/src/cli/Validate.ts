import { type ValidationIssue } from "@shortcode-kit/schema"
import { Console, Effect, Option } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import { validateCreateShortCodeForm } from "../CreateShortCode.js"
import { resolveProfileOptions } from "../Profile.js"
import { validateShortCode } from "../ShortCode.js"
import { validateShortCodePage } from "../ShortCodePage.js"
import { validateTwilioError } from "../TwilioError.js"
import { formatIssue } from "../ValidationResult.js"
import { parseJson, readInput } from "./Input.js"

export const validateKinds = ["short-code", "short-code-page", "twilio-error", "create-form"] as const
type Kind = (typeof validateKinds)[number]

const PROFILED: ReadonlyArray<Kind> = ["short-code", "short-code-page"]

const usage = (userMessage: string) => new CliError.UserError({ cause: new Error(userMessage), userMessage })

const judge = (kind: Kind, text: string, name: string, profile: "spec" | "strict", baseUrl: string) =>
  Effect.gen(function*() {
    if (kind === "create-form") {
      // A file of form text ends with a line break that no HTTP body carries.
      const result = validateCreateShortCodeForm(text.replace(/\r?\n$/, ""))
      return result.ok ? [] : result.issues
    }
    const input = yield* parseJson(name, text)
    const result = kind === "short-code"
      ? validateShortCode(input, { profile, baseUrl })
      : kind === "short-code-page"
      ? validateShortCodePage(input, { profile, baseUrl })
      : validateTwilioError(input)
    return result.ok ? [] : result.issues
  })

const report = (kind: Kind, profile: string | undefined, issues: ReadonlyArray<ValidationIssue>, json: boolean) => {
  if (json) return Console.log(JSON.stringify({ valid: issues.length === 0, issues }))
  const subject = profile === undefined ? kind : `${kind} (${profile} profile)`
  if (issues.length === 0) return Console.log(`valid ${subject}`)
  const count = issues.length === 1 ? "1 issue" : `${issues.length} issues`
  return Console.log([`invalid ${subject}: ${count}`, ...issues.map((issue) => `  ${formatIssue(issue)}`)].join("\n"))
}

/** `shortcode-kit validate <kind> [FILE|-]`: exit 0 when valid, 1 when not, 2 for usage errors and unreadable input. */
export const validateCommand = Command.make("validate", {
  kind: Argument.Literals("kind", validateKinds).pipe(
    Argument.withDescription("What the input is: short-code, short-code-page, twilio-error (JSON) or create-form (form text)")
  ),
  file: Argument.String("file").pipe(
    Argument.optional,
    Argument.withDescription("The file to validate; - or nothing reads standard input. For create-form, one trailing line break is ignored")
  ),
  profile: Flag.Literals("profile", ["spec", "strict"]).pipe(
    Flag.optional,
    Flag.withDescription("spec (default): what Twilio's OpenAPI allows; strict: what a real short code looks like (short-code, short-code-page)")
  ),
  baseUrl: Flag.String("base-url").pipe(
    Flag.optional,
    Flag.withDescription("Origin of the resource URLs for --profile strict (default https://messaging.twilio.com)")
  ),
  json: Flag.Boolean("json").pipe(Flag.withDefault(false), Flag.withDescription("Print { \"valid\": boolean, \"issues\": [...] } as JSON"))
}, (options) =>
  Effect.gen(function*() {
    const profileGiven = Option.getOrUndefined(options.profile)
    const baseUrlGiven = Option.getOrUndefined(options.baseUrl)
    if (!PROFILED.includes(options.kind) && (profileGiven !== undefined || baseUrlGiven !== undefined)) {
      return yield* usage(`--profile and --base-url apply to short-code and short-code-page, not to ${options.kind}`)
    }
    const resolved = yield* Effect.try({
      try: () => resolveProfileOptions("shortcode-kit validate", { profile: profileGiven, baseUrl: baseUrlGiven }),
      catch: (cause) => usage((cause as Error).message)
    })
    const { name, text } = yield* readInput(Option.getOrUndefined(options.file))
    const issues = yield* judge(options.kind, text, name, resolved.profile, resolved.baseUrl)
    yield* report(options.kind, PROFILED.includes(options.kind) ? resolved.profile : undefined, issues, options.json)
    if (issues.length > 0) process.exitCode = 1
  })
).pipe(Command.withDescription("Validate a ShortCode, a list page, a Twilio error body or a create form; exit 0 valid, 1 invalid, 2 usage error"))
