import { Console, Effect, Option } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import * as fc from "fast-check"
import {
  accountSid,
  alphaSenderWire,
  invalidAlphaSenderText,
  createShortCodeHttpRequest,
  createShortCodeRequest,
  invalidAccountSid,
  invalidCreateShortCodeHttpRequest,
  invalidCreateShortCodeRequest,
  invalidPhoneNumber,
  invalidPhoneNumberSid,
  invalidServiceSid,
  invalidShortCodePage,
  invalidShortCodeSid,
  invalidShortCodeWire,
  invalidTwilioError,
  phoneNumber,
  phoneNumberSid,
  serviceSid,
  shortCodePage,
  shortCodeSid,
  shortCodeWire,
  twilioError
} from "../arbitraries.js"
import { resolveProfileOptions } from "../Profile.js"

export const sampleKinds = [
  "short-code", "short-code-page", "twilio-error", "create-form", "create-request", "create-http",
  "short-code-sid", "service-sid", "account-sid", "phone-number", "phone-number-sid", "alpha-sender"
] as const
type Kind = (typeof sampleKinds)[number]

const PROFILED: ReadonlyArray<Kind> = ["short-code", "short-code-page"]
const MAX_COUNT = 100_000

const usage = (userMessage: string) => new CliError.UserError({ cause: new Error(userMessage), userMessage })

interface Options {
  readonly profile: "spec" | "strict"
  readonly baseUrl: string
  readonly nulls: boolean
}

const arbitraryFor = (kind: Kind, invalid: boolean, options: Options): fc.Arbitrary<unknown> => {
  switch (kind) {
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
    case "phone-number":
      // The strict profile's documents, valid under both; --base-url sets their url.
      return invalid ? invalidPhoneNumber(options) : phoneNumber(options)
    case "phone-number-sid":
      return invalid ? invalidPhoneNumberSid() : phoneNumberSid()
    case "alpha-sender":
      // A near miss breaks one text rule at alpha_sender: invalid under the strict profile (the spec takes any string).
      return invalid
        ? fc.tuple(alphaSenderWire(), invalidAlphaSenderText()).map(([wire, miss]) => ({
          value: { ...wire, alpha_sender: miss.value },
          rule: miss.rule,
          path: ["alpha_sender"]
        }))
        : alphaSenderWire()
  }
}

/** `shortcode-kit sample <kind>`: JSON lines of generated data, the same lines for the same seed. */
export const sampleCommand = Command.make("sample", {
  kind: Argument.Literals("kind", sampleKinds).pipe(Argument.withDescription(`What to generate: ${sampleKinds.join(", ")}`)),
  count: Flag.Int("count").pipe(
    Flag.withDefault(10),
    Flag.filter((n) => n >= 1 && n <= MAX_COUNT, (n) => `--count must be between 1 and ${MAX_COUNT}, received ${n}`),
    Flag.withDescription("How many values (default 10)")
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
    if (!PROFILED.includes(options.kind) && (profile !== undefined || baseUrl !== undefined || options.nulls)) {
      return yield* usage(`--profile, --base-url and --nulls apply to short-code and short-code-page, not to ${options.kind}`)
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
