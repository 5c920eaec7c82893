import { describeReceived, shortCodeWireKeys, type ValidationIssue } from "@shortcode-kit/schema"
import { shortCodeDomainToWire } from "./wireNames.js"

// The twilio SDK's ShortCodeInstance names its properties exactly as the schema's domain side does (its constructor
// copies `payload.account_sid` into `accountSid`, and so on), so the schema's declaration of the keys is the map.

/** Every ShortCode property: the SDK's (camelCase) name and the wire (snake_case) name, in Twilio's order. */
export const sdkToWire: ReadonlyArray<readonly [sdk: string, wire: string]> = Object.entries(shortCodeWireKeys)

/** The wire name's SDK name (`account_sid` -> `accountSid`), for the names that differ. */
export const wireToSdk: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(shortCodeDomainToWire).map(([sdk, wire]) => [wire, sdk])
)

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key)

/**
 * The `from` names of `pairs` that `input` has as own keys while lacking their `to` name: an object written with the
 * other naming. Never throws: an input whose keys cannot be read is the validator's to report.
 */
export const keysNamedTheOtherWay = (input: unknown, pairs: ReadonlyArray<readonly [from: string, to: string]>): Array<readonly [string, string]> => {
  if (typeof input !== "object" || input === null) return []
  try {
    if (Array.isArray(input)) return []
    return pairs.filter(([from, to]) => hasOwn(input, from) && !hasOwn(input, to))
  } catch {
    return []
  }
}

const valueOf = (input: object, key: string): unknown => {
  try {
    return (input as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

const sdkWirePairs = Object.entries(shortCodeDomainToWire)
const wireSdkPairs = Object.entries(wireToSdk)

/** Rule `wire.sdk-key`: a wire body with the SDK's name of a property (`accountSid` instead of `account_sid`). */
export const sdkKeyInWireIssues = (input: unknown): Array<ValidationIssue> =>
  keysNamedTheOtherWay(input, sdkWirePairs).map(([sdk, wire]) => ({
    path: [sdk],
    rule: "wire.sdk-key",
    message: `is the twilio SDK's name of ${wire}: a wire body names it ${wire}; validate an SDK ShortCodeInstance (or its toJSON()) with validateShortCodeInstance`,
    expected: wire,
    received: describeReceived(valueOf(input as object, sdk))
  }))

/** Rule `instance.wire-key`: an SDK instance with the wire name of a property (`account_sid` instead of `accountSid`). */
export const wireKeyInInstanceIssues = (input: unknown): Array<ValidationIssue> =>
  keysNamedTheOtherWay(input, wireSdkPairs).map(([wire, sdk]) => ({
    path: [wire],
    rule: "instance.wire-key",
    message: `is the wire name of ${sdk}: the twilio SDK's ShortCodeInstance names it ${sdk}; validate wire JSON with validateShortCode`,
    expected: sdk,
    received: describeReceived(valueOf(input as object, wire))
  }))
