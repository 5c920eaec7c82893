import { Schema } from "effect"
import { ruleCheck } from "./rule.js"

/** A JSON integer (`type: integer` in JSON Schema), under the named rule `integer`. */
export const Integer = Schema.Finite.check(
  ruleCheck<number>("integer", (n) => Number.isSafeInteger(n), {
    message: "must be a whole number",
    expected: "integer"
  }, { jsonSchema: { type: "integer" } })
)
