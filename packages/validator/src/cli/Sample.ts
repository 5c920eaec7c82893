import { Console, Effect, Option } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import * as fc from "fast-check"
import {
  accountSid,
  createShortCodeHttpRequest,
  createShortCodeRequest,
  invalidAccountSid,
  invalidCreateShortCodeHttpRequest,
  invalidCreateShortCodeRequest,
  invalidServiceSid,
  invalidShortCodePage,
  invalidShortCodeSid,
  invalidShortCodeWire,
  invalidTwilioError,
  serviceSid,
  shortCodePage,
  shortCodeSid,
  shortCodeWire,
  twilioError
} from "../arbitraries.js"
import { resolveProfileOptions } from "../Profile.js"
import { resourceKindNames, resourceKindOf } from "./ResourceKinds.js"

const ownKinds = [
  "short-code", "short-code-page", "twilio-error", "create-form", "create-request", "create-http",
  "short-code-sid", "service-sid", "account-sid"
] as const
type OwnKind = (typeof ownKinds)[number]

// A resource kind's documents and its SIDs (cli/ResourceKinds.ts).
const RESOURCE_SUFFIXES = ["", "-sid"]

export const sampleKinds: ReadonlyArray<string> = [...ownKinds, ...resourceKindNames(RESOURCE_SUFFIXES)]

const PROFILED: ReadonlyArray<string> = ["short-code", "short-code-page"]
// --base-url: the origin of every url, which the resource kinds' documents have too.
const WITH_BASE_URL: ReadonlyArray<string> = [...PROFILED, ...resourceKindNames([""])]
const MAX_COUNT = 100_000

const usage = (userMessage: string) => new CliError.UserError({ cause: new Error(userMessage), userMessage })

interface Options {
  readonly profile: "spec" | "strict"
  readonly baseUrl: string
  readonly nulls: boolean
}

const arbitraryFor = (kind: string, invalid: boolean, options: Options): fc.Arbitrary<unknown> => {
  const resource = resourceKindOf(kind, RESOURCE_SUFFIXES)
  if (resource !== undefined) {
    const { row, suffix } = resource
    return suffix === "-sid" ? row.sids(invalid) : row.documents(invalid, options.baseUrl)
  }
  switch (kind as OwnKind) {
    case "short-code":
      return invalid ? invalidShortCodeWire(options) : shortCodeWire(options)
    case "short-code-page":
      return invalid ? invalidShortCodePage(options) : shortCodePage(options)
    case "twilio-error":
      return invalid ? invalidTwilioError() : twilioError()
    case "create-form":
      // Only the body's own near misses; a value of the wrong type cannot be written as form text.
      return invalid
        ? invalidCreateShortCodeRequest({ bodyAs: "string" })
          .filter((miss) => miss.path[0] === "ShortCodeSid" && typeof miss.value.body === "string")
          .map((miss) => ({ value: miss.value.body, rule: miss.rule, path: miss.path }))
        : createShortCodeRequest({ bodyAs: "string" }).map((request) => request.body)
    case "create-request":
      return invalid ? invalidCreateShortCodeRequest({ bodyAs: "string" }) : createShortCodeRequest({ bodyAs: "string" })
    case "create-http":
      return invalid ? invalidCreateShortCodeHttpRequest() : createShortCodeHttpRequest()
    case "short-code-sid":
      return invalid ? invalidShortCodeSid() : shortCodeSid()
    case "service-sid":
      return invalid ? invalidServiceSid() : serviceSid()
    case "account-sid":
      return invalid ? invalidAccountSid() : accountSid()
  }
}

/** `shortcode-kit sample <kind>`: JSON lines of generated data, the same lines for the same seed. */
export const sampleCommand = Command.make("sample", {
  kind: Argument.Literals("kind", sampleKinds).pipe(Argument.withDescription(`What to generate: ${sampleKinds.join(", ")}`)),
  count: Flag.Int("count").pipe(
    Flag.withDefault(10),
    Flag.filter((n) => n >= 1 && n <= MAX_COUNT, (n) => `--count must be between 1 and ${MAX_COUNT}, received ${n}`),
    Flag.withDescription(`How many values (default 10, at most ${MAX_COUNT})`)
  ),
  seed: Flag.Int("seed").pipe(
    Flag.filter((n) => n >= -(2 ** 31) && n < 2 ** 31, (n) => `--seed must be a 32-bit integer, received ${n}`),
    Flag.optional,
    Flag.withDescription("fast-check seed; the same seed prints the same lines (default: random, printed on standard error)")
  ),
  invalid: Flag.Boolean("invalid").pipe(
    Flag.withDefault(false),
    Flag.withDescription("Near misses instead: { \"value\", \"rule\", \"path\" } each breaking exactly one rule (create-http: requests with one fault and the expected answer)")
  ),
  profile: Flag.Literals("profile", ["spec", "strict"]).pipe(Flag.optional, Flag.withDescription("Profile the values satisfy (short-code, short-code-page; default spec)")),
  baseUrl: Flag.String("base-url").pipe(Flag.optional, Flag.withDescription("Origin of the resource URLs (default https://messaging.twilio.com)")),
  nulls: Flag.Boolean("nulls").pipe(Flag.withDefault(false), Flag.withDescription("Let properties be null where the profile allows (short-code, short-code-page)"))
}, (options) =>
  Effect.gen(function*() {
    const profile = Option.getOrUndefined(options.profile)
    const baseUrl = Option.getOrUndefined(options.baseUrl)
    if (!PROFILED.includes(options.kind) && (profile !== undefined || options.nulls)) {
      return yield* usage(`--profile and --nulls apply to short-code and short-code-page, not to ${options.kind}`)
    }
    if (!WITH_BASE_URL.includes(options.kind) && baseUrl !== undefined) {
      return yield* usage(`--base-url applies to ${WITH_BASE_URL.join(", ")}, not to ${options.kind}`)
    }
    const resolved = yield* Effect.try({
      try: () => resolveProfileOptions("shortcode-kit sample", { profile, baseUrl }),
      catch: (cause) => usage((cause as Error).message)
    })
    const seed = Option.getOrElse(options.seed, () => (Math.random() * 2 ** 32) | 0)
    if (Option.isNone(options.seed)) yield* Console.error(`shortcode-kit: seed ${seed} (repeat with --seed ${seed})`)
    const values = fc.sample(arbitraryFor(options.kind, options.invalid, { ...resolved, nulls: options.nulls }), { seed, numRuns: options.count })
    yield* Effect.sync(() => void process.stdout.write(values.map((value) => JSON.stringify(value)).join("\n") + "\n"))
  })
).pipe(
  Command.withDescription("Print generated data as JSON lines, valid or near misses, reproducible with --seed"),
  Command.withExamples([
    { command: "shortcode-kit sample short-code --count 3 --seed 42", description: "Three ShortCodes, the same three every time" },
    { command: "shortcode-kit sample short-code --profile strict --base-url http://127.0.0.1:4010", description: "What a real short code served by a local emulator looks like" },
    { command: "shortcode-kit sample short-code --invalid --count 5", description: "Near misses: { value, rule, path }, each breaking one rule" },
    { command: "shortcode-kit sample create-http --invalid", description: "Faulty create requests with the answer each must get" }
  ])
)
