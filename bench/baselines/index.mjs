// Every baseline of the validation benchmarks as a task, with the check that it does the work it stands for on
// the shared inputs (a baseline that accepted the invalid body would measure nothing).
import { invalidCreateFormBody, invalidShortCodeWire, validCreateFormBody, validShortCodeWire } from "../inputs.mjs"
import { ajvAll, ajvCreateForm, ajvFirst } from "./ajv.mjs"
import { regexCreateForm, regexIsShortCode, regexShortCodeIssues } from "./regex.mjs"
import { valibotCreateForm, valibotSafeParse, valibotShortCode } from "./valibot.mjs"
import { zodCreateForm, zodShortCode } from "./zod.mjs"

const valibot = valibotSafeParse(valibotShortCode)
const ajvForm = ajvCreateForm(ajvFirst.createRequest)
const ajvFormAll = ajvCreateForm(ajvAll.createRequest)

/** name -> [the function timed, a check of its answer on that input]. */
export const baselineTasks = {
  "ajv validate, valid": [() => ajvFirst.shortCode(validShortCodeWire), (r) => r === true],
  "ajv validate (allErrors), invalid": [() => ajvAll.shortCode(invalidShortCodeWire), (r) => r === false && ajvAll.shortCode.errors.length >= 2],
  "zod 4 safeParse, valid": [() => zodShortCode.safeParse(validShortCodeWire), (r) => r.success],
  "zod 4 safeParse, invalid": [() => zodShortCode.safeParse(invalidShortCodeWire), (r) => !r.success && r.error.issues.length >= 2],
  "valibot 1 safeParse, valid": [() => valibot(validShortCodeWire), (r) => r.success],
  "valibot 1 safeParse, invalid": [() => valibot(invalidShortCodeWire), (r) => !r.success && r.issues.length >= 2],
  "regex floor, valid": [() => regexIsShortCode(validShortCodeWire), (r) => r === true],
  "regex floor, invalid": [() => regexShortCodeIssues(invalidShortCodeWire), (r) => r.length === 2],
  "ajv validate, form valid": [() => ajvForm(validCreateFormBody), (r) => r === true],
  "ajv validate (allErrors), form invalid": [() => ajvFormAll(invalidCreateFormBody), (r) => r === false],
  "zod 4 safeParse, form valid": [() => zodCreateForm(validCreateFormBody), (r) => r.success],
  "zod 4 safeParse, form invalid": [() => zodCreateForm(invalidCreateFormBody), (r) => !r.success],
  "valibot 1 safeParse, form invalid": [() => valibotCreateForm(invalidCreateFormBody), (r) => !r.success],
  "regex floor, form valid": [() => regexCreateForm(validCreateFormBody), (r) => r === true]
}
