// The schema package's own figures: the Effect Schema APIs users call on the ShortCode codec. Imported by the root
// harness (`npm run bench`), which times them beside the baselines in one process.
import { Result, Schema } from "effect"
import { ShortCode, toValidationIssues } from "@shortcode-kit/schema"
import { invalidShortCodeWire, validShortCodeWire } from "../../../bench/inputs.mjs"

const isWire = Schema.is(Schema.toEncoded(ShortCode))
const decode = Schema.decodeUnknownSync(ShortCode)
const decodeResult = Schema.decodeUnknownResult(ShortCode)
const encode = Schema.encodeSync(ShortCode)
const domain = decode(validShortCodeWire)

/** name -> [the function timed, a check of its answer]. */
export const schemaTasks = {
  "Schema.is(toEncoded(ShortCode)), valid": [() => isWire(validShortCodeWire), (r) => r === true],
  "Schema.decodeUnknownSync(ShortCode), valid": [() => decode(validShortCodeWire), (r) => r.url instanceof URL && r.dateUpdated instanceof Date],
  "decodeUnknownResult + toValidationIssues, invalid": [
    () => {
      const result = decodeResult(invalidShortCodeWire, { errors: "all" })
      return Result.isFailure(result) ? toValidationIssues(result.failure.issue, invalidShortCodeWire) : []
    },
    (r) => r.length === 2
  ],
  "Schema.encodeSync(ShortCode)": [() => encode(domain), (r) => r.date_updated === validShortCodeWire.date_updated && r.url === validShortCodeWire.url],
  "JSON.stringify(domain value)": [() => JSON.stringify(domain), (r) => typeof r === "string"]
}

/** The rows this package reports: figure, subject task, baseline task, goal (minimum ratio) or null to report. */
export const schemaRows = [
  { figure: "wire type guard, valid input", subject: "Schema.is(toEncoded(ShortCode)), valid", baseline: "ajv validate, valid", goal: 1.0 },
  { figure: "full decode wire -> domain (brands, Date, URL)", subject: "Schema.decodeUnknownSync(ShortCode), valid", baseline: "ajv validate, valid", goal: 0.5 },
  { figure: "invalid input, every issue listed (Effect + flattening)", subject: "decodeUnknownResult + toValidationIssues, invalid", baseline: "zod 4 safeParse, invalid", goal: null },
  { figure: "encode domain -> wire", subject: "Schema.encodeSync(ShortCode)", baseline: "JSON.stringify(domain value)", goal: null }
]
