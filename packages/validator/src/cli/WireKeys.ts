import { ShortCode, ShortCodePage, TwilioError, type ValidationIssue } from "@shortcode-kit/schema"
import type { Schema } from "effect"
import { differingNames, wireKeysOf } from "../internal/wireNames.js"
import { resourceKinds } from "./ResourceKinds.js"

/** The JSON resources of `validate`, by kind, with the schema that declares their wire keys. */
const resources: Readonly<Record<string, Schema.Top>> = {
  "short-code": ShortCode,
  "short-code-page": ShortCodePage,
  "twilio-error": TwilioError,
  ...Object.fromEntries(resourceKinds.flatMap(({ kind, codec, page }) => [[kind, codec], [`${kind}-page`, page]]))
}

/** A kind of `validate` whose input is a JSON resource. */
export type JsonKind = string

/** The rule of the issue below; the CLI's own, since the library accepts a document whose keys are all optional. */
export const WIRE_KEYS_RULE = "wire.keys"

const list = (names: ReadonlyArray<string>) => names.join(", ")

/**
 * An issue for an object whose keys are not the resource's wire keys: none of them at all (another resource, `{}`),
 * or camelCase names in place of snake_case ones, as the twilio SDK's objects and their `toJSON()` have (`sid`,
 * `capabilities` and `url` are the same in both, so an SDK object does have some wire keys). The spec profile makes
 * every key optional and ignores unknown ones, so such an object would otherwise be "valid" with nothing in it
 * checked. Not an object: undefined, the validator reports the type.
 */
export const missingWireKeysIssue = (kind: JsonKind, input: unknown): ValidationIssue | undefined => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
  const schema = resources[kind]
  if (schema === undefined) return undefined
  const wireKeys = wireKeysOf(schema)
  const keys = Object.keys(input)
  const camel = Object.entries(differingNames(schema)).filter(([domain, wire]) => keys.includes(domain) && !keys.includes(wire))
  if (camel.length === 0 && keys.some((key) => wireKeys.includes(key))) return undefined
  const message = camel.length === 0
    ? `has none of the ${kind} wire keys, so nothing in it could be checked`
    : `has the twilio SDK's camelCase keys where the wire has snake_case ones (${camel.map(([domain, wire]) => `${domain} for ${wire}`).join(", ")}), so they were not checked: this looks like an SDK object or its toJSON(); validate the wire JSON Twilio sent${kind === "short-code" ? ", or validate the SDK instance shape in code with validateShortCodeInstance from @shortcode-kit/validator" : ""}`
  return {
    path: [],
    rule: WIRE_KEYS_RULE,
    message,
    expected: `an object with the wire keys ${list(wireKeys)}`,
    received: keys.length === 0 ? "an object with no keys" : `an object with the keys ${list(keys)}`
  }
}
