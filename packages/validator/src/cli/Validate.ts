import { type ValidationIssue } from "@shortcode-kit/schema"
import { Console, Effect, Option } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import { validateCreateShortCodeForm } from "../CreateShortCode.js"
import { resolveProfileOptions } from "../Profile.js"
import { validateShortCode } from "../ShortCode.js"
import { validateShortCodePage } from "../ShortCodePage.js"
import { validateTwilioError } from "../TwilioError.js"
import { formatIssue } from "../ValidationResult.js"
import { type Document, parseDocuments } from "./Documents.js"
import { readInput } from "./Input.js"
import { resourceKindNames, resourceKindOf } from "./ResourceKinds.js"
import { type JsonKind, missingWireKeysIssue } from "./WireKeys.js"

// A resource kind's documents and its pages (cli/ResourceKinds.ts).
const RESOURCE_SUFFIXES = ["", "-page"]

export const validateKinds: ReadonlyArray<string> = ["short-code", "short-code-page", "twilio-error", "create-form", ...resourceKindNames(RESOURCE_SUFFIXES)]
type Kind = string

const PROFILED: ReadonlyArray<Kind> = ["short-code", "short-code-page", ...resourceKindNames(RESOURCE_SUFFIXES)]

const usage = (userMessage: string) => new CliError.UserError({ cause: new Error(userMessage), userMessage })

/** The issues of one JSON document: no wire keys at all first (see WireKeys.ts), then the validator's own. */
const judgeJson = (kind: JsonKind, input: unknown, profile: "spec" | "strict", baseUrl: string): ReadonlyArray<ValidationIssue> => {
  const resource = resourceKindOf(kind, RESOURCE_SUFFIXES)
  const result = resource !== undefined
    ? (resource.suffix === "-page" ? resource.row.validatePage : resource.row.validate)(input, { profile, baseUrl })
    : kind === "short-code"
    ? validateShortCode(input, { profile, baseUrl })
    : kind === "short-code-page"
    ? validateShortCodePage(input, { profile, baseUrl })
    : validateTwilioError(input)
  const issues = result.ok ? [] : result.issues
  // The library names each of the SDK's camelCase keys itself (rule wire.sdk-key): then one summary would say it twice.
  const noWireKeys = issues.some((issue) => issue.rule === "wire.sdk-key") ? undefined : missingWireKeysIssue(kind, input)
  return [...(noWireKeys === undefined ? [] : [noWireKeys]), ...issues]
}

interface Verdict {
  readonly line: number | undefined
  readonly issues: ReadonlyArray<ValidationIssue>
}

const judge = (kind: Kind, text: string, name: string, profile: "spec" | "strict", baseUrl: string) =>
  Effect.gen(function*() {
    if (kind === "create-form") {
      // A file of form text ends with a line break that no HTTP body carries.
      const result = validateCreateShortCodeForm(text.replace(/\r?\n$/, ""))
      return [{ line: undefined, issues: result.ok ? [] : result.issues }]
    }
    const documents = yield* parseDocuments(name, text)
    return documents.map(({ line, value }: Document): Verdict => ({ line, issues: judgeJson(kind, value, profile, baseUrl) }))
  })

