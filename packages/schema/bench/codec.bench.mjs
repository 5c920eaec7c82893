// The schema package's own figures: the Effect Schema APIs users call on the ShortCode codec. Imported by the root
// harness (`npm run bench`), which times them beside the baselines in one process.
import { Result, Schema } from "effect"
import { ShortCode, ShortCodePage, toValidationIssues } from "@shortcode-kit/schema"
import { invalidShortCodeWire, validShortCodeWire } from "../../../bench/inputs.mjs"

const isWire = Schema.is(Schema.toEncoded(ShortCode))
const decode = Schema.decodeUnknownSync(ShortCode)
const decodeResult = Schema.decodeUnknownResult(ShortCode)
const encode = Schema.encodeSync(ShortCode)
const domain = decode(validShortCodeWire)
// A user's derived schema (an annotated copy of ShortCode) and a page of 50 ShortCodes: both must keep the fast paths.
const decodeAnnotated = Schema.decodeUnknownSync(ShortCode.annotate({ title: "My short code" }))
const decodePage = Schema.decodeUnknownSync(ShortCodePage)
/** The number of ShortCodes in the page the page row decodes. */
export const PAGE_ITEMS = 50
const page = Object.freeze({
  short_codes: Object.freeze(Array.from({ length: PAGE_ITEMS }, () => validShortCodeWire)),
  meta: Object.freeze({
    page: 0,
    page_size: PAGE_ITEMS,
    first_page_url: `${validShortCodeWire.url.slice(0, validShortCodeWire.url.lastIndexOf("/"))}?PageSize=${PAGE_ITEMS}&Page=0`,
    previous_page_url: null,
    url: `${validShortCodeWire.url.slice(0, validShortCodeWire.url.lastIndexOf("/"))}?PageSize=${PAGE_ITEMS}&Page=0`,
    next_page_url: null,
    key: "short_codes"
  })
})

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
  "Schema.decodeUnknownSync(ShortCode.annotate(...)), valid": [
    () => decodeAnnotated(validShortCodeWire),
    (r) => r.url instanceof URL && r.dateUpdated instanceof Date
  ],
  "Schema.decodeUnknownSync(ShortCodePage), page of 50": [
    () => decodePage(page),
    (r) => r.shortCodes.length === PAGE_ITEMS && r.shortCodes.every((s) => s.url instanceof URL) && r.meta.url instanceof URL
  ],
  // The same 50 decodes one by one: the per-item cost with the same garbage to collect as a page (the single row's
  // median sample rarely includes a collection, a page's always does).
  "Schema.decodeUnknownSync(ShortCode) x 50": [
    () => {
      let last
      for (let i = 0; i < PAGE_ITEMS; i++) last = decode(page.short_codes[i])
      return last
    },
    (r) => r.url instanceof URL
  ],
  "Schema.encodeSync(ShortCode)": [() => encode(domain), (r) => r.date_updated === validShortCodeWire.date_updated && r.url === validShortCodeWire.url],
  "JSON.stringify(domain value)": [() => JSON.stringify(domain), (r) => typeof r === "string"]
}

/** The rows this package reports: figure, subject task, baseline task, goal (minimum ratio) or null to report. */
export const schemaRows = [
  { figure: "wire type guard, valid input", subject: "Schema.is(toEncoded(ShortCode)), valid", baseline: "ajv validate, valid", goal: 1.0 },
  { figure: "full decode wire -> domain (brands, Date, URL)", subject: "Schema.decodeUnknownSync(ShortCode), valid", baseline: "ajv validate, valid", goal: 0.5 },
  { figure: "invalid input, every issue listed (Effect + flattening)", subject: "decodeUnknownResult + toValidationIssues, invalid", baseline: "zod 4 safeParse, invalid", goal: null },
  {
    figure: "derived schema: ShortCode.annotate({ title }) decode",
    subject: "Schema.decodeUnknownSync(ShortCode.annotate(...)), valid",
    baseline: "Schema.decodeUnknownSync(ShortCode), valid",
    goal: 0.8
  },
  {
    figure: "ShortCodePage of 50 decode, per item",
    subject: "Schema.decodeUnknownSync(ShortCodePage), page of 50",
    baseline: "Schema.decodeUnknownSync(ShortCode), valid",
    goal: 0.5,
    perItem: PAGE_ITEMS
  },
  {
    figure: "ShortCodePage of 50 decode, vs 50 single decodes",
    subject: "Schema.decodeUnknownSync(ShortCodePage), page of 50",
    baseline: "Schema.decodeUnknownSync(ShortCode) x 50",
    goal: null
  },
  { figure: "encode domain -> wire", subject: "Schema.encodeSync(ShortCode)", baseline: "JSON.stringify(domain value)", goal: null }
]