const textReport = (subject: string, { issues, line }: Verdict): string => {
  const at = line === undefined ? "" : `line ${line}: `
  if (issues.length === 0) return `${at}valid ${subject}`
  const count = issues.length === 1 ? "1 issue" : `${issues.length} issues`
  return [`${at}invalid ${subject}: ${count}`, ...issues.map((issue) => `  ${formatIssue(issue)}`)].join("\n")
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`

/** One document: as ever. JSON Lines: one report per document, led by its line number, then a count (text only). */
const report = (kind: Kind, profile: string | undefined, verdicts: ReadonlyArray<Verdict>, json: boolean) => {
  const lines = verdicts[0]?.line !== undefined
  if (json) {
    return Console.log(verdicts.map(({ issues, line }) =>
      JSON.stringify(lines ? { line, valid: issues.length === 0, issues } : { valid: issues.length === 0, issues })
    ).join("\n"))
  }
  const subject = profile === undefined ? kind : `${kind} (${profile} profile)`
  const out = verdicts.map((verdict) => textReport(subject, verdict))
  if (lines) {
    const invalid = verdicts.filter((verdict) => verdict.issues.length > 0).length
    out.push(`${plural(verdicts.length, "document")}: ${verdicts.length - invalid} valid, ${invalid} invalid`)
  }
  return Console.log(out.join("\n"))
}

/** `shortcode-kit validate <kind> [FILE|-]`: exit 0 when valid, 1 when not, 2 for usage errors and unreadable input. */
export const validateCommand = Command.make("validate", {
  kind: Argument.Literals("kind", validateKinds).pipe(
    Argument.withDescription(`What the input is: ${validateKinds.filter((kind) => kind !== "create-form").join(", ")} (JSON) or create-form (form text)`)
  ),
  file: Argument.String("file").pipe(
    Argument.optional,
    Argument.withDescription(
      "The file to validate; - or nothing reads standard input. JSON kinds take one document or JSON Lines (one document per line, as sample prints them), each validated and reported with its line number. For create-form, one trailing line break is ignored"
    )
  ),
  profile: Flag.Literals("profile", ["spec", "strict"]).pipe(
    Flag.optional,
    Flag.withDescription(`spec (default): what Twilio's OpenAPI allows; strict: what a real one looks like, every key present (${PROFILED.join(", ")})`)
  ),
  baseUrl: Flag.String("base-url").pipe(
    Flag.optional,
    Flag.withDescription("Origin of the resource URLs for --profile strict (default https://messaging.twilio.com)")
  ),
  json: Flag.Boolean("json").pipe(
    Flag.withDefault(false),
    Flag.withDescription("Print { \"valid\": boolean, \"issues\": [...] } as JSON; for JSON Lines one such line per document, with its \"line\"")
  )
}, (options) =>
  Effect.gen(function*() {
    const profileGiven = Option.getOrUndefined(options.profile)
    const baseUrlGiven = Option.getOrUndefined(options.baseUrl)
    if (!PROFILED.includes(options.kind) && (profileGiven !== undefined || baseUrlGiven !== undefined)) {
      return yield* usage(`--profile and --base-url apply to ${PROFILED.join(", ")}, not to ${options.kind}`)
    }
    const resolved = yield* Effect.try({
      try: () => resolveProfileOptions("shortcode-kit validate", { profile: profileGiven, baseUrl: baseUrlGiven }),
      catch: (cause) => usage((cause as Error).message)
    })
    const { name, text } = yield* readInput(`shortcode-kit validate ${options.kind}`, Option.getOrUndefined(options.file))
    const verdicts = yield* judge(options.kind, text, name, resolved.profile, resolved.baseUrl)
    yield* report(options.kind, PROFILED.includes(options.kind) ? resolved.profile : undefined, verdicts, options.json)
    if (verdicts.some((verdict) => verdict.issues.length > 0)) process.exitCode = 1
  })
).pipe(
  Command.withDescription(
    "Validate a ShortCode, a list page, a Twilio error body or a create form, one document or JSON Lines; exit 0 all valid, 1 any invalid (or without any of the resource's wire keys), 2 usage error or input that is not JSON"
  ),
  Command.withExamples([
    { command: "shortcode-kit validate short-code response.json", description: "Validate a fetched ShortCode" },
    { command: "curl -s -u \"$SID:$TOKEN\" https://messaging.twilio.com/v1/Services/MG.../ShortCodes | shortcode-kit validate short-code-page --profile strict", description: "Validate a live list page against the strict profile" },
    { command: "shortcode-kit sample short-code --count 3 | shortcode-kit validate short-code", description: "JSON Lines: one report per line, exit 1 if any is invalid" },
    { command: "shortcode-kit validate twilio-error --json error.json", description: "Machine-readable issues" },
    { command: "printf 'ShortCodeSid=SC...' | shortcode-kit validate create-form", description: "Validate a create request's form body" }
  ])
)
